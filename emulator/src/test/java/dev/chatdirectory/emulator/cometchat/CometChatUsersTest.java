package dev.chatdirectory.emulator.cometchat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("CometChat emulator: users")
class CometChatUsersTest extends EmulatorTestBase {

    private static List<String> uids(JsonNode array) {
        List<String> uids = new ArrayList<>();
        array.forEach(u -> uids.add(u.path("uid").asText()));
        return uids;
    }

    @Nested
    @DisplayName("create")
    class Create {

        @Test
        @DisplayName("stores every attribute, lower-cases the UID and echoes tags and an auth token")
        void createsFullUser() {
            CometChatHttp.Response response = api.post(
                    "/users",
                    "{\"uid\":\"SuperHero6\",\"name\":\"Barry Allen\",\"avatar\":\"https://example.com/a.png\","
                            + "\"link\":\"https://example.com/u/6\",\"statusMessage\":\"on leave\","
                            + "\"metadata\":{\"externalId\":\"1849031\"},\"tags\":[\"engineer\"],"
                            + "\"withAuthToken\":true}");

            assertThat(response.status()).isEqualTo(200);
            JsonNode user = response.data();
            assertThat(user.path("uid").asText()).isEqualTo("superhero6");
            assertThat(user.path("name").asText()).isEqualTo("Barry Allen");
            assertThat(user.path("avatar").asText()).isEqualTo("https://example.com/a.png");
            assertThat(user.path("link").asText()).isEqualTo("https://example.com/u/6");
            assertThat(user.path("metadata").path("externalId").asText()).isEqualTo("1849031");
            assertThat(user.path("statusMessage").asText()).isEqualTo("on leave");
            assertThat(user.path("status").asText()).isEqualTo("offline");
            assertThat(user.path("role").asText()).isEqualTo("default");
            assertThat(user.path("createdAt").asLong()).isEqualTo(T0);
            assertThat(user.path("tags").toString()).isEqualTo("[\"engineer\"]");
            assertThat(user.path("authToken").asText()).matches("superhero6_" + T0 + "[0-9a-f]{30}");
        }

        @Test
        @DisplayName("hands out an auth token only when asked, unless told to hand one out on every create")
        void authTokens() {
            // An emulator of its own: the setting and the issued tokens outlive resets.
            try (CometChatEmulator own = new CometChatEmulator()) {
                own.start();
                own.useClock(clock);
                CometChatHttp http = new CometChatHttp(own.baseUrl(), own.apiKey());
                JsonNode unasked = http.post("/users", "{\"uid\":\"superhero1\",\"name\":\"Iron Man\"}")
                        .data();
                JsonNode asked = http.post("/users", "{\"uid\":\"SuperHero2\",\"name\":\"Cap\",\"withAuthToken\":true}")
                        .data();
                own.issueAuthTokensUnasked();
                own.reset();
                JsonNode afterReset = http.post("/users", "{\"uid\":\"superhero3\",\"name\":\"Spidey\"}")
                        .data();

                assertThat(unasked.has("authToken")).isFalse();
                assertThat(asked.path("authToken").asText()).matches("superhero2_" + T0 + "[0-9a-f]{30}");
                assertThat(afterReset.path("authToken").asText()).matches("superhero3_" + T0 + "[0-9a-f]{30}");
                assertThat(own.issuedAuthTokens())
                        .containsExactly(
                                asked.path("authToken").asText(),
                                afterReset.path("authToken").asText());
                assertThat(http.get("/users/superhero3").data().has("authToken"))
                        .as("only the create answer carries the token")
                        .isFalse();
            }
        }

        @Test
        @DisplayName("omits unset optional attributes instead of sending null")
        void omitsUnsetAttributes() {
            JsonNode user = createUser("plain", "Plain User").data();

            assertThat(user.properties())
                    .extracting(Map.Entry::getKey)
                    .containsExactly("uid", "name", "status", "role", "createdAt");
        }

        @Test
        @DisplayName("reports missing uid and name with Laravel messages")
        void requiredFields() {
            CometChatHttp.Response response = api.post("/users", "{\"uid\":\"  \"}");

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.error().path("code").asText()).isEqualTo("ERR_BAD_REQUEST");
            assertThat(response.error().path("message").asText())
                    .isEqualTo("Failed to validate the data sent with the request.");
            assertThat(response.error().path("details").toString())
                    .isEqualTo("{\"uid\":[\"The uid field is required.\"],"
                            + "\"name\":[\"The name field is required.\"]}");
        }

        @Test
        @DisplayName("rejects non alpha-dash or over-long UIDs, bad URLs, blank tags and non-object metadata")
        void fieldRules() {
            CometChatHttp.Response response = api.post(
                    "/users",
                    "{\"uid\":\"bad uid!\",\"name\":\"" + "n".repeat(101) + "\",\"avatar\":\"not a url\","
                            + "\"tags\":[\"ok\",\" \"],\"metadata\":\"text\",\"withAuthToken\":\"yes\"}");
            CometChatHttp.Response tooLong = api.post("/users", "{\"uid\":\"" + "u".repeat(101) + "\",\"name\":\"N\"}");

            assertThat(response.status()).isEqualTo(400);
            JsonNode details = response.error().path("details");
            assertThat(details.path("uid").get(0).asText())
                    .isEqualTo("The uid may only contain letters, numbers, dashes and underscores.");
            assertThat(details.path("name").get(0).asText())
                    .isEqualTo("The name may not be greater than 100 characters.");
            assertThat(details.path("avatar").get(0).asText()).isEqualTo("The avatar must be a valid URL.");
            assertThat(details.path("tags.1").get(0).asText()).isEqualTo("The tags.1 field is required.");
            assertThat(details.path("metadata").get(0).asText()).isEqualTo("The metadata must be an array.");
            assertThat(details.path("withAuthToken").get(0).asText())
                    .isEqualTo("The with auth token field must be true or false.");
            assertThat(tooLong.error().path("details").path("uid").get(0).asText())
                    .isEqualTo("The uid may not be greater than 100 characters.");
        }

        @Test
        @DisplayName("a duplicate UID, in any case and even when deactivated, is 400 ERR_UID_ALREADY_EXISTS")
        void duplicate() {
            createUser("superhero1", "Iron Man");
            CometChatHttp.Response sameCase = api.post("/users", "{\"uid\":\"SUPERHERO1\",\"name\":\"X\"}");
            api.delete("/users/superhero1");
            CometChatHttp.Response deactivated = api.post("/users", "{\"uid\":\"superhero1\",\"name\":\"X\"}");

            assertThat(sameCase.status()).isEqualTo(400);
            assertThat(sameCase.error().path("code").asText()).isEqualTo("ERR_UID_ALREADY_EXISTS");
            assertThat(deactivated.status()).isEqualTo(400);
            assertThat(deactivated.error().path("code").asText()).isEqualTo("ERR_UID_ALREADY_EXISTS");
        }

        @Test
        @DisplayName("a role must exist: unknown roles are 404 ERR_ROLE_NOT_FOUND until defined")
        void roles() {
            CometChatHttp.Response unknown = api.post("/users", "{\"uid\":\"m1\",\"name\":\"M\",\"role\":\"manager\"}");
            emulator.defineRole("manager");
            CometChatHttp.Response known = api.post("/users", "{\"uid\":\"m1\",\"name\":\"M\",\"role\":\"manager\"}");

            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.error().path("code").asText()).isEqualTo("ERR_ROLE_NOT_FOUND");
            assertThat(known.data().path("role").asText()).isEqualTo("manager");
        }
    }

    @Nested
    @DisplayName("get")
    class Get {

        @Test
        @DisplayName("looks the UID up case-insensitively")
        void caseInsensitiveLookup() {
            createUser("superhero2", "Captain America");

            CometChatHttp.Response response = api.get("/users/SuperHero2");

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.data().path("uid").asText()).isEqualTo("superhero2");
        }

        @Test
        @DisplayName("an unknown UID is 404 ERR_UID_NOT_FOUND with the lower-cased UID in the exact message")
        void unknown() {
            CometChatHttp.Response response = api.get("/users/babuInvalid");

            assertThat(response.status()).isEqualTo(404);
            assertThat(response.json().toString())
                    .isEqualTo("{\"error\":{\"message\":\"The UID babuinvalid does not exist, please make sure you"
                            + " have created a user with UID babuinvalid.\",\"devMessage\":\"The UID babuinvalid does"
                            + " not exist, so please make sure you have created a user with UID babuinvalid.\","
                            + "\"source\":\"chat-api\",\"code\":\"ERR_UID_NOT_FOUND\"}}");
        }

        @Test
        @DisplayName("a blank UID segment is reported URL-encoded")
        void blankSegment() {
            CometChatHttp.Response response = api.get("/users/%20");

            assertThat(response.status()).isEqualTo(404);
            assertThat(response.error().path("message").asText()).startsWith("The UID %20 does not exist,");
        }

        @Test
        @DisplayName("adds the one-to-one conversationId when acting on behalf of another user")
        void onBehalfOf() {
            createUser("superhero4", "Wolverine");
            createUser("superhero6", "Barry Allen");

            JsonNode other = api.withHeader("onBehalfOf", "superhero4")
                    .get("/users/superhero6")
                    .data();
            JsonNode self = api.withHeader("onBehalfOf", "superhero4")
                    .get("/users/superhero4")
                    .data();
            CometChatHttp.Response ghost = api.withHeader("onBehalfOf", "ghost").get("/users/superhero6");

            assertThat(other.path("conversationId").asText()).isEqualTo("superhero4_user_superhero6");
            assertThat(self.has("conversationId")).isFalse();
            assertThat(ghost.status()).isEqualTo(404);
            assertThat(ghost.error().path("code").asText()).isEqualTo("ERR_UID_NOT_FOUND");
        }
    }

    @Nested
    @DisplayName("update")
    class Update {

        @Test
        @DisplayName("sets attributes, clears those in unset and stamps updatedAt")
        void updateAndUnset() {
            api.post(
                    "/users",
                    "{\"uid\":\"u1\",\"name\":\"Old\",\"avatar\":\"https://a.example/x.png\","
                            + "\"link\":\"https://a.example\",\"metadata\":{\"k\":1}}");
            clock.advance(Duration.ofSeconds(30));

            CometChatHttp.Response response = api.put(
                    "/users/U1", "{\"name\":\"New\",\"tags\":[\"t1\",\"t2\"],\"unset\":[\"avatar\",\"metadata\"]}");

            assertThat(response.status()).isEqualTo(200);
            JsonNode user = response.data();
            assertThat(user.path("name").asText()).isEqualTo("New");
            assertThat(user.has("avatar")).isFalse();
            assertThat(user.has("metadata")).isFalse();
            assertThat(user.path("link").asText()).isEqualTo("https://a.example");
            assertThat(user.path("tags").toString()).isEqualTo("[\"t1\",\"t2\"]");
            assertThat(user.path("createdAt").asLong()).isEqualTo(T0);
            assertThat(user.path("updatedAt").asLong()).isEqualTo(T0 + 30);
            assertThat(api.get("/users/u1").data().path("name").asText()).isEqualTo("New");
        }

        @Test
        @DisplayName("an empty name, a bad avatar or an unknown unset entry is 400 with details")
        void validation() {
            createUser("u1", "Name");

            CometChatHttp.Response response =
                    api.put("/users/u1", "{\"name\":\"\",\"avatar\":\"nope\",\"unset\":[\"name\"]}");

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.error().path("details").toString())
                    .isEqualTo("{\"name\":[\"The name field must have a value.\"],"
                            + "\"avatar\":[\"The avatar must be a valid URL.\"],"
                            + "\"unset.0\":[\"The selected unset.0 is invalid.\"]}");
        }

        @Test
        @DisplayName("an unknown UID is 404 ERR_UID_NOT_FOUND")
        void unknown() {
            CometChatHttp.Response response = api.put("/users/ghost", "{\"name\":\"X\"}");

            assertThat(response.status()).isEqualTo(404);
            assertThat(response.error().path("code").asText()).isEqualTo("ERR_UID_NOT_FOUND");
        }
    }

    @Nested
    @DisplayName("delete and (de)activation")
    class Delete {

        @Test
        @DisplayName("deletion without body deactivates: the user disappears from get and the list")
        void softDelete() {
            createUser("superhero6", "Barry");

            CometChatHttp.Response response = api.delete("/users/superhero6");

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().toString()).isEqualTo("{\"data\":{\"deactivatedUids\":[\"superhero6\"]}}");
            assertThat(api.get("/users/superhero6").status()).isEqualTo(404);
            assertThat(api.get("/users").data()).isEmpty();
            JsonNode deactivated = api.get("/users?onlyDeactivated=true").data();
            assertThat(uids(deactivated)).containsExactly("superhero6");
            assertThat(deactivated.get(0).path("deactivatedAt").asLong()).isEqualTo(T0);
            assertThat(api.delete("/users/superhero6").status()).isEqualTo(404);
        }

        @Test
        @DisplayName("permanent deletion removes the user, frees the UID and answers a success message")
        void permanentDelete() {
            createUser("superhero6", "Barry");
            api.delete("/users/superhero6");

            CometChatHttp.Response response = api.delete("/users/superhero6", "{\"permanent\":true}");
            CometChatHttp.Response again = api.delete("/users/superhero6", "{\"permanent\":true}");

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().toString())
                    .isEqualTo("{\"data\":{\"success\":true,"
                            + "\"message\":\"User with superhero6 has been deleted successfully.\"}}");
            assertThat(again.status()).isEqualTo(404);
            assertThat(api.get("/users?withDeactivated=true").data()).isEmpty();
            assertThat(api.post("/users", "{\"uid\":\"superhero6\",\"name\":\"Barry\"}")
                            .status())
                    .isEqualTo(200);
        }

        @Test
        @DisplayName("bulk deactivation reports each UID as sent in its bucket and omits empty buckets")
        void bulkDeactivate() {
            createUser("superhero4", "Wolverine");
            createUser("superhero5", "Cyclops");
            api.delete("/users/superhero5");

            CometChatHttp.Response response = api.delete(
                    "/users", "{\"uidsToDeactivate\":[\"SuperHero4\",\"superhero4\",\"superhero5\",\"SuperHuman\"]}");
            CometChatHttp.Response onlyUnknown = api.delete("/users", "{\"uidsToDeactivate\":[\"nobody\"]}");
            CometChatHttp.Response missing = api.delete("/users", "{}");

            assertThat(response.json().toString())
                    .isEqualTo("{\"data\":{\"deactivatedUids\":[\"SuperHero4\"],"
                            + "\"alreadyDeactivatedUids\":[\"superhero5\"],\"notFound\":[\"SuperHuman\"]}}");
            assertThat(api.get("/users/superhero4").status()).isEqualTo(404);
            assertThat(onlyUnknown.json().toString()).isEqualTo("{\"data\":{\"notFound\":[\"nobody\"]}}");
            assertThat(missing.status()).isEqualTo(400);
            assertThat(missing.error()
                            .path("details")
                            .path("uidsToDeactivate")
                            .get(0)
                            .asText())
                    .isEqualTo("The uids to deactivate field is required.");
        }

        @Test
        @DisplayName("bulk reactivation brings users back and reports active and unknown UIDs apart")
        void bulkReactivate() {
            createUser("superhero2", "Cap");
            createUser("superhero3", "Spidey");
            api.delete("/users/superhero2");

            CometChatHttp.Response response =
                    api.put("/users", "{\"uidsToActivate\":[\"SuperHero2\",\"superhero3\",\"Ghost\"]}");

            assertThat(response.json().toString())
                    .isEqualTo("{\"data\":{\"reactivatedUids\":[\"SuperHero2\"],"
                            + "\"nonDeactivatedUids\":[\"superhero3\"],\"notFound\":[\"Ghost\"]}}");
            assertThat(api.get("/users/superhero2").status()).isEqualTo(200);
        }
    }

    @Nested
    @DisplayName("list")
    class ListUsers {

        @Test
        @DisplayName("lists newest first with exact pagination meta and an updatedAt cursor")
        void paginationMath() {
            createUsers("user", 5);

            CometChatHttp.Response page2 = api.get("/users?perPage=2&page=2");
            CometChatHttp.Response page3 = api.get("/users?perPage=2&page=3");
            CometChatHttp.Response beyond = api.get("/users?perPage=2&page=9");

            assertThat(uids(page2.data())).containsExactly("user3", "user2");
            assertThat(page2.json().path("meta").path("pagination").toString())
                    .isEqualTo("{\"total\":5,\"count\":2,\"per_page\":2,\"current_page\":2,\"total_pages\":3}");
            assertThat(page2.json().path("meta").path("cursor").toString())
                    .isEqualTo("{\"updatedAt\":" + (T0 + 2) + ",\"affix\":\"prepend\"}");
            assertThat(page2.json().path("cursor"))
                    .isEqualTo(page2.json().path("meta").path("cursor"));
            assertThat(uids(page3.data())).containsExactly("user1");
            assertThat(page3.json()
                            .path("meta")
                            .path("pagination")
                            .path("count")
                            .asInt())
                    .isEqualTo(1);
            assertThat(beyond.data()).isEmpty();
            assertThat(beyond.json()
                            .path("meta")
                            .path("pagination")
                            .path("total")
                            .asInt())
                    .isEqualTo(5);
        }

        @Test
        @DisplayName("users created in the same second come newest first by creation order")
        void tiesByCreationOrder() {
            createUser("a", "A");
            createUser("b", "B");
            createUser("c", "C");

            assertThat(uids(api.get("/users").data())).containsExactly("c", "b", "a");
        }

        @Test
        @DisplayName("defaults to 100 per page and refuses more than 1000")
        void perPageBounds() {
            createUsers("u", 1);

            CometChatHttp.Response defaults = api.get("/users");
            CometChatHttp.Response tooMany = api.get("/users?perPage=1001");

            assertThat(defaults.json()
                            .path("meta")
                            .path("pagination")
                            .path("per_page")
                            .asInt())
                    .isEqualTo(100);
            assertThat(tooMany.status()).isEqualTo(400);
            assertThat(tooMany.error().path("details").path("perPage").get(0).asText())
                    .isEqualTo("The per page may not be greater than 1000.");
        }

        @Test
        @DisplayName("non-numeric or non-positive page parameters are 400 with Laravel messages")
        void badPageParameters() {
            CometChatHttp.Response response = api.get("/users?perPage=0&page=abc&withTags=maybe");

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.error().path("details").toString())
                    .isEqualTo("{\"withTags\":[\"The with tags field must be true or false.\"],"
                            + "\"perPage\":[\"The per page must be at least 1.\"],"
                            + "\"page\":[\"The page must be an integer.\"]}");
        }

        @Test
        @DisplayName("searchKey is a case-insensitive prefix on uid and name, narrowed by searchIn")
        void search() {
            createUser("superhero1", "Iron Man");
            createUser("ironfan", "Fan");
            createUser("other", "Someone");

            assertThat(uids(api.get("/users?searchKey=iron").data()))
                    .containsExactlyInAnyOrder("superhero1", "ironfan");
            assertThat(uids(api.get("/users?searchKey=IRON&searchIn=name").data()))
                    .containsExactly("superhero1");
            assertThat(uids(api.get("/users?searchKey=iron&searchIn=uid").data()))
                    .containsExactly("ironfan");
            assertThat(uids(api.get("/users?searchKey=man").data())).isEmpty();
            assertThat(api.get("/users?searchIn=email").status()).isEqualTo(400);
        }

        @Test
        @DisplayName("filters by role, roles, tags and status; tags only shown with withTags")
        void filters() {
            emulator.defineRole("manager");
            api.post("/users", "{\"uid\":\"m\",\"name\":\"M\",\"role\":\"manager\",\"tags\":[\"blue\"]}");
            api.post("/users", "{\"uid\":\"d\",\"name\":\"D\",\"tags\":[\"red\"]}");
            emulator.setPresence("d", true, Instant.EPOCH);

            assertThat(uids(api.get("/users?role=manager").data())).containsExactly("m");
            assertThat(uids(api.get("/users?roles=manager,default").data())).containsExactly("d", "m");
            assertThat(uids(api.get("/users?tags=red,green").data())).containsExactly("d");
            assertThat(uids(api.get("/users?status=available").data())).containsExactly("d");
            assertThat(uids(api.get("/users?status=offline").data())).containsExactly("m");
            assertThat(api.get("/users").data().get(0).has("tags")).isFalse();
            assertThat(api.get("/users?withTags=true")
                            .data()
                            .get(0)
                            .path("tags")
                            .toString())
                    .isEqualTo("[\"red\"]");
        }

        @Test
        @DisplayName("withDeactivated includes deactivated users, onlyDeactivated shows only them")
        void deactivatedFilters() {
            createUser("active", "A");
            createUser("gone", "G");
            api.delete("/users/gone");

            assertThat(uids(api.get("/users").data())).containsExactly("active");
            assertThat(uids(api.get("/users?withDeactivated=true").data())).containsExactly("gone", "active");
            assertThat(uids(api.get("/users?onlyDeactivated=1").data())).containsExactly("gone");
        }

        @Test
        @DisplayName("withDeactivated marks only deactivated users with deactivatedAt, which reactivation removes")
        void deactivatedAtInListings() {
            createUser("active", "A");
            createUser("gone", "G");
            api.delete("/users/gone");

            JsonNode listed = api.get("/users?withDeactivated=true").data();

            assertThat(listed.get(0).path("uid").asText()).isEqualTo("gone");
            assertThat(listed.get(0).path("deactivatedAt").isIntegralNumber()).isTrue();
            assertThat(listed.get(0).path("deactivatedAt").asLong()).isEqualTo(T0);
            assertThat(listed.get(1).has("deactivatedAt")).isFalse();

            api.put("/users", "{\"uidsToActivate\":[\"gone\"]}");

            assertThat(api.get("/users?withDeactivated=true").data())
                    .allSatisfy(user -> assertThat(user.has("deactivatedAt")).isFalse());
        }
    }
}
