package dev.chatdirectory.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.chatdirectory.AlreadyExistsException;
import dev.chatdirectory.AuthenticationException;
import dev.chatdirectory.ErrorContext;
import dev.chatdirectory.NotFoundException;
import dev.chatdirectory.ProviderConfig;
import dev.chatdirectory.ProviderProtocolException;
import dev.chatdirectory.ProviderUnavailableException;
import dev.chatdirectory.RateLimitSettings;
import dev.chatdirectory.RateLimitedException;
import dev.chatdirectory.RetrySettings;
import dev.chatdirectory.model.ItemOutcome;
import feign.Headers;
import feign.Param;
import feign.RequestLine;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("The call executor")
class HttpCallExecutorTest {

    private static final String SECRET = "s3cr3t-api-key-0123456789abcdef";

    @RegisterExtension
    static WireMockExtension vendor = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    interface ThingsApi {
        @RequestLine("GET /things/{id}")
        JsonNode get(@Param("id") String id);

        @RequestLine("POST /things")
        @Headers("Content-Type: application/json")
        JsonNode create(Map<String, Object> body);
    }

    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private ThingsApi api;
    private ErrorMapper errors;

    @BeforeEach
    void setUp() {
        errors = new ErrorMapper("test", SecretRedactor.of(List.of(SECRET)), Clock.systemUTC());
        ProviderConfig config = ProviderConfig.builder()
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(5))
                .build();
        HttpClient http = JdkTransport.create(vendor.baseUrl(), config);
        api = new FeignClientFactory(http, JsonMappers.shared(), errors, SecretRedactor.of(List.of(SECRET)), config)
                .create(ThingsApi.class, vendor.baseUrl(), template -> template.header("apikey", SECRET));
    }

    private HttpCallExecutor executor(RetrySettings retry, Duration callTimeout) {
        Sleeper recording = duration -> sleeps.add(duration);
        return new HttpCallExecutor(
                errors,
                new BackoffRetryPolicy(retry, () -> 0.5),
                new TokenBucketRateLimiter(RateLimitSettings.unlimited(), Ticker.SYSTEM, recording),
                callTimeout,
                Ticker.SYSTEM,
                recording);
    }

    private HttpCallExecutor executor() {
        return executor(RetrySettings.DEFAULT, Duration.ofSeconds(10));
    }

    private void failFirstThenSucceed(String method, ResponseDefinitionBuilder first) {
        var mapping = method.equals("GET") ? get(urlPathEqualTo("/things/a")) : post(urlPathEqualTo("/things"));
        vendor.stubFor(mapping.inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(first)
                .willSetStateTo("recovered"));
        var again = method.equals("GET") ? get(urlPathEqualTo("/things/a")) : post(urlPathEqualTo("/things"));
        vendor.stubFor(
                again.inScenario("flaky").whenScenarioStateIs("recovered").willReturn(okJson("{\"id\":\"a\"}")));
    }

    @Nested
    @DisplayName("repeats reads")
    class Reads {

        @Test
        @DisplayName("after a 503, waiting the Retry-After the vendor gave")
        void readRetriedAfter503() {
            failFirstThenSucceed("GET", aResponse().withStatus(503).withHeader("Retry-After", "2"));

            JsonNode thing = executor().read(() -> api.get("a"));

            assertThat(thing.get("id").asText()).isEqualTo("a");
            vendor.verify(2, getRequestedFor(urlPathEqualTo("/things/a")));
            assertThat(sleeps).containsExactly(Duration.ofSeconds(2));
        }

        @Test
        @DisplayName("after a 429, waiting the Retry-After the vendor gave")
        void readRetriedAfter429() {
            failFirstThenSucceed("GET", aResponse().withStatus(429).withHeader("Retry-After", "1"));

            executor().read(() -> api.get("a"));

            vendor.verify(2, getRequestedFor(urlPathEqualTo("/things/a")));
            assertThat(sleeps).containsExactly(Duration.ofSeconds(1));
        }

        @Test
        @DisplayName("after a connection reset, three attempts, each a GET the JDK sends at most once more when its"
                + " connection closed before any byte of the answer")
        void connectionResetCountsExactly() {
            vendor.stubFor(
                    get(urlPathEqualTo("/things/a")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
            HttpCallExecutor executor = executor();

            // A first successful call on another path keeps a pooled connection, which the first
            // attempt reuses.
            vendor.stubFor(get(urlPathEqualTo("/things/warm")).willReturn(okJson("{\"id\":\"warm\"}")));
            executor.read(() -> api.get("warm"));

            assertThatThrownBy(() -> executor.read(() -> api.get("a")))
                    .isInstanceOf(ProviderUnavailableException.class)
                    .hasMessageContaining("connection to test at " + vendor.baseUrl() + " failed");
            assertThat(sleeps)
                    .as("waits between the attempts of RetrySettings.DEFAULT")
                    .hasSize(2);
            // Over HTTP/1.1 the JDK client sends a GET once more, on a new connection, when the
            // vendor closed the connection without a byte of answer: a read, never a write (see
            // the write tests and JdkTransportTest), so no attempt ever reaches the vendor more
            // than twice.
            vendor.verify(3 * 2, getRequestedFor(urlPathEqualTo("/things/a")));
        }

        @Test
        @DisplayName("after a reset of a GET's connection once, succeeds in one attempt through the JDK's own resend")
        void singleResetIsAbsorbedWithinTheAttempt() {
            failFirstThenSucceed("GET", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

            JsonNode thing = executor().read(() -> api.get("a"));

            assertThat(thing.get("id").asText()).isEqualTo("a");
            assertThat(sleeps).as("waits between executor attempts").isEmpty();
            vendor.verify(2, getRequestedFor(urlPathEqualTo("/things/a")));
        }

        @Test
        @DisplayName("with exponential backoff and full jitter when the vendor gives no Retry-After")
        void backoffWithJitter() {
            vendor.stubFor(
                    get(urlPathEqualTo("/things/a")).willReturn(aResponse().withStatus(500)));

            assertThatThrownBy(() -> executor(
                                    RetrySettings.DEFAULT.withBackoff(Duration.ofMillis(100), Duration.ofSeconds(5)),
                                    Duration.ofSeconds(10))
                            .read(() -> api.get("a")))
                    .isInstanceOf(ProviderUnavailableException.class);

            vendor.verify(3, getRequestedFor(urlPathEqualTo("/things/a")));
            // random() is fixed at 0.5: half of 100 ms, then half of 200 ms
            assertThat(sleeps).containsExactly(Duration.ofMillis(50), Duration.ofMillis(100));
        }

        @Test
        @DisplayName("but gives up at once when the Retry-After exceeds the cap")
        void retryAfterAboveCap() {
            vendor.stubFor(get(urlPathEqualTo("/things/a"))
                    .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));

            assertThatThrownBy(() -> executor().read(() -> api.get("a")))
                    .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                        assertThat(e.retryAfter()).contains(Duration.ofHours(1));
                        assertThat(e.httpStatus()).hasValue(429);
                    });
            vendor.verify(1, getRequestedFor(urlPathEqualTo("/things/a")));
        }
    }

    @Nested
    @DisplayName("gives up at once, reporting the wait it was told, on a rate limit it cannot wait out")
    class HostileRateLimits {

        @ParameterizedTest(name = "{0}: {1}")
        @CsvSource(
                delimiter = ';',
                value = {
                    "Retry-After; 99999999999999999; longest",
                    "Retry-After; 99999999999999999999999999; longest",
                    "Retry-After; 3600; PT1H",
                    "Retry-After; 20; PT20S",
                    "X-Rate-Limit-Reset; 99999999999999999; longest",
                    "X-Rate-Limit-Reset; 9223372036854775807; longest",
                    "X-RateLimit-Reset; 20; PT20S"
                })
        @DisplayName("beyond the retry cap or the remaining deadline")
        void beyondCapOrDeadline(String header, String value, String expected) {
            Duration wait = expected.equals("longest") ? ErrorMapper.LONGEST_WAIT : Duration.parse(expected);
            vendor.stubFor(get(urlPathEqualTo("/things/a"))
                    .willReturn(aResponse().withStatus(429).withHeader(header, value)));

            // 20 s is within the 30 s cap but beyond the 10 s deadline.
            assertThatThrownBy(() -> executor().read(() -> api.get("a")))
                    .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                        assertThat(e.retryAfter()).contains(wait);
                        assertThat(e.httpStatus()).hasValue(429);
                    });
            vendor.verify(1, getRequestedFor(urlPathEqualTo("/things/a")));
            assertThat(sleeps).isEmpty();
        }
    }

    @Nested
    @DisplayName("protects writes")
    class Writes {

        @Test
        @DisplayName("never repeats an unsafe write whose outcome is unknown")
        void unsafeWriteNotRepeatedAfterServerError() {
            vendor.stubFor(
                    post(urlPathEqualTo("/things")).willReturn(aResponse().withStatus(500)));

            assertThatThrownBy(() -> executor().call(CallSafety.UNSAFE_WRITE, () -> api.create(Map.of("id", "a"))))
                    .isInstanceOf(ProviderUnavailableException.class);
            vendor.verify(1, postRequestedFor(urlPathEqualTo("/things")));
        }

        @Test
        @DisplayName("never repeats an unsafe write after a 503, which a gateway may send for an applied write")
        void unsafeWriteNotRepeatedAfter503() {
            vendor.stubFor(
                    post(urlPathEqualTo("/things")).willReturn(aResponse().withStatus(503)));

            assertThatThrownBy(() -> executor().call(CallSafety.UNSAFE_WRITE, () -> api.create(Map.of("id", "a"))))
                    .isInstanceOf(ProviderUnavailableException.class);
            vendor.verify(1, postRequestedFor(urlPathEqualTo("/things")));
        }

        @Test
        @DisplayName("repeats an unsafe write the vendor refused with 429")
        void unsafeWriteRepeatedAfter429() {
            failFirstThenSucceed("POST", aResponse().withStatus(429).withHeader("Retry-After", "1"));

            executor().call(CallSafety.UNSAFE_WRITE, () -> api.create(Map.of("id", "a")));

            vendor.verify(2, postRequestedFor(urlPathEqualTo("/things")));
        }

        @Test
        @DisplayName("sends an unsafe write whose pooled connection is reset exactly once: neither the JDK nor the"
                + " executor repeats it")
        void resetUnsafeWriteSentOnce() {
            vendor.stubFor(get(urlPathEqualTo("/things/warm")).willReturn(okJson("{\"id\":\"warm\"}")));
            vendor.stubFor(
                    post(urlPathEqualTo("/things")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
            HttpCallExecutor executor = executor();
            executor.read(() -> api.get("warm"));

            assertThatThrownBy(() -> executor.call(CallSafety.UNSAFE_WRITE, () -> api.create(Map.of("id", "a"))))
                    .isInstanceOf(ProviderUnavailableException.class);

            vendor.verify(1, postRequestedFor(urlPathEqualTo("/things")));
            assertThat(sleeps).isEmpty();
        }

        @Test
        @DisplayName("looks a create up before repeating it after a connection reset")
        void guardedCreateChecksBeforeRepeating() {
            vendor.stubFor(
                    post(urlPathEqualTo("/things")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
            vendor.stubFor(
                    get(urlPathEqualTo("/things/a")).willReturn(aResponse().withStatus(404)));

            assertThatThrownBy(() -> executor().guardedCreate(() -> api.create(Map.of("id", "a")), () -> lookUp("a")))
                    .isInstanceOf(ProviderUnavailableException.class);

            vendor.verify(3, postRequestedFor(urlPathEqualTo("/things")));
            vendor.verify(2, getRequestedFor(urlPathEqualTo("/things/a")));
        }

        @Test
        @DisplayName("returns the entity instead of creating it twice when the lost create had been applied")
        void guardedCreateFindsAppliedCreate() {
            vendor.stubFor(
                    post(urlPathEqualTo("/things")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
            vendor.stubFor(get(urlPathEqualTo("/things/a")).willReturn(okJson("{\"id\":\"a\",\"found\":true}")));

            JsonNode result = executor().guardedCreate(() -> api.create(Map.of("id", "a")), () -> lookUp("a"));

            assertThat(result.get("found").asBoolean()).isTrue();
            vendor.verify(1, postRequestedFor(urlPathEqualTo("/things")));
            vendor.verify(1, getRequestedFor(urlPathEqualTo("/things/a")));
        }

        @Test
        @DisplayName("keeps one deadline for a create and the look-ups it makes, however slow they are")
        void guardedCreateKeepsOneDeadline() {
            vendor.stubFor(
                    post(urlPathEqualTo("/things")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
            vendor.stubFor(get(urlPathEqualTo("/things/a"))
                    .willReturn(aResponse().withStatus(404).withFixedDelay(2500)));
            HttpCallExecutor executor = executor(RetrySettings.DEFAULT, Duration.ofSeconds(3));
            long start = System.nanoTime();

            // Each look-up alone fits the 3 s deadline; two of them, as separate calls, would not.
            assertThatThrownBy(() -> executor.guardedCreate(
                            () -> api.create(Map.of("id", "a")), () -> lookUpThrough(executor, "a")))
                    .isInstanceOf(ProviderUnavailableException.class);

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        }

        private Optional<JsonNode> lookUpThrough(HttpCallExecutor executor, String id) {
            try {
                return Optional.of(executor.read(() -> api.get(id)));
            } catch (NotFoundException e) {
                return Optional.empty();
            }
        }

        private Optional<JsonNode> lookUp(String id) {
            try {
                return Optional.of(api.get(id));
            } catch (NotFoundException e) {
                return Optional.empty();
            }
        }
    }

    @Nested
    @DisplayName("tells the adapter when a repeated write's earlier attempt may have been applied")
    class LostAnswers {

        static Stream<Arguments> answersLostAfterApplying() {
            return Stream.of(
                    Arguments.of("a connection reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)),
                    Arguments.of("an empty reply", aResponse().withFault(Fault.EMPTY_RESPONSE)),
                    Arguments.of("a truncated body", aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)),
                    Arguments.of("a 500", aResponse().withStatus(500)),
                    Arguments.of("a 503", aResponse().withStatus(503)));
        }

        @ParameterizedTest(name = "after {0}")
        @MethodSource("answersLostAfterApplying")
        @DisplayName("the convergent write is repeated, and the record says the lost attempt may have been applied")
        void lostAnswerIsRecorded(String what, ResponseDefinitionBuilder lost) {
            failFirstThenSucceed("POST", lost);
            AttemptRecord attempts = new AttemptRecord();

            executor().call(CallSafety.CONVERGENT_WRITE, attempts, () -> api.create(Map.of("id", "a")));

            vendor.verify(2, postRequestedFor(urlPathEqualTo("/things")));
            assertThat(attempts.answerLost()).isTrue();
            assertThat(attempts.alreadySo("a")).isEqualTo(ItemOutcome.appliedOrUnchanged("a"));
        }

        @Test
        @DisplayName("after a 429, which the vendor did not process: the record says nothing was lost")
        void rateLimitIsNotALostAnswer() {
            failFirstThenSucceed("POST", aResponse().withStatus(429).withHeader("Retry-After", "1"));
            AttemptRecord attempts = new AttemptRecord();

            executor().call(CallSafety.CONVERGENT_WRITE, attempts, () -> api.create(Map.of("id", "a")));

            vendor.verify(2, postRequestedFor(urlPathEqualTo("/things")));
            assertThat(attempts.answerLost()).isFalse();
            assertThat(attempts.alreadySo("a")).isEqualTo(ItemOutcome.unchanged("a"));
        }

        @Test
        @DisplayName("when the refusal of the repeat is thrown: the record still says the first attempt was lost")
        void recordedWhenTheRepeatIsRefused() {
            vendor.stubFor(post(urlPathEqualTo("/things"))
                    .inScenario("gone")
                    .whenScenarioStateIs(Scenario.STARTED)
                    .willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE))
                    .willSetStateTo("deleted"));
            vendor.stubFor(post(urlPathEqualTo("/things"))
                    .inScenario("gone")
                    .whenScenarioStateIs("deleted")
                    .willReturn(aResponse().withStatus(404)));
            AttemptRecord attempts = new AttemptRecord();

            assertThatThrownBy(() ->
                            executor().call(CallSafety.CONVERGENT_WRITE, attempts, () -> api.create(Map.of("id", "a"))))
                    .isInstanceOf(NotFoundException.class);
            assertThat(attempts.answerLost()).isTrue();
        }

        @Test
        @DisplayName("refuses a convergent write without a record, sending nothing")
        void convergentWriteNeedsARecord() {
            assertThatThrownBy(() -> executor().call(CallSafety.CONVERGENT_WRITE, () -> api.create(Map.of("id", "a"))))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> executor().run(CallSafety.CONVERGENT_WRITE, () -> api.create(Map.of("id", "a"))))
                    .isInstanceOf(IllegalArgumentException.class);
            vendor.verify(0, postRequestedFor(urlPathEqualTo("/things")));
        }

        @Test
        @DisplayName("treats an answer that breaks off in its body as a lost connection, so a read is repeated")
        void truncatedBodyIsALostConnection() {
            failFirstThenSucceed("GET", aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK));

            JsonNode thing = executor().read(() -> api.get("a"));

            assertThat(thing.get("id").asText()).isEqualTo("a");
            vendor.verify(2, getRequestedFor(urlPathEqualTo("/things/a")));
        }
    }

    @Nested
    @DisplayName("runs creates of an upserting vendor one at a time per entity")
    class CreatesIfAbsent {

        private static final int THREADS = 16;

        private final Map<String, Integer> vendorUsers = new ConcurrentHashMap<>();
        private final AtomicInteger upserts = new AtomicInteger();

        /** An upsert, as Qiscus's login_or_register: it never refuses, it overwrites. */
        private String upsert(String id) {
            upserts.incrementAndGet();
            pauseBriefly();
            vendorUsers.merge(id, 1, Integer::sum);
            return id;
        }

        private String create(HttpCallExecutor executor, String id) {
            return executor.createIfAbsent(
                    "user:" + id,
                    () -> vendorUsers.containsKey(id),
                    () -> new AlreadyExistsException(id + " exists", ErrorContext.of("test")),
                    () -> upsert(id));
        }

        @Test
        @DisplayName("so of 16 threads creating one id at once, one creates it and 15 are refused")
        void oneCreatorPerId() throws Exception {
            HttpCallExecutor executor = executor();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> results = new ArrayList<>();
            try {
                for (int i = 0; i < THREADS; i++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return create(executor, "zoe");
                    }));
                }
                start.countDown();
                int created = 0;
                int refused = 0;
                for (Future<String> result : results) {
                    try {
                        result.get(10, TimeUnit.SECONDS);
                        created++;
                    } catch (ExecutionException e) {
                        assertThat(e.getCause()).isInstanceOf(AlreadyExistsException.class);
                        refused++;
                    }
                }
                assertThat(created).as("callers told they created zoe").isEqualTo(1);
                assertThat(refused).as("callers refused").isEqualTo(THREADS - 1);
                assertThat(upserts).as("upserts sent").hasValue(1);
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        @DisplayName("and a create that waits longer than the call deadline for another gives up, creating nothing")
        void waitIsBoundedByTheDeadline() throws Exception {
            HttpCallExecutor executor = executor(RetrySettings.DEFAULT, Duration.ofMillis(200));
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                Future<String> slow = pool.submit(() -> executor.createIfAbsent(
                        "user:zoe",
                        () -> false,
                        () -> new AlreadyExistsException("zoe", ErrorContext.of("test")),
                        () -> {
                            holding.countDown();
                            awaitQuietly(release);
                            return "zoe";
                        }));
                assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();

                assertThatThrownBy(() -> create(executor, "zoe"))
                        .isInstanceOf(ProviderUnavailableException.class)
                        .hasMessageContaining("did not finish within 200 ms");
                assertThat(create(executor, "yamada"))
                        .as("another id, not held")
                        .isEqualTo("yamada");

                release.countDown();
                assertThat(slow.get(5, TimeUnit.SECONDS)).isEqualTo("zoe");
                assertThat(upserts).as("upserts sent: yamada's only").hasValue(1);
            } finally {
                release.countDown();
                pool.shutdownNow();
            }
        }

        private static void pauseBriefly() {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static void awaitQuietly(CountDownLatch latch) {
            try {
                latch.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Nested
    @DisplayName("maps failures")
    class Failures {

        @Test
        @DisplayName("to the provider-unavailable exception when the answer is slower than the call deadline")
        void deadline() {
            vendor.stubFor(
                    get(urlPathEqualTo("/things/a")).willReturn(okJson("{}").withFixedDelay(3000)));
            long start = System.nanoTime();

            assertThatThrownBy(() -> executor(RetrySettings.DEFAULT, Duration.ofMillis(400))
                            .read(() -> api.get("a")))
                    .isInstanceOf(ProviderUnavailableException.class)
                    .hasMessageContaining("call deadline");

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
            vendor.verify(1, getRequestedFor(urlPathEqualTo("/things/a")));
        }

        @Test
        @DisplayName("to the protocol exception, without retrying, when the body is not JSON")
        void malformedJson() {
            vendor.stubFor(get(urlPathEqualTo("/things/a"))
                    .willReturn(aResponse()
                            .withStatus(200)
                            .withHeader("Content-Type", "application/json")
                            .withBody("{\"id\":")));

            assertThatThrownBy(() -> executor().read(() -> api.get("a")))
                    .isInstanceOf(ProviderProtocolException.class)
                    .hasMessageContaining("malformed JSON");
            vendor.verify(1, getRequestedFor(urlPathEqualTo("/things/a")));
        }

        @Test
        @DisplayName("to the protocol exception when a 200 has no body")
        void emptyBody() {
            vendor.stubFor(
                    get(urlPathEqualTo("/things/a")).willReturn(aResponse().withStatus(200)));

            assertThatThrownBy(() -> executor().read(() -> api.get("a"))).isInstanceOf(ProviderProtocolException.class);
        }

        @Test
        @DisplayName("to the authentication exception, without repeating the vendor's text, on 401")
        void unauthorized() {
            vendor.stubFor(get(urlPathEqualTo("/things/a"))
                    .willReturn(aResponse().withStatus(401).withBody("{\"error\":\"bad key " + SECRET + "\"}")));

            assertThatThrownBy(() -> executor().read(() -> api.get("a")))
                    .isInstanceOf(AuthenticationException.class)
                    .hasMessageNotContaining(SECRET)
                    .satisfies(e -> assertThat(((AuthenticationException) e).providerId())
                            .contains("test"));
            vendor.verify(1, getRequestedFor(urlPathEqualTo("/things/a")));
        }
    }

    @Nested
    @DisplayName("names where a failed call went and why, never the key")
    class TransportFailureMessages {

        private ThingsApi apiAt(String baseUrl) {
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
            ProviderConfig config = ProviderConfig.builder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .readTimeout(Duration.ofSeconds(5))
                    .build();
            return new FeignClientFactory(
                            http, JsonMappers.shared(), errors, SecretRedactor.of(List.of(SECRET)), config)
                    .create(ThingsApi.class, baseUrl, template -> template.header("apikey", SECRET));
        }

        @Test
        @DisplayName("a refused connection: the server's origin and 'connection refused'")
        void refused() throws Exception {
            int closedPort;
            try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
                closedPort = socket.getLocalPort();
            }
            ThingsApi closed = apiAt("http://127.0.0.1:" + closedPort + "/v1?apikey=" + SECRET);

            assertThatThrownBy(() -> executor(RetrySettings.DEFAULT.withMaxAttempts(1), Duration.ofSeconds(10))
                            .read(() -> closed.get("a")))
                    .isInstanceOf(ProviderUnavailableException.class)
                    .hasMessageContaining(
                            "could not connect to test at http://127.0.0.1:" + closedPort + ": connection refused")
                    .message()
                    .doesNotContain(SECRET)
                    .doesNotContain("/v1");
        }

        @Test
        @DisplayName("TLS spoken to a plain-HTTP server: the origin and a TLS failure")
        void tlsMismatch() {
            ThingsApi tls = apiAt(vendor.baseUrl().replace("http://", "https://"));

            assertThatThrownBy(() -> executor(RetrySettings.DEFAULT.withMaxAttempts(1), Duration.ofSeconds(10))
                            .read(() -> tls.get("a")))
                    .isInstanceOf(ProviderUnavailableException.class)
                    .hasMessageContaining(vendor.baseUrl().replace("http://", "https://"))
                    .hasMessageContaining("TLS")
                    .message()
                    .doesNotContain(SECRET);
        }

        @Test
        @DisplayName("an unknown host, as the JDK client reports it: 'unknown host'")
        void unknownHost() {
            java.net.ConnectException unresolved = new java.net.ConnectException();
            unresolved.initCause(new java.nio.channels.UnresolvedAddressException());

            assertThat(Endpoints.connectFailure(unresolved)).isEqualTo("unknown host");
            assertThat(Endpoints.connectFailure(new java.net.ConnectException("Connection refused")))
                    .isEqualTo("connection refused");
        }
    }
}
