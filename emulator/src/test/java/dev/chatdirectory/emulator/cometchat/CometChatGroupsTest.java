package dev.chatdirectory.emulator.cometchat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("CometChat emulator: groups")
class CometChatGroupsTest extends EmulatorTestBase {

    private static List<String> guids(JsonNode array) {
        List<String> guids = new ArrayList<>();
        array.forEach(g -> guids.add(g.path("guid").asText()));
        return guids;
    }

    @Nested
    @DisplayName("create")
    class Create {

        @Test
        @DisplayName("stores the attributes, lower-cases the GUID, never echoes the password")
        void createsGroup() {
            createUser("superhero4", "Wolverine");

            CometChatHttp.Response response = api.post(
                    "/groups",
                    "{\"guid\":\"Project-Group\",\"name\":\"Project Group\",\"type\":\"password\","
                            + "\"password\":\"s3cret\",\"icon\":\"https://example.com/g.png\","
                            + "\"description\":\"project discussions\",\"metadata\":{\"k\":\"v\"},"
                            + "\"owner\":\"SuperHero4\",\"tags\":[\"project\"]}");

            assertThat(response.status()).isEqualTo(200);
            JsonNode group = response.data();
            assertThat(group.path("guid").asText()).isEqualTo("project-group");
            assertThat(group.path("type").asText()).isEqualTo("password");
            assertThat(group.path("owner").asText()).isEqualTo("superhero4");
            assertThat(group.path("membersCount").asInt()).isEqualTo(1);
            assertThat(group.path("conversationId").asText()).isEqualTo("group_project-group");
            assertThat(group.path("icon").asText()).isEqualTo("https://example.com/g.png");
            assertThat(group.path("description").asText()).isEqualTo("project discussions");
            assertThat(group.path("metadata").path("k").asText()).isEqualTo("v");
            assertThat(group.path("tags").toString()).isEqualTo("[\"project\"]");
            assertThat(group.path("createdAt").asLong()).isEqualTo(T0);
            assertThat(response.body()).doesNotContain("s3cret").doesNotContain("password\":");
            JsonNode owner = api.get("/groups/project-group/members").data().get(0);
            assertThat(owner.path("uid").asText()).isEqualTo("superhero4");
            assertThat(owner.path("scope").asText()).isEqualTo("admin");
        }

        @Test
        @DisplayName("without owner or onBehalfOf the system user owns the group and nobody is a member")
        void systemOwner() {
            JsonNode group = createGroup("g1", "Group").data();

            assertThat(group.path("owner").asText()).isEqualTo("app_system");
            assertThat(group.path("membersCount").asInt()).isZero();
            assertThat(group.has("hasJoined")).isFalse();
            assertThat(group.has("scope")).isFalse();
        }

        @Test
        @DisplayName("with onBehalfOf the acting user owns the group and sees their own membership")
        void onBehalfOfOwner() {
            createUser("superhero4", "Wolverine");

            JsonNode group = api.withHeader("onBehalfOf", "superhero4")
                    .post("/groups", "{\"guid\":\"g1\",\"name\":\"G\",\"type\":\"private\"}")
                    .data();

            assertThat(group.path("owner").asText()).isEqualTo("superhero4");
            assertThat(group.path("scope").asText()).isEqualTo("admin");
            assertThat(group.path("hasJoined").asBoolean()).isTrue();
            assertThat(group.path("joinedAt").asLong()).isEqualTo(T0);
        }

        @Test
        @DisplayName("a password group without password is 400 ERR_EMPTY_GROUP_PASS")
        void passwordRequired() {
            CometChatHttp.Response response =
                    api.post("/groups", "{\"guid\":\"g1\",\"name\":\"G\",\"type\":\"password\"}");

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.error().path("code").asText()).isEqualTo("ERR_EMPTY_GROUP_PASS");
        }

        @Test
        @DisplayName("validates guid, name, type, description length and icon URL")
        void validation() {
            CometChatHttp.Response response = api.post(
                    "/groups",
                    "{\"guid\":\"a b\",\"type\":\"secret\",\"description\":\"" + "d".repeat(256)
                            + "\",\"icon\":\"ftp:/broken\"}");

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.error().path("details").toString())
                    .isEqualTo("{\"guid\":[\"The guid may only contain letters, numbers, dashes and underscores.\"],"
                            + "\"name\":[\"The name field is required.\"],"
                            + "\"type\":[\"The selected type is invalid.\"],"
                            + "\"icon\":[\"The icon must be a valid URL.\"],"
                            + "\"description\":[\"The description may not be greater than 255 characters.\"]}");
        }

        @Test
        @DisplayName("a duplicate GUID is 400 ERR_GUID_ALREADY_EXISTS")
        void duplicate() {
            createGroup("g1", "Group");

            CometChatHttp.Response response =
                    api.post("/groups", "{\"guid\":\"G1\",\"name\":\"Other\",\"type\":\"public\"}");

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.error().path("code").asText()).isEqualTo("ERR_GUID_ALREADY_EXISTS");
        }

        @Test
        @DisplayName("an unknown owner is 404 ERR_UID_NOT_FOUND and creates nothing")
        void unknownOwner() {
            CometChatHttp.Response response =
                    api.post("/groups", "{\"guid\":\"g1\",\"name\":\"G\",\"type\":\"public\",\"owner\":\"ghost\"}");

            assertThat(response.status()).isEqualTo(404);
            assertThat(response.error().path("code").asText()).isEqualTo("ERR_UID_NOT_FOUND");
            assertThat(api.get("/groups/g1").status()).isEqualTo(404);
        }

        @Test
        @DisplayName("members on create get per-UID results; a UID in several lists gets the highest scope")
        void membersOnCreate() {
            createUser("owner", "Owner");
            createUser("both", "Both");
            createUser("part", "Part");
            createUser("villain", "Villain");

            JsonNode data = createGroup("{\"guid\":\"g1\",\"name\":\"G\",\"type\":\"public\",\"owner\":\"owner\","
                            + "\"members\":{\"moderators\":[\"both\"],\"participants\":[\"both\",\"part\",\"ghost\","
                            + "\"owner\"],\"usersToBan\":[\"villain\"]}}")
                    .data();

            JsonNode results = data.path("members");
            assertThat(results.path("moderators").path("both").path("success").asBoolean())
                    .isTrue();
            assertThat(results.path("participants").has("both")).isFalse();
            assertThat(results.path("participants").path("part").path("success").asBoolean())
                    .isTrue();
            assertThat(results.path("participants")
                            .path("ghost")
                            .path("error")
                            .path("code")
                            .asText())
                    .isEqualTo("ERR_UID_NOT_FOUND");
            assertThat(results.path("participants")
                            .path("owner")
                            .path("error")
                            .path("code")
                            .asText())
                    .isEqualTo("ERR_ALREADY_JOINED");
            assertThat(results.path("usersToBan").path("villain").toString()).isEqualTo("{\"success\":true}");
            assertThat(data.path("membersCount").asInt()).isEqualTo(3);
            assertThat(api.get("/groups/g1/bannedusers")
                            .data()
                            .get(0)
                            .path("uid")
                            .asText())
                    .isEqualTo("villain");
        }
    }

    @Nested
    @DisplayName("get, update and delete")
    class GetUpdateDelete {

        @Test
        @DisplayName("an unknown GUID is 404 ERR_GUID_NOT_FOUND, looked up case-insensitively")
        void unknown() {
            createGroup("g1", "Group");

            assertThat(api.get("/groups/G1").status()).isEqualTo(200);
            CometChatHttp.Response response = api.get("/groups/nope");
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.error().path("code").asText()).isEqualTo("ERR_GUID_NOT_FOUND");
            assertThat(response.error().path("message").asText()).contains("nope");
        }

        @Test
        @DisplayName("update changes attributes and type, clears unset ones and stamps updatedAt")
        void update() {
            createGroup("{\"guid\":\"g1\",\"name\":\"G\",\"type\":\"public\",\"icon\":\"https://x.example/i.png\","
                    + "\"description\":\"d\",\"metadata\":{\"a\":1}}");
            clock.advance(Duration.ofSeconds(5));

            CometChatHttp.Response response = api.put(
                    "/groups/g1",
                    "{\"name\":\"Renamed\",\"type\":\"private\",\"tags\":[\"x\"],\"unset\":[\"icon\",\"metadata\"]}");

            JsonNode group = response.data();
            assertThat(response.status()).isEqualTo(200);
            assertThat(group.path("name").asText()).isEqualTo("Renamed");
            assertThat(group.path("type").asText()).isEqualTo("private");
            assertThat(group.has("icon")).isFalse();
            assertThat(group.has("metadata")).isFalse();
            assertThat(group.path("description").asText()).isEqualTo("d");
            assertThat(group.path("tags").toString()).isEqualTo("[\"x\"]");
            assertThat(group.path("updatedAt").asLong()).isEqualTo(T0 + 5);
        }

        @Test
        @DisplayName("switching to password type needs a password; unset accepts only icon, description, metadata")
        void updateRules() {
            createGroup("g1", "G");

            CometChatHttp.Response noPassword = api.put("/groups/g1", "{\"type\":\"password\"}");
            CometChatHttp.Response withPassword = api.put("/groups/g1", "{\"type\":\"password\",\"password\":\"p\"}");
            CometChatHttp.Response badUnset = api.put("/groups/g1", "{\"unset\":[\"name\"]}");

            assertThat(noPassword.error().path("code").asText()).isEqualTo("ERR_EMPTY_GROUP_PASS");
            assertThat(withPassword.data().path("type").asText()).isEqualTo("password");
            assertThat(badUnset.status()).isEqualTo(400);
            assertThat(badUnset.error().path("details").path("unset.0").get(0).asText())
                    .isEqualTo("The selected unset.0 is invalid.");
        }

        @Test
        @DisplayName("owner in an update transfers ownership and makes the new owner an admin member")
        void transferOwnership() {
            createUser("old", "Old");
            createUser("new", "New");
            createGroup("{\"guid\":\"g1\",\"name\":\"G\",\"type\":\"public\",\"owner\":\"old\"}");

            JsonNode group = api.put("/groups/g1", "{\"owner\":\"new\"}").data();

            assertThat(group.path("owner").asText()).isEqualTo("new");
            assertThat(group.path("membersCount").asInt()).isEqualTo(2);
            JsonNode admins = api.get("/groups/g1/members?scopes=admin").data();
            assertThat(admins).hasSize(2);
        }

        @Test
        @DisplayName("owner is ignored when onBehalfOf is sent")
        void ownerIgnoredOnBehalfOf() {
            createUser("old", "Old");
            createUser("new", "New");
            createGroup("{\"guid\":\"g1\",\"name\":\"G\",\"type\":\"public\",\"owner\":\"old\"}");

            JsonNode group = api.withHeader("onBehalfOf", "old")
                    .put("/groups/g1", "{\"owner\":\"new\",\"name\":\"N\"}")
                    .data();

            assertThat(group.path("owner").asText()).isEqualTo("old");
            assertThat(group.path("name").asText()).isEqualTo("N");
            assertThat(group.path("scope").asText()).isEqualTo("admin");
        }

        @Test
        @DisplayName("delete answers the documented message and forgets the group")
        void delete() {
            createGroup("project-group", "Project");

            CometChatHttp.Response response = api.delete("/groups/project-group");

            assertThat(response.json().toString())
                    .isEqualTo("{\"data\":{\"success\":true,"
                            + "\"message\":\"Group with guid project-group has been deleted successfully.\"}}");
            assertThat(api.get("/groups/project-group").status()).isEqualTo(404);
            assertThat(api.delete("/groups/project-group").status()).isEqualTo(404);
        }
    }

    @Nested
    @DisplayName("list")
    class ListGroups {

        @Test
        @DisplayName("lists newest first with exact pagination meta and a cursor inside meta")
        void pagination() {
            for (int i = 1; i <= 3; i++) {
                createGroup("g" + i, "Group " + i);
                clock.advance(Duration.ofSeconds(1));
            }

            CometChatHttp.Response response = api.get("/groups?perPage=2");

            assertThat(guids(response.data())).containsExactly("g3", "g2");
            assertThat(response.json().path("meta").toString())
                    .isEqualTo("{\"pagination\":{\"total\":3,\"count\":2,\"per_page\":2,\"current_page\":1,"
                            + "\"total_pages\":2},\"cursor\":{\"updatedAt\":" + (T0 + 2) + ",\"affix\":\"prepend\"}}");
            assertThat(guids(api.get("/groups?perPage=2&page=2").data())).containsExactly("g1");
        }

        @Test
        @DisplayName("sorts by name or guid, with case-insensitive sortOrder")
        void sorting() {
            createGroup("b", "Zeta");
            createGroup("c", "alpha");
            createGroup("a", "Mid");

            assertThat(guids(api.get("/groups?sortBy=name").data())).containsExactly("c", "a", "b");
            assertThat(guids(api.get("/groups?sortBy=name&sortOrder=DESC").data()))
                    .containsExactly("b", "a", "c");
            assertThat(guids(api.get("/groups?sortBy=guid&sortOrder=asc").data()))
                    .containsExactly("a", "b", "c");
            assertThat(api.get("/groups?sortBy=members").status()).isEqualTo(400);
        }

        @Test
        @DisplayName("filters by searchKey, type, types and tags")
        void filters() {
            createGroup("{\"guid\":\"avengers\",\"name\":\"Avengers\",\"type\":\"public\",\"tags\":[\"hero\"]}");
            createGroup("{\"guid\":\"xmen\",\"name\":\"X-Men\",\"type\":\"private\"}");
            createGroup("{\"guid\":\"vault\",\"name\":\"Avengers Vault\",\"type\":\"password\",\"password\":\"p\"}");

            assertThat(guids(api.get("/groups?searchKey=aven").data())).containsExactly("vault", "avengers");
            assertThat(guids(api.get("/groups?searchKey=aven&searchIn=guid").data()))
                    .containsExactly("avengers");
            assertThat(guids(api.get("/groups?type=private").data())).containsExactly("xmen");
            assertThat(guids(api.get("/groups?types=public,password").data())).containsExactly("vault", "avengers");
            assertThat(guids(api.get("/groups?tags=hero").data())).containsExactly("avengers");
            assertThat(api.get("/groups").data().get(2).has("tags")).isFalse();
            assertThat(api.get("/groups?withTags=true")
                            .data()
                            .get(2)
                            .path("tags")
                            .toString())
                    .isEqualTo("[\"hero\"]");
        }

        @Test
        @DisplayName("hasJoined with onBehalfOf keeps the acting user's groups and reports their scope")
        void hasJoined() {
            createUser("superhero4", "Wolverine");
            createGroup("{\"guid\":\"mine\",\"name\":\"Mine\",\"type\":\"public\",\"owner\":\"superhero4\"}");
            createGroup("other", "Other");
            CometChatHttp asUser = api.withHeader("onBehalfOf", "superhero4");

            JsonNode joined = asUser.get("/groups?hasJoined=true").data();
            JsonNode all = asUser.get("/groups").data();

            assertThat(guids(joined)).containsExactly("mine");
            assertThat(joined.get(0).path("scope").asText()).isEqualTo("admin");
            assertThat(joined.get(0).path("hasJoined").asBoolean()).isTrue();
            assertThat(guids(all)).containsExactly("other", "mine");
            assertThat(all.get(0).path("hasJoined").asBoolean()).isFalse();
        }

        @Test
        @DisplayName("hasJoined pages and counts only the acting user's groups; an unknown acting user is a 404")
        void hasJoinedPages() {
            createUser("superhero4", "Wolverine");
            for (String guid : List.of("g1", "g2", "g3", "g4")) {
                createGroup(guid, guid.toUpperCase());
            }
            for (String guid : List.of("g1", "g3", "g4")) {
                api.post("/groups/" + guid + "/members", "{\"participants\":[\"superhero4\"]}");
            }
            CometChatHttp asUser = api.withHeader("onBehalfOf", "superhero4");

            CometChatHttp.Response first = asUser.get("/groups?hasJoined=true&perPage=2&page=1");
            CometChatHttp.Response second = asUser.get("/groups?hasJoined=true&perPage=2&page=2");
            CometChatHttp.Response ghost = api.withHeader("onBehalfOf", "ghost").get("/groups?hasJoined=true");

            assertThat(guids(first.data())).containsExactly("g4", "g3");
            assertThat(guids(second.data())).containsExactly("g1");
            assertThat(first.json().path("meta").path("pagination").toString())
                    .isEqualTo("{\"total\":3,\"count\":2,\"per_page\":2,\"current_page\":1,\"total_pages\":2}");
            assertThat(ghost.status()).isEqualTo(404);
            assertThat(ghost.error().path("code").asText()).isEqualTo("ERR_UID_NOT_FOUND");
        }

        @Test
        @DisplayName("updatedAt with affix=append returns groups changed after the timestamp")
        void updatedAtSync() {
            createGroup("old", "Old");
            createGroup("changed", "Changed");
            clock.advance(Duration.ofSeconds(100));
            api.put("/groups/changed", "{\"name\":\"Changed again\"}");

            assertThat(guids(api.get("/groups?updatedAt=" + (T0 + 50) + "&affix=append")
                            .data()))
                    .containsExactly("changed");
            assertThat(guids(api.get("/groups?updatedAt=" + (T0 + 50) + "&affix=prepend")
                            .data()))
                    .containsExactly("old");
        }
    }
}
