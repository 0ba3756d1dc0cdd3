package dev.chatdirectory.provider.cometchat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.chatdirectory.AlreadyExistsException;
import dev.chatdirectory.AuthenticationException;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.ChatDirectoryException;
import dev.chatdirectory.ConfigurationException;
import dev.chatdirectory.InvalidRequestException;
import dev.chatdirectory.NotFoundException;
import dev.chatdirectory.PermissionDeniedException;
import dev.chatdirectory.ProviderConfig;
import dev.chatdirectory.ProviderProtocolException;
import dev.chatdirectory.ProviderUnavailableException;
import dev.chatdirectory.RateLimitSettings;
import dev.chatdirectory.RateLimitedException;
import dev.chatdirectory.RetrySettings;
import dev.chatdirectory.model.BatchResult;
import dev.chatdirectory.model.FailureReason;
import dev.chatdirectory.model.GroupCreate;
import dev.chatdirectory.model.GroupType;
import dev.chatdirectory.model.ItemOutcome;
import dev.chatdirectory.model.MemberRole;
import dev.chatdirectory.model.MemberSpec;
import dev.chatdirectory.model.OutcomeStatus;
import dev.chatdirectory.model.UserCreate;
import dev.chatdirectory.model.UserQuery;
import dev.chatdirectory.model.UserUpdate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CometChat's error answers, as the reference documents them, become the API's exceptions with
 * provider id, HTTP status and CometChat code; malformed answers become protocol errors.
 */
@DisplayName("CometChat errors")
class CometChatErrorMappingTest {

    /** A 32-character key, as CometChat's are; its masked echo is {@value #MASKED_KEY}. */
    static final String API_KEY = "3f9c1ab2e7d04c55b8a1f0e2d3c4b5a6";

    static final String MASKED_KEY = "3f9c1**********************4b5a6";
    static final Instant NOW = Instant.ofEpochSecond(1_625_143_231L);

    @RegisterExtension
    static WireMockExtension vendor = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private ChatDirectory directory;

    @BeforeEach
    void open() {
        directory = CometChatProvider.builder()
                .config(ProviderConfig.builder()
                        .endpoint(vendor.baseUrl() + "/v3")
                        .credential("appId", "abc123")
                        .credential("apiKey", API_KEY)
                        .retry(RetrySettings.none())
                        .rateLimit(RateLimitSettings.unlimited())
                        .build())
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build();
    }

    @AfterEach
    void close() {
        directory.close();
    }

    static String error(String code, String message) {
        return "{\"error\":{\"message\":\"" + message + "\",\"devMessage\":\"" + message
                + "\",\"source\":\"chat-api\",\"code\":\"" + code + "\"}}";
    }

    private static void answer(int status, String body) {
        vendor.stubFor(any(anyUrl())
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody(body)));
    }

    private static void assertContext(ChatDirectoryException e, int status, String code) {
        assertThat(e.providerId()).contains("cometchat-v3");
        assertThat(e.httpStatus()).hasValue(status);
        assertThat(e.vendorCode()).contains(code);
    }

    static Stream<Arguments> documentedErrors() {
        Consumer<ChatDirectory> updateUser =
                d -> d.users().update("ann", UserUpdate.builder().name("A").build());
        Consumer<ChatDirectory> createUser =
                d -> d.users().create(UserCreate.builder("ann", "Ann").build());
        Consumer<ChatDirectory> createGroup = d -> d.groups()
                .create(GroupCreate.builder("g1", "G", GroupType.PUBLIC).build());
        Consumer<ChatDirectory> listUsers = d -> d.users().list(UserQuery.all());
        Consumer<ChatDirectory> changeRole = d -> d.members().changeRole("g1", "ann", MemberRole.ADMIN);
        return Stream.of(
                Arguments.of(401, "AUTH_ERR_APIKEY_NOT_FOUND", listUsers, AuthenticationException.class),
                Arguments.of(401, "AUTH_ERR_EMPTY_APIKEY", listUsers, AuthenticationException.class),
                Arguments.of(403, "AUTH_ERR_NO_ACCESS", listUsers, AuthenticationException.class),
                Arguments.of(401, "AUTH_ERR_INVALID_APPID", listUsers, AuthenticationException.class),
                Arguments.of(400, "ERR_BAD_REQUEST", createUser, InvalidRequestException.class),
                Arguments.of(404, "ERR_API_NOT_FOUND", listUsers, ConfigurationException.class),
                Arguments.of(404, "ERR_UID_NOT_FOUND", updateUser, NotFoundException.class),
                // Codes win over statuses: a 400 with a not-found code is still "not found".
                Arguments.of(400, "ERR_UID_NOT_FOUND", updateUser, NotFoundException.class),
                Arguments.of(400, "ERR_UID_ALREADY_EXISTS", createUser, AlreadyExistsException.class),
                Arguments.of(404, "ERR_GUID_NOT_FOUND", changeRole, NotFoundException.class),
                Arguments.of(400, "ERR_GUID_ALREADY_EXISTS", createGroup, AlreadyExistsException.class),
                Arguments.of(404, "ERR_NOT_A_MEMBER", changeRole, NotFoundException.class),
                Arguments.of(404, "ERR_ROLE_NOT_FOUND", createUser, InvalidRequestException.class),
                Arguments.of(400, "ERR_EMPTY_GROUP_PASS", createGroup, InvalidRequestException.class),
                Arguments.of(403, "ERR_GROUP_NO_SCOPE_CLEARANCE", changeRole, PermissionDeniedException.class),
                Arguments.of(403, "ERR_PLAN_QUOTA_RESTRICTION", createUser, PermissionDeniedException.class),
                Arguments.of(500, "ERR_EXCEPTION", listUsers, ProviderUnavailableException.class),
                Arguments.of(400, "ERR_MEMBER_SCOPE_CHANGE_FAILED", changeRole, ProviderUnavailableException.class),
                Arguments.of(429, "ERR_TOO_MANY_REQUESTS", listUsers, RateLimitedException.class),
                // An unknown code falls back to the status.
                Arguments.of(403, "ERR_SOMETHING_NEW", listUsers, PermissionDeniedException.class));
    }

    @ParameterizedTest(name = "HTTP {0} {1} -> {3}")
    @MethodSource("documentedErrors")
    @DisplayName("each documented code becomes its exception, with provider, status and code")
    void documentedCodes(
            int status, String code, Consumer<ChatDirectory> call, Class<? extends ChatDirectoryException> type) {
        answer(status, error(code, "Some text from CometChat."));
        assertThatThrownBy(() -> call.accept(directory))
                .isInstanceOf(type)
                .satisfies(e -> assertContext((ChatDirectoryException) e, status, code));
    }

    @Test
    @DisplayName("a validation error names the field CometChat blames and its message")
    void validationDetails() {
        answer(
                400,
                "{\"error\":{\"message\":\"Failed to validate the data sent with the request.\",\"devMessage\":"
                        + "\"Failed to validate the data sent with the request.\",\"source\":\"chat-api\","
                        + "\"code\":\"ERR_BAD_REQUEST\",\"details\":{\"avatar\":[\"The avatar must be a valid URL.\"]}}}");
        assertThatThrownBy(() -> directory
                        .users()
                        .create(UserCreate.builder("ann", "Ann").build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.field()).contains("avatar");
                    assertThat(e.rule()).isEqualTo("The avatar must be a valid URL.");
                });
    }

    @Nested
    @DisplayName("authentication")
    class Authentication {

        /** The captured live 401 of a wrong key, which echoes the key masked. */
        private final String liveBody = "{\"error\":{\"message\":\"The key " + MASKED_KEY
                + " does not exist. Please use correct apiKey.\",\"devMessage\":\"The " + MASKED_KEY
                + " key doesn't work. Please use correct apiKey.\",\"source\":\"chat-api\","
                + "\"code\":\"AUTH_ERR_APIKEY_NOT_FOUND\"}}";

        @Test
        @DisplayName("a rejected key never appears in the exception, whole or masked, nor does CometChat's text")
        void keyNeverInMessage() {
            answer(401, liveBody);
            assertThatThrownBy(() -> directory.users().get("ann"))
                    .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                        assertContext(e, 401, "AUTH_ERR_APIKEY_NOT_FOUND");
                        for (Throwable t = e; t != null; t = t.getCause()) {
                            assertThat(String.valueOf(t.getMessage()))
                                    .doesNotContain(API_KEY)
                                    .doesNotContain(MASKED_KEY)
                                    .doesNotContain("3f9c1")
                                    .doesNotContain("4b5a6")
                                    .doesNotContain("does not exist");
                            assertThat(t.toString()).doesNotContain(API_KEY).doesNotContain(MASKED_KEY);
                        }
                        assertThat(e.getMessage()).contains("apiKey");
                    });
        }

        @Test
        @DisplayName("a key echoed in another error's text is masked")
        void echoedKeyIsRedacted() {
            answer(403, error("ERR_GROUP_NO_CLEARANCE", "The key " + MASKED_KEY + " or " + API_KEY + " may not."));
            assertThatThrownBy(() -> directory.users().list(UserQuery.all()))
                    .isInstanceOfSatisfying(
                            PermissionDeniedException.class,
                            e -> assertThat(e.getMessage())
                                    .doesNotContain(API_KEY)
                                    .doesNotContain(MASKED_KEY));
        }
    }

    @Nested
    @DisplayName("rate limits")
    class RateLimits {

        @Test
        @DisplayName("429 ERR_TOO_MANY_REQUESTS carries Retry-After in seconds")
        void retryAfter() {
            vendor.stubFor(any(anyUrl())
                    .willReturn(aResponse()
                            .withStatus(429)
                            .withHeader("Retry-After", "15")
                            .withHeader("X-Rate-Limit-Reset", "1625143246")
                            .withBody(error("ERR_TOO_MANY_REQUESTS", "Too many requests."))));
            assertThatThrownBy(() -> directory.users().list(UserQuery.all()))
                    .isInstanceOfSatisfying(
                            RateLimitedException.class,
                            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(15)));
        }

        @Test
        @DisplayName("without Retry-After, the wait is read from X-Rate-Limit-Reset (epoch seconds)")
        void reset() {
            vendor.stubFor(any(anyUrl())
                    .willReturn(aResponse()
                            .withStatus(429)
                            .withHeader("X-Rate-Limit-Reset", Long.toString(NOW.getEpochSecond() + 12))
                            .withBody(error("ERR_TOO_MANY_REQUESTS", "Too many requests."))));
            assertThatThrownBy(() -> directory.users().list(UserQuery.all()))
                    .isInstanceOfSatisfying(
                            RateLimitedException.class,
                            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(12)));
        }

        @Test
        @DisplayName("the default client-side limit is CometChat's 10,000 core requests a minute")
        void defaultLimit() {
            assertThat(CometChatProvider.DESCRIPTOR.limits().defaultRateLimit())
                    .isEqualTo(RateLimitSettings.perMinute(10_000));
        }
    }

    @Nested
    @DisplayName("lookups")
    class Lookups {

        @Test
        @DisplayName("only CometChat's own not-found code makes a lookup empty")
        void onlyOwnCode() {
            answer(404, error("ERR_UID_NOT_FOUND", "The UID ann does not exist."));
            assertThat(directory.users().get("ann")).isEmpty();
            assertThat(directory.users().delete("ann")).isFalse();
            answer(404, error("ERR_GUID_NOT_FOUND", "The GUID g1 does not exist."));
            assertThat(directory.groups().get("g1")).isEmpty();
            assertThat(directory.groups().delete("g1")).isFalse();
            answer(404, error("ERR_API_NOT_FOUND", "The API endpoint is invalid. Please verify the API call."));
            assertThatThrownBy(() -> directory.users().get("ann")).isInstanceOf(ConfigurationException.class);
        }

        @Test
        @DisplayName("a 404 without CometChat's envelope is a protocol error, not an absent user")
        void foreign404() {
            vendor.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404).withBody("<html>Not Found</html>")));
            assertThatThrownBy(() -> directory.users().get("ann"))
                    .isInstanceOfSatisfying(
                            ProviderProtocolException.class,
                            e -> assertThat(e.httpStatus()).hasValue(404));
        }

        @Test
        @DisplayName("a 503 without a body is the provider being unavailable")
        void unavailable() {
            vendor.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)));
            assertThatThrownBy(() -> directory.users().get("ann")).isInstanceOf(ProviderUnavailableException.class);
        }
    }

    @Nested
    @DisplayName("malformed answers")
    class Malformed {

        static Stream<Arguments> bodies() {
            return Stream.of(
                    Arguments.of("not JSON", "{\"data\":"),
                    Arguments.of("no data", "{\"user\":{\"uid\":\"ann\"}}"),
                    Arguments.of("data not an object", "{\"data\":[]}"),
                    Arguments.of("no uid", "{\"data\":{\"name\":\"Ann\"}}"),
                    Arguments.of("uid an object", "{\"data\":{\"uid\":{},\"name\":\"Ann\"}}"),
                    Arguments.of("createdAt not a number", "{\"data\":{\"uid\":\"ann\",\"createdAt\":\"soon\"}}"),
                    Arguments.of("empty body", ""));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("bodies")
        @DisplayName("a user answer that cannot be read is a protocol error, never a NullPointerException")
        void userAnswers(String what, String body) {
            vendor.stubFor(any(anyUrl()).willReturn(okJson(body)));
            assertThatThrownBy(() -> directory.users().get("ann")).isInstanceOf(ProviderProtocolException.class);
        }

        @Test
        @DisplayName(
                "a group of an unknown type, a list without an array and a member without scope are protocol errors")
        void otherAnswers() {
            vendor.stubFor(any(anyUrl())
                    .willReturn(okJson("{\"data\":{\"guid\":\"g1\",\"name\":\"G\",\"type\":\"secret\"}}")));
            assertThatThrownBy(() -> directory.groups().get("g1")).isInstanceOf(ProviderProtocolException.class);
            vendor.stubFor(any(anyUrl()).willReturn(okJson("{\"data\":{\"uid\":\"ann\"}}")));
            assertThatThrownBy(() -> directory.users().list(UserQuery.all()))
                    .isInstanceOf(ProviderProtocolException.class);
            vendor.stubFor(any(anyUrl()).willReturn(okJson("{\"data\":[{\"uid\":\"ann\"}],\"meta\":{}}")));
            assertThatThrownBy(() -> directory.members().list("g1", dev.chatdirectory.model.MemberQuery.all()))
                    .isInstanceOf(ProviderProtocolException.class);
        }

        @Test
        @DisplayName("a bulk answer that does not mention the user is a protocol error")
        void bulkWithoutUser() {
            vendor.stubFor(any(anyUrl()).willReturn(okJson("{\"data\":{\"deactivatedUids\":[\"bob\"]}}")));
            assertThatThrownBy(() -> directory.users().deactivate("ann")).isInstanceOf(ProviderProtocolException.class);
        }
    }

    @Nested
    @DisplayName("per-member results")
    class PerMember {

        @Test
        @DisplayName("failed entries map to reasons by code, and a missing entry is an ERROR outcome")
        void addResults() {
            vendor.stubFor(any(anyUrl())
                    .willReturn(okJson("{\"data\":{\"participants\":{"
                            + "\"a\":{\"success\":false,\"error\":" + inner("ERR_UID_NOT_FOUND") + "},"
                            + "\"b\":{\"success\":false,\"error\":" + inner("ERR_BANNED_GROUPMEMBER") + "},"
                            + "\"c\":{\"success\":false,\"error\":" + inner("ERR_PLAN_QUOTA_RESTRICTION") + "},"
                            + "\"d\":{\"success\":false,\"error\":" + inner("ERR_GROUP_JOIN_NOT_ALLOWED") + "},"
                            + "\"e\":{\"success\":false,\"error\":" + inner("ERR_ALREADY_JOINED") + "},"
                            + "\"f\":{\"success\":true}}}}")));
            BatchResult result = directory
                    .members()
                    .add(
                            "g1",
                            Stream.of("a", "b", "c", "d", "e", "f", "g")
                                    .map(MemberSpec::participant)
                                    .toList());
            assertThat(result.outcomes())
                    .extracting(ItemOutcome::status, o -> o.reason().orElse(null))
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(OutcomeStatus.FAILED, FailureReason.NOT_FOUND),
                            org.assertj.core.groups.Tuple.tuple(OutcomeStatus.FAILED, FailureReason.BANNED),
                            org.assertj.core.groups.Tuple.tuple(OutcomeStatus.FAILED, FailureReason.LIMIT_EXCEEDED),
                            org.assertj.core.groups.Tuple.tuple(OutcomeStatus.FAILED, FailureReason.REJECTED),
                            org.assertj.core.groups.Tuple.tuple(OutcomeStatus.UNCHANGED, null),
                            org.assertj.core.groups.Tuple.tuple(OutcomeStatus.APPLIED, null),
                            org.assertj.core.groups.Tuple.tuple(OutcomeStatus.FAILED, FailureReason.ERROR));
            assertThat(result.outcome("a").orElseThrow().message().orElseThrow())
                    .contains("ERR_UID_NOT_FOUND");
        }

        @Test
        @DisplayName("a server failure on one ban is that user's ERROR outcome; a missing group ends the batch")
        void perUserCalls() {
            answer(500, error("ERR_EXCEPTION", "boom"));
            BatchResult result = directory.members().ban("g1", List.of("a", "b"));
            assertThat(result.failed())
                    .extracting(o -> o.reason().orElseThrow())
                    .containsExactly(FailureReason.ERROR, FailureReason.ERROR);
            answer(404, error("ERR_GUID_NOT_FOUND", "no group"));
            assertThatThrownBy(() -> directory.members().unban("g1", List.of("a")))
                    .isInstanceOf(NotFoundException.class);
            answer(401, error("AUTH_ERR_APIKEY_NOT_FOUND", "no key"));
            assertThatThrownBy(() -> directory.members().remove("g1", List.of("a")))
                    .isInstanceOf(AuthenticationException.class);
        }

        private static String inner(String code) {
            return "{\"message\":\"m\",\"devMessage\":\"m\",\"source\":\"chat-api\",\"code\":\"" + code + "\"}";
        }
    }
}
