package dev.chatdirectory.emulator.atomchat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatdirectory.emulator.VendorEmulator;
import dev.chatdirectory.emulator.atomchat.AtomChatCalls.Reply;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("AtomChat emulator transport")
class AtomChatTransportTest {

    private static AtomChatEmulator emulator;
    private static AtomChatCalls calls;

    @BeforeAll
    static void start() {
        emulator = new AtomChatEmulator().start();
        calls = new AtomChatCalls(emulator);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @BeforeEach
    void clean() {
        emulator.reset();
        emulator.useClock(Clock.systemUTC());
    }

    @Nested
    @DisplayName("configuration")
    class Configuration {

        @Test
        @DisplayName("the base URL ends with /api/v2 and the generated key has the vendor's shape")
        void baseUrlAndGeneratedKey() {
            assertThat(emulator.baseUrl().toString()).isEqualTo("http://127.0.0.1:" + emulator.port() + "/api/v2");
            assertThat(emulator.apiKey()).matches("[0-9]{5}x[0-9a-f]{32}");
            assertThat(emulator.apiKey()).startsWith(emulator.appId() + "x");
        }

        @Test
        @DisplayName("a key that does not look like <appId>x<32 hex> is refused at construction")
        void badKeyShape() {
            assertThatThrownBy(() -> new AtomChatEmulator(0, "secret"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("<appId>x");
            assertThatThrownBy(() -> new AtomChatEmulator(0, "123x0123456789ABCDEF0123456789ABCDEF"))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        @DisplayName("a chosen key is the only one accepted")
        void chosenKey() {
            String key = "57843x70ae16ff3ac49873c0b09a3043310cb2";
            try (AtomChatEmulator custom = new AtomChatEmulator(0, key).start()) {
                AtomChatCalls customCalls = new AtomChatCalls(custom);
                assertThat(custom.apiKey()).isEqualTo(key);
                assertThat(custom.appId()).isEqualTo("57843");
                customCalls.post("listUsers").assertSuccess("List fetched successfully");
            }
        }
    }

    @Nested
    @DisplayName("authentication")
    class Authentication {

        @Test
        @DisplayName("a missing key is answered with HTTP 200 and failed status 1010")
        void missingKey() {
            Reply reply = calls.call("listUsers").withoutHeader("api-key").send();
            reply.assertFailed("1010", "Invalid API KEY");
            assertThat(reply.headers().firstValue("Content-Type")).hasValue("application/json");
        }

        @Test
        @DisplayName("a wrong key of the right shape is refused the same way and changes nothing")
        void wrongKey() {
            calls.call("createUser")
                    .header("api-key", emulator.appId() + "x00000000000000000000000000000000")
                    .field("UID", "u1")
                    .send()
                    .assertFailed("1010", "Invalid API KEY");
            calls.post("getUser", "UID", "u1").assertFailed("User not registered");
        }

        @Test
        @DisplayName("the header name is matched case-insensitively")
        void headerCase() {
            calls.call("listUsers")
                    .withoutHeader("api-key")
                    .header("API-Key", emulator.apiKey())
                    .send()
                    .assertSuccess("List fetched successfully");
        }

        @Test
        @DisplayName("the key is also accepted as a form field, in both encodings")
        void keyAsFormField() {
            calls.call("listUsers")
                    .withoutHeader("api-key")
                    .field("api-key", emulator.apiKey())
                    .send()
                    .assertSuccess("List fetched successfully");
            calls.call("listUsers")
                    .withoutHeader("api-key")
                    .multipart()
                    .field("api-key", emulator.apiKey())
                    .send()
                    .assertSuccess("List fetched successfully");
        }
    }

    @Nested
    @DisplayName("routing")
    class Routing {

        @Test
        @DisplayName("an unknown endpoint is a 404 with a failed envelope")
        void unknownEndpoint() {
            Reply reply = calls.post("sendMessage", "senderUID", "u1");
            assertThat(reply.status()).isEqualTo(404);
            JsonNode failed = reply.failed();
            assertThat(failed.get("status").asText()).isEqualTo("404");
            assertThat(failed.get("message").asText()).isEqualTo("Unknown endpoint: POST /api/v2/sendMessage");
        }

        @Test
        @DisplayName("endpoint names are case-sensitive: the legacy lowercase names are not served")
        void caseSensitiveNames() {
            assertThat(calls.post("createuser", "UID", "u1").status()).isEqualTo(404);
            assertThat(calls.post("CreateUser", "UID", "u1").status()).isEqualTo(404);
        }

        @Test
        @DisplayName("only POST is served, even for reads")
        void onlyPost() {
            assertThat(calls.call("listUsers").method("GET").send().status()).isEqualTo(404);
            assertThat(calls.call("listUsers").method("PUT").send().status()).isEqualTo(404);
        }

        @Test
        @DisplayName("a body that is not a form carries no fields, as PHP's $_POST would see it")
        void jsonBodyHasNoFields() {
            calls.call("createUser")
                    .json("{\"UID\":\"u1\",\"name\":\"One\"}")
                    .send()
                    .assertFailed("Invalid UID.");
        }
    }

    @Nested
    @DisplayName("form decoding")
    class FormDecoding {

        private static final String TRICKY_NAME = "Zoë O'Brien & Søn, Ltd. = 100% ü+1 日本";

        @Test
        @DisplayName("URL-encoded values keep spaces, '&', '=', '+', commas and non-ASCII text")
        void urlEncoded() {
            calls.post("createUser", "UID", "u1", "name", TRICKY_NAME, "profileURL", "https://x.test/p?a=1&b=2");
            JsonNode user = calls.post("getUser", "UID", "u1").assertSuccess("User details accessed successfully");
            assertThat(user.at("/data/user/name").asText()).isEqualTo(TRICKY_NAME);
            assertThat(user.at("/data/user/link").asText()).isEqualTo("https://x.test/p?a=1&b=2");
        }

        @Test
        @DisplayName("multipart values are decoded the same way")
        void multipart() {
            calls.call("createUser")
                    .multipart()
                    .field("UID", "u2")
                    .field("name", TRICKY_NAME)
                    .field("avatarURL", "https://x.test/a b.png")
                    .send()
                    .assertSuccess("User created successfully!");
            JsonNode user =
                    calls.call("getUser").multipart().field("UID", "u2").send().success();
            assertThat(user.at("/data/user/name").asText()).isEqualTo(TRICKY_NAME);
            assertThat(user.at("/data/user/avatar").asText()).isEqualTo("https://x.test/a b.png");
        }

        @Test
        @DisplayName("comma lists are split on commas and trimmed, in both encodings")
        void commaLists() {
            calls.createUser("a", "A");
            calls.createUser("b", "B");
            calls.createGroup("g", "G");
            calls.post("addUsersToGroup", "GUID", "g", "UIDs", " a , ,b ").assertSuccess("Users added successfully.");
            JsonNode members = calls.call("getGroupUserList")
                    .multipart()
                    .field("GUIDs", " g ,")
                    .send()
                    .success();
            assertThat(members.at("/data/g").findValuesAsText("uid")).containsExactly("a", "b");
        }
    }

    @Nested
    @DisplayName("rate limit simulation")
    class RateLimit {

        @Test
        @DisplayName("requests over the limit get 429 with Retry-After and a failed envelope, until the window ends")
        void rateLimited() {
            Instant start = Instant.parse("2024-05-01T10:00:00Z");
            emulator.useClock(Clock.fixed(start, ZoneOffset.UTC));
            emulator.simulateRateLimit(2, Duration.ofSeconds(60));

            calls.post("listUsers").assertSuccess("List fetched successfully");
            calls.post("listUsers").assertSuccess("List fetched successfully");
            emulator.useClock(Clock.fixed(start.plusMillis(20_500), ZoneOffset.UTC));
            Reply limited = calls.post("createUser", "UID", "u1");

            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.headers().firstValue("Retry-After")).hasValue("40");
            JsonNode failed = limited.failed();
            assertThat(failed.get("status").asText()).isEqualTo("429");
            assertThat(failed.get("message").asText()).isEqualTo("Too many requests. Retry after 40 seconds.");

            emulator.useClock(Clock.fixed(start.plusSeconds(60), ZoneOffset.UTC));
            calls.post("getUser", "UID", "u1").assertFailed("User not registered");
        }

        @Test
        @DisplayName("stopping the simulation lets every request through again")
        void stopRateLimit() {
            emulator.simulateRateLimit(1, Duration.ofHours(1));
            calls.post("listUsers").assertSuccess("List fetched successfully");
            assertThat(calls.post("listUsers").status()).isEqualTo(429);
            emulator.stopRateLimit();
            calls.post("listUsers").assertSuccess("List fetched successfully");
        }
    }

    @Nested
    @DisplayName("fault injection and reset")
    class Faults {

        @Test
        @DisplayName("a WireMock stub with a priority below the model's wins, other endpoints still reach the model")
        void faultStubWins() {
            emulator.wireMock()
                    .stubFor(post(urlPathEqualTo("/api/v2/getUser"))
                            .atPriority(VendorEmulator.MODEL_PRIORITY - 1)
                            .willReturn(aResponse().withStatus(503).withBody("maintenance")));

            calls.createUser("u1", "One");
            Reply reply = calls.call("getUser").field("UID", "u1").send();

            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.body()).isEqualTo("maintenance");
            calls.post("listUsers").assertSuccess("List fetched successfully");
        }

        @Test
        @DisplayName("reset forgets users, groups and fault stubs")
        void resetForgetsEverything() {
            calls.createUser("u1", "One");
            calls.createGroup("g1", "Group");
            emulator.wireMock()
                    .stubFor(post(urlPathEqualTo("/api/v2/listUsers"))
                            .atPriority(1)
                            .willReturn(aResponse().withStatus(500)));

            emulator.reset();

            assertThat(calls.post("listUsers").success().get("data")).isEmpty();
            assertThat(calls.post("getGroupList").success().get("data")).isEmpty();
            calls.createUser("u1", "One again");
            assertThat(calls.post("getUser", "UID", "u1")
                            .success()
                            .at("/data/user/cid")
                            .asText())
                    .isEqualTo("1");
        }
    }
}
