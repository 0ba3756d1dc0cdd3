package dev.chatdirectory.provider.atomchat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.chatdirectory.ChatDirectory;
import java.net.URI;
import java.time.Clock;

/**
 * A plain WireMock server answering AtomChat endpoints with canned replies, such as the examples
 * of the vendor reference, for tests that need a reply the emulator never gives.
 */
final class StubAtomChat implements AutoCloseable {

    /** A key in AtomChat's shape; the stub does not check it. */
    static final String API_KEY = "12345x0123456789abcdef0123456789abcdef";

    private final WireMockServer server =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());

    StubAtomChat() {
        server.start();
    }

    WireMockServer server() {
        return server;
    }

    URI baseUrl() {
        return URI.create(server.baseUrl() + "/api/v2");
    }

    ChatDirectory open() {
        return Directories.open(baseUrl(), API_KEY);
    }

    ChatDirectory open(Clock clock) {
        return AtomChatProvider.builder()
                .config(Directories.config(baseUrl(), API_KEY))
                .clock(clock)
                .build();
    }

    /** Answers every call of an endpoint with HTTP 200 and the JSON text. */
    StubAtomChat reply(String endpoint, String json) {
        return reply(
                endpoint,
                aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(json));
    }

    /** Answers every call of an endpoint with the response. */
    StubAtomChat reply(String endpoint, ResponseDefinitionBuilder response) {
        server.stubFor(post(path(endpoint)).willReturn(response));
        return this;
    }

    /** Answers calls of an endpoint whose form field has the value with HTTP 200 and the JSON text. */
    StubAtomChat replyWhen(String endpoint, String field, String value, String json) {
        server.stubFor(post(path(endpoint))
                .withFormParam(field, equalTo(value))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(json)));
        return this;
    }

    /** Answers successive calls of an endpoint with the JSON texts in turn, the last one from then on. */
    StubAtomChat replyInTurn(String endpoint, String... jsons) {
        for (int i = 0; i < jsons.length; i++) {
            server.stubFor(post(path(endpoint))
                    .inScenario(endpoint)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "call " + i)
                    .willSetStateTo(i == jsons.length - 1 ? "call " + i : "call " + (i + 1))
                    .willReturn(aResponse()
                            .withStatus(200)
                            .withHeader("Content-Type", "application/json")
                            .withBody(jsons[i])));
        }
        return this;
    }

    int calls(String endpoint) {
        return server.countRequestsMatching(postRequestedFor(path(endpoint)).build())
                .getCount();
    }

    private static com.github.tomakehurst.wiremock.matching.UrlPathPattern path(String endpoint) {
        return urlPathEqualTo("/api/v2/" + endpoint);
    }

    @Override
    public void close() {
        server.stop();
    }
}
