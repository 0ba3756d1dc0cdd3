package dev.chatdirectory.provider.qiscus;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.ProviderConfig;
import dev.chatdirectory.RetrySettings;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs a directory against a plain WireMock server that answers with canned bodies, for the
 * vendor's documented examples and for error responses the emulator never gives.
 */
abstract class StubServerSupport {

    static final String APP_ID = "sdksample";
    static final String SECRET = "7d4a1c5e9b2f8a3c6e0d1b4f7a2c5e8b";
    static final String PASSWORD_SECRET = "stub-password-secret-0123456789";
    static final String BASE = "/api/v2.1/rest";

    @RegisterExtension
    static WireMockExtension qiscus = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    ChatDirectory directory;

    @BeforeEach
    void openDirectory() {
        directory = QiscusProvider.builder().config(config().build()).build();
    }

    @AfterEach
    void closeDirectory() {
        directory.close();
    }

    ProviderConfig.Builder config() {
        return ProviderConfig.builder()
                .endpoint(qiscus.baseUrl() + BASE)
                .credential("appId", APP_ID)
                .credential("secret", SECRET)
                .credential("passwordSecret", PASSWORD_SECRET)
                .property("systemUserId", "system")
                .retry(new RetrySettings(3, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(2)));
    }

    /** Answers every request to an endpoint with a JSON body and status. */
    static void answer(String endpoint, int status, String body) {
        answer(
                endpoint,
                aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody(body));
    }

    /** Answers every request to an endpoint with the given response. */
    static void answer(String endpoint, ResponseDefinitionBuilder response) {
        qiscus.stubFor(any(urlPathEqualTo(BASE + "/" + endpoint)).willReturn(response));
    }

    /** Counts the requests to an endpoint. */
    static int count(String endpoint) {
        return qiscus.countRequestsMatching(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                                urlPathEqualTo(BASE + "/" + endpoint))
                        .build())
                .getCount();
    }
}
