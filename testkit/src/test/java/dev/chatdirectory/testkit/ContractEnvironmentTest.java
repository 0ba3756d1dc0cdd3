package dev.chatdirectory.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.chatdirectory.RateLimitSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the contract environment")
class ContractEnvironmentTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private WireMockServer upstream;

    @BeforeEach
    void startUpstream() {
        upstream = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        upstream.start();
        upstream.stubFor(get(urlEqualTo("/v3/users/zoe"))
                .willReturn(aResponse().withStatus(200).withBody("{\"uid\":\"zoe\"}")));
    }

    @AfterEach
    void stopUpstream() {
        upstream.stop();
    }

    private HttpResponse<String> send(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName("forwards to the upstream, keeping its base path, and counts what it forwarded")
    void proxiesAndCounts() throws Exception {
        ContractBackend backend = ContractBackend.builder()
                .upstream(URI.create(upstream.baseUrl() + "/v3"))
                .credential("apiKey", "k-123-secret")
                .build();
        ContractEnvironment environment = ContractEnvironment.start(backend);
        try {
            assertThat(environment.baseUrl().getPath()).isEqualTo("/v3");
            assertThat(environment.baseUrl().getPort()).isNotEqualTo(upstream.port());
            assertThat(environment.requestCount()).isZero();

            HttpResponse<String> response = send(URI.create(environment.baseUrl() + "/users/zoe"));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("zoe");
            assertThat(environment.requestCount()).isEqualTo(1);
            assertThat(environment.requests()).containsExactly("GET /v3/users/zoe");
            assertThat(environment.hasUpstream()).isTrue();
            environment.resetRequests();
            assertThat(environment.requestCount()).isZero();
        } finally {
            environment.close();
        }
    }

    @Test
    @DisplayName("answers 502 without an upstream, and still records the request")
    void recordsWithoutUpstream() throws Exception {
        ContractEnvironment environment = ContractEnvironment.start(ContractBackend.none());
        try {
            HttpResponse<String> response = send(environment.baseUrl().resolve("/anything?x=1"));
            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(response.body()).contains("no upstream");
            assertThat(environment.requests()).containsExactly("GET /anything?x=1");
            assertThat(environment.hasUpstream()).isFalse();
        } finally {
            environment.close();
        }
    }

    @Test
    @DisplayName("gives a configuration pointing at the proxy with the credentials, short timeouts and no rate limit")
    void readyConfiguration() {
        ContractBackend backend = ContractBackend.builder()
                .upstream(URI.create(upstream.baseUrl()))
                .credential("appId", "app-1")
                .credential("apiKey", "k-123-secret")
                .build();
        ContractEnvironment environment = ContractEnvironment.start(backend);
        try {
            assertThat(environment.config().endpoint()).contains(environment.baseUrl());
            assertThat(environment.config().property("apiKey")).contains("k-123-secret");
            assertThat(environment.config().property("appId")).contains("app-1");
            assertThat(environment.config().providerId()).isEmpty();
            assertThat(environment.config().readTimeout()).isLessThanOrEqualTo(Duration.ofSeconds(5));
            assertThat(environment.config().retry().initialBackoff()).isLessThanOrEqualTo(Duration.ofMillis(10));
            assertThat(environment.config().rateLimit()).contains(RateLimitSettings.unlimited());
            assertThat(environment.credentials()).containsOnlyKeys("appId", "apiKey");
            assertThat(environment.toString()).contains("apiKey").doesNotContain("k-123-secret");
            assertThat(backend.toString()).doesNotContain("k-123-secret");
        } finally {
            environment.close();
        }
    }

    @Test
    @DisplayName("closes the backend's resources with the proxy")
    void closesResources() {
        AtomicInteger closed = new AtomicInteger();
        ContractBackend backend = ContractBackend.builder()
                .closeAfterwards(closed::incrementAndGet)
                .closeAfterwards(closed::incrementAndGet)
                .build();
        ContractEnvironment environment = ContractEnvironment.start(backend);
        environment.close();
        assertThat(closed).hasValue(2);
        assertThat(environment.wireMock().isRunning()).isFalse();
    }

    @Test
    @DisplayName("refuses an upstream that is not an absolute URL")
    void rejectsRelativeUpstream() {
        assertThatThrownBy(() -> ContractBackend.builder().upstream(URI.create("/v3")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
