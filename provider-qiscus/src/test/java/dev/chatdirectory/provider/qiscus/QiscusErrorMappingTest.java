package dev.chatdirectory.provider.qiscus;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.chatdirectory.AuthenticationException;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.ChatDirectoryException;
import dev.chatdirectory.InvalidRequestException;
import dev.chatdirectory.NotFoundException;
import dev.chatdirectory.ProviderProtocolException;
import dev.chatdirectory.ProviderUnavailableException;
import dev.chatdirectory.RateLimitedException;
import dev.chatdirectory.emulator.qiscus.QiscusEmulator;
import dev.chatdirectory.model.GroupCreate;
import dev.chatdirectory.model.GroupType;
import dev.chatdirectory.model.MemberQuery;
import dev.chatdirectory.model.UserQuery;
import dev.chatdirectory.model.UserUpdate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Qiscus errors")
class QiscusErrorMappingTest extends StubServerSupport {

    private static String envelope(int status, String message) {
        return "{\"error\":{\"message\":\"" + message + "\",\"detailed_messages\":[\"" + message + "\"]},\"status\":"
                + status + "}";
    }

    private static void assertContext(ChatDirectoryException e, int status) {
        assertThat(e.providerId()).contains("qiscus");
        assertThat(e.httpStatus()).hasValue(status);
        assertThat(e.vendorCode()).as("Qiscus sends no error codes").isEmpty();
    }

    @Nested
    @DisplayName("authentication")
    class Authentication {

        @Test
        @DisplayName("401 is an AuthenticationException, not retried, without the vendor's text")
        void unauthorized() {
            answer("user_profile", 401, envelope(401, "unauthorized: invalid app id"));
            AuthenticationException e = catchThrowableOfType(
                    AuthenticationException.class, () -> directory.users().get("zoe"));
            assertContext(e, 401);
            assertThat(e.getMessage()).doesNotContain("invalid app id");
            assertThat(count("user_profile")).isEqualTo(1);
        }

        @Test
        @DisplayName("403 is an AuthenticationException too, not retried")
        void forbidden() {
            answer("get_user_list", 403, envelope(403, "forbidden"));
            AuthenticationException e = catchThrowableOfType(
                    AuthenticationException.class, () -> directory.users().list(UserQuery.all()));
            assertContext(e, 403);
            assertThat(count("get_user_list")).isEqualTo(1);
        }

        @Test
        @DisplayName("the emulator's answer to a wrong secret key is an AuthenticationException")
        void wrongSecretAtTheEmulator() {
            try (QiscusEmulator emulator = new QiscusEmulator().start();
                    ChatDirectory wrong = QiscusProvider.builder()
                            .config(config().endpoint(emulator.baseUrl())
                                    .credential("appId", emulator.appId())
                                    .credential("secret", "0000000000000000")
                                    .build())
                            .build()) {
                assertThatThrownBy(() -> wrong.users().get("zoe")).isInstanceOf(AuthenticationException.class);
            }
        }
    }

    @Nested
    @DisplayName("missing users and rooms")
    class Missing {

        @Test
        @DisplayName("'user not found' with 400 or 404 makes a lookup empty")
        void userNotFound() {
            answer("user_profile", 400, envelope(400, "user not found"));
            assertThat(directory.users().get("zoe")).isEmpty();
            answer("user_profile", 404, envelope(404, "User not found."));
            assertThat(directory.users().get("zoe")).isEmpty();
        }

        @Test
        @DisplayName("'user not found' is a NotFoundException where the user must exist")
        void userMustExist() {
            answer("user_profile", 400, envelope(400, "user not found"));
            NotFoundException e = catchThrowableOfType(
                    NotFoundException.class,
                    () -> directory
                            .users()
                            .update("zoe", UserUpdate.builder().name("Z").build()));
            assertThat(e.providerId()).contains("qiscus");
        }

        @Test
        @DisplayName("'room not found' (400) is a NotFoundException with the status")
        void roomNotFound() {
            answer("get_room_participants", 400, envelope(400, "room not found"));
            NotFoundException e = catchThrowableOfType(
                    NotFoundException.class, () -> directory.members().list("1", MemberQuery.all()));
            assertContext(e, 400);
        }

        @Test
        @DisplayName("a 404 for the endpoint itself is a ProviderProtocolException pointing at the endpoint setting")
        void unknownRoute() {
            answer("user_profile", 404, "{\"errors\":{\"detail\":\"Not Found\"}}");
            ProviderProtocolException e = catchThrowableOfType(
                    ProviderProtocolException.class, () -> directory.users().get("zoe"));
            assertContext(e, 404);
            assertThat(e.getMessage()).contains("endpoint");
        }
    }

    @Nested
    @DisplayName("refusals")
    class Refusals {

        @Test
        @DisplayName("other 400s are InvalidRequestExceptions carrying Qiscus's message")
        void badRequest() {
            answer(
                    "user_profile",
                    200,
                    "{\"results\":{\"user\":{\"user_id\":\"zoe\",\"username\":\"Z\"}},\"status\":200}");
            answer("create_room", 400, envelope(400, "room_name is required"));
            InvalidRequestException e = catchThrowableOfType(
                    InvalidRequestException.class,
                    () -> directory
                            .groups()
                            .create(GroupCreate.withoutId("X", GroupType.PRIVATE)
                                    .ownerId("zoe")
                                    .build()));
            assertContext(e, 400);
            assertThat(e.getMessage()).contains("room_name is required");
        }

        @Test
        @DisplayName("a message only in detailed_messages is used")
        void detailedMessages() {
            answer("get_user_list", 400, "{\"error\":{\"detailed_messages\":[\"limit is invalid\"]},\"status\":400}");
            assertThatThrownBy(() -> directory.users().list(UserQuery.all()))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("limit is invalid");
        }

        @Test
        @DisplayName("an error body that is not JSON is mapped by status")
        void htmlError() {
            answer("get_user_list", 400, "<html>Bad Request</html>");
            assertThatThrownBy(() -> directory.users().list(UserQuery.all()))
                    .isInstanceOf(InvalidRequestException.class);
        }
    }

    @Nested
    @DisplayName("transient failures")
    class Transient {

        @Test
        @DisplayName("429 with Retry-After is retried and gives RateLimitedException when it persists")
        void rateLimited() {
            answer(
                    "get_user_list",
                    aResponse()
                            .withStatus(429)
                            .withHeader("Retry-After", "0")
                            .withBody(envelope(429, "too many requests")));
            RateLimitedException e = catchThrowableOfType(
                    RateLimitedException.class, () -> directory.users().list(UserQuery.all()));
            assertContext(e, 429);
            assertThat(count("get_user_list")).isEqualTo(3);
        }

        @Test
        @DisplayName("5xx on a read is retried, then a ProviderUnavailableException")
        void serverErrorOnRead() {
            answer("get_user_list", 500, envelope(500, "unexpected"));
            assertThatThrownBy(() -> directory.users().list(UserQuery.all()))
                    .isInstanceOf(ProviderUnavailableException.class);
            assertThat(count("get_user_list")).isEqualTo(3);
        }

        @Test
        @DisplayName("5xx on create_room is not repeated: a second room must not appear")
        void serverErrorOnCreate() {
            answer(
                    "user_profile",
                    200,
                    "{\"results\":{\"user\":{\"user_id\":\"zoe\",\"username\":\"Z\"}},\"status\":200}");
            answer("create_room", 500, envelope(500, "unexpected"));
            assertThatThrownBy(() -> directory
                            .groups()
                            .create(GroupCreate.withoutId("X", GroupType.PRIVATE)
                                    .ownerId("zoe")
                                    .build()))
                    .isInstanceOf(ProviderUnavailableException.class);
            assertThat(count("create_room")).isEqualTo(1);
        }

        @Test
        @DisplayName("a connection reset on create_room is not repeated either")
        void resetOnCreate() {
            answer(
                    "user_profile",
                    200,
                    "{\"results\":{\"user\":{\"user_id\":\"zoe\",\"username\":\"Z\"}},\"status\":200}");
            answer("create_room", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
            assertThatThrownBy(() -> directory
                            .groups()
                            .create(GroupCreate.withoutId("X", GroupType.PRIVATE)
                                    .ownerId("zoe")
                                    .build()))
                    .isInstanceOf(ProviderUnavailableException.class);
            assertThat(count("create_room")).isEqualTo(1);
        }

        @Test
        @DisplayName("503 on create_room is not sent again: a gateway's 503 may follow a room Qiscus created")
        void unavailableOnCreate() {
            answer(
                    "user_profile",
                    200,
                    "{\"results\":{\"user\":{\"user_id\":\"zoe\",\"username\":\"Z\"}},\"status\":200}");
            answer("create_room", 503, envelope(503, "maintenance"));
            assertThatThrownBy(() -> directory
                            .groups()
                            .create(GroupCreate.withoutId("X", GroupType.PRIVATE)
                                    .ownerId("zoe")
                                    .build()))
                    .isInstanceOf(ProviderUnavailableException.class);
            assertThat(count("create_room")).isEqualTo(1);
        }
    }

    @Nested
    @DisplayName("malformed answers")
    class Malformed {

        @Test
        @DisplayName("a 200 that is not JSON, is empty, or lacks results is a ProviderProtocolException")
        void notTheEnvelope() {
            answer("get_user_list", 200, "<html>maintenance</html>");
            assertThatThrownBy(() -> directory.users().list(UserQuery.all()))
                    .isInstanceOf(ProviderProtocolException.class);
            answer("get_user_list", 200, "");
            assertThatThrownBy(() -> directory.users().list(UserQuery.all()))
                    .isInstanceOf(ProviderProtocolException.class);
            answer("get_user_list", 200, "{\"status\":200}");
            assertThatThrownBy(() -> directory.users().list(UserQuery.all()))
                    .isInstanceOf(ProviderProtocolException.class)
                    .hasMessageContaining("results");
        }

        @Test
        @DisplayName("a user without user_id, or users that are not a list, is a ProviderProtocolException")
        void wrongFields() {
            answer("user_profile", 200, "{\"results\":{\"user\":{\"username\":\"no id\"}},\"status\":200}");
            assertThatThrownBy(() -> directory.users().get("zoe"))
                    .isInstanceOf(ProviderProtocolException.class)
                    .hasMessageContaining("user_id");
            answer("get_user_list", 200, "{\"results\":{\"users\":{\"a\":1}},\"status\":200}");
            assertThatThrownBy(() -> directory.users().list(UserQuery.all()))
                    .isInstanceOf(ProviderProtocolException.class)
                    .hasMessageContaining("users");
        }

        @Test
        @DisplayName(
                "get_room_participants repeating its first page is a ProviderProtocolException, not an endless loop")
        void repeatedPages() {
            StringBuilder participants = new StringBuilder();
            for (int i = 0; i < 100; i++) {
                participants
                        .append(i == 0 ? "" : ",")
                        .append("{\"user_id\":\"u")
                        .append(i)
                        .append("\"}");
            }
            answer(
                    "get_room_participants",
                    200,
                    "{\"results\":{\"participants\":[" + participants + "]},\"status\":200}");
            assertThatThrownBy(() -> directory.members().remove("1", java.util.List.of("u1")))
                    .isInstanceOf(ProviderProtocolException.class);
        }
    }
}
