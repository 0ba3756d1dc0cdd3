package dev.chatdirectory.provider.atomchat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatdirectory.AuthenticationException;
import dev.chatdirectory.ChatDirectoryException;
import dev.chatdirectory.InvalidRequestException;
import dev.chatdirectory.NotFoundException;
import dev.chatdirectory.http.HttpErrorResponse;
import dev.chatdirectory.http.JsonMappers;
import dev.chatdirectory.http.SecretRedactor;
import dev.chatdirectory.provider.atomchat.AtomChatProvider;
import feign.Feign;
import java.lang.reflect.Method;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("AtomChat's failure messages, operation by operation")
class AtomChatFailuresTest {

    private final AtomChatErrorMapper mapper = new AtomChatErrorMapper(
            AtomChatProvider.DESCRIPTOR, SecretRedactor.none(), Clock.systemUTC(), JsonMappers.shared());

    private ChatDirectoryException refusal(String operation, String status, String message) {
        return mapper.refusal(
                operation,
                new HttpErrorResponse(
                        200, Map.of(), "{\"failed\":{\"status\":\"" + status + "\",\"message\":\"" + message + "\"}}"));
    }

    @ParameterizedTest(name = "{0}: \"{1}\" is {2} {3}")
    @CsvSource(
            nullValues = "-",
            value = {
                // Operation rules: the same text means different things.
                "createUser, Invalid UID., InvalidRequestException, userId",
                "createUser, Invalid UID, InvalidRequestException, userId",
                "getUser, Invalid UID, NotFoundException, -",
                "getUser, Invalid UID., NotFoundException, -",
                "updateUser, Invalid UID, NotFoundException, -",
                "updateUser, Invalid UID., NotFoundException, -",
                "deleteUser, Invalid UID, NotFoundException, -",
                "deleteUser, Invalid UID., NotFoundException, -",
                "createGroup, GUID is not defined., InvalidRequestException, groupId",
                "createGroup, Group name is not defined., InvalidRequestException, name",
                "createGroup, Password required for Password Protected Group., InvalidRequestException, password",
                // Common rules, on whichever endpoint sends them.
                "createUser, User already exists, AlreadyExistsException, -",
                "createGroup, GUID must be unique., AlreadyExistsException, -",
                "getUser, User not registered, NotFoundException, -",
                "deleteGroup, GUID does not exist., NotFoundException, -",
                "addUsersToGroup, GUID does not exist., NotFoundException, -",
                "getGroupUserList, GUID does not exist., NotFoundException, -",
                "removeUsersFromGroup, Users not part of group., InvalidRequestException, UIDs",
                "banUsersFromGroup, Users not part of group., InvalidRequestException, UIDs",
                "unbanUsersFromGroup, Users not banned from group., InvalidRequestException, UIDs",
                // The default: a refusal naming no field, for an operation without a rule for the text...
                "getUserStatus, Invalid UID, InvalidRequestException, -",
                "createUser, Users already part of group., InvalidRequestException, -",
                "createUser, Someething Went Wrong. Please try after some time, InvalidRequestException, -",
                // ...and when the operation is unknown.
                "'', Invalid UID., InvalidRequestException, -",
                "'', User not registered, NotFoundException, -"
            })
    @DisplayName("each message maps to the exception its operation gives it")
    void table(String operation, String message, String type, String field) {
        ChatDirectoryException e = refusal(operation, "2001", message);

        assertThat(e.getClass().getSimpleName()).isEqualTo(type);
        if (e instanceof InvalidRequestException invalid) {
            assertThat(invalid.field().orElse(null)).isEqualTo(field);
        }
        assertThat(e.getMessage()).contains(message);
        assertThat(e.httpStatus()).isEqualTo(OptionalInt.of(200));
        assertThat(e.vendorCode()).contains("2001");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource({"invalid uid", "INVALID UID..", "'  Invalid UID. '"})
    @DisplayName("messages are compared ignoring case, surrounding blanks and trailing dots")
    void lenientText(String message) {
        assertThat(refusal("createUser", "2001", message))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.field()).contains("userId"));
        assertThat(refusal("getUser", "2001", message)).isInstanceOf(NotFoundException.class);
    }

    @Test
    @DisplayName("status 1010 or 1011 is an authentication failure, whatever the operation's rule for the text")
    void authenticationFirst() {
        assertThat(refusal("createUser", "1010", "Invalid UID.")).isInstanceOf(AuthenticationException.class);
        assertThat(refusal("getUser", "1011", "Incorrect API KEY.")).isInstanceOf(AuthenticationException.class);
    }

    @Test
    @DisplayName("every operation with rules of its own is an AtomChatApi endpoint, so no rule is misspelt")
    void operationsAreEndpoints() {
        assertThat(Arrays.stream(AtomChatApi.class.getDeclaredMethods()).map(Method::getName))
                .containsAll(AtomChatFailures.operations());
        assertThat(AtomChatFailures.operations()).isNotEmpty();
    }

    @Nested
    @DisplayName("tells the operation")
    class Operation {

        @Test
        @DisplayName("from Feign's method key, and none from a key that names no method")
        void fromMethodKey() throws NoSuchMethodException {
            Method createUser = AtomChatApi.class.getDeclaredMethod("createUser", Map.class);

            assertThat(AtomChatFailures.operation(Feign.configKey(AtomChatApi.class, createUser)))
                    .isEqualTo("createUser");
            assertThat(AtomChatFailures.operation("")).isEmpty();
            assertThat(AtomChatFailures.operation("createUser")).isEmpty();
            assertThat(AtomChatFailures.operation("AtomChatApi#createUser")).isEmpty();
        }
    }

    @Nested
    @DisplayName("tells answers from errors")
    class Answers {

        @Test
        @DisplayName("addUsersToGroup's 'Users already part of group.' with status 2001 is its answer")
        void addedNobody() {
            assertThat(AtomChatFailures.isAnswer("addUsersToGroup", "2001", "Users already part of group."))
                    .isTrue();
            assertThat(AtomChatFailures.isAnswer("addUsersToGroup", " 2001 ", "users already part of group"))
                    .isTrue();
        }

        @Test
        @DisplayName("the same text elsewhere, another text or another status is not")
        void notAnAnswer() {
            assertThat(AtomChatFailures.isAnswer("createUser", "2001", "Users already part of group."))
                    .isFalse();
            assertThat(AtomChatFailures.isAnswer("", "2001", "Users already part of group."))
                    .isFalse();
            assertThat(AtomChatFailures.isAnswer("addUsersToGroup", "2001", "GUID does not exist."))
                    .isFalse();
            assertThat(AtomChatFailures.isAnswer("addUsersToGroup", "1010", "Users already part of group."))
                    .isFalse();
            assertThat(AtomChatFailures.isAnswer("addUsersToGroup", "", "Users already part of group."))
                    .isFalse();
        }
    }
}
