package dev.chatdirectory.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.chatdirectory.NotFoundException;
import dev.chatdirectory.ProviderConfig;
import dev.chatdirectory.ProviderProtocolException;
import dev.chatdirectory.ProviderUnavailableException;
import dev.chatdirectory.RateLimitSettings;
import dev.chatdirectory.RetrySettings;
import feign.RequestLine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("A response")
class BoundedResponseTest {

    private static final long MIB = 1024 * 1024;

    @RegisterExtension
    static WireMockExtension wireMock = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    interface Vendor {
        @RequestLine("GET /things")
        JsonNode things();
    }

    @Nested
    @DisplayName("read in a JVM whose heap is capped at 64 MB, with a call deadline of 3 s,")
    class SmallHeap {

        /** Runs {@link ResponseProbe} in a child JVM with {@code -Xmx64m} and returns what it printed. */
        private Map<String, String> probe(String baseUrl) throws IOException, InterruptedException {
            Process child = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Xmx64m",
                            "-cp",
                            System.getProperty("java.class.path"),
                            ResponseProbe.class.getName(),
                            baseUrl,
                            "3000")
                    .redirectErrorStream(true)
                    .start();
            Map<String, String> printed = new LinkedHashMap<>();
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                out.lines().filter(line -> line.contains("=")).forEach(line -> {
                    int eq = line.indexOf('=');
                    printed.put(line.substring(0, eq), line.substring(eq + 1));
                });
            }
            assertThat(child.waitFor(60, TimeUnit.SECONDS))
                    .as("the probe ended")
                    .isTrue();
            assertThat(printed).containsKeys("outcome", "elapsedMillis", "maxHeapBytes");
            assertThat(Long.parseLong(printed.get("maxHeapBytes"))).isLessThanOrEqualTo(64 * MIB);
            return printed;
        }

        @Test
        @DisplayName("ends in a protocol error naming the cap, not OutOfMemoryError, when the body is endless")
        void endlessBody() throws Exception {
            try (RawVendor vendor = new RawVendor(RawVendor.endless(1024 * MIB))) {
                Map<String, String> result = probe(vendor.baseUrl());

                assertThat(result.get("outcome"))
                        .startsWith(ProviderProtocolException.class.getName())
                        .contains("maxResponseSize limit of 16777216 bytes")
                        .doesNotContain("0,0,");
                assertThat(Long.parseLong(result.get("elapsedMillis"))).isLessThan(4000);
            }
        }

        @Test
        @DisplayName("ends in a timeout within the deadline when the body trickles in over 10 s")
        void dribbledBody() throws Exception {
            try (RawVendor vendor = new RawVendor(RawVendor.dribble(100, 100))) {
                Map<String, String> result = probe(vendor.baseUrl());

                assertThat(result.get("outcome"))
                        .startsWith(ProviderUnavailableException.class.getName())
                        .contains("call deadline of 3000 ms");
                assertThat(Long.parseLong(result.get("elapsedMillis"))).isLessThan(4000);
            }
        }
    }

    @Nested
    @DisplayName("read with a cap of 4 KiB")
    class SmallCap {

        /** The length of the last error body the mapper was given. */
        private final AtomicInteger errorBody = new AtomicInteger(-1);

        private final ErrorMapper errors = new ErrorMapper("test", SecretRedactor.of(List.of()), Clock.systemUTC()) {
            @Override
            protected VendorError parse(HttpErrorResponse response) {
                errorBody.set(response.body().length());
                return VendorError.none();
            }
        };

        private Vendor vendor(String baseUrl) {
            ProviderConfig config = ProviderConfig.builder()
                    .readTimeout(Duration.ofSeconds(5))
                    .maxResponseSize(4096)
                    .build();
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_2)
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
            return new FeignClientFactory(http, JsonMappers.shared(), errors, SecretRedactor.of(List.of()), config)
                    .create(Vendor.class, baseUrl);
        }

        private HttpCallExecutor executor() {
            return new HttpCallExecutor(
                    errors,
                    new BackoffRetryPolicy(RetrySettings.DEFAULT, () -> 0),
                    new TokenBucketRateLimiter(RateLimitSettings.unlimited(), Ticker.SYSTEM, Sleeper.SYSTEM),
                    Duration.ofSeconds(10),
                    Ticker.SYSTEM,
                    Sleeper.SYSTEM);
        }

        /** A JSON array of exactly {@code bytes} bytes. */
        private static String jsonOf(int bytes) {
            return "[" + " ".repeat(bytes - 2) + "]";
        }

        @Test
        @DisplayName("is decoded up to the cap, and refused one byte past it, without retrying")
        void atAndPastTheCap() {
            Vendor vendor = vendor(wireMock.baseUrl());
            wireMock.stubFor(get(urlPathEqualTo("/things")).willReturn(okJson(jsonOf(4096))));

            assertThat(executor().read(vendor::things).isArray()).isTrue();

            wireMock.stubFor(get(urlPathEqualTo("/things")).willReturn(okJson(jsonOf(4097))));
            assertThatThrownBy(() -> executor().read(vendor::things))
                    .isInstanceOf(ProviderProtocolException.class)
                    .hasMessageContaining("maxResponseSize limit of 4096 bytes");
            // One request for each answer: the one past the cap was not repeated.
            wireMock.verify(2, getRequestedFor(urlPathEqualTo("/things")));
        }

        @Test
        @DisplayName("is refused before its body is read when its Content-Length exceeds the cap")
        void declaredTooLarge() throws Exception {
            // No byte of the body comes for longer than the read timeout: waiting for it would end
            // in a timeout, not in the protocol error.
            try (RawVendor liar = new RawVendor(out -> {
                out.write(RawVendor.head("Content-Length: 1073741824"));
                out.flush();
                Thread.sleep(10_000);
            })) {
                assertThatThrownBy(() -> executor().read(vendor(liar.baseUrl())::things))
                        .isInstanceOf(ProviderProtocolException.class)
                        .hasMessageContaining("maxResponseSize limit of 4096 bytes");
            }
        }

        @Test
        @DisplayName("with an error status is cut at the cap and still mapped by its status")
        void largeErrorBody() {
            wireMock.stubFor(get(urlPathEqualTo("/things"))
                    .willReturn(aResponse().withStatus(404).withBody("<html>" + "x".repeat(1_000_000))));

            assertThatThrownBy(() -> executor().read(vendor(wireMock.baseUrl())::things))
                    .isInstanceOf(NotFoundException.class);
            assertThat(errorBody).hasValue(4096);
        }
    }
}
