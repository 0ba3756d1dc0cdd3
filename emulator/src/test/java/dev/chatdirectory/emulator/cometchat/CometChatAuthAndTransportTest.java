package dev.chatdirectory.emulator.cometchat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("CometChat emulator: authentication, routing, envelopes, rate limits and faults")
class CometChatAuthAndTransportTest extends EmulatorTestBase {

    @Nested
    @DisplayName("API keys")
    class ApiKeys {

        @Test
        @DisplayName("a missing apikey header is 401 AUTH_ERR_EMPTY_APIKEY")
        void missingKey() {
            CometChatHttp.Response response = api.withoutHeader("apikey").get("/users");

            assertThat(response.status()).isEqualTo(401);
            assertThat(response.error().path("code").asText()).isEqualTo("AUTH_ERR_EMPTY_APIKEY");
            assertThat(response.error().path("source").asText()).isEqualTo("chat-api");
        }

        @Test
        @DisplayName("an unknown key is 401 AUTH_ERR_APIKEY_NOT_FOUND with the key masked 5 + stars + 5")
        void unknownKeyIsMasked() {
            String wrong = "11111" + "abcdefghijklmnopqrstuv" + "11111";
            CometChatHttp.Response response = new CometChatHttp(emulator.baseUrl(), wrong).get("/users");

            assertThat(response.status()).isEqualTo(401);
            assertThat(response.json().toString())
                    .isEqualTo("{\"error\":{"
                            + "\"message\":\"The key 11111**********************11111 does not exist. Please use"
                            + " correct apiKey.\","
                            + "\"devMessage\":\"The 11111**********************11111 key doesn't work. Please use"
                            + " correct apiKey.\","
                            + "\"source\":\"chat-api\",\"code\":\"AUTH_ERR_APIKEY_NOT_FOUND\"}}");
        }

        @Test
        @DisplayName("the header name is case-insensitive (clients send apiKey)")
        void headerNameIsCaseInsensitive() {
            CometChatHttp.Response response = new CometChatHttp(emulator.baseUrl(), null)
                    .withHeader("APIKEY", emulator.apiKey())
                    .get("/users");

            assertThat(response.status()).isEqualTo(200);
        }

        @Test
        @DisplayName("an authOnly key may create users but gets 403 AUTH_ERR_NO_ACCESS elsewhere")
        void authOnlyKey() {
            String authOnly = emulator.addAuthOnlyKey();
            CometChatHttp authApi = new CometChatHttp(emulator.baseUrl(), authOnly);

            CometChatHttp.Response created = authApi.post("/users", "{\"uid\":\"a1\",\"name\":\"A\"}");
            CometChatHttp.Response listed = authApi.get("/users");

            assertThat(created.status()).isEqualTo(200);
            assertThat(listed.status()).isEqualTo(403);
            assertThat(listed.error().path("code").asText()).isEqualTo("AUTH_ERR_NO_ACCESS");
            String masked = authOnly.substring(0, 5) + "*".repeat(22) + authOnly.substring(27);
            assertThat(listed.error().path("message").asText())
                    .isEqualTo("The key " + masked + " cannot be used to perform this operation. Please use API key"
                            + " with a correct scope to perform the operation.");
        }

        @Test
        @DisplayName("the generated key has 32 characters and the app id is reported")
        void generatedCredentials() {
            assertThat(emulator.apiKey()).hasSize(32);
            assertThat(emulator.appId()).isNotBlank();
            assertThat(emulator.baseUrl().toString()).endsWith("/v3");
        }
    }

    @Nested
    @DisplayName("reset")
    class Reset {

        @Test
        @DisplayName("reset forgets users and groups but keeps the API keys")
        void resetKeepsKeys() {
            createUser("superhero1", "Iron Man");
            createGroup("g1", "Group");
            String authOnly = emulator.addAuthOnlyKey();

            emulator.reset();

            assertThat(api.get("/users").data()).isEmpty();
            assertThat(api.get("/groups/g1").status()).isEqualTo(404);
            assertThat(new CometChatHttp(emulator.baseUrl(), authOnly)
                            .get("/users")
                            .status())
                    .isEqualTo(403);
        }
    }

    @Nested
    @DisplayName("routing and envelopes")
    class Routing {

        @Test
        @DisplayName("an unknown route is 404 ERR_API_NOT_FOUND, before the key is checked")
        void unknownRoute() {
            CometChatHttp.Response response = api.withoutHeader("apikey").get("/nothing/here");

            assertThat(response.status()).isEqualTo(404);
            assertThat(response.error().path("code").asText()).isEqualTo("ERR_API_NOT_FOUND");
            assertThat(response.error().path("message").asText())
                    .isEqualTo("The API endpoint is invalid. Please verify the API call.");
        }

        @Test
        @DisplayName("a known path with an unsupported method is 404 ERR_API_NOT_FOUND as well")
        void unknownMethod() {
            CometChatHttp.Response response = api.send("PATCH", "/users", "{}");

            assertThat(response.status()).isEqualTo(404);
            assertThat(response.error().path("code").asText()).isEqualTo("ERR_API_NOT_FOUND");
        }

        @Test
        @DisplayName("paths outside /v3 are not served")
        void outsideBasePath() {
            CometChatHttp.Response response = new CometChatHttp(emulator.rootUrl(), emulator.apiKey())
                    .withHeader("apikey", emulator.apiKey())
                    .get("/v2.0/users");

            assertThat(response.status()).isEqualTo(404);
            assertThat(response.error().path("code").asText()).isEqualTo("ERR_API_NOT_FOUND");
        }

        @Test
        @DisplayName("a malformed JSON body is 400 ERR_BAD_REQUEST")
        void malformedJson() {
            CometChatHttp.Response response = api.post("/users", "{\"uid\": ");

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.error().path("code").asText()).isEqualTo("ERR_BAD_REQUEST");
            assertThat(response.error().path("message").asText())
                    .isEqualTo("Failed to validate the data sent with the request.");
        }

        @Test
        @DisplayName("errors have exactly message, devMessage, source and code, plus details for validation")
        void errorEnvelopeKeys() {
            JsonNode notFound = api.get("/users/ghost").error();
            JsonNode invalid = api.post("/users", "{}").error();

            assertThat(notFound.properties())
                    .extracting(Map.Entry::getKey)
                    .containsExactly("message", "devMessage", "source", "code");
            assertThat(invalid.properties())
                    .extracting(Map.Entry::getKey)
                    .containsExactly("message", "devMessage", "source", "details", "code");
        }

        @Test
        @DisplayName("any Host header is accepted, as the app id lives in the real host name")
        void anyHost() {
            CometChatHttp.Response response = api.withHeader("X-Forwarded-Host", "abc.api-us.cometchat.io")
                    .get("/users");

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("Content-Type"))
                    .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        }
    }

    @Nested
    @DisplayName("rate limiting")
    class RateLimiting {

        @Test
        @DisplayName("requests over the limit get 429 ERR_TOO_MANY_REQUESTS with Retry-After and reset time")
        void overLimit() {
            emulator.simulateRateLimit(2, Duration.ofMillis(15_500));

            CometChatHttp.Response first = api.get("/users");
            CometChatHttp.Response second = api.get("/users");
            CometChatHttp.Response third = api.get("/users");

            assertThat(first.status()).isEqualTo(200);
            assertThat(first.header("X-Rate-Limit")).contains("2");
            assertThat(first.header("X-Rate-Limit-Remaining")).contains("1");
            assertThat(second.header("X-Rate-Limit-Remaining")).contains("0");
            assertThat(third.status()).isEqualTo(429);
            assertThat(third.error().path("code").asText()).isEqualTo("ERR_TOO_MANY_REQUESTS");
            assertThat(third.header("Retry-After")).contains("16");
            assertThat(third.header("X-Rate-Limit-Reset")).contains(Long.toString(T0 + 16));
        }

        @Test
        @DisplayName("the window resets with the clock")
        void windowResets() {
            emulator.simulateRateLimit(1, Duration.ofSeconds(60));
            api.get("/users");
            assertThat(api.get("/users").status()).isEqualTo(429);

            clock.advance(Duration.ofSeconds(60));

            assertThat(api.get("/users").status()).isEqualTo(200);
        }

        @Test
        @DisplayName("Retry-After is at least one second")
        void retryAfterAtLeastOne() {
            emulator.simulateRateLimit(1, Duration.ofMillis(200));
            api.get("/users");

            CometChatHttp.Response limited = api.get("/users");

            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.header("Retry-After")).contains("1");
        }
    }

    @Nested
    @DisplayName("fault injection")
    class Faults {

        @Test
        @DisplayName("a WireMock stub below the model priority wins over the model; other requests reach it")
        void faultStubWins() {
            createUser("superhero1", "Iron Man");
            emulator.wireMock()
                    .stubFor(get(urlPathEqualTo("/v3/users/superhero1"))
                            .atPriority(1)
                            .willReturn(aResponse().withStatus(503).withBody("upstream down")));

            CometChatHttp.Response faulted = api.get("/users/superhero1");
            CometChatHttp.Response listed = api.get("/users");

            assertThat(faulted.status()).isEqualTo(503);
            assertThat(faulted.body()).isEqualTo("upstream down");
            assertThat(listed.status()).isEqualTo(200);
            assertThat(listed.data().get(0).path("uid").asText()).isEqualTo("superhero1");
            emulator.wireMock().verify(1, getRequestedFor(urlPathEqualTo("/v3/users/superhero1")));
        }
    }
}
