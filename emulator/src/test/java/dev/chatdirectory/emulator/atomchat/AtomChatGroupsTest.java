package dev.chatdirectory.emulator.atomchat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("AtomChat emulator groups and membership")
class AtomChatGroupsTest {

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
    }

    private static JsonNode groupList(String... guids) {
        String[] fields = guids.length == 0 ? new String[0] : new String[] {"GUIDs", String.join(",", guids)};
        return calls.post("getGroupList", fields)
                .assertSuccess("Groups list fetched successfully.")
                .get("data");
    }

    private static JsonNode members(String guid) {
        return calls.post("getGroupUserList", "GUIDs", guid)
                .assertSuccess("Group users fetched successfully.")
                .at("/data/" + guid);
    }

    private static List<String> activeMembers(String guid) {
        return members(guid).findParents("uid").stream()
                .filter(row -> row.get("isbanned").asText().equals("0"))
                .map(row -> row.get("uid").asText())
                .toList();
    }

    @Nested
    @DisplayName("createGroup")
    class CreateGroup {

        @Test
        @DisplayName("answers status, message, a numeric roomid and the guid inside success")
        void creates() {
            JsonNode first =
                    calls.post("createGroup", "GUID", "g1", "name", "Team").assertSuccess("Group created successfully");
            JsonNode second = calls.post("createGroup", "GUID", "g2", "name", "Other")
                    .assertSuccess("Group created successfully");

            assertThat(first.get("roomid").isNumber()).isTrue();
            assertThat(first.get("roomid").asLong()).isEqualTo(1);
            assertThat(second.get("roomid").asLong()).isEqualTo(2);
            assertThat(first.get("guid").asText()).isEqualTo("g1");
        }

        @Test
        @DisplayName("a duplicate GUID fails with 'GUID must be unique.'")
        void duplicate() {
            calls.createGroup("g1", "Team");
            calls.post("createGroup", "GUID", "g1", "name", "Again").assertFailed("GUID must be unique.");
            assertThat(groupList().findValuesAsText("name")).containsExactly("Team");
        }

        @Test
        @DisplayName("missing GUID, name or type-1 password fail with the vendor's messages")
        void validation() {
            calls.post("createGroup", "name", "Team").assertFailed("GUID is not defined.");
            calls.post("createGroup", "GUID", "g1").assertFailed("Group name is not defined.");
            calls.post("createGroup", "GUID", "g1", "name", "Team", "type", "1")
                    .assertFailed("Password required for Password Protected Group.");
            calls.post("createGroup", "GUID", "g1", "name", "Team", "type", "7").assertFailed("Invalid group type.");
            assertThat(groupList()).isEmpty();
        }

        @Test
        @DisplayName("types 0 to 4 are stored as given, createdby is the owner and '0' means a system group")
        void typesAndOwner() {
            calls.post("createGroup", "GUID", "g0", "name", "Zero", "createdby", "owner1");
            calls.post("createGroup", "GUID", "g1", "name", "One", "type", "1", "password", "pw");
            calls.post("createGroup", "GUID", "g2", "name", "Two", "type", "2");
            calls.post("createGroup", "GUID", "g3", "name", "Three", "type", "3");
            calls.post("createGroup", "GUID", "g4", "name", "Four", "type", "4");

            JsonNode list = groupList();

            assertThat(list.findValuesAsText("type")).containsExactly("0", "1", "2", "3", "4");
            assertThat(list.findValuesAsText("createdby")).containsExactly("owner1", "0", "0", "0", "0");
            assertThat(list.get(0).fieldNames())
                    .toIterable()
                    .containsExactly("id", "guid", "name", "type", "createdby");
            assertThat(list.toString()).doesNotContain("pw").doesNotContain("password");
        }
    }

    @Nested
    @DisplayName("getGroupList, updateGroup and deleteGroup")
    class GroupLifecycle {

        @Test
        @DisplayName("getGroupList lists in creation order and filters by GUIDs, skipping unknown ones")
        void listAndFilter() {
            calls.createGroup("a", "Alpha");
            calls.createGroup("b", "Beta");
            calls.createGroup("c", "Gamma, the third");

            assertThat(groupList().findValuesAsText("guid")).containsExactly("a", "b", "c");
            assertThat(groupList("c", "nope", "a").findValuesAsText("guid")).containsExactly("a", "c");
            assertThat(groupList("c").get(0).get("name").asText()).isEqualTo("Gamma, the third");
            assertThat(groupList("nope")).isEmpty();
        }

        @Test
        @DisplayName("updateGroup patches the name and the type, and keeps a password the group already has")
        void update() {
            calls.createGroup("g1", "Team");

            calls.post("updateGroup", "GUID", "g1", "name", "Renamed").assertSuccess("Group updated successfully.");
            calls.post("updateGroup", "GUID", "g1", "type", "1")
                    .assertFailed("Password required for Password Protected Group.");
            calls.post("updateGroup", "GUID", "g1", "type", "1", "password", "pw")
                    .assertSuccess("Group updated successfully.");
            calls.post("updateGroup", "GUID", "g1", "name", "Locked").assertSuccess("Group updated successfully.");

            JsonNode group = groupList("g1").get(0);
            assertThat(group.get("name").asText()).isEqualTo("Locked");
            assertThat(group.get("type").asText()).isEqualTo("1");
            calls.post("updateGroup", "GUID", "g1", "type", "9").assertFailed("Invalid group type.");
            calls.post("updateGroup", "GUID", "g1", "type", "4").assertSuccess("Group updated successfully.");
            calls.post("updateGroup", "GUID", "g1", "type", "1")
                    .assertFailed("Password required for Password Protected Group.");
        }

        @Test
        @DisplayName("updateGroup and deleteGroup of an unknown GUID fail with 'GUID does not exist.'")
        void unknownGuid() {
            calls.post("updateGroup", "GUID", "ghost", "name", "x").assertFailed("GUID does not exist.");
            calls.post("deleteGroup", "GUID", "ghost").assertFailed("GUID does not exist.");
            calls.post("deleteGroup").assertFailed("GUID does not exist.");
        }

        @Test
        @DisplayName("deleteGroup removes the group and its memberships, so a recreated GUID starts empty")
        void delete() {
            calls.createUser("u1", "One");
            calls.createGroup("g1", "Team");
            calls.post("addUsersToGroup", "GUID", "g1", "UIDs", "u1");

            calls.post("deleteGroup", "GUID", "g1").assertSuccess("Group deleted successfully.");

            assertThat(groupList()).isEmpty();
            calls.post("getGroupUserList", "GUIDs", "g1").assertFailed("GUID does not exist.");
            calls.createGroup("g1", "Team again");
            assertThat(members("g1")).isEmpty();
        }
    }

    @Nested
    @DisplayName("addUsersToGroup")
    class AddUsers {

        @BeforeEach
        void usersAndGroup() {
            calls.createUser("u1", "One");
            calls.createUser("u2", "Two");
            calls.createUser("u3", "Three");
            calls.createGroup("g1", "Team");
        }

        @Test
        @DisplayName("adds users in order and answers status and message only")
        void adds() {
            JsonNode success = calls.post("addUsersToGroup", "GUID", "g1", "UIDs", "u2,u1")
                    .assertSuccess("Users added successfully.");

            assertThat(success.fieldNames()).toIterable().containsExactly("status", "message");
            assertThat(activeMembers("g1")).containsExactly("u2", "u1");
        }

        @Test
        @DisplayName("one newly added user makes the call a success; members and unknown UIDs are skipped")
        void partialSuccess() {
            calls.post("addUsersToGroup", "GUID", "g1", "UIDs", "u1");

            calls.post("addUsersToGroup", "GUID", "g1", "UIDs", "u1,ghost,u2")
                    .assertSuccess("Users added successfully.");

            assertThat(activeMembers("g1")).containsExactly("u1", "u2");
        }

        @Test
        @DisplayName("when nothing is added it fails, listing internal ids in data and null for unknown UIDs")
        void nothingAdded() {
            calls.post("addUsersToGroup", "GUID", "g1", "UIDs", "u1,u3");

            JsonNode failed = calls.post("addUsersToGroup", "GUID", "g1", "UIDs", "u3,ghost,u1")
                    .assertFailed("Users already part of group.");

            assertThat(failed.fieldNames()).toIterable().containsExactly("status", "message", "data");
            JsonNode data = failed.get("data");
            assertThat(data.isArray()).isTrue();
            assertThat(data).hasSize(3);
            assertThat(data.get(0).isTextual()).isTrue();
            assertThat(data.get(0).asText()).isEqualTo("3");
            assertThat(data.get(1).isNull()).isTrue();
            assertThat(data.get(2).isTextual()).isTrue();
            assertThat(data.get(2).asText()).isEqualTo("1");
            assertThat(activeMembers("g1")).containsExactly("u1", "u3");
        }

        @Test
        @DisplayName("an unknown GUID fails with 'GUID does not exist.'")
        void unknownGroup() {
            calls.post("addUsersToGroup", "GUID", "ghost", "UIDs", "u1").assertFailed("GUID does not exist.");
        }

        @Test
        @DisplayName("clearExisting=true replaces the member set")
        void clearExisting() {
            calls.post("addUsersToGroup", "GUID", "g1", "UIDs", "u1,u2");

            calls.post("addUsersToGroup", "GUID", "g1", "UIDs", "u2,u3", "clearExisting", "true")
                    .assertSuccess("Users added successfully.");
            assertThat(activeMembers("g1")).containsExactly("u2", "u3");

            calls.post("addUsersToGroup", "GUID", "g1", "UIDs", "u1", "clearExisting", "false");
            assertThat(activeMembers("g1")).containsExactly("u2", "u3", "u1");
        }
    }

    @Nested
    @DisplayName("removing, kicking, banning")
    class RemoveKickBan {

        @BeforeEach
        void groupWithTwoMembers() {
            calls.createUser("u1", "One");
            calls.createUser("u2", "Two");
            calls.createUser("u3", "Three");
            calls.createGroup("g1", "Team");
            calls.post("addUsersToGroup", "GUID", "g1", "UIDs", "u1,u2");
        }

        @Test
        @DisplayName("removeUsersFromGroup removes members, skipping unknown UIDs")
        void remove() {
            calls.post("removeUsersFromGroup", "GUID", "g1", "UIDs", "u1,ghost")
                    .assertSuccess("Users removed successfully.");
            assertThat(activeMembers("g1")).containsExactly("u2");
        }

        @Test
        @DisplayName("an existing non-member aborts the whole removal and nothing is removed")
        void removeAllOrNothing() {
            calls.post("removeUsersFromGroup", "GUID", "g1", "UIDs", "u1,u3").assertFailed("Users not part of group.");
            calls.post("removeUsersFromGroup", "GUID", "g1", "UIDs", "ghost").assertFailed("Users not part of group.");
            calls.post("removeUsersFromGroup", "GUID", "ghost", "UIDs", "u1").assertFailed("GUID does not exist.");
            assertThat(activeMembers("g1")).containsExactly("u1", "u2");
        }

        @Test
        @DisplayName("a kicked user leaves and may be added again")
        void kick() {
            calls.post("kickUsersFromGroup", "GUID", "g1", "UIDs", "u1").assertSuccess("Users kicked successfully.");
            assertThat(members("g1").findValuesAsText("uid")).containsExactly("u2");
            calls.post("kickUsersFromGroup", "GUID", "g1", "UIDs", "u1").assertFailed("Users not part of group.");

            calls.post("addUsersToGroup", "GUID", "g1", "UIDs", "u1").assertSuccess("Users added successfully.");
            assertThat(activeMembers("g1")).containsExactly("u2", "u1");
        }

        @Test
        @DisplayName("a banned user keeps a row with isbanned '1', is no member and can not be re-added until unbanned")
        void banAndUnban() {
            calls.post("banUsersFromGroup", "GUID", "g1", "UIDs", "u1").assertSuccess("Users banned successfully.");

            JsonNode rows = members("g1");
            assertThat(rows.findValuesAsText("uid")).containsExactly("u1", "u2");
            assertThat(rows.findValuesAsText("isbanned")).containsExactly("1", "0");
            assertThat(activeMembers("g1")).containsExactly("u2");
            calls.post("addUsersToGroup", "GUID", "g1", "UIDs", "u1").assertFailed("Users already part of group.");
            calls.post("removeUsersFromGroup", "GUID", "g1", "UIDs", "u1").assertFailed("Users not part of group.");
            assertThat(calls.post("getUser", "UID", "u1", "returnJoinedGroups", "true")
                            .success()
                            .at("/data/groups"))
                    .isEmpty();

            calls.post("unbanUsersFromGroup", "GUID", "g1", "UIDs", "u1").assertSuccess("Users unbanned successfully.");
            assertThat(activeMembers("g1")).containsExactly("u1", "u2");
        }

        @Test
        @DisplayName("bans need membership and unbans need a ban, all or nothing")
        void banRules() {
            calls.post("banUsersFromGroup", "GUID", "g1", "UIDs", "u1,u3").assertFailed("Users not part of group.");
            assertThat(members("g1").findValuesAsText("isbanned")).containsExactly("0", "0");

            calls.post("unbanUsersFromGroup", "GUID", "g1", "UIDs", "u1").assertFailed("Users not banned from group.");
            calls.post("banUsersFromGroup", "GUID", "g1", "UIDs", "u1");
            calls.post("banUsersFromGroup", "GUID", "g1", "UIDs", "u1").assertSuccess("Users banned successfully.");
            calls.post("unbanUsersFromGroup", "GUID", "g1", "UIDs", "u1,u2")
                    .assertFailed("Users not banned from group.");
            assertThat(members("g1").findValuesAsText("isbanned")).containsExactly("1", "0");
        }

        @Test
        @DisplayName("clearExisting keeps bans")
        void clearKeepsBans() {
            calls.post("banUsersFromGroup", "GUID", "g1", "UIDs", "u2");

            calls.post("addUsersToGroup", "GUID", "g1", "UIDs", "u3", "clearExisting", "1");

            assertThat(members("g1").findValuesAsText("uid")).containsExactly("u2", "u3");
            assertThat(members("g1").findValuesAsText("isbanned")).containsExactly("1", "0");
        }
    }

    @Nested
    @DisplayName("getGroupUserList")
    class GroupUserList {

        @Test
        @DisplayName("answers data keyed by GUID in request order with string member rows; unknown GUIDs are left out")
        void shape() {
            calls.post("createUser", "UID", "u1", "name", "Zoë, the first", "avatarURL", "https://a.test/z.png");
            calls.createGroup("g1", "One");
            calls.createGroup("g2", "Two");
            calls.post("addUsersToGroup", "GUID", "g1", "UIDs", "u1");

            JsonNode data = calls.post("getGroupUserList", "GUIDs", "g2,ghost,g1")
                    .assertSuccess("Group users fetched successfully.")
                    .get("data");

            assertThat(data.fieldNames()).toIterable().containsExactly("g2", "g1");
            assertThat(data.get("g2")).isEmpty();
            JsonNode row = data.get("g1").get(0);
            assertThat(row.fieldNames()).toIterable().containsExactly("uid", "name", "avatar", "isbanned");
            assertThat(row.get("name").asText()).isEqualTo("Zoë, the first");
            assertThat(row.get("avatar").asText()).isEqualTo("https://a.test/z.png");
            assertThat(row.get("isbanned").asText()).isEqualTo("0");
        }

        @Test
        @DisplayName("fails with 'GUID does not exist.' when no listed GUID exists")
        void noKnownGuid() {
            calls.post("getGroupUserList", "GUIDs", "ghost").assertFailed("GUID does not exist.");
            calls.post("getGroupUserList").assertFailed("GUID does not exist.");
        }
    }
}
