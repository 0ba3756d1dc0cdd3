package dev.chatdirectory.emulator.atomchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("AtomChat emulator users, friends and presence")
class AtomChatUsersTest {

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
        emulator.useListUsersPaging(ListUsersPaging.ROW_OFFSET);
    }

    private static JsonNode user(String uid) {
        return calls.post("getUser", "UID", uid)
                .assertSuccess("User details accessed successfully")
                .at("/data/user");
    }

    @Nested
    @DisplayName("createUser")
    class CreateUser {

        @Test
        @DisplayName("stores the profile under the vendor's column names and returns no user object")
        void createsUser() {
            JsonNode success = calls.post(
                            "createUser",
                            "UID",
                            "u42",
                            "name",
                            "Jane Roe",
                            "avatarURL",
                            "https://example.com/a/42.png",
                            "profileURL",
                            "https://example.com/u/42",
                            "role",
                            "moderator",
                            "email",
                            "jane@example.com")
                    .assertSuccess("User created successfully!");

            assertThat(success.fieldNames()).toIterable().containsExactly("status", "message");
            JsonNode user = user("u42");
            assertThat(user.get("name").asText()).isEqualTo("Jane Roe");
            assertThat(user.get("avatar").asText()).isEqualTo("https://example.com/a/42.png");
            assertThat(user.get("link").asText()).isEqualTo("https://example.com/u/42");
            assertThat(user.get("role").asText()).isEqualTo("moderator");
            assertThat(emulator.storedEmail("u42")).hasValue("jane@example.com");
        }

        @Test
        @DisplayName("a duplicate UID fails with 'User already exists'")
        void duplicate() {
            calls.createUser("u1", "One");
            calls.post("createUser", "UID", "u1", "name", "Other").assertFailed("User already exists");
            assertThat(user("u1").get("name").asText()).isEqualTo("One");
        }

        @Test
        @DisplayName("an empty or missing UID fails with 'Invalid UID.' (with the dot)")
        void emptyUid() {
            calls.post("createUser", "UID", "   ", "name", "x").assertFailed("Invalid UID.");
            calls.post("createUser", "name", "x").assertFailed("Invalid UID.");
        }

        @Test
        @DisplayName("the UID is trimmed, a missing role becomes 'default', a missing name is stored empty")
        void defaults() {
            calls.post("createUser", "UID", "  u7  ", "role", "").assertSuccess("User created successfully!");
            JsonNode user = user("u7");
            assertThat(user.get("uid").asText()).isEqualTo("u7");
            assertThat(user.get("role").asText()).isEqualTo("default");
            assertThat(user.get("name").asText()).isEmpty();
            calls.post("createUser", "UID", "u7").assertFailed("User already exists");
        }
    }

    @Nested
    @DisplayName("getUser")
    class GetUser {

        @Test
        @DisplayName("an unknown UID fails with 'User not registered'")
        void unknown() {
            calls.post("getUser", "UID", "ghost").assertFailed("User not registered");
        }

        @Test
        @DisplayName("every user field is a JSON string, including cid, credits and lastactivity")
        void allStrings() {
            calls.createUser("u1", "One");
            emulator.setPresence("u1", AtomChatPresence.AVAILABLE, Instant.ofEpochSecond(1_700_000_000));
            JsonNode data = calls.post("getUser", "UID", "u1").success().get("data");

            assertThat(data.fieldNames()).toIterable().containsExactly("user");
            JsonNode user = data.get("user");
            assertThat(user.fieldNames())
                    .toIterable()
                    .containsExactly(
                            "uid", "name", "link", "avatar", "friends", "role", "credits", "cid", "lastactivity");
            user.forEach(value -> assertThat(value.isTextual()).isTrue());
            assertThat(user.get("cid").asText()).isEqualTo("1");
            assertThat(user.get("credits").asText()).isEqualTo("0");
            assertThat(user.get("lastactivity").asText()).isEqualTo("1700000000");
        }

        @Test
        @DisplayName("friends are returned for returnFriends=true and for the server spelling getfriends=1")
        void friends() {
            calls.createUser("u1", "One");
            calls.createUser("u2", "Two");
            calls.post("addFriends", "UID", "u1", "friendsUID", "u2").assertSuccess("Friends updated successfully!");

            JsonNode documented = calls.post("getUser", "UID", "u1", "returnFriends", "true")
                    .success()
                    .at("/data/friends");
            JsonNode serverSpelling = calls.post("getUser", "UID", "u1", "getfriends", "1")
                    .success()
                    .at("/data/friends");
            JsonNode off = calls.post("getUser", "UID", "u1", "returnFriends", "false")
                    .success()
                    .get("data");

            assertThat(documented.findValuesAsText("uid")).containsExactly("u2");
            assertThat(documented.get(0).get("name").asText()).isEqualTo("Two");
            assertThat(serverSpelling).isEqualTo(documented);
            assertThat(off.has("friends")).isFalse();
            assertThat(off.at("/user/friends").asText()).isEqualTo("u2");
        }

        @Test
        @DisplayName("joined groups carry type labels and exclude groups the user is banned from")
        void joinedGroups() {
            calls.createUser("u1", "One");
            calls.post("createGroup", "GUID", "pub", "name", "Public", "type", "0");
            calls.post("createGroup", "GUID", "pwd", "name", "Locked", "type", "1", "password", "s3cret");
            calls.post("createGroup", "GUID", "inv", "name", "Invite", "type", "2");
            calls.post("createGroup", "GUID", "prv", "name", "Private", "type", "4");
            calls.post("createGroup", "GUID", "ban", "name", "Banned", "type", "0");
            for (String guid : List.of("pub", "pwd", "inv", "prv", "ban")) {
                calls.post("addUsersToGroup", "GUID", guid, "UIDs", "u1").assertSuccess("Users added successfully.");
            }
            calls.post("banUsersFromGroup", "GUID", "ban", "UIDs", "u1");

            JsonNode groups = calls.post("getUser", "UID", "u1", "returnJoinedGroups", "1")
                    .success()
                    .at("/data/groups");
            JsonNode alias = calls.post("getUser", "UID", "u1", "joinedgroups", "TRUE")
                    .success()
                    .at("/data/groups");

            assertThat(groups.findValuesAsText("guid")).containsExactly("pub", "pwd", "inv", "prv");
            assertThat(groups.findValuesAsText("type"))
                    .containsExactly("Public Group", "Password Protected Group", "Private Group", "Private Group");
            assertThat(groups.get(1).get("name").asText()).isEqualTo("Locked");
            assertThat(alias).isEqualTo(groups);
        }
    }

    @Nested
    @DisplayName("updateUser")
    class UpdateUser {

        @Test
        @DisplayName("overwrites every profile field: omitted ones become empty and the role becomes 'default'")
        void overwritesAll() {
            calls.post(
                    "createUser",
                    "UID",
                    "u1",
                    "name",
                    "One",
                    "avatarURL",
                    "https://a.test/1.png",
                    "profileURL",
                    "https://p.test/1",
                    "role",
                    "admin",
                    "email",
                    "one@example.com");

            calls.post("updateUser", "UID", "u1", "name", "Renamed").assertSuccess("User updated successfully");

            JsonNode user = user("u1");
            assertThat(user.get("name").asText()).isEqualTo("Renamed");
            assertThat(user.get("avatar").asText()).isEmpty();
            assertThat(user.get("link").asText()).isEmpty();
            assertThat(user.get("role").asText()).isEqualTo("default");
            assertThat(emulator.storedEmail("u1")).hasValue("");
        }

        @Test
        @DisplayName("an unknown UID fails with 'Invalid UID' and a missing one with 'Invalid UID.'")
        void invalidUid() {
            calls.post("updateUser", "UID", "ghost", "name", "x").assertFailed("Invalid UID");
            calls.post("updateUser", "name", "x").assertFailed("Invalid UID.");
        }
    }

    @Nested
    @DisplayName("deleteUser")
    class DeleteUser {

        @Test
        @DisplayName("deletes by UID, and by the UIDs spelling of one docs page")
        void deletes() {
            calls.createUser("u1", "One");
            calls.createUser("u2", "Two");

            calls.post("deleteUser", "UID", "u1").assertSuccess("User deleted successfully!");
            calls.post("deleteUser", "UIDs", "u2").assertSuccess("User deleted successfully!");

            calls.post("getUser", "UID", "u1").assertFailed("User not registered");
            calls.post("getUser", "UID", "u2").assertFailed("User not registered");
        }

        @Test
        @DisplayName("an unknown UID fails with 'Invalid UID', a missing one with 'Invalid UID.'")
        void invalid() {
            calls.post("deleteUser", "UID", "ghost").assertFailed("Invalid UID");
            calls.post("deleteUser").assertFailed("Invalid UID.");
        }

        @Test
        @DisplayName("also removes the user's memberships and its place in friend lists")
        void cleansUp() {
            calls.createUser("u1", "One");
            calls.createUser("u2", "Two");
            calls.createGroup("g1", "Group");
            calls.post("addUsersToGroup", "GUID", "g1", "UIDs", "u1,u2");
            calls.post("addFriends", "UID", "u2", "friendsUID", "u1");

            calls.post("deleteUser", "UID", "u1");

            JsonNode members =
                    calls.post("getGroupUserList", "GUIDs", "g1").success().at("/data/g1");
            assertThat(members.findValuesAsText("uid")).containsExactly("u2");
            assertThat(user("u2").get("friends").asText()).isEmpty();
        }
    }

    @Nested
    @DisplayName("listUsers")
    class ListUsers {

        private void createUsers(int count) {
            for (int i = 1; i <= count; i++) {
                calls.createUser("u" + i, "User " + i);
            }
        }

        private List<String> page(String offset, String limit) {
            List<String> names = new ArrayList<>();
            List<String> fields = new ArrayList<>();
            if (offset != null) {
                fields.add("offset");
                fields.add(offset);
            }
            if (limit != null) {
                fields.add("limit");
                fields.add(limit);
            }
            calls.post("listUsers", fields.toArray(String[]::new))
                    .assertSuccess("List fetched successfully")
                    .get("data")
                    .forEach(row -> names.add(row.get("uid").asText()));
            return names;
        }

        @Test
        @DisplayName("rows are flat string-only objects with the vendor's column names")
        void rowShape() {
            calls.post("createUser", "UID", "u1", "name", "Jane Roe", "avatarURL", "https://a.test/1.png");
            calls.createUser("u2", "Two");
            calls.post("addFriends", "UID", "u1", "friendsUID", "u2,u3");
            emulator.setPresence("u1", AtomChatPresence.BUSY, Instant.ofEpochSecond(1_700_000_123));

            JsonNode row = calls.post("listUsers").success().get("data").get(0);

            assertThat(row.fieldNames())
                    .toIterable()
                    .containsExactly(
                            "userid", "uid", "username", "displayname", "friends", "role", "status", "lastactivity");
            row.forEach(value -> assertThat(value.isTextual()).isTrue());
            assertThat(row.get("userid").asText()).isEqualTo("1");
            assertThat(row.get("username").asText()).isEqualTo("Jane Roe");
            assertThat(row.get("displayname").asText()).isEqualTo("Jane Roe");
            assertThat(row.get("friends").asText()).isEqualTo("u2,u3");
            assertThat(row.get("role").asText()).isEqualTo("default");
            assertThat(row.get("status").asText()).isEqualTo("busy");
            assertThat(row.get("lastactivity").asText()).isEqualTo("1700000123");
        }

        @Test
        @DisplayName("by default offset is a 0-based row offset and limit the page size, in creation order")
        void rowOffsets() {
            createUsers(5);

            assertThat(page("0", "2")).containsExactly("u1", "u2");
            assertThat(page("2", "2")).containsExactly("u3", "u4");
            assertThat(page("4", "2")).containsExactly("u5");
            assertThat(page("5", "2")).isEmpty();
            assertThat(page("1", "100")).containsExactly("u2", "u3", "u4", "u5");
        }

        @Test
        @DisplayName("missing, zero or nonsense values fall back to offset 0 and limit 100")
        void rowOffsetDefaults() {
            createUsers(105);

            assertThat(page(null, null)).hasSize(100).startsWith("u1").endsWith("u100");
            assertThat(page("-3", "0")).hasSize(100).startsWith("u1");
            assertThat(page("abc", "many")).hasSize(100).startsWith("u1");
            assertThat(page("100", "250")).containsExactly("u101", "u102", "u103", "u104", "u105");
        }

        @Test
        @DisplayName("the 2018 quirks: offset 0 becomes 1 and any limit not above 100 becomes 100")
        void legacyQuirks() {
            createUsers(105);
            emulator.useListUsersPaging(ListUsersPaging.LEGACY_2018);

            assertThat(page("0", "10")).hasSize(100).startsWith("u2").endsWith("u101");
            assertThat(page(null, null)).startsWith("u2");
            assertThat(page("100", "100")).containsExactly("u101", "u102", "u103", "u104", "u105");
            assertThat(page("3", "101")).hasSize(101).startsWith("u4").endsWith("u104");
        }

        @Test
        @DisplayName("a recreated user goes to the end of the creation order")
        void recreatedUserMovesToEnd() {
            createUsers(3);
            calls.post("deleteUser", "UID", "u1");
            calls.createUser("u1", "Back");

            assertThat(page("0", "10")).containsExactly("u2", "u3", "u1");
        }
    }

    @Nested
    @DisplayName("getUserStatus")
    class GetUserStatus {

        @Test
        @DisplayName("answers a map keyed by UID without status or message, leaving unknown UIDs out")
        void keyedByUid() {
            calls.createUser("u1", "One");
            calls.createUser("u2", "Two");
            emulator.setPresence("u1", AtomChatPresence.AVAILABLE, Instant.ofEpochSecond(1_700_000_000));
            emulator.setPresence("u2", AtomChatPresence.AWAY, Instant.ofEpochSecond(1_699_990_000));

            JsonNode success =
                    calls.post("getUserStatus", "UIDs", "u1, ghost ,u2").success();

            assertThat(success.fieldNames()).toIterable().containsExactly("u1", "u2");
            JsonNode u1 = success.get("u1");
            assertThat(u1.fieldNames()).toIterable().containsExactly("user", "status", "lastactivity", "conversations");
            assertThat(u1.get("user").asText()).isEqualTo("u1");
            assertThat(u1.get("status").asText()).isEqualTo("available");
            assertThat(u1.get("lastactivity").asText()).isEqualTo("1700000000");
            assertThat(success.at("/u2/status").asText()).isEqualTo("away");
            assertThat(success.at("/u2/lastactivity").asText()).isEqualTo("1699990000");
        }

        @Test
        @DisplayName("a new user is offline with lastactivity 0 until its presence is set")
        void newUserOffline() {
            calls.createUser("u1", "One");

            JsonNode before =
                    calls.post("getUserStatus", "UIDs", "u1").success().get("u1");
            emulator.setPresence("u1", AtomChatPresence.INVISIBLE, Instant.ofEpochSecond(42));
            JsonNode after = calls.post("getUserStatus", "UIDs", "u1").success().get("u1");

            assertThat(before.get("status").asText()).isEqualTo("offline");
            assertThat(before.get("lastactivity").asText()).isEqualTo("0");
            assertThat(after.get("status").asText()).isEqualTo("invisible");
            assertThat(after.get("lastactivity").asText()).isEqualTo("42");
        }

        @Test
        @DisplayName("the common presence hook reports online as available and offline as offline, with the time")
        void commonPresenceHook() {
            calls.createUser("on", "On");
            calls.createUser("off", "Off");
            emulator.setPresence("on", true, Instant.ofEpochSecond(1_700_000_000));
            emulator.setPresence("off", false, Instant.ofEpochSecond(1_699_000_000));

            JsonNode success = calls.post("getUserStatus", "UIDs", "on,off").success();

            assertThat(success.at("/on/status").asText()).isEqualTo("available");
            assertThat(success.at("/on/lastactivity").asText()).isEqualTo("1700000000");
            assertThat(success.at("/off/status").asText()).isEqualTo("offline");
            assertThat(success.at("/off/lastactivity").asText()).isEqualTo("1699000000");
        }

        @Test
        @DisplayName("the presence hook without a time uses the emulator clock, and refuses unknown users")
        void presenceHookUsesClock() {
            calls.createUser("u1", "One");
            emulator.useClock(java.time.Clock.fixed(Instant.ofEpochSecond(1_234_567), java.time.ZoneOffset.UTC));
            try {
                emulator.setPresence("u1", AtomChatPresence.AVAILABLE);
            } finally {
                emulator.useClock(java.time.Clock.systemUTC());
            }

            assertThat(calls.post("getUserStatus", "UIDs", "u1")
                            .success()
                            .at("/u1/lastactivity")
                            .asText())
                    .isEqualTo("1234567");
            assertThatThrownBy(() -> emulator.setPresence("ghost", AtomChatPresence.AWAY))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    @DisplayName("friends")
    class Friends {

        @Test
        @DisplayName("addFriends appends without repeats, clearExisting replaces, deleteFriends removes")
        void lifecycle() {
            calls.createUser("u1", "One");

            calls.post("addFriends", "UID", "u1", "friendsUID", "a,b").assertSuccess("Friends updated successfully!");
            calls.post("addFriends", "UID", "u1", "friendsUID", "b, c");
            assertThat(user("u1").get("friends").asText()).isEqualTo("a,b,c");

            calls.post("addFriends", "UID", "u1", "friendsUID", "d", "clearExisting", "true");
            assertThat(user("u1").get("friends").asText()).isEqualTo("d");

            calls.post("addFriends", "UID", "u1", "friendsUID", "e");
            calls.post("deleteFriends", "UID", "u1", "friendsUID", "d").assertSuccess("Friends updated successfully!");
            assertThat(user("u1").get("friends").asText()).isEqualTo("e");
        }

        @Test
        @DisplayName("an unknown owner fails with 'Invalid UID' and an empty list with 'Invalid Friends UID'")
        void failures() {
            calls.createUser("u1", "One");
            calls.post("addFriends", "UID", "ghost", "friendsUID", "u1").assertFailed("Invalid UID");
            calls.post("addFriends", "UID", "u1", "friendsUID", " , ").assertFailed("Invalid Friends UID");
            calls.post("deleteFriends", "UID", "u1").assertFailed("Invalid Friends UID");
        }
    }
}
