package dev.chatdirectory.provider.atomchat;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.chatdirectory.emulator.atomchat.AtomChatEmulator;
import dev.chatdirectory.model.GroupCreate;
import dev.chatdirectory.model.GroupQuery;
import dev.chatdirectory.model.GroupType;
import dev.chatdirectory.model.GroupUpdate;
import dev.chatdirectory.model.MemberQuery;
import dev.chatdirectory.model.MemberSpec;
import dev.chatdirectory.model.PageRequest;
import dev.chatdirectory.model.UserCreate;
import dev.chatdirectory.model.UserQuery;
import dev.chatdirectory.model.UserUpdate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The requests each operation sends, as recorded by the emulator's WireMock journal: always {@code
 * POST <base>/<endpoint>} with the {@code api-key} header and a form body whose fields are exactly
 * AtomChat's, every value percent-encoded so that spaces, commas, {@code &}, {@code =}, {@code +},
 * {@code %} and non-ASCII text arrive intact.
 */
@DisplayName("Requests sent to AtomChat")
class AtomChatRequestShapeTest extends EmulatorTestBase {

    /** A UID with everything a form body must encode, except the comma AtomChat splits lists at. */
    private static final String UID = "zoë & co=1+2% 山田";

    private static final String OTHER = "ann/ü?x=1";
    private static final String NAME = "Doe, Jane & Co = 100% +1 ☕ 山田";
    private static final String GUID = "équipe & co=1+2%";

    private static Map<String, String> fields(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /** Checks one request: method, path, headers and the exact set of form fields. */
    private void assertRequest(LoggedRequest request, String endpoint, Map<String, String> expected) {
        assertThat(request.getMethod()).isEqualTo(RequestMethod.POST);
        assertThat(request.getUrl()).isEqualTo(AtomChatEmulator.BASE_PATH + "/" + endpoint);
        assertThat(request.getHeader("api-key")).isEqualTo(emulator.apiKey());
        assertThat(request.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(request.getHeader("Accept")).isEqualTo("application/json");
        Map<String, String> sent = new LinkedHashMap<>();
        request.formParameters().forEach((name, value) -> sent.put(name, value.firstValue()));
        assertThat(sent).as("form fields of %s", endpoint).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(request.getBodyAsString()).doesNotContain(emulator.apiKey());
    }

    /** Checks the requests recorded since the last {@link #forgetRequests()}, in order. */
    private void assertRequests(Object... endpointsAndFields) {
        List<LoggedRequest> recorded = requests();
        assertThat(recorded).hasSize(endpointsAndFields.length / 2);
        for (int i = 0; i < recorded.size(); i++) {
            @SuppressWarnings("unchecked")
            Map<String, String> expected = (Map<String, String>) endpointsAndFields[2 * i + 1];
            assertRequest(recorded.get(i), (String) endpointsAndFields[2 * i], expected);
        }
    }

    private void createUser(String id) {
        directory.users().create(UserCreate.builder(id, NAME).build());
    }

    @Nested
    @DisplayName("for users")
    class Users {

        @Test
        @DisplayName("createUser carries UID, name, avatarURL, profileURL and role; the user is read back with getUser")
        void create() {
            forgetRequests();
            directory
                    .users()
                    .create(UserCreate.builder(UID, NAME)
                            .avatarUrl("https://cdn.example.com/a.png?x=1&y=2")
                            .profileUrl("https://example.com/u/zoë")
                            .role("vip")
                            .build());
            assertRequests(
                    "createUser",
                    fields(
                            "UID", UID,
                            "name", NAME,
                            "avatarURL", "https://cdn.example.com/a.png?x=1&y=2",
                            "profileURL", "https://example.com/u/zoë",
                            "role", "vip"),
                    "getUser",
                    fields("UID", UID));
        }

        @Test
        @DisplayName("the body is percent-encoded byte for byte")
        void exactBody() {
            forgetRequests();
            createUser(UID);
            assertThat(requestsTo("createUser").get(0).getBodyAsString())
                    .isEqualTo("UID=zo%C3%AB+%26+co%3D1%2B2%25+%E5%B1%B1%E7%94%B0"
                            + "&name=Doe%2C+Jane+%26+Co+%3D+100%25+%2B1+%E2%98%95+%E5%B1%B1%E7%94%B0");
        }

        @Test
        @DisplayName("fields a create leaves out are not sent, so AtomChat applies its own defaults")
        void minimalCreate() {
            forgetRequests();
            createUser(UID);
            assertRequest(requestsTo("createUser").get(0), "createUser", fields("UID", UID, "name", NAME));
        }

        @Test
        @DisplayName("getUser carries the UID")
        void get() {
            forgetRequests();
            directory.users().get(UID);
            assertRequests("getUser", fields("UID", UID));
        }

        @Test
        @DisplayName("updateUser carries the whole profile, read first; a cleared role is left out")
        void update() {
            directory
                    .users()
                    .create(UserCreate.builder(UID, NAME)
                            .avatarUrl("https://cdn.example.com/a.png")
                            .role("vip")
                            .build());
            forgetRequests();
            directory
                    .users()
                    .update(UID, UserUpdate.builder().name("Nouveau, nom").build());
            assertRequests(
                    "getUser",
                    fields("UID", UID),
                    "updateUser",
                    fields(
                            "UID", UID,
                            "name", "Nouveau, nom",
                            "avatarURL", "https://cdn.example.com/a.png",
                            "profileURL", "",
                            "role", "vip"),
                    "getUser",
                    fields("UID", UID));
            forgetRequests();
            directory.users().update(UID, UserUpdate.builder().clearRole().build());
            assertRequest(
                    requestsTo("updateUser").get(0),
                    "updateUser",
                    fields(
                            "UID", UID,
                            "name", "Nouveau, nom",
                            "avatarURL", "https://cdn.example.com/a.png",
                            "profileURL", ""));
        }

        @Test
        @DisplayName("deleteUser carries UID (not the UIDs one doc page shows)")
        void delete() {
            createUser(UID);
            forgetRequests();
            directory.users().delete(UID);
            assertRequests("deleteUser", fields("UID", UID));
        }

        @Test
        @DisplayName("listUsers carries offset 0 and limit 100, and the listed users are not read one by one")
        void list() {
            createUser(UID);
            forgetRequests();
            directory.users().list(UserQuery.all().withPageSize(10));
            assertRequests("listUsers", fields("offset", "0", "limit", "100"));
        }

        @Test
        @DisplayName("getUserStatus carries all UIDs in one comma-joined field, each encoded within it")
        void presence() {
            createUser(UID);
            createUser(OTHER);
            forgetRequests();
            directory.presence().get(List.of(UID, OTHER));
            assertRequests("getUserStatus", fields("UIDs", UID + "," + OTHER));
            assertThat(requestsTo("getUserStatus").get(0).getBodyAsString())
                    .isEqualTo("UIDs=zo%C3%AB+%26+co%3D1%2B2%25+%E5%B1%B1%E7%94%B0%2Cann%2F%C3%BC%3Fx%3D1");
        }
    }

    @Nested
    @DisplayName("for groups")
    class Groups {

        @Test
        @DisplayName("createGroup carries GUID, name, type, password and createdby, after the owner is checked;"
                + " the owner is then added as a member")
        void create() {
            createUser(UID);
            forgetRequests();
            directory
                    .groups()
                    .create(GroupCreate.builder(GUID, NAME, GroupType.PASSWORD)
                            .password("p&ss=w+rd")
                            .ownerId(UID)
                            .build());
            assertRequests(
                    "getUser",
                    fields("UID", UID),
                    "createGroup",
                    fields(
                            "GUID", GUID,
                            "name", NAME,
                            "type", "1",
                            "password", "p&ss=w+rd",
                            "createdby", UID),
                    "addUsersToGroup",
                    fields("GUID", GUID, "UIDs", UID, "clearExisting", "false"),
                    "getGroupList",
                    fields("GUIDs", GUID));
        }

        @Test
        @DisplayName(
                "createGroup sends type 0 for public and 4 for private groups, and no password or createdby unasked")
        void types() {
            forgetRequests();
            directory
                    .groups()
                    .create(GroupCreate.builder("g0", NAME, GroupType.PUBLIC).build());
            directory
                    .groups()
                    .create(GroupCreate.builder("g4", NAME, GroupType.PRIVATE).build());
            assertRequest(
                    requestsTo("createGroup").get(0), "createGroup", fields("GUID", "g0", "name", NAME, "type", "0"));
            assertRequest(
                    requestsTo("createGroup").get(1), "createGroup", fields("GUID", "g4", "name", NAME, "type", "4"));
        }

        @Test
        @DisplayName("updateGroup carries GUID, name and type, read first, then the group is read back")
        void update() {
            directory
                    .groups()
                    .create(GroupCreate.builder(GUID, NAME, GroupType.PRIVATE).build());
            forgetRequests();
            directory
                    .groups()
                    .update(GUID, GroupUpdate.builder().name("Nouveau, nom").build());
            assertRequests(
                    "getGroupList",
                    fields("GUIDs", GUID),
                    "updateGroup",
                    fields("GUID", GUID, "name", "Nouveau, nom", "type", "4"),
                    "getGroupList",
                    fields("GUIDs", GUID));
        }

        @Test
        @DisplayName("deleteGroup carries the GUID; getGroupList lists all groups without a filter")
        void deleteAndList() {
            directory
                    .groups()
                    .create(GroupCreate.builder(GUID, NAME, GroupType.PUBLIC).build());
            forgetRequests();
            directory.groups().list(GroupQuery.all());
            directory.groups().delete(GUID);
            assertRequests("getGroupList", fields(), "deleteGroup", fields("GUID", GUID));
        }
    }

    @Nested
    @DisplayName("for the groups of a user")
    class GroupsOfMember {

        @Test
        @DisplayName(
                "getUser carries UID and returnJoinedGroups; getGroupList then carries the page's GUIDs, comma-joined")
        void groupsOfMember() {
            createUser(UID);
            for (String guid : List.of(GUID, "b-team", "a-team")) {
                directory
                        .groups()
                        .create(GroupCreate.builder(guid, NAME, GroupType.PUBLIC)
                                .build());
                directory.members().add(guid, List.of(MemberSpec.participant(UID)));
            }
            forgetRequests();
            directory.groups().streamForMember(UID, PageRequest.ofSize(2)).toList();
            assertRequests(
                    "getUser",
                    fields("UID", UID, "returnJoinedGroups", "true"),
                    "getGroupList",
                    fields("GUIDs", "a-team,b-team"),
                    "getUser",
                    fields("UID", UID, "returnJoinedGroups", "true"),
                    "getGroupList",
                    fields("GUIDs", GUID));
        }
    }

    @Nested
    @DisplayName("for members")
    class Members {

        private void seed() {
            createUser(UID);
            createUser(OTHER);
            directory
                    .groups()
                    .create(GroupCreate.builder(GUID, NAME, GroupType.PUBLIC).build());
        }

        @Test
        @DisplayName(
                "addUsersToGroup carries GUID, the comma-joined UIDs and clearExisting=false, between two member reads")
        void add() {
            seed();
            forgetRequests();
            directory.members().add(GUID, List.of(MemberSpec.participant(UID), MemberSpec.participant(OTHER)));
            assertRequests(
                    "getGroupUserList",
                    fields("GUIDs", GUID),
                    "addUsersToGroup",
                    fields("GUID", GUID, "UIDs", UID + "," + OTHER, "clearExisting", "false"),
                    "getGroupUserList",
                    fields("GUIDs", GUID));
        }

        @Test
        @DisplayName("removeUsersFromGroup carries GUID and the members to remove")
        void remove() {
            seed();
            directory.members().add(GUID, List.of(MemberSpec.participant(UID)));
            forgetRequests();
            directory.members().remove(GUID, List.of(UID, OTHER));
            assertRequests(
                    "getGroupUserList",
                    fields("GUIDs", GUID),
                    "removeUsersFromGroup",
                    fields("GUID", GUID, "UIDs", UID));
        }

        @Test
        @DisplayName("listing members and bans reads getGroupUserList for the one GUID")
        void list() {
            seed();
            forgetRequests();
            directory.members().list(GUID, MemberQuery.all());
            directory.members().listBanned(GUID, PageRequest.first());
            assertRequests("getGroupUserList", fields("GUIDs", GUID), "getGroupUserList", fields("GUIDs", GUID));
        }

        @Test
        @DisplayName("banUsersFromGroup and unbanUsersFromGroup carry GUID and UIDs; an unban ends with a removal")
        void banAndUnban() {
            seed();
            directory.members().add(GUID, List.of(MemberSpec.participant(UID)));
            forgetRequests();
            directory.members().ban(GUID, List.of(UID));
            assertRequests(
                    "getGroupUserList",
                    fields("GUIDs", GUID),
                    "banUsersFromGroup",
                    fields("GUID", GUID, "UIDs", UID),
                    "getGroupUserList",
                    fields("GUIDs", GUID));
            forgetRequests();
            directory.members().unban(GUID, List.of(UID));
            assertRequests(
                    "getGroupUserList",
                    fields("GUIDs", GUID),
                    "unbanUsersFromGroup",
                    fields("GUID", GUID, "UIDs", UID),
                    "getGroupUserList",
                    fields("GUIDs", GUID),
                    "removeUsersFromGroup",
                    fields("GUID", GUID, "UIDs", UID));
        }
    }
}
