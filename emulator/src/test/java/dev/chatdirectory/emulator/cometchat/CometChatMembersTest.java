package dev.chatdirectory.emulator.cometchat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("CometChat emulator: group members and bans")
class CometChatMembersTest extends EmulatorTestBase {

    @BeforeEach
    void heroesAndGroup() {
        for (int i = 1; i <= 6; i++) {
            createUser("superhero" + i, "Hero " + i);
        }
        createGroup("{\"guid\":\"supergroup\",\"name\":\"Super Group\",\"type\":\"public\",\"owner\":\"superhero1\"}");
    }

    private static List<String> uids(JsonNode array) {
        List<String> uids = new ArrayList<>();
        array.forEach(u -> uids.add(u.path("uid").asText()));
        return uids;
    }

    @Nested
    @DisplayName("add")
    class Add {

        @Test
        @DisplayName("answers per UID with the groupMember action message, sent by app_system")
        void addsWithActionMessages() {
            clock.advance(Duration.ofSeconds(10));

            CometChatHttp.Response response = api.post(
                    "/groups/supergroup/members", "{\"admins\":[\"superhero2\"],\"participants\":[\"SuperHero3\"]}");

            assertThat(response.status()).isEqualTo(200);
            JsonNode entry = response.data().path("participants").path("superhero3");
            assertThat(entry.path("success").asBoolean()).isTrue();
            JsonNode message = entry.path("data");
            assertThat(message.path("id").isTextual()).isTrue();
            assertThat(message.path("conversationId").asText()).isEqualTo("group_supergroup");
            assertThat(message.path("sender").asText()).isEqualTo("app_system");
            assertThat(message.path("receiverType").asText()).isEqualTo("group");
            assertThat(message.path("receiver").asText()).isEqualTo("supergroup");
            assertThat(message.path("category").asText()).isEqualTo("action");
            assertThat(message.path("type").asText()).isEqualTo("groupMember");
            assertThat(message.path("data").path("action").asText()).isEqualTo("added");
            JsonNode entities = message.path("data").path("entities");
            assertThat(entities.path("by").path("entity").path("uid").asText()).isEqualTo("app_system");
            assertThat(entities.path("by").path("entityType").asText()).isEqualTo("user");
            assertThat(entities.path("on").path("entity").path("uid").asText()).isEqualTo("superhero3");
            assertThat(entities.path("for").path("entity").path("membersCount").asInt())
                    .isEqualTo(3);
            assertThat(entities.path("for").path("entityType").asText()).isEqualTo("group");
            assertThat(message.path("sentAt").asLong()).isEqualTo(T0 + 10);
            assertThat(response.data()
                            .path("admins")
                            .path("superhero2")
                            .path("success")
                            .asBoolean())
                    .isTrue();
            assertThat(api.get("/groups/supergroup").data().path("membersCount").asInt())
                    .isEqualTo(3);
        }

        @Test
        @DisplayName("is 200 even when every UID fails, with error objects per UID")
        void allFailing() {
            CometChatHttp.Response response =
                    api.post("/groups/supergroup/members", "{\"participants\":[\"ghost\",\"superhero1\"]}");

            assertThat(response.status()).isEqualTo(200);
            JsonNode ghost = response.data().path("participants").path("ghost");
            assertThat(ghost.path("success").asBoolean()).isFalse();
            assertThat(ghost.path("error").path("code").asText()).isEqualTo("ERR_UID_NOT_FOUND");
            assertThat(ghost.path("error").path("source").asText()).isEqualTo("chat-api");
            assertThat(response.data()
                            .path("participants")
                            .path("superhero1")
                            .path("error")
                            .path("code")
                            .asText())
                    .isEqualTo("ERR_ALREADY_JOINED");
        }

        @Test
        @DisplayName("a banned user cannot be added until unbanned")
        void bannedCannotBeAdded() {
            api.post("/groups/supergroup/members", "{\"participants\":[\"superhero2\"]}");
            api.post("/groups/supergroup/bannedusers/superhero2", null);

            JsonNode refused = api.post("/groups/supergroup/members", "{\"participants\":[\"superhero2\"]}")
                    .data()
                    .path("participants")
                    .path("superhero2");
            api.delete("/groups/supergroup/bannedusers/superhero2");
            JsonNode accepted = api.post("/groups/supergroup/members", "{\"participants\":[\"superhero2\"]}")
                    .data()
                    .path("participants")
                    .path("superhero2");

            assertThat(refused.path("error").path("code").asText()).isEqualTo("ERR_BANNED_GROUPMEMBER");
            assertThat(accepted.path("success").asBoolean()).isTrue();
        }

        @Test
        @DisplayName("more than 25 UIDs in one call, or none at all, is 400")
        void limits() {
            StringBuilder many = new StringBuilder();
            for (int i = 0; i < 26; i++) {
                many.append(i == 0 ? "" : ",").append("\"u").append(i).append('"');
            }

            CometChatHttp.Response tooMany =
                    api.post("/groups/supergroup/members", "{\"participants\":[" + many + "]}");
            CometChatHttp.Response none = api.post("/groups/supergroup/members", "{}");

            assertThat(tooMany.status()).isEqualTo(400);
            assertThat(tooMany.error().path("details").path("members").get(0).asText())
                    .isEqualTo("The members may not have more than 25 items.");
            assertThat(none.status()).isEqualTo(400);
            assertThat(none.error().path("details").path("admins").get(0).asText())
                    .isEqualTo("The admins field is required when none of moderators / participants / users to ban"
                            + " are present.");
        }

        @Test
        @DisplayName("an unknown group is 404 ERR_GUID_NOT_FOUND")
        void unknownGroup() {
            CometChatHttp.Response response = api.post("/groups/nope/members", "{\"participants\":[\"superhero2\"]}");

            assertThat(response.status()).isEqualTo(404);
            assertThat(response.error().path("code").asText()).isEqualTo("ERR_GUID_NOT_FOUND");
        }
    }

    @Nested
    @DisplayName("list")
    class ListMembers {

        @Test
        @DisplayName("items are user fields plus scope and joinedAt, filtered by scopes, paged exactly")
        void listAndFilter() {
            clock.advance(Duration.ofSeconds(5));
            api.post(
                    "/groups/supergroup/members",
                    "{\"moderators\":[\"superhero2\"],\"participants\":[\"superhero3\",\"superhero4\"]}");

            CometChatHttp.Response all = api.get("/groups/supergroup/members");
            CometChatHttp.Response staff = api.get("/groups/supergroup/members?scopes=admin,moderator");
            CometChatHttp.Response page = api.get("/groups/supergroup/members?perPage=3&page=2");

            assertThat(uids(all.data())).containsExactly("superhero2", "superhero3", "superhero4", "superhero1");
            JsonNode first = all.data().get(0);
            assertThat(first.path("scope").asText()).isEqualTo("moderator");
            assertThat(first.path("joinedAt").asLong()).isEqualTo(T0 + 5);
            assertThat(first.path("name").asText()).isEqualTo("Hero 2");
            assertThat(first.path("status").asText()).isEqualTo("offline");
            assertThat(uids(staff.data())).containsExactly("superhero2", "superhero1");
            assertThat(page.json().path("meta").path("pagination").toString())
                    .isEqualTo("{\"total\":4,\"count\":1,\"per_page\":3,\"current_page\":2,\"total_pages\":2}");
            assertThat(api.get("/groups/supergroup/members?scopes=owner").status())
                    .isEqualTo(400);
            assertThat(api.get("/groups/nope/members").status()).isEqualTo(404);
        }

        @Test
        @DisplayName("deactivated members are hidden and not counted")
        void deactivatedHidden() {
            api.post("/groups/supergroup/members", "{\"participants\":[\"superhero2\"]}");

            api.delete("/users/superhero2");

            assertThat(uids(api.get("/groups/supergroup/members").data())).containsExactly("superhero1");
            assertThat(api.get("/groups/supergroup").data().path("membersCount").asInt())
                    .isEqualTo(1);
        }
    }

    @Nested
    @DisplayName("scope change")
    class ScopeChange {

        @Test
        @DisplayName("changes the scope and answers guid, uid, scope and joinedAt")
        void changes() {
            api.post("/groups/supergroup/members", "{\"participants\":[\"superhero2\"]}");

            CometChatHttp.Response response =
                    api.put("/groups/supergroup/members/SuperHero2", "{\"scope\":\"moderator\"}");

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().toString())
                    .isEqualTo("{\"data\":{\"guid\":\"supergroup\",\"uid\":\"superhero2\",\"scope\":\"moderator\","
                            + "\"joinedAt\":" + T0 + "}}");
        }

        @Test
        @DisplayName("the same scope is 403 ERR_SAME_SCOPE; non-members and unknown users are 404")
        void errors() {
            api.post("/groups/supergroup/members", "{\"participants\":[\"superhero2\"]}");

            CometChatHttp.Response same =
                    api.put("/groups/supergroup/members/superhero2", "{\"scope\":\"participant\"}");
            CometChatHttp.Response notMember =
                    api.put("/groups/supergroup/members/superhero3", "{\"scope\":\"admin\"}");
            CometChatHttp.Response unknown = api.put("/groups/supergroup/members/ghost", "{\"scope\":\"admin\"}");
            CometChatHttp.Response invalid = api.put("/groups/supergroup/members/superhero2", "{\"scope\":\"king\"}");

            assertThat(same.status()).isEqualTo(403);
            assertThat(same.error().path("code").asText()).isEqualTo("ERR_SAME_SCOPE");
            assertThat(notMember.status()).isEqualTo(404);
            assertThat(notMember.error().path("code").asText()).isEqualTo("ERR_NOT_A_MEMBER");
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.error().path("code").asText()).isEqualTo("ERR_UID_NOT_FOUND");
            assertThat(invalid.error().path("details").path("scope").get(0).asText())
                    .isEqualTo("The selected scope is invalid.");
        }
    }

    @Nested
    @DisplayName("kick, ban and unban")
    class KickBanUnban {

        @Test
        @DisplayName("kick removes a member with the documented message; a non-member is 404 ERR_NOT_A_MEMBER")
        void kick() {
            api.post("/groups/supergroup/members", "{\"participants\":[\"superhero3\"]}");

            CometChatHttp.Response kicked = api.delete("/groups/supergroup/members/superhero3");
            CometChatHttp.Response again = api.delete("/groups/supergroup/members/superhero3");

            assertThat(kicked.json().toString())
                    .isEqualTo("{\"data\":{\"success\":true,\"message\":\"The member with superhero3 has been kicked"
                            + " from the Group with supergroup.\"}}");
            assertThat(again.status()).isEqualTo(404);
            assertThat(again.error().path("code").asText()).isEqualTo("ERR_NOT_A_MEMBER");
            assertThat(uids(api.get("/groups/supergroup/members").data())).containsExactly("superhero1");
        }

        @Test
        @DisplayName("ban removes the membership and lists the user with former scope and isBanned")
        void ban() {
            clock.advance(Duration.ofSeconds(3));
            api.post("/groups/supergroup/members", "{\"moderators\":[\"superhero3\"]}");

            CometChatHttp.Response banned = api.post("/groups/supergroup/bannedusers/superhero3", null);

            assertThat(banned.json().toString())
                    .isEqualTo("{\"data\":{\"success\":true,\"message\":\"The user with uid superhero3 has been banned"
                            + " from the Group with supergroup.\"}}");
            assertThat(uids(api.get("/groups/supergroup/members").data())).containsExactly("superhero1");
            CometChatHttp.Response list = api.get("/groups/supergroup/bannedusers");
            JsonNode entry = list.data().get(0);
            assertThat(entry.path("uid").asText()).isEqualTo("superhero3");
            assertThat(entry.path("scope").asText()).isEqualTo("moderator");
            assertThat(entry.path("isBanned").asBoolean()).isTrue();
            assertThat(entry.path("joinedAt").asLong()).isEqualTo(T0 + 3);
            assertThat(list.json().path("meta").path("pagination").path("total").asInt())
                    .isEqualTo(1);
            assertThat(list.json().path("meta").path("cursor").toString())
                    .isEqualTo("{\"joinedAt\":" + (T0 + 3) + ",\"affix\":\"prepend\"}");
        }

        @Test
        @DisplayName("banning a non-member is 404 ERR_NOT_A_MEMBER; unknown user or group is 404 too")
        void banErrors() {
            CometChatHttp.Response nonMember = api.post("/groups/supergroup/bannedusers/superhero5", null);
            CometChatHttp.Response unknownUser = api.post("/groups/supergroup/bannedusers/ghost", null);
            CometChatHttp.Response unknownGroup = api.post("/groups/nope/bannedusers/superhero5", null);

            assertThat(nonMember.status()).isEqualTo(404);
            assertThat(nonMember.error().path("code").asText()).isEqualTo("ERR_NOT_A_MEMBER");
            assertThat(unknownUser.error().path("code").asText()).isEqualTo("ERR_UID_NOT_FOUND");
            assertThat(unknownGroup.error().path("code").asText()).isEqualTo("ERR_GUID_NOT_FOUND");
        }

        @Test
        @DisplayName("unban answers the older spec's message; unbanning a user who is not banned is 404")
        void unban() {
            api.post("/groups/supergroup/members", "{\"participants\":[\"superhero3\"]}");
            api.post("/groups/supergroup/bannedusers/superhero3", null);

            CometChatHttp.Response unbanned = api.delete("/groups/supergroup/bannedusers/superhero3");
            CometChatHttp.Response again = api.delete("/groups/supergroup/bannedusers/superhero3");

            assertThat(unbanned.data().path("message").asText())
                    .isEqualTo("The user with uid superhero3 has been unbanned from the group with guid supergroup");
            assertThat(again.status()).isEqualTo(404);
            assertThat(again.error().path("code").asText()).isEqualTo("ERR_NOT_A_BANNED_USER");
            assertThat(api.get("/groups/supergroup/bannedusers").data()).isEmpty();
            assertThat(uids(api.get("/groups/supergroup/members").data())).containsExactly("superhero1");
        }

        @Test
        @DisplayName("the banned list pages with most recent bans first")
        void bannedPaging() {
            api.post("/groups/supergroup/members", "{\"usersToBan\":[\"superhero2\",\"superhero3\",\"superhero4\"]}");

            CometChatHttp.Response page = api.get("/groups/supergroup/bannedusers?perPage=2");

            assertThat(uids(page.data())).containsExactly("superhero4", "superhero3");
            assertThat(page.json().path("meta").path("pagination").toString())
                    .isEqualTo("{\"total\":3,\"count\":2,\"per_page\":2,\"current_page\":1,\"total_pages\":2}");
        }

        @Test
        @DisplayName("permanently deleting a user removes their memberships and bans")
        void permanentDeleteCleansGroups() {
            api.post(
                    "/groups/supergroup/members",
                    "{\"participants\":[\"superhero2\"],\"usersToBan\":[\"superhero3\"]}");

            api.delete("/users/superhero2", "{\"permanent\":true}");
            api.delete("/users/superhero3", "{\"permanent\":true}");
            api.post("/users", "{\"uid\":\"superhero2\",\"name\":\"Reborn\"}");

            assertThat(uids(api.get("/groups/supergroup/members").data())).containsExactly("superhero1");
            assertThat(api.get("/groups/supergroup/bannedusers").data()).isEmpty();
        }
    }
}
