package dev.chatdirectory.provider.cometchat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.InvalidRequestException;
import dev.chatdirectory.NotFoundException;
import dev.chatdirectory.ProviderConfig;
import dev.chatdirectory.ProviderProtocolException;
import dev.chatdirectory.RateLimitSettings;
import dev.chatdirectory.RetrySettings;
import dev.chatdirectory.model.User;
import dev.chatdirectory.model.UserCreate;
import dev.chatdirectory.testkit.SecretLeakCheck;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * CometChat answers in the shapes public third-party code, tests and logs show, beyond the
 * documented examples: bodies as the vendor writes them (escaped slashes, non-ASCII characters
 * escaped with surrogate pairs), auth tokens in create answers, validation details naming several
 * fields, and bulk (de)activation buckets echoing ids in another case, as PHP objects or per id.
 */
@DisplayName("CometChat answers seen beyond the documented examples")
class CometChatRealisticAnswersTest {

    /** The token of the created user, in the documented shape (uid, creation second, 30 hex digits). */
    private static final String TOKEN = "zoe-muller_16383540156641d37a023c75d26f4c22a21ff126";

    @RegisterExtension
    static WireMockExtension vendor = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private ChatDirectory directory;

    @BeforeEach
    void open() {
        directory = new CometChatProvider()
                .open(ProviderConfig.builder()
                        .endpoint(vendor.baseUrl() + "/v3")
                        .credential("appId", "abc123")
                        .credential("apiKey", "3f9c1ab2e7d04c55b8a1f0e2d3c4b5a6")
                        .retry(RetrySettings.none())
                        .rateLimit(RateLimitSettings.unlimited())
                        .build());
    }

    @AfterEach
    void close() {
        directory.close();
    }

    /** Answers every request with the body, written exactly as given. */
    private static void answer(int status, String body) {
        vendor.stubFor(any(anyUrl())
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody(body)));
    }

    @Nested
    @DisplayName("an auth token in a create answer")
    class AuthToken {

        private static final String CREATED = "{\"data\":{\"uid\":\"zoe-muller\",\"name\":\"Zo\\u00eb M\\u00fcller"
                + " \\ud83d\\ude80\",\"avatar\":\"https:\\/\\/cdn.example.com\\/avatars\\/zoe.png\","
                + "\"link\":\"https:\\/\\/example.com\\/u\\/zoe\",\"role\":\"default\","
                + "\"metadata\":{\"team\":\"Platform \\ud83c\\udf0d\",\"externalId\":\"1849031\"},"
                + "\"status\":\"offline\",\"createdAt\":1638354015,\"tags\":[\"engineer\"],"
                + "\"authToken\":\"" + TOKEN + "\"}}";

        private User create() {
            answer(200, CREATED);
            return directory
                    .users()
                    .create(UserCreate.builder("zoe-muller", "Zoë Müller 🚀").build());
        }

        @Test
        @DisplayName("is kept neither in the user's raw payload nor in its toString, while the rest is read")
        void notInUser() {
            User user = create();

            assertThat(user.name()).isEqualTo("Zoë Müller 🚀");
            assertThat(user.avatarUrl()).contains("https://cdn.example.com/avatars/zoe.png");
            assertThat(user.metadata()).isEqualTo(Map.of("team", "Platform 🌍", "externalId", "1849031"));
            assertThat(user.raw()).containsKeys("uid", "status", "tags").doesNotContainKey("authToken");
            assertThat(user.toString()).doesNotContain(TOKEN);
        }

        @Test
        @DisplayName("is masked in the body logged at TRACE")
        void maskedInLog() {
            String logFile = System.getProperty("org.slf4j.simpleLogger.logFile");
            assertThat(logFile).as("the TRACE log file set by the build").isNotBlank();

            create();

            List<String> lines = SecretLeakCheck.logLines(Path.of(logFile));
            assertThat(lines).as("the logged answer").anyMatch(line -> line.contains("\"authToken\":\"****\""));
            assertThat(lines).noneMatch(line -> line.contains(TOKEN));
        }

        @Test
        @DisplayName("is not repeated by the error of an answer that cannot be read")
        void notInErrors() {
            answer(200, CREATED.replace("\"uid\":\"zoe-muller\"", "\"uid\":{\"id\":\"zoe-muller\"}"));

            assertThatThrownBy(() -> directory
                            .users()
                            .create(UserCreate.builder("zoe-muller", "Zoë").build()))
                    .isInstanceOf(ProviderProtocolException.class)
                    .satisfies(e -> assertThat(String.valueOf(e) + e.getCause()).doesNotContain(TOKEN));
        }
    }

    @Nested
    @DisplayName("validation details")
    class ValidationDetails {

        private static final String ENVELOPE = "{\"error\":{\"message\":\"Failed to validate the data sent with the"
                + " request.\",\"devMessage\":\"Failed to validate the data sent with the request.\","
                + "\"source\":\"chat-api\",%s\"code\":\"ERR_BAD_REQUEST\"}}";

        private InvalidRequestException refusal(String details) {
            answer(400, ENVELOPE.formatted(details));
            try {
                directory.users().create(UserCreate.builder("zoe", "Zoë").build());
            } catch (InvalidRequestException e) {
                return e;
            }
            throw new AssertionError("the 400 answer was not an InvalidRequestException");
        }

        @Test
        @DisplayName("name every field CometChat blames with every message, in its order")
        void everyFieldAndMessage() {
            InvalidRequestException e = refusal("\"details\":{\"uid\":[\"The uid field is required.\"],"
                    + "\"name\":[\"The name may not be greater than 100 characters.\"],"
                    + "\"avatar\":[\"The avatar must be a valid URL.\","
                    + "\"The avatar may not be greater than 3000 characters.\"]},");

            assertThat(e.field()).as("no single field to blame").isEmpty();
            assertThat(e.rule())
                    .isEqualTo("uid: The uid field is required.; name: The name may not be greater than 100"
                            + " characters.; avatar: The avatar must be a valid URL. The avatar may not be greater"
                            + " than 3000 characters.");
            assertThat(e.getMessage()).startsWith(e.rule());
            assertThat(e.vendorCode()).contains("ERR_BAD_REQUEST");
            assertThat(e.httpStatus()).hasValue(400);
        }

        @Test
        @DisplayName("name every field even when the messages are long")
        void longMessages() {
            String longMessage = "The metadata may not be greater than 5000 characters; " + "x".repeat(400);
            InvalidRequestException e = refusal("\"details\":{\"metadata\":[\"" + longMessage + "\"],"
                    + "\"tags.0\":[\"The tags.0 field is required.\"]},");

            assertThat(e.rule())
                    .contains("metadata: The metadata may not")
                    .contains("tags.0: The tags.0 field is required.");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                one field, as an array      | "details":{"name":["The name field is required."]},  | name | The name field is required.
                one field, as a string      | "details":{"name":"The name field is required."},    | name | The name field is required.
                messages with escapes       | "details":{"avatar":["The avatar must be a valid URL: https:\\/\\/x"]}, | avatar | The avatar must be a valid URL: https://x
                no details                  | '' | '' | Failed to validate the data sent with the request.
                PHP empty array             | "details":[],                                        | '' | Failed to validate the data sent with the request.
                null details                | "details":null,                                      | '' | Failed to validate the data sent with the request.
                """)
        @DisplayName("read an object of arrays or of strings, and tolerate absent or empty details")
        void shapes(String shape, String details, String field, String rule) {
            InvalidRequestException e = refusal(details);

            assertThat(e.field()).isEqualTo(field.isEmpty() ? Optional.empty() : Optional.of(field));
            assertThat(e.rule()).isEqualTo(rule);
        }

        @Test
        @DisplayName("given as strings per field, several fields are all named too")
        void severalStrings() {
            InvalidRequestException e = refusal(
                    "\"details\":{\"uid\":\"The uid field is required.\",\"name\":\"The name field is required.\"},");

            assertThat(e.rule()).isEqualTo("uid: The uid field is required.; name: The name field is required.");
        }
    }

    @Nested
    @DisplayName("bulk (de)activation buckets")
    class Buckets {

        private boolean deactivate(String answer, String uid) {
            answer(200, answer);
            return directory.users().deactivate(uid);
        }

        private boolean reactivate(String answer, String uid) {
            answer(200, answer);
            return directory.users().reactivate(uid);
        }

        @Test
        @DisplayName("match the id in any case, as CometChat echoes ids as sent")
        void anyCase() {
            assertThat(deactivate("{\"data\":{\"deactivatedUids\":[\"SuperHero4\"]}}", "superhero4"))
                    .isTrue();
            assertThat(reactivate("{\"data\":{\"nonDeactivatedUids\":[\"SUPERHERO3\"]}}", "superhero3"))
                    .isFalse();
            assertThatThrownBy(() -> deactivate("{\"data\":{\"notFound\":[\"SuperHuman\"]}}", "superhuman"))
                    .isInstanceOf(NotFoundException.class);
        }

        @Test
        @DisplayName("treat absent buckets as empty and read a PHP object of ids as a bucket")
        void absentAndObjectBuckets() {
            assertThat(deactivate(
                            "{\"data\":{\"deactivatedUids\":[\"superhero4\"],"
                                    + "\"alreadyDeactivatedUids\":{\"1\":\"superhero5\"}}}",
                            "superhero5"))
                    .isFalse();
            assertThat(reactivate("{\"data\":{\"reactivatedUids\":{\"0\":\"superhero2\"}}}", "superhero2"))
                    .isTrue();
        }

        @Test
        @DisplayName("read the older per-id answer: success is changed, CometChat's not-found code is not found")
        void perIdAnswer() {
            assertThat(reactivate(
                            "{\"data\":{\"SuperHero3\":{\"success\":true,\"message\":\"User with superhero3 has been"
                                    + " activated successfully.\"}}}",
                            "superhero3"))
                    .isTrue();
            assertThatThrownBy(() -> reactivate(
                            "{\"data\":{\"ghost\":{\"success\":false,\"error\":{\"message\":\"The UID ghost does not"
                                    + " exist.\",\"code\":\"ERR_UID_NOT_FOUND\"}}}}",
                            "ghost"))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> reactivate(
                            "{\"data\":{\"superhero3\":{\"success\":false,\"message\":\"Failed.\"}}}", "superhero3"))
                    .isInstanceOf(ProviderProtocolException.class);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                only another id                    | {"data":{"deactivatedUids":["bob"]}}
                PHP empty array for data           | {"data":[]}
                an empty data object               | {"data":{}}
                an unknown bucket                  | {"data":{"failedUids":["ann"]}}
                changed and not found at once      | {"data":{"deactivatedUids":["ann"],"notFound":["ann"]}}
                """)
        @DisplayName("never take an id in no bucket, in an unknown one or in several as done")
        void noSilentSuccess(String what, String answer) {
            assertThatThrownBy(() -> deactivate(answer, "ann")).isInstanceOf(ProviderProtocolException.class);
        }
    }
}
