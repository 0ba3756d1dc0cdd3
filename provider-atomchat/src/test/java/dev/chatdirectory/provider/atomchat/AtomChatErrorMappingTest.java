package dev.chatdirectory.provider.atomchat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.chatdirectory.AlreadyExistsException;
import dev.chatdirectory.AuthenticationException;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.ChatDirectoryException;
import dev.chatdirectory.InvalidRequestException;
import dev.chatdirectory.ProviderProtocolException;
import dev.chatdirectory.ProviderUnavailableException;
import dev.chatdirectory.RateLimitedException;
import dev.chatdirectory.model.UserCreate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("AtomChat failures")
class AtomChatErrorMappingTest {

    private StubAtomChat stub;
    private ChatDirectory directory;

    @BeforeEach
    void start() {
        stub = new StubAtomChat();
        directory = stub.open();
    }

    @AfterEach
    void stop() {
        directory.close();
        stub.close();
    }

    private static String failed(String status, String message) {
        return "{\"failed\":{\"status\":\"" + status + "\",\"message\":\"" + message + "\"}}";
    }

    private Throwable create() {
        return catchThrowable(
                () -> directory.users().create(UserCreate.builder("u42", "Jane").build()));
    }

    @Nested
    @DisplayName("in a failed envelope with HTTP 200")
    class FailedEnvelope {

        @ParameterizedTest(name = "\"{0}\" is {1}")
        @CsvSource({
            "User already exists, AlreadyExistsException",
            "GUID must be unique., AlreadyExistsException",
            "Users already part of group., InvalidRequestException",
            "Invalid UID, InvalidRequestException",
            "Invalid UID., InvalidRequestException",
            "User not registered, NotFoundException",
            "GUID does not exist., NotFoundException",
            "Invalid Sender or Receiver UID, InvalidRequestException",
            "Users not part of group., InvalidRequestException",
            "GUID is not defined., InvalidRequestException",
            "Group name is not defined., InvalidRequestException",
            "Password required for Password Protected Group., InvalidRequestException",
            "Someething Went Wrong. Please try after some time, InvalidRequestException"
        })
        @DisplayName("answering createUser is mapped by its message, as createUser's rules and the common ones say")
        void byMessage(String message, String type) {
            stub.reply("createUser", failed("2001", message));
            Throwable thrown = create();
            assertThat(thrown.getClass().getSimpleName()).isEqualTo(type);
            ChatDirectoryException e = (ChatDirectoryException) thrown;
            assertThat(e.providerId()).contains("atomchat");
            assertThat(e.httpStatus()).isEqualTo(OptionalInt.of(200));
            assertThat(e.vendorCode()).contains("2001");
            assertThat(e.getMessage()).contains(message);
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"user ALREADY exists", "User already exists.", "  USER ALREADY EXISTS..  "})
        @DisplayName("is compared ignoring case and trailing dots")
        void lenientText(String message) {
            stub.reply("createUser", failed("2001", message));
            assertThat(create()).isInstanceOf(AlreadyExistsException.class);
        }

        @Test
        @DisplayName("keeps a numeric status and ignores sibling keys such as error")
        void numericStatus() {
            stub.reply(
                    "createUser",
                    "{\"error\":\"db\",\"failed\":{\"status\":2001,\"message\":\"User already exists\"}}");
            assertThat(create())
                    .isInstanceOf(AlreadyExistsException.class)
                    .satisfies(e -> assertThat(((ChatDirectoryException) e).vendorCode())
                            .contains("2001"));
        }

        @ParameterizedTest(name = "status {0}: \"{1}\"")
        @CsvSource({"1010, Invalid API KEY", "1010, Invalid API KEY.", "1011, Incorrect API KEY."})
        @DisplayName("with status 1010 or 1011 is an AuthenticationException that does not repeat the vendor's text")
        void authentication(String status, String message) {
            stub.reply("getUser", failed(status, message));
            Throwable thrown = catchThrowable(() -> directory.users().get("u42"));
            assertThat(thrown).isInstanceOf(AuthenticationException.class).hasMessageNotContaining(message);
            assertThat(((ChatDirectoryException) thrown).vendorCode()).contains(status);
            assertThat(stub.calls("getUser")).isEqualTo(1);
        }

        @Test
        @DisplayName("is not retried")
        void notRetried() {
            stub.reply("getUser", failed("2001", "Something odd"));
            assertThat(catchThrowable(() -> directory.users().get("u42"))).isInstanceOf(InvalidRequestException.class);
            assertThat(stub.calls("getUser")).isEqualTo(1);
        }
    }

    @Nested
    @DisplayName("in a reply that is not an envelope")
    class Malformed {

        @ParameterizedTest(name = "body [{0}]")
        @ValueSource(
                strings = {
                    "",
                    "<html>502 Bad Gateway</html>",
                    "[]",
                    "\"success\"",
                    "{}",
                    "{\"status\":\"2000\",\"message\":\"ok\"}",
                    "{\"success\":true}",
                    "{\"success\":{\"status\":\"2001\",\"message\":\"odd\"}}",
                    "{\"success\":{\"status\":\"2000\"},\"failed\":{\"status\":\"2001\"}}",
                    "{\"success\":{\"status\":\"2000\",\"data\":{\"user\":{\"name\":\"no uid\"}}}}",
                    "{\"success\":{\"status\":\"2000\",\"data\":[]}}"
                })
        @DisplayName("is a ProviderProtocolException, never a NullPointerException")
        void protocolError(String body) {
            stub.reply("getUser", body);
            Throwable thrown = catchThrowable(() -> directory.users().get("u42"));
            assertThat(thrown).isInstanceOf(ProviderProtocolException.class);
            assertThat(((ChatDirectoryException) thrown).providerId()).contains("atomchat");
        }

        @Test
        @DisplayName("a group list with an unknown type number is a ProviderProtocolException")
        void unknownGroupType() {
            stub.reply(
                    "getGroupList",
                    "{\"success\":{\"status\":\"2000\",\"data\":[{\"guid\":\"g1\",\"name\":\"G\",\"type\":\"9\"}]}}");
            assertThatThrownBy(() -> directory.groups().get("g1")).isInstanceOf(ProviderProtocolException.class);
        }

        @Test
        @DisplayName("a member list keyed by other GUIDs than the one asked for is an error, not an empty group")
        void memberListOfOtherGroup() {
            stub.reply("getGroupUserList", "{\"success\":{\"status\":\"2000\",\"data\":{\"g2\":[{\"uid\":\"u1\"}]}}}");
            assertThatThrownBy(() -> directory.members().list("g1", dev.chatdirectory.model.MemberQuery.all()))
                    .isInstanceOf(ProviderProtocolException.class);
        }
    }

    @Nested
    @DisplayName("at the HTTP level")
    class HttpLevel {

        @Test
        @DisplayName(
                "404 means the endpoint does not reach AtomChat's v2 API: a ProviderProtocolException, never 'not found'")
        void notFoundStatus() {
            stub.reply(
                    "getUser",
                    aResponse()
                            .withStatus(404)
                            .withBody("{\"failed\":{\"status\":\"404\",\"message\":\"Unknown endpoint\"}}"));
            Throwable thrown = catchThrowable(() -> directory.users().get("u42"));
            assertThat(thrown).isInstanceOf(ProviderProtocolException.class);
            assertThat(((ChatDirectoryException) thrown).httpStatus()).isEqualTo(OptionalInt.of(404));
            assertThat(catchThrowable(() -> directory.users().delete("u42")))
                    .isInstanceOf(ProviderProtocolException.class);
        }

        @Test
        @DisplayName("429 is a RateLimitedException with the Retry-After wait, after the reads' retries")
        void rateLimited() {
            stub.reply(
                    "getUser",
                    aResponse()
                            .withStatus(429)
                            .withHeader("Retry-After", "0")
                            .withBody("{\"failed\":{\"status\":\"429\",\"message\":\"Too many requests.\"}}"));
            assertThat(catchThrowable(() -> directory.users().get("u42"))).isInstanceOf(RateLimitedException.class);
            assertThat(stub.calls("getUser")).isEqualTo(Directories.FAST_RETRIES.maxAttempts());
        }

        @Test
        @DisplayName("503 is a ProviderUnavailableException after the reads' retries")
        void unavailable() {
            stub.reply("getUser", aResponse().withStatus(503));
            assertThat(catchThrowable(() -> directory.users().get("u42")))
                    .isInstanceOf(ProviderUnavailableException.class);
            assertThat(stub.calls("getUser")).isEqualTo(Directories.FAST_RETRIES.maxAttempts());
        }

        @Test
        @DisplayName("a createUser whose answer is lost is not sent again when getUser finds the user")
        void guardedCreate() {
            stub.reply("createUser", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
                    .reply("getUser", AtomChatResponseExamplesTest.GET_USER);
            assertThat(directory
                            .users()
                            .create(UserCreate.builder("u42", "Jane Roe").build())
                            .id())
                    .isEqualTo("u42");
            assertThat(stub.calls("createUser")).isEqualTo(1);
        }
    }

    @Nested
    @DisplayName("and the API key")
    class ApiKey {

        @Test
        @DisplayName("never appears in an exception, even when AtomChat echoes it")
        void neverInExceptions() {
            String key = StubAtomChat.API_KEY;
            String masked = key.substring(0, 5) + "*****" + key.substring(key.length() - 5);
            List<Throwable> thrown = new ArrayList<>();
            stub.reply("createUser", failed("2001", "Key " + key + " may not create users, " + masked));
            thrown.add(create());
            stub.reply("getUser", failed("1010", "Invalid API KEY " + key));
            thrown.add(catchThrowable(() -> directory.users().get("u42")));
            stub.reply("getUser", "not json " + key);
            thrown.add(catchThrowable(() -> directory.users().get("u42")));
            stub.reply("getUser", aResponse().withStatus(500).withBody(failed("500", "crash for " + key)));
            thrown.add(catchThrowable(() -> directory.users().get("u42")));
            stub.reply("getUser", aResponse().withStatus(429).withBody(failed("429", "slow down " + key)));
            thrown.add(catchThrowable(() -> directory.users().get("u42")));
            assertThat(thrown).hasSize(5).allSatisfy(t -> {
                assertThat(t).isInstanceOf(ChatDirectoryException.class);
                for (Throwable c = t; c != null; c = c.getCause()) {
                    assertThat(String.valueOf(c.getMessage()))
                            .doesNotContain(key)
                            .doesNotContain(masked);
                    assertThat(c.toString()).doesNotContain(key);
                }
            });
            assertThat(thrown.get(0).getMessage()).contains("may not create users");
            assertThat(directory.toString()).doesNotContain(key);
            assertThat(Directories.config(stub.baseUrl(), key).toString()).doesNotContain(key);
        }
    }
}
