package dev.chatdirectory.http;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import feign.Request;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("The transport")
class CallerThreadTransportTest {

    @RegisterExtension
    static WireMockExtension wireMock = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final CountingClient http = new CountingClient(
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
    private final DeadlineAwareClient transport = new DeadlineAwareClient(
            http, new ErrorMapper("test", SecretRedactor.none(), Clock.systemUTC()), 1024 * 1024);

    @BeforeEach
    void stub() {
        wireMock.stubFor(WireMock.get("/fast").willReturn(okJson("{\"ok\":true}")));
        // 100 bytes in 20 chunks over 5 s: each chunk arrives well within any timeout, the whole does not.
        wireMock.stubFor(WireMock.get("/trickle")
                .willReturn(okJson(" ".repeat(98) + "{}").withChunkedDribbleDelay(20, 5000)));
    }

    private Request get(String path) {
        return Request.create(
                Request.HttpMethod.GET,
                wireMock.baseUrl() + path,
                Map.of(),
                null,
                java.nio.charset.StandardCharsets.UTF_8,
                null);
    }

    private static Request.Options readTimeout(Duration timeout) {
        return new Request.Options(1, TimeUnit.SECONDS, timeout.toMillis(), TimeUnit.MILLISECONDS, false);
    }

    @Test
    @DisplayName("sends with the blocking send on the caller's thread, never sendAsync")
    void blockingSend() throws IOException {
        for (int i = 0; i < 3; i++) {
            assertThat(transport
                            .execute(get("/fast"), readTimeout(Duration.ofSeconds(5)))
                            .status())
                    .isEqualTo(200);
        }

        assertThat(http.sends).hasValue(3);
        assertThat(http.asyncSends).hasValue(0);
    }

    @Test
    @DisplayName("fails a body that trickles past the read timeout with HttpTimeoutException, at the timeout")
    void tricklingBody() {
        long start = System.nanoTime();

        assertThatThrownBy(() -> transport.execute(get("/trickle"), readTimeout(Duration.ofMillis(600))))
                .isInstanceOf(HttpTimeoutException.class)
                .hasMessage("no complete answer within 600 ms");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    @DisplayName("still answers after a trickling body was abandoned")
    void answersAfterAnAbandonedBody() throws IOException {
        assertThatThrownBy(() -> transport.execute(get("/trickle"), readTimeout(Duration.ofMillis(300))))
                .isInstanceOf(HttpTimeoutException.class);

        assertThat(transport
                        .execute(get("/fast"), readTimeout(Duration.ofSeconds(5)))
                        .status())
                .isEqualTo(200);
    }

    /** A JDK client that counts how requests are sent. */
    private static final class CountingClient extends HttpClient {
        private final HttpClient delegate;
        final AtomicInteger sends = new AtomicInteger();
        final AtomicInteger asyncSends = new AtomicInteger();

        CountingClient(HttpClient delegate) {
            this.delegate = delegate;
        }

        @Override
        public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
                throws IOException, InterruptedException {
            sends.incrementAndGet();
            return delegate.send(request, handler);
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(
                HttpRequest request, HttpResponse.BodyHandler<T> handler) {
            asyncSends.incrementAndGet();
            return delegate.sendAsync(request, handler);
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(
                HttpRequest request, HttpResponse.BodyHandler<T> handler, HttpResponse.PushPromiseHandler<T> pushes) {
            asyncSends.incrementAndGet();
            return delegate.sendAsync(request, handler, pushes);
        }

        @Override
        public Optional<CookieHandler> cookieHandler() {
            return delegate.cookieHandler();
        }

        @Override
        public Optional<Duration> connectTimeout() {
            return delegate.connectTimeout();
        }

        @Override
        public Redirect followRedirects() {
            return delegate.followRedirects();
        }

        @Override
        public Optional<ProxySelector> proxy() {
            return delegate.proxy();
        }

        @Override
        public SSLContext sslContext() {
            return delegate.sslContext();
        }

        @Override
        public SSLParameters sslParameters() {
            return delegate.sslParameters();
        }

        @Override
        public Optional<Authenticator> authenticator() {
            return delegate.authenticator();
        }

        @Override
        public Version version() {
            return delegate.version();
        }

        @Override
        public Optional<Executor> executor() {
            return delegate.executor();
        }
    }
}
