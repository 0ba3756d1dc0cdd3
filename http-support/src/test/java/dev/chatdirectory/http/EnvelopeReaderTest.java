package dev.chatdirectory.http;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.chatdirectory.NotFoundException;
import dev.chatdirectory.ProviderConfig;
import dev.chatdirectory.ProviderProtocolException;
import dev.chatdirectory.ProviderUnavailableException;
import dev.chatdirectory.RateLimitSettings;
import dev.chatdirectory.RetrySettings;
import feign.Feign;
import feign.RequestLine;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("A vendor envelope reader")
class EnvelopeReaderTest {

    @RegisterExtension
    static WireMockExtension vendor = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    /** The payload a typed Feign method decodes to. */
    record Thing(String id, int size) {}

    interface ThingsApi {
        @RequestLine("GET /thing")
        Thing thing();
    }

    private ThingsApi api;
    private HttpCallExecutor calls;
    private final List<String> methodKeys = new CopyOnWriteArrayList<>();
    private final List<HttpErrorResponse> failures = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        ErrorMapper errors = new ErrorMapper("vendor", SecretRedactor.none(), Clock.systemUTC()) {
            @Override
            protected dev.chatdirectory.ChatDirectoryException classify(
                    HttpErrorResponse response, VendorError error, dev.chatdirectory.ErrorContext context) {
                return response.body().contains("missing")
                        ? new NotFoundException("no such thing", context)
                        : super.classify(response, error, context);
            }
        };
        // A 200 whose envelope says "failed" is a failure; otherwise the payload is "ok".
        EnvelopeReader envelope = (methodKey, status, body, response) -> {
            methodKeys.add(methodKey);
            if (body.has("failed")) {
                HttpErrorResponse reply = response.get();
                failures.add(reply);
                throw errors.map(reply);
            }
            return body.get("ok");
        };
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_2)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        ProviderConfig config =
                ProviderConfig.builder().connectTimeout(Duration.ofSeconds(2)).build();
        api = new FeignClientFactory(http, JsonMappers.shared(), errors, SecretRedactor.none(), config)
                .builder(envelope)
                .target(ThingsApi.class, vendor.baseUrl());
        Sleeper noWait = d -> {};
        calls = new HttpCallExecutor(
                errors,
                new BackoffRetryPolicy(RetrySettings.DEFAULT),
                new TokenBucketRateLimiter(RateLimitSettings.unlimited(), Ticker.SYSTEM, noWait),
                Duration.ofSeconds(5),
                Ticker.SYSTEM,
                noWait);
    }

    @Test
    @DisplayName("hands the payload on, decoded to the method's type")
    void payload() {
        vendor.stubFor(get(urlPathEqualTo("/thing")).willReturn(okJson("{\"ok\":{\"id\":\"t1\",\"size\":3}}")));

        assertThat(calls.read(api::thing)).isEqualTo(new Thing("t1", 3));
    }

    @Test
    @DisplayName("is told which Feign method the reply answers, by the key Feign's error decoder gets too")
    void methodKey() throws NoSuchMethodException {
        vendor.stubFor(get(urlPathEqualTo("/thing")).willReturn(okJson("{\"ok\":{\"id\":\"t1\",\"size\":3}}")));

        calls.read(api::thing);

        assertThat(methodKeys)
                .containsExactly(Feign.configKey(ThingsApi.class, ThingsApi.class.getMethod("thing")))
                .containsExactly("ThingsApi#thing()");
    }

    @Test
    @DisplayName("turns a failure sent with HTTP 200 into the mapped exception")
    void failureWithStatus200() {
        vendor.stubFor(get(urlPathEqualTo("/thing")).willReturn(okJson("{\"failed\":{\"message\":\"missing\"}}")));

        assertThatThrownBy(() -> calls.read(api::thing))
                .isInstanceOfSatisfying(
                        NotFoundException.class, e -> assertThat(e.httpStatus()).hasValue(200));
        vendor.verify(1, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo("/thing")));
    }

    @Test
    @DisplayName("is given, for a failure, the reply's status, headers and whole body text")
    void failureReply() {
        String body = "{\"failed\":{\"message\":\"missing é\"}}";
        vendor.stubFor(get(urlPathEqualTo("/thing")).willReturn(okJson(body).withHeader("X-Request-Id", "r-1")));

        assertThatThrownBy(() -> calls.read(api::thing)).isInstanceOf(NotFoundException.class);

        assertThat(failures).singleElement().satisfies(reply -> {
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.header("x-request-id")).contains("r-1");
            assertThat(reply.body()).isEqualTo(body);
        });
    }

    @Test
    @DisplayName("never sees empty or malformed bodies: the shared decoder refuses them first")
    void malformed() {
        vendor.stubFor(get(urlPathEqualTo("/thing")).willReturn(okJson("{\"ok\":")));
        assertThatThrownBy(() -> calls.read(api::thing)).isInstanceOf(ProviderProtocolException.class);

        vendor.stubFor(get(urlPathEqualTo("/thing")).willReturn(okJson("{\"ok\":{\"size\":\"many\"}}")));
        assertThatThrownBy(() -> calls.read(api::thing))
                .isInstanceOf(ProviderProtocolException.class)
                .isNotInstanceOf(ProviderUnavailableException.class);
    }
}
