package dev.chatdirectory.emulator.qiscus;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.chatdirectory.emulator.VendorEmulator;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Qiscus emulator: transport, authentication, envelopes and operations")
class QiscusEmulatorTest extends QiscusTestSupport {

    @Nested
    @DisplayName("construction")
    class Construction {

        @Test
        @DisplayName("the base URL is the root URL plus /api/v2.1/rest")
        void baseUrl() {
            assertThat(emulator.baseUrl())
                    .isEqualTo(URI.create("http://127.0.0.1:" + emulator.port() + "/api/v2.1/rest"));
        }

        @Test
        @DisplayName("generated credentials are an app id and a 32-hex-character secret, different per emulator")
        void generatedCredentials() {
            try (QiscusEmulator other = new QiscusEmulator()) {
                assertThat(emulator.secretKey()).matches("[0-9a-f]{32}");
                assertThat(emulator.appId()).isNotBlank();
                assertThat(other.secretKey()).isNotEqualTo(emulator.secretKey());
            }
        }

        @Test
        @DisplayName("given credentials are the ones it accepts")
        void givenCredentials() {
            try (QiscusEmulator fixed =
                    new QiscusEmulator(0, "sdksample", "0123456789abcdef0123456789abcdef").start()) {
                Reply reply = send(HttpRequest.newBuilder(URI.create(fixed.baseUrl() + "/get_user_list"))
                        .header("QISCUS-SDK-APP-ID", "sdksample")
                        .header("QISCUS-SDK-SECRET", "0123456789abcdef0123456789abcdef")
                        .build());
                assertThat(reply.ok().path("meta").path("total_data").asInt()).isZero();
            }
        }

        @Test
        @DisplayName("blank credentials are refused")
        void blankCredentials() {
            assertThatThrownBy(() -> new QiscusEmulator(0, " ", "secret"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("appId");
        }
    }

    @Nested
    @DisplayName("authentication")
    class Authentication {

        private Reply listUsersWith(String... headers) {
            return send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/get_user_list"))
                    .headers(headers)
                    .build());
        }

        @Test
        @DisplayName("accepts the documented hyphen headers")
        void hyphenHeaders() {
            assertThat(listUsersWith("QISCUS-SDK-APP-ID", emulator.appId(), "QISCUS-SDK-SECRET", emulator.secretKey())
                            .status())
                    .isEqualTo(200);
        }

        @Test
        @DisplayName("accepts the underscore headers sent by Qiscus's Go client")
        void underscoreHeaders() {
            assertThat(listUsersWith("QISCUS_SDK_APP_ID", emulator.appId(), "QISCUS_SDK_SECRET", emulator.secretKey())
                            .status())
                    .isEqualTo(200);
        }

        @Test
        @DisplayName("accepts mixed spellings and any letter case")
        void mixedAndLowerCase() {
            assertThat(listUsersWith("qiscus-sdk-app-id", emulator.appId(), "Qiscus_Sdk_Secret", emulator.secretKey())
                            .status())
                    .isEqualTo(200);
        }

        @Test
        @DisplayName("answers 401 with the error envelope when the headers are missing")
        void missingHeaders() {
            Reply reply = send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/get_user_list"))
                    .build());
            reply.assertError(401, "unauthorized");
            assertThat(reply.detailedMessages()).containsExactly("invalid app id or secret key");
        }

        @Test
        @DisplayName("answers 401 for a wrong secret key")
        void wrongSecret() {
            listUsersWith("QISCUS-SDK-APP-ID", emulator.appId(), "QISCUS-SDK-SECRET", "0".repeat(32))
                    .assertError(401, "unauthorized");
        }

        @Test
        @DisplayName("answers 401 for a wrong app id")
        void wrongAppId() {
            listUsersWith("QISCUS-SDK-APP-ID", "someone-else", "QISCUS-SDK-SECRET", emulator.secretKey())
                    .assertError(401, "unauthorized");
        }

        @Test
        @DisplayName("changes nothing when refusing a request")
        void refusedWriteChangesNothing() {
            send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/login_or_register"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(json("user_id", "alice", "username", "Alice")))
                            .build())
                    .assertError(401, "unauthorized");
            assertThat(emulator.password("alice")).isEmpty();
        }
    }

    @Nested
    @DisplayName("routing")
    class Routing {

        @Test
        @DisplayName("answers 404 with the error envelope for an unknown endpoint")
        void unknownEndpoint() {
            Reply reply = get("get_user_presence?user_id=alice");
            reply.assertError(404, "route not found");
            assertThat(reply.detailedMessages()).containsExactly("GET /api/v2.1/rest/get_user_presence");
        }

        @Test
        @DisplayName("has no delete-room, ban or role endpoint")
        void noDeleteBanOrRole() {
            post("delete_room", json("room_id", "1")).assertError(404, "route not found");
            post("ban_user", json("user_id", "alice")).assertError(404, "route not found");
            post("add_room_admin", json("room_id", "1")).assertError(404, "route not found");
        }

        @Test
        @DisplayName("answers 404 to a known endpoint called with the wrong method")
        void wrongMethod() {
            get("login_or_register").assertError(404, "route not found");
            post("deactivate_users", json("user_ids", List.of("alice"))).assertError(404, "route not found");
        }

        @Test
        @DisplayName("answers 404 outside the v2.1 base path, even for the legacy v2 API")
        void outsideBasePath() {
            Reply reply = send(HttpRequest.newBuilder(URI.create(emulator.rootUrl() + "/api/v2/rest/get_user_list"))
                    .build());
            reply.assertError(404, "route not found");
        }

        @Test
        @DisplayName("tolerates one trailing slash")
        void trailingSlash() {
            assertThat(get("get_user_list/").status()).isEqualTo(200);
        }
    }

    @Nested
    @DisplayName("request bodies")
    class Bodies {

        @Test
        @DisplayName("refuses a body that is not a JSON object with 400")
        void invalidJson() {
            post("login_or_register", "{not json").assertError(400, "invalid JSON body");
            post("login_or_register", "[1,2]").assertError(400, "invalid JSON body");
        }

        @Test
        @DisplayName("accepts URL-encoded form bodies")
        void formBody() {
            JsonNode user = postForm("login_or_register", "user_id=alice%40example.com&username=Alice+A")
                    .ok()
                    .path("user");
            assertThat(user.path("user_id").asText()).isEqualTo("alice@example.com");
            assertThat(user.path("username").asText()).isEqualTo("Alice A");
        }

        @Test
        @DisplayName("accepts arrays under the bracketed key in JSON")
        void bracketedKeyInJson() {
            register("alice", "Alice");
            register("bob", "Bob");
            JsonNode room = post(
                            "create_room",
                            json("room_name", "R", "creator", "alice", "participants[]", List.of("alice", "bob")))
                    .ok()
                    .path("room");
            assertThat(emulator.participants(room.path("room_id").asText())).containsExactly("alice", "bob");
        }

        @Test
        @DisplayName("refuses an object where a string is expected")
        void objectForString() {
            post("login_or_register", json("user_id", Map.of("a", 1), "username", "x"))
                    .assertError(400, "user_id must be a string");
        }
    }

    @Nested
    @DisplayName("rate-limit simulation")
    class RateLimit {

        @Test
        @DisplayName("answers 429 with Retry-After and the error envelope beyond the limit, then recovers")
        void limitsAndRecovers() {
            MutableClock clock = new MutableClock(Instant.parse("2024-01-01T00:00:00Z"));
            emulator.useClock(clock);
            emulator.simulateRateLimit(2, Duration.ofSeconds(60));

            assertThat(get("get_user_list").status()).isEqualTo(200);
            assertThat(get("get_user_list").status()).isEqualTo(200);
            clock.advance(Duration.ofMillis(15_500));
            Reply limited = get("get_user_list");
            limited.assertError(429, "too many requests");
            assertThat(limited.headers().firstValue("Retry-After")).contains("45");
            assertThat(limited.detailedMessages()).containsExactly("rate limit of 2 requests exceeded");

            clock.advance(Duration.ofSeconds(45));
            assertThat(get("get_user_list").status()).isEqualTo(200);
        }

        @Test
        @DisplayName("stops limiting when asked")
        void stops() {
            emulator.simulateRateLimit(1, Duration.ofHours(1));
            get("get_user_list");
            assertThat(get("get_user_list").status()).isEqualTo(429);
            emulator.stopRateLimit();
            assertThat(get("get_user_list").status()).isEqualTo(200);
        }
    }

    @Nested
    @DisplayName("fault injection and reset")
    class Faults {

        @Test
        @DisplayName("a WireMock stub below the model's priority wins over the model for its request only")
        void faultStubWins() {
            emulator.wireMock()
                    .stubFor(WireMock.post(urlPathEqualTo("/api/v2.1/rest/login_or_register"))
                            .atPriority(1)
                            .willReturn(aResponse().withStatus(503).withBody("maintenance")));

            Reply failed = send(request("login_or_register")
                    .POST(HttpRequest.BodyPublishers.ofString(json("user_id", "alice", "username", "A")))
                    .build());
            assertThat(failed.status()).isEqualTo(503);
            assertThat(failed.body().asText()).isEqualTo("maintenance");
            assertThat(emulator.password("alice")).isEmpty();
            assertThat(get("get_user_list").status()).isEqualTo(200);
            assertThat(VendorEmulator.MODEL_PRIORITY).isGreaterThan(1);
        }

        @Test
        @DisplayName("reset forgets users and rooms, restarts ids and removes fault stubs")
        void reset() {
            register("alice", "Alice");
            String roomId = createGroup("R", "alice", "alice");
            emulator.wireMock()
                    .stubFor(WireMock.post(urlPathEqualTo("/api/v2.1/rest/create_room"))
                            .atPriority(1)
                            .willReturn(aResponse().withStatus(500)));

            emulator.reset();

            get("user_profile?user_id=alice").assertError(404, "user not found");
            register("alice", "Alice");
            assertThat(createGroup("R", "alice", "alice")).isEqualTo(roomId);
        }
    }

    @Nested
    @DisplayName("test hooks")
    class Hooks {

        @Test
        @DisplayName("presence can be set and read back but is served by no endpoint")
        void presence() {
            register("alice", "Alice");
            Instant seen = Instant.parse("2024-03-01T10:15:30Z");
            assertThat(emulator.presence("alice")).isEmpty();

            emulator.setPresence("alice", true, seen);

            assertThat(emulator.presence("alice")).contains(new QiscusPresence(true, seen));
            assertThat(get("user_profile?user_id=alice").ok().path("user").has("online"))
                    .isFalse();
        }

        @Test
        @DisplayName("presence of an unknown user is refused")
        void presenceOfUnknownUser() {
            assertThatThrownBy(() -> emulator.setPresence("ghost", false, Instant.EPOCH))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("unknown user: ghost");
        }

        @Test
        @DisplayName("createUser seeds a user the API then serves, with the API's id rule")
        void createUser() {
            emulator.createUser("seeded@example.com", "Seeded");

            JsonNode user = get("user_profile?user_id=seeded@example.com").ok().path("user");
            assertThat(user.path("username").asText()).isEqualTo("Seeded");
            assertThat(emulator.password("seeded@example.com")).isPresent();
            assertThatThrownBy(() -> emulator.createUser("bad id", "x")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> emulator.createUser("seeded@example.com", "x"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("user already exists: seeded@example.com");
        }

        @Test
        @DisplayName("participants of an unknown room are refused")
        void participantsOfUnknownRoom() {
            assertThatThrownBy(() -> emulator.participants("42")).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
