package dev.chatdirectory.emulator.qiscus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Qiscus emulator: user endpoints")
class QiscusUserEndpointsTest extends QiscusTestSupport {

    @Nested
    @DisplayName("POST login_or_register")
    class LoginOrRegister {

        @Test
        @DisplayName("creates a user and answers the v2.1 user object with the default avatar")
        void creates() {
            Reply reply = post("login_or_register", json("user_id", "guest@qiscus.com", "username", "Guest"));

            JsonNode user = reply.ok().path("user");
            assertThat(reply.body().fieldNames()).toIterable().containsExactly("results", "status");
            assertThat(user.fieldNames())
                    .toIterable()
                    .containsExactly("user_id", "username", "avatar_url", "extras", "active");
            assertThat(user.path("user_id").asText()).isEqualTo("guest@qiscus.com");
            assertThat(user.path("username").asText()).isEqualTo("Guest");
            assertThat(user.path("avatar_url").asText()).isEqualTo(QiscusStore.DEFAULT_AVATAR_URL);
            assertThat(user.path("extras")).isEqualTo(JSON.createObjectNode());
            assertThat(user.path("active").asBoolean()).isTrue();
            assertThat(user.has("token")).isFalse();
        }

        @Test
        @DisplayName("generates a password when none is given, treating an empty one as none")
        void generatesPassword() {
            post("login_or_register", json("user_id", "alice", "username", "Alice", "password", "", "avatar_url", ""))
                    .ok();

            assertThat(emulator.password("alice"))
                    .hasValueSatisfying(p -> assertThat(p).hasSize(16));
            assertThat(emulator.passwordMatches("alice", "")).isFalse();
            assertThat(emulator.passwordChangeCount("alice")).isZero();
        }

        @Test
        @DisplayName("keeps the password given at creation")
        void keepsGivenPassword() {
            post("login_or_register", json("user_id", "alice", "username", "Alice", "password", "s3cret"))
                    .ok();

            assertThat(emulator.passwordMatches("alice", "s3cret")).isTrue();
            assertThat(emulator.passwordChangeCount("alice")).isZero();
        }

        @Test
        @DisplayName("accepts letters, digits and . - _ @ in user ids and refuses anything else with 400")
        void userIdRule() {
            assertThat(register("a.b-c_d@E9", "ok").path("user_id").asText()).isEqualTo("a.b-c_d@E9");
            for (String bad : List.of("with space", "hash#tag", "plus+sign", "ümlaut")) {
                post("login_or_register", json("user_id", bad, "username", "x"))
                        .assertError(
                                400, "user_id can only contain letters, numbers and the symbols '.', '-', '_' and '@'");
            }
        }

        @Test
        @DisplayName("requires user_id and username")
        void requiredFields() {
            post("login_or_register", json("username", "x")).assertError(400, "user_id is required");
            post("login_or_register", json("user_id", "alice")).assertError(400, "username is required");
            post("login_or_register", json("user_id", "alice", "username", "  "))
                    .assertError(400, "username is required");
        }

        @Test
        @DisplayName("refuses to update an existing user without a password and changes nothing")
        void existingUserWithoutPassword() {
            register("alice", "Alice");

            Reply reply = post("login_or_register", json("user_id", "alice", "username", "Renamed"));

            reply.assertError(400, "password is required to update an existing user");
            assertThat(reply.detailedMessages()).containsExactly("password is required to update an existing user");
            assertThat(get("user_profile?user_id=alice")
                            .ok()
                            .path("user")
                            .path("username")
                            .asText())
                    .isEqualTo("Alice");
        }

        @Test
        @DisplayName("updates the profile with the current password without counting a password change")
        void updateWithSamePassword() {
            post("login_or_register", json("user_id", "alice", "username", "Alice", "password", "pw1"))
                    .ok();

            JsonNode user = post(
                            "login_or_register",
                            json(
                                    "user_id", "alice",
                                    "username", "Alice Liddell",
                                    "password", "pw1",
                                    "avatar_url", "https://img.example/a.png",
                                    "extras", Map.of("team", "red")))
                    .ok()
                    .path("user");

            assertThat(user.path("username").asText()).isEqualTo("Alice Liddell");
            assertThat(user.path("avatar_url").asText()).isEqualTo("https://img.example/a.png");
            assertThat(user.path("extras").path("team").asText()).isEqualTo("red");
            assertThat(emulator.passwordChangeCount("alice")).isZero();
        }

        @Test
        @DisplayName("changes the password when a different one is sent, and counts it")
        void changesPassword() {
            post("login_or_register", json("user_id", "alice", "username", "Alice", "password", "pw1"))
                    .ok();

            post("login_or_register", json("user_id", "alice", "username", "Alice", "password", "pw2"))
                    .ok();

            assertThat(emulator.passwordMatches("alice", "pw1")).isFalse();
            assertThat(emulator.passwordMatches("alice", "pw2")).isTrue();
            assertThat(emulator.passwordChangeCount("alice")).isEqualTo(1);
        }

        @Test
        @DisplayName("keeps avatar and extras the update omits")
        void keepsOmittedFields() {
            post(
                            "login_or_register",
                            json(
                                    "user_id", "alice",
                                    "username", "Alice",
                                    "password", "pw",
                                    "avatar_url", "https://img.example/a.png",
                                    "extras", Map.of("k", "v")))
                    .ok();

            JsonNode user = post(
                            "login_or_register",
                            json("user_id", "alice", "username", "Alice 2", "password", "pw", "avatar_url", ""))
                    .ok()
                    .path("user");

            assertThat(user.path("avatar_url").asText()).isEqualTo("https://img.example/a.png");
            assertThat(user.path("extras").path("k").asText()).isEqualTo("v");
        }

        @Test
        @DisplayName("accepts extras as a JSON string and refuses extras that are not an object")
        void extrasForms() {
            JsonNode user = post("login_or_register", json("user_id", "alice", "username", "A", "extras", "{\"a\":1}"))
                    .ok()
                    .path("user");
            assertThat(user.path("extras").path("a").asInt()).isEqualTo(1);

            post("login_or_register", json("user_id", "bob", "username", "B", "extras", "not json"))
                    .assertError(400, "extras must be a JSON object");
            post("login_or_register", json("user_id", "bob", "username", "B", "extras", List.of(1, 2)))
                    .assertError(400, "extras must be a JSON object");
        }
    }

    @Nested
    @DisplayName("GET user_profile")
    class UserProfile {

        @Test
        @DisplayName("returns the user object")
        void returnsUser() {
            register("alice", "Alice");

            JsonNode user = get("user_profile?user_id=alice").ok().path("user");

            assertThat(user.path("user_id").asText()).isEqualTo("alice");
            assertThat(user.path("active").asBoolean()).isTrue();
        }

        @Test
        @DisplayName("answers 404 user not found for an unknown user and 400 without user_id")
        void unknownAndMissing() {
            get("user_profile?user_id=ghost").assertError(404, "user not found");
            get("user_profile").assertError(400, "user_id is required");
        }
    }

    @Nested
    @DisplayName("GET get_user_list")
    class UserList {

        @Test
        @DisplayName("lists items whose user id is in email, with an integer id and microsecond timestamps")
        void itemShape() {
            emulator.useClock(new MutableClock(Instant.parse("2024-05-06T07:08:09.123456789Z")));
            register("alice@example.com", "Alice");

            JsonNode results = get("get_user_list").ok();
            JsonNode item = results.path("users").get(0);

            assertThat(item.fieldNames())
                    .toIterable()
                    .containsExactlyInAnyOrder(
                            "id",
                            "email",
                            "name",
                            "username",
                            "avatar_url",
                            "extras",
                            "active",
                            "created_at",
                            "updated_at");
            assertThat(item.path("id").isIntegralNumber()).isTrue();
            assertThat(item.path("email").asText()).isEqualTo("alice@example.com");
            assertThat(item.path("name").asText()).isEqualTo("Alice");
            assertThat(item.path("username").asText()).isEqualTo("Alice");
            assertThat(item.has("user_id")).isFalse();
            assertThat(item.path("created_at").asText()).isEqualTo("2024-05-06T07:08:09.123456Z");
            assertThat(item.path("updated_at").asText()).isEqualTo("2024-05-06T07:08:09.123456Z");
            assertThat(results.path("meta").path("total_data").asInt()).isEqualTo(1);
            assertThat(results.path("meta").path("total_page").asInt()).isEqualTo(1);
        }

        @Test
        @DisplayName("orders newest first by default and oldest first with created_at asc")
        void ordering() {
            MutableClock clock = new MutableClock(Instant.parse("2024-01-01T00:00:00Z"));
            emulator.useClock(clock);
            for (String id : List.of("u1", "u2", "u3")) {
                register(id, id);
                clock.advance(Duration.ofSeconds(1));
            }

            assertThat(field(get("get_user_list").ok().path("users"), "email")).containsExactly("u3", "u2", "u1");
            assertThat(field(
                            get("get_user_list?order_query=created_at+desc+nulls+last")
                                    .ok()
                                    .path("users"),
                            "email"))
                    .containsExactly("u3", "u2", "u1");
            assertThat(field(
                            get("get_user_list?order_query=created_at%20asc")
                                    .ok()
                                    .path("users"),
                            "email"))
                    .containsExactly("u1", "u2", "u3");
        }

        @Test
        @DisplayName("pages 1-based with total_page = ceil(total_data / limit)")
        void pagination() {
            emulator.useClock(new MutableClock(Instant.parse("2024-01-01T00:00:00Z")));
            IntStream.rangeClosed(1, 5).forEach(i -> register("u" + i, "User " + i));

            JsonNode first = get("get_user_list?page=1&limit=2&order_query=created_at+asc")
                    .ok();
            JsonNode last = get("get_user_list?page=3&limit=2&order_query=created_at+asc")
                    .ok();
            JsonNode past = get("get_user_list?page=4&limit=2").ok();

            assertThat(first.path("meta").path("total_data").asInt()).isEqualTo(5);
            assertThat(first.path("meta").path("total_page").asInt()).isEqualTo(3);
            assertThat(field(first.path("users"), "email")).containsExactly("u1", "u2");
            assertThat(field(last.path("users"), "email")).containsExactly("u5");
            assertThat(past.path("users")).isEmpty();
        }

        @Test
        @DisplayName("defaults to 20 per page and caps limit at 100")
        void defaultAndMaximumLimit() {
            IntStream.rangeClosed(1, 101).forEach(i -> emulator.createUser("u" + i, "User " + i));

            assertThat(get("get_user_list").ok().path("users")).hasSize(20);
            JsonNode capped = get("get_user_list?limit=500").ok();
            assertThat(capped.path("users")).hasSize(100);
            assertThat(capped.path("meta").path("total_page").asInt()).isEqualTo(2);
            assertThat(get("get_user_list?limit=abc&page=-3").ok().path("users"))
                    .hasSize(20);
        }

        @Test
        @DisplayName("refuses an order_query it does not understand")
        void badOrderQuery() {
            get("get_user_list?order_query=drop+table").assertError(400, "order_query is invalid: drop table");
        }
    }

    @Nested
    @DisplayName("DELETE deactivate_users and POST reactivate_users")
    class Activation {

        @Test
        @DisplayName("deactivated users leave the list unless show_all=true and stay readable as inactive")
        void deactivate() {
            register("alice", "Alice");
            register("bob", "Bob");

            JsonNode results = delete("deactivate_users", json("user_ids", List.of("alice")))
                    .ok();

            assertThat(results.path("message").asText()).isEqualTo("deactivated 1 users");
            assertThat(field(get("get_user_list").ok().path("users"), "email")).containsExactly("bob");
            JsonNode all = get("get_user_list?show_all=true&order_query=created_at+asc")
                    .ok();
            assertThat(field(all.path("users"), "email")).containsExactly("alice", "bob");
            assertThat(all.path("users").get(0).path("active").asBoolean()).isFalse();
            assertThat(all.path("meta").path("total_data").asInt()).isEqualTo(2);
            assertThat(get("user_profile?user_id=alice")
                            .ok()
                            .path("user")
                            .path("active")
                            .asBoolean())
                    .isFalse();
        }

        @Test
        @DisplayName("reactivated users are listed and active again")
        void reactivate() {
            register("alice", "Alice");
            delete("deactivate_users", json("user_ids", List.of("alice"))).ok();

            JsonNode results = postForm("reactivate_users", "user_ids[]=alice").ok();

            assertThat(results.path("message").asText()).isEqualTo("reactivated 1 users");
            assertThat(field(get("get_user_list").ok().path("users"), "email")).containsExactly("alice");
        }

        @Test
        @DisplayName("refuses unknown ids with 400 naming them, and changes nothing")
        void unknownIds() {
            register("alice", "Alice");

            Reply reply = delete("deactivate_users", json("user_ids", List.of("alice", "ghost")));

            reply.assertError(400, "user not found");
            assertThat(reply.detailedMessages()).containsExactly("user ghost not found");
            assertThat(get("user_profile?user_id=alice")
                            .ok()
                            .path("user")
                            .path("active")
                            .asBoolean())
                    .isTrue();
        }

        @Test
        @DisplayName("requires user_ids")
        void requiresIds() {
            delete("deactivate_users", json("user_ids", List.of())).assertError(400, "user_ids is required");
            post("reactivate_users", "{}").assertError(400, "user_ids is required");
        }
    }

    @Nested
    @DisplayName("tokens")
    class Tokens {

        @Test
        @DisplayName("get_user_token returns the token and reset_user_token replaces it")
        void tokens() {
            register("alice", "Alice");
            String token =
                    get("get_user_token?user_id=alice").ok().path("token").asText();

            String reset = post("reset_user_token", json("user_id", "alice"))
                    .ok()
                    .path("token")
                    .asText();

            assertThat(token).isNotBlank();
            assertThat(reset).isNotBlank().isNotEqualTo(token);
            assertThat(get("get_user_token?user_id=alice").ok().path("token").asText())
                    .isEqualTo(reset);
        }

        @Test
        @DisplayName("answers 404 for unknown users")
        void unknownUser() {
            get("get_user_token?user_id=ghost").assertError(404, "user not found");
            post("reset_user_token", json("user_id", "ghost")).assertError(404, "user not found");
        }
    }
}
