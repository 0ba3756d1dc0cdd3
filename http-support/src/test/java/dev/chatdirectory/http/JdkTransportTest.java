package dev.chatdirectory.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.ConfigurationException;
import dev.chatdirectory.ProviderConfig;
import dev.chatdirectory.ProviderUnavailableException;
import dev.chatdirectory.RateLimitSettings;
import dev.chatdirectory.RetrySettings;
import dev.chatdirectory.model.User;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The default JDK transport")
class JdkTransportTest {

    private static final ProviderConfig CONFIG = ProviderConfig.builder()
            .connectTimeout(Duration.ofSeconds(2))
            .readTimeout(Duration.ofSeconds(5))
            .build();

    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private KeepAliveVendor vendor;
    private HttpCallExecutorTest.ThingsApi api;
    private HttpCallExecutor executor;

    @BeforeEach
    void start() throws Exception {
        vendor = new KeepAliveVendor(0);
        ErrorMapper errors = new ErrorMapper("test", SecretRedactor.none(), Clock.systemUTC());
        api = new FeignClientFactory(
                        JdkTransport.create(vendor.baseUrl(), CONFIG),
                        JsonMappers.shared(),
                        errors,
                        SecretRedactor.none(),
                        CONFIG)
                .create(HttpCallExecutorTest.ThingsApi.class, vendor.baseUrl());
        Sleeper recording = sleeps::add;
        executor = new HttpCallExecutor(
                errors,
                new BackoffRetryPolicy(
                        new RetrySettings(3, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(1)),
                        () -> 0.5),
                new TokenBucketRateLimiter(RateLimitSettings.unlimited(), Ticker.SYSTEM, recording),
                Duration.ofSeconds(10),
                Ticker.SYSTEM,
                recording);
    }

    @AfterEach
    void stop() throws Exception {
        vendor.close();
    }

    @Nested
    @DisplayName("over plain http")
    class PlainHttp {

        @Test
        @DisplayName(
                "a directory speaks HTTP/1.1 without an Upgrade header and reuses one connection for sequential calls")
        void keepsOneConnectionWithoutUpgrade() {
            try (ChatDirectory directory = new HttpDirectoryBuilderTest.SampleBuilder()
                    .config(ProviderConfig.builder()
                            .endpoint(vendor.baseUrl())
                            .credential("apiKey", "k-123456")
                            .build())
                    .build()) {
                for (int i = 0; i < 5; i++) {
                    assertThat(directory.users().get("a")).isPresent();
                }
            }

            assertThat(vendor.received()).hasSize(5).allSatisfy(request -> {
                assertThat(request.head()).contains(" HTTP/1.1\r\n");
                assertThat(request.hasHeader("upgrade"))
                        .as("Upgrade header in %s", request.head())
                        .isFalse();
                assertThat(request.hasHeader("http2-settings")).isFalse();
            });
            assertThat(vendor.connections()).as("connections opened").isEqualTo(1);
        }

        @Test
        @DisplayName("chooses HTTP/1.1 for http and lets ALPN choose HTTP/2 or HTTP/1.1 for https")
        void versionFollowsTheScheme() {
            assertThat(JdkTransport.version("http://127.0.0.1:8080/api")).isEqualTo(HttpClient.Version.HTTP_1_1);
            assertThat(JdkTransport.version("HTTPS://api.example.com/v3")).isEqualTo(HttpClient.Version.HTTP_2);
        }
    }

    @Nested
    @DisplayName("with concurrent callers")
    class Concurrency {

        @Test
        @DisplayName("calls from 8 threads through one rate-limited directory are in flight at the vendor together")
        void callsOverlap() throws Exception {
            int threads = 8;
            vendor.holdUntilInFlight(threads);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try (ChatDirectory directory = new HttpDirectoryBuilderTest.SampleBuilder()
                    .config(ProviderConfig.builder()
                            .endpoint(vendor.baseUrl())
                            .credential("apiKey", "k-123456")
                            .rateLimit(new RateLimitSettings(10_000, 100))
                            .build())
                    .build()) {
                List<Future<Optional<User>>> calls = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    calls.add(pool.submit(() -> directory.users().get("a")));
                }
                for (Future<Optional<User>> call : calls) {
                    assertThat(call.get(30, TimeUnit.SECONDS)).isPresent();
                }
            } finally {
                pool.shutdownNow();
            }

            assertThat(vendor.maxInFlight())
                    .as("requests the vendor was answering at once")
                    .isEqualTo(threads);
            assertThat(vendor.connections())
                    .as("one connection per concurrent call")
                    .isEqualTo(threads);
        }
    }

    @Nested
    @DisplayName("when the vendor closes a kept-alive connection under a request, without answering")
    class StaleConnection {

        @BeforeEach
        void warm() {
            executor.read(() -> api.get("warm"));
            assertThat(vendor.connections()).isEqualTo(1);
        }

        @Test
        @DisplayName("a GET is sent once more by the JDK on a new connection, within the same attempt")
        void getIsResentWithinTheAttempt() {
            vendor.dropNext();

            JsonNode thing = executor.read(() -> api.get("a"));

            assertThat(thing.get("id").asText()).isEqualTo("a");
            assertThat(vendor.received())
                    .extracting(KeepAliveVendor.Received::connection)
                    .as("connection of the warm-up, the dropped GET and its resend")
                    .containsExactly(1, 1, 2);
            assertThat(sleeps).as("waits between executor attempts").isEmpty();
        }

        @Test
        @DisplayName("an unsafe write is sent exactly once and fails, since the vendor may have applied it")
        void unsafeWriteIsNotResent() {
            vendor.dropNext();

            assertThatThrownBy(() -> executor.call(CallSafety.UNSAFE_WRITE, () -> api.create(Map.of("id", "a"))))
                    .isInstanceOf(ProviderUnavailableException.class);

            assertThat(vendor.received())
                    .filteredOn(request -> request.method().equals("POST"))
                    .hasSize(1);
            assertThat(sleeps).isEmpty();
        }

        @Test
        @DisplayName("an idempotent write is repeated by the executor only: one request per attempt")
        void idempotentWriteIsRepeatedOncePerAttempt() {
            vendor.dropNext();

            executor.call(CallSafety.IDEMPOTENT_WRITE, () -> api.create(Map.of("id", "a")));

            assertThat(vendor.received())
                    .filteredOn(request -> request.method().equals("POST"))
                    .hasSize(2);
            assertThat(sleeps).as("one wait before the second attempt").hasSize(1);
        }
    }

    @Nested
    @DisplayName("refuses a JVM in which the JDK would resend writes")
    class WriteResends {

        @Test
        @DisplayName("when jdk.httpclient.enableAllMethodRetry is set, empty or true, naming the property")
        void refused() {
            for (String value : List.of("", "true", "TRUE ")) {
                assertThatThrownBy(() -> JdkTransport.refuseWriteResends(
                                name -> name.equals(JdkTransport.RETRY_ALL_METHODS) ? value : null, "sample"))
                        .isInstanceOf(ConfigurationException.class)
                        .hasMessageContaining("jdk.httpclient.enableAllMethodRetry");
            }
        }

        @Test
        @DisplayName("reads the property as the JDK does: the system property, else the JDK's conf/net.properties")
        void readsLikeTheJdk() {
            assertThat(JdkTransport.netProperty("jdk.http.auth.tunneling.disabledSchemes"))
                    .as("a property every JDK 17 to 25 ships in conf/net.properties")
                    .isEqualTo("Basic");
            String name = "chatdirectory.test.netProperty";
            assertThat(JdkTransport.netProperty(name)).isNull();
            System.setProperty(name, "from the command line");
            try {
                assertThat(JdkTransport.netProperty(name)).isEqualTo("from the command line");
            } finally {
                System.clearProperty(name);
            }
        }

        @Test
        @DisplayName("but not when it is unset or false")
        void accepted() {
            assertThatCode(() -> JdkTransport.refuseWriteResends(name -> null, "sample"))
                    .doesNotThrowAnyException();
            assertThatCode(() -> JdkTransport.refuseWriteResends(name -> "false", "sample"))
                    .doesNotThrowAnyException();
        }
    }
}
