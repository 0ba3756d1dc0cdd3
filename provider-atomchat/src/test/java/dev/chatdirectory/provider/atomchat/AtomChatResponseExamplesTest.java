package dev.chatdirectory.provider.atomchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.chatdirectory.AlreadyExistsException;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.InvalidRequestException;
import dev.chatdirectory.NotFoundException;
import dev.chatdirectory.ProviderProtocolException;
import dev.chatdirectory.model.BannedMember;
import dev.chatdirectory.model.Group;
import dev.chatdirectory.model.GroupCreate;
import dev.chatdirectory.model.GroupQuery;
import dev.chatdirectory.model.GroupType;
import dev.chatdirectory.model.Member;
import dev.chatdirectory.model.MemberQuery;
import dev.chatdirectory.model.MemberSpec;
import dev.chatdirectory.model.PageRequest;
import dev.chatdirectory.model.Presence;
import dev.chatdirectory.model.PresenceState;
import dev.chatdirectory.model.User;
import dev.chatdirectory.model.UserCreate;
import dev.chatdirectory.model.UserQuery;
import dev.chatdirectory.model.UserUpdate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every reply example of the AtomChat reference ({@code shared/vendors/atomchat.md}), served by a
 * stub server and read through the directory into the expected model, together with the shapes the
 * reference marks uncertain.
 */
@DisplayName("AtomChat's documented replies")
class AtomChatResponseExamplesTest {

    /** §4.2: getUser with friends and joined groups. */
    static final String GET_USER = """
            {"success":{"status":"2000","message":"User details accessed successfully",
              "data":{
                "user":{"uid":"u42","name":"Jane Roe","link":"https://example.com/u/42",
                        "avatar":"https://example.com/a/42.png","friends":"u7,u9","role":"default",
                        "credits":"0","cid":"118","lastactivity":"1700000000"},
                "friends":[{"uid":"u7","name":"Seven","link":"","avatar":"","friends":"u42","role":"default",
                            "credits":"0","cid":"7","lastactivity":"0"}],
                "groups":[{"guid":"g1","name":"Team","type":"Public Group"}]}}}
            """;

    static final String OK = "{\"success\":{\"status\":\"2000\",\"message\":\"done\"}}";

    private static String failed(String message) {
        return "{\"failed\":{\"status\":\"2001\",\"message\":\"" + message + "\"}}";
    }

    private StubAtomChat stub;
    private ChatDirectory directory;

    @BeforeEach
    void start() {
        stub = new StubAtomChat();
        directory = stub.open(Clock.fixed(Instant.ofEpochSecond(1_700_000_060), ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        directory.close();
        stub.close();
    }

    private static User janeRoe() {
        return User.builder("u42", "Jane Roe")
                .profileUrl("https://example.com/u/42")
                .avatarUrl("https://example.com/a/42.png")
                .role("default")
                .build();
    }

    private static void assertIsJaneRoe(User user) {
        assertThat(user.toBuilder().raw(Map.of()).build()).isEqualTo(janeRoe());
        assertThat(user.raw())
                .containsEntry("uid", "u42")
                .containsEntry("cid", "118")
                .containsEntry("friends", "u7,u9")
                .containsEntry("lastactivity", "1700000000");
    }

    @Nested
    @DisplayName("of the user endpoints")
    class Users {

        @Test
        @DisplayName("getUser's user becomes a User: link is the profile URL, avatar the avatar, every value kept raw")
        void getUser() {
            stub.reply("getUser", GET_USER);
            assertIsJaneRoe(directory.users().get("u42").orElseThrow());
        }

        @Test
        @DisplayName("getUser's 'User not registered' is an empty Optional")
        void unknownUser() {
            stub.reply("getUser", failed("User not registered"));
            assertThat(directory.users().get("u42")).isEmpty();
        }

        @Test
        @DisplayName("createUser's 'User created successfully!' is followed by getUser, whose user is returned")
        void createUser() {
            stub.reply("createUser", "{\"success\":{\"status\":\"2000\",\"message\":\"User created successfully!\"}}")
                    .reply("getUser", GET_USER);
            assertIsJaneRoe(directory
                    .users()
                    .create(UserCreate.builder("u42", "Jane Roe").build()));
        }

        @Test
        @DisplayName("createUser's 'User already exists' and 'Invalid UID.' fail as the API says")
        void createFailures() {
            stub.reply("createUser", failed("User already exists"));
            assertThatThrownBy(() -> directory
                            .users()
                            .create(UserCreate.builder("u42", "Jane").build()))
                    .isInstanceOf(AlreadyExistsException.class)
                    .hasMessageContaining("User already exists");
            stub.reply("createUser", failed("Invalid UID."));
            assertThatThrownBy(() -> directory
                            .users()
                            .create(UserCreate.builder("u42", "Jane").build()))
                    .isInstanceOfSatisfying(
                            InvalidRequestException.class,
                            e -> assertThat(e.field()).contains("userId"));
        }

        @Test
        @DisplayName(
                "updateUser's 'User updated successfully' returns the user read back; 'Invalid UID' is NotFoundException")
        void updateUser() {
            stub.reply("getUser", GET_USER)
                    .reply(
                            "updateUser",
                            "{\"success\":{\"status\":\"2000\",\"message\":\"User updated successfully\"}}");
            assertIsJaneRoe(directory
                    .users()
                    .update("u42", UserUpdate.builder().name("Jane Roe").build()));
            stub.reply("updateUser", failed("Invalid UID"));
            assertThatThrownBy(() -> directory
                            .users()
                            .update("u42", UserUpdate.builder().name("J").build()))
                    .isInstanceOf(NotFoundException.class);
        }

        @Test
        @DisplayName("deleteUser's 'User deleted successfully!' is true and 'Invalid UID' false")
        void deleteUser() {
            stub.reply("deleteUser", "{\"success\":{\"status\":\"2000\",\"message\":\"User deleted successfully!\"}}");
            assertThat(directory.users().delete("u42")).isTrue();
            stub.reply("deleteUser", failed("Invalid UID"));
            assertThat(directory.users().delete("u42")).isFalse();
        }

        @Test
        @DisplayName("listUsers' rows, with or without status and lastactivity, become users: name, role, the row raw")
        void listUsers() {
            stub.reply("listUsers", """
                            {"success":{"status":"2000","message":"List fetched successfully",
                              "data":[{"userid":"118","uid":"u42","username":"Jane Roe","displayname":"Jane Roe",
                                       "friends":"u7,u9","role":"default","status":"available","lastactivity":"1700000000"},
                                      {"userid":"119","username":"Old","friends":"","uid":"u43","role":"vip"}]}}
                            """);
            var page = directory.users().list(UserQuery.all());
            assertThat(page.items()).hasSize(2);
            assertThat(page.items().get(0).toBuilder().raw(Map.of()).build())
                    .isEqualTo(User.builder("u42", "Jane Roe").role("default").build());
            assertThat(page.items().get(0).raw())
                    .containsEntry("userid", "118")
                    .containsEntry("status", "available")
                    .containsEntry("lastactivity", "1700000000");
            assertThat(page.items().get(1).toBuilder().raw(Map.of()).build())
                    .as("a row without displayname is named by its username")
                    .isEqualTo(User.builder("u43", "Old").role("vip").build());
            assertThat(page.nextCursor()).isEmpty();
        }

        @Test
        @DisplayName("with listUserDetails=true, listUsers' rows name the users read with getUser, left out when gone")
        void listUsersWithDetails() {
            stub.reply("listUsers", """
                            {"success":{"status":"2000","message":"List fetched successfully",
                              "data":[{"userid":"118","uid":"u42","username":"Jane Roe","displayname":"Jane Roe",
                                       "friends":"u7,u9","role":"default","status":"available","lastactivity":"1700000000"},
                                      {"userid":"119","username":"Old","displayname":"Old","friends":"","uid":"u43","role":"default"}]}}
                            """)
                    .replyWhen("getUser", "UID", "u42", GET_USER)
                    .replyWhen("getUser", "UID", "u43", failed("User not registered"));
            try (ChatDirectory detailed = new AtomChatProvider()
                    .open(Directories.config(stub.baseUrl(), StubAtomChat.API_KEY).toBuilder()
                            .property("listUserDetails", "true")
                            .build())) {
                var page = detailed.users().list(UserQuery.all());
                assertThat(page.items()).hasSize(1);
                assertIsJaneRoe(page.items().get(0));
                assertThat(page.nextCursor()).isEmpty();
            }
        }

        @Test
        @DisplayName("listUsers' empty data ends the listing")
        void emptyList() {
            stub.reply(
                    "listUsers",
                    "{\"success\":{\"status\":\"2000\",\"message\":\"List fetched successfully\",\"data\":[]}}");
            assertThat(directory.users().list(UserQuery.all()).items()).isEmpty();
        }
    }

    @Nested
    @DisplayName("of getUserStatus (shape known only from a client DTO)")
    class Presences {

        private Map<String, Presence> read() {
            return directory.presence().get(List.of("u42", "u7"));
        }

        private void assertExample(Map<String, Presence> presences) {
            Instant observed = Instant.ofEpochSecond(1_700_000_060);
            assertThat(presences.get("u42"))
                    .isEqualTo(new Presence(
                            "u42",
                            PresenceState.ONLINE,
                            java.util.Optional.of(Instant.ofEpochSecond(1_700_000_000)),
                            observed));
            assertThat(presences.get("u7"))
                    .isEqualTo(new Presence(
                            "u7",
                            PresenceState.OFFLINE,
                            java.util.Optional.of(Instant.ofEpochSecond(1_699_990_000)),
                            observed));
        }

        @Test
        @DisplayName("a map keyed by UID right under success, as the reference shows it")
        void keyedBySuccess() {
            stub.reply("getUserStatus", """
                    {"success":{
                      "u42":{"user":"u42","status":"available","lastactivity":"1700000000","conversations":"…"},
                      "u7": {"user":"u7","status":"offline","lastactivity":"1699990000","conversations":"…"}}}
                    """);
            assertExample(read());
        }

        @Test
        @DisplayName("the same map under success.data")
        void keyedByData() {
            stub.reply("getUserStatus", """
                    {"success":{"status":"2000","message":"ok","data":{
                      "u42":{"status":"available","lastactivity":1700000000},
                      "u7": {"status":"offline","lastactivity":"1699990000"}}}}
                    """);
            assertExample(read());
        }

        @Test
        @DisplayName("a data array of objects naming their uid or user")
        void array() {
            stub.reply("getUserStatus", """
                    {"success":{"status":"2000","data":[
                      {"uid":"u42","status":"available","lastactivity":"1700000000"},
                      {"user":"u7","status":"offline","lastactivity":"1699990000"}]}}
                    """);
            assertExample(read());
        }

        @Test
        @DisplayName("PHP's empty success [] and a left-out UID: OFFLINE if getUser knows the user, else UNKNOWN")
        void leftOut() {
            stub.reply("getUserStatus", "{\"success\":[]}")
                    .replyWhen("getUser", "UID", "u42", GET_USER)
                    .replyWhen("getUser", "UID", "u7", failed("User not registered"));
            Map<String, Presence> presences = read();
            assertThat(presences.get("u42").state()).isEqualTo(PresenceState.OFFLINE);
            assertThat(presences.get("u42").lastActiveAt()).isEmpty();
            assertThat(presences.get("u7").state()).isEqualTo(PresenceState.UNKNOWN);
        }

        @Test
        @DisplayName("away and busy count as online; invisible never does")
        void statuses() {
            stub.reply("getUserStatus", """
                    {"success":{
                      "u42":{"user":"u42","status":"busy","lastactivity":"1700000050"},
                      "u7": {"user":"u7","status":"invisible","lastactivity":"1700000050"}}}
                    """);
            assertThat(read().get("u42").state()).isEqualTo(PresenceState.ONLINE);
            assertThat(read().get("u7").state()).isEqualTo(PresenceState.OFFLINE);
        }
    }

    @Nested
    @DisplayName("of the group endpoints")
    class Groups {

        /** §5.6: a 2018 raw row, password hash included. */
        static final String GROUP_LIST = """
                {"success":{"status":"2000","message":"Groups list fetched successfully.","data":[
                  {"id":"57","name":"Team","guid":"g1","type":"1","createdby":"u42","lastactivity":"1700000000",
                   "password":"5baa61e4c9b93f3f0682250b6cf8331b7ee68fd8","invitedusers":""},
                  {"id":"58","name":"System","guid":"g2","type":"0","createdby":"0"}]}}
                """;

        @Test
        @DisplayName("getGroupList's rows become groups: type number, createdby owner (0 is none), no password")
        void groupList() {
            stub.reply("getGroupList", GROUP_LIST);
            List<Group> groups = directory.groups().list(GroupQuery.all()).items();
            assertThat(groups).extracting(Group::id).containsExactly("g1", "g2");
            Group team = groups.get(0);
            assertThat(team.name()).isEqualTo("Team");
            assertThat(team.type()).isEqualTo(GroupType.PASSWORD);
            assertThat(team.ownerId()).contains("u42");
            assertThat(team.raw()).containsEntry("id", "57").doesNotContainKey("password");
            assertThat(groups.get(1).ownerId()).isEmpty();
            assertThat(groups.get(1).type()).isEqualTo(GroupType.PUBLIC);
        }

        @Test
        @DisplayName("the client DTO's spelling GUID is read too, and types 2, 3 and 4 read as private")
        void dtoShape() {
            stub.reply("getGroupList", """
                    {"success":{"status":"2000","message":"Groups list fetched successfully.","data":[
                      {"name":"Invited","GUID":"g2","type":"2"},{"name":"Hidden","GUID":"g3","type":"3"},
                      {"name":"Private","GUID":"g4","type":"4"}]}}
                    """);
            assertThat(directory.groups().list(GroupQuery.all()).items())
                    .extracting(Group::id, Group::type)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("g2", GroupType.PRIVATE),
                            org.assertj.core.groups.Tuple.tuple("g3", GroupType.PRIVATE),
                            org.assertj.core.groups.Tuple.tuple("g4", GroupType.PRIVATE));
        }

        @Test
        @DisplayName("a group is read from getGroupList even when the server ignores the GUIDs filter")
        void getIgnoresOtherRows() {
            stub.reply("getGroupList", GROUP_LIST);
            assertThat(directory.groups().get("g2").map(Group::name)).contains("System");
            assertThat(directory.groups().get("g9")).isEmpty();
        }

        @Test
        @DisplayName("createGroup's success with roomid and guid is followed by adding the owner and getGroupList")
        void createGroup() {
            stub.reply(
                            "createGroup",
                            "{\"success\":{\"status\":\"2000\",\"roomid\":57,\"message\":\"Group created successfully\",\"guid\":\"g1\"}}")
                    .reply("getUser", GET_USER)
                    .reply(
                            "addUsersToGroup",
                            "{\"success\":{\"status\":\"2000\",\"message\":\"Users added successfully.\"}}")
                    .reply("getGroupList", GROUP_LIST);
            Group created = directory
                    .groups()
                    .create(GroupCreate.builder("g1", "Team", GroupType.PASSWORD)
                            .password("pw")
                            .ownerId("u42")
                            .build());
            assertThat(created.id()).isEqualTo("g1");
            assertThat(created.ownerId()).contains("u42");
        }

        @Test
        @DisplayName("createGroup's refusals: 'GUID must be unique.' exists already; the others are invalid requests")
        void createFailures() {
            stub.reply("createGroup", failed("GUID must be unique."));
            assertThatThrownBy(() -> directory
                            .groups()
                            .create(GroupCreate.builder("g1", "T", GroupType.PUBLIC)
                                    .build()))
                    .isInstanceOf(AlreadyExistsException.class);
            for (String message : List.of(
                    "GUID is not defined.",
                    "Group name is not defined.",
                    "Password required for Password Protected Group.")) {
                stub.reply("createGroup", failed(message));
                assertThatThrownBy(() -> directory
                                .groups()
                                .create(GroupCreate.builder("g1", "T", GroupType.PUBLIC)
                                        .build()))
                        .isInstanceOf(InvalidRequestException.class)
                        .hasMessageContaining(message);
            }
        }

        @Test
        @DisplayName("getUser's joined groups (4.2) name a user's groups, read in full from getGroupList, whose other"
                + " rows are ignored")
        void groupsOfMember() {
            stub.reply("getUser", GET_USER).reply("getGroupList", GROUP_LIST);

            List<Group> groups =
                    directory.groups().listForMember("u42", PageRequest.first()).items();

            assertThat(groups).extracting(Group::id).containsExactly("g1");
            assertThat(groups.get(0).name()).isEqualTo("Team");
            assertThat(groups.get(0).type()).isEqualTo(GroupType.PASSWORD);
            assertThat(groups.get(0).ownerId()).contains("u42");
            assertThat(groups.get(0).raw()).doesNotContainKey("password");
        }

        @Test
        @DisplayName("getUser's empty joined groups (PHP's [] or {}) are no groups, and nothing more is read")
        void noGroupsOfMember() {
            for (String empty : List.of("[]", "{}")) {
                stub.reply(
                        "getUser",
                        "{\"success\":{\"status\":\"2000\",\"message\":\"User details accessed successfully\","
                                + "\"data\":{\"user\":{\"uid\":\"u42\",\"name\":\"Jane Roe\"},\"groups\":" + empty
                                + "}}}");
                assertThat(directory
                                .groups()
                                .listForMember("u42", PageRequest.first())
                                .items())
                        .isEmpty();
            }
            assertThat(stub.calls("getGroupList")).isZero();
        }

        @Test
        @DisplayName("a getUser reply without the joined groups asked for is a protocol error, not a user in no group;"
                + " 'User not registered' is NotFoundException")
        void groupsOfMemberRefusals() {
            stub.reply(
                    "getUser",
                    "{\"success\":{\"status\":\"2000\",\"message\":\"User details accessed successfully\","
                            + "\"data\":{\"user\":{\"uid\":\"u42\",\"name\":\"Jane Roe\"}}}}");
            assertThatThrownBy(() -> directory.groups().listForMember("u42", PageRequest.first()))
                    .isInstanceOf(ProviderProtocolException.class)
                    .hasMessageContaining("groups");

            stub.reply("getUser", failed("User not registered"));
            assertThatThrownBy(() -> directory.groups().listForMember("u42", PageRequest.first()))
                    .isInstanceOf(NotFoundException.class);
        }

        @Test
        @DisplayName("deleteGroup's 'Group deleted successfully.' is true and 'GUID does not exist.' false")
        void deleteGroup() {
            stub.reply(
                    "deleteGroup", "{\"success\":{\"status\":\"2000\",\"message\":\"Group deleted successfully.\"}}");
            assertThat(directory.groups().delete("g1")).isTrue();
            stub.reply("deleteGroup", failed("GUID does not exist."));
            assertThat(directory.groups().delete("g1")).isFalse();
        }
    }

    @Nested
    @DisplayName("of the membership endpoints")
    class Membership {

        static final String NONE = "{\"success\":{\"status\":\"2000\",\"data\":[]}}";

        @Test
        @DisplayName("getGroupUserList keyed by GUID: rows flagged isbanned are bans, the others members")
        void keyedByGuid() {
            stub.reply("getGroupUserList", """
                    {"success":{"status":"2000","message":"Group users fetched successfully.","data":{"g1":[
                      {"uid":"u9","name":"Nine","isbanned":"0"},{"uid":"u7","name":"Seven","isbanned":"1"},
                      {"uid":"u8","name":"Eight"}]}}}
                    """);
            assertThat(directory.members().list("g1", MemberQuery.all()).items())
                    .extracting(Member::userId)
                    .containsExactly("u8", "u9");
            assertThat(directory.members().listBanned("g1", PageRequest.first()).items())
                    .extracting(BannedMember::userId)
                    .containsExactly("u7");
        }

        @Test
        @DisplayName("a member row's name, or else its displayname or username, is the member's name; none is absent")
        void memberNames() {
            stub.reply("getGroupUserList", """
                    {"success":{"status":"2000","data":{"g1":[
                      {"uid":"u1","name":"Zoë Ångström","isbanned":"0"},
                      {"uid":"u2","displayname":"山田太郎","username":"yamada","isbanned":"0"},
                      {"uid":"u3","username":"Đorđe","isbanned":"0"},
                      {"uid":"u4","isbanned":"0"},
                      {"uid":"u5","name":"Banned Bob","isbanned":"1"}]}}}
                    """);
            assertThat(directory.members().list("g1", MemberQuery.all()).items())
                    .extracting(Member::userId, Member::name)
                    .containsExactly(
                            tuple("u1", Optional.of("Zoë Ångström")),
                            tuple("u2", Optional.of("山田太郎")),
                            tuple("u3", Optional.of("Đorđe")),
                            tuple("u4", Optional.empty()));
            assertThat(directory.members().listBanned("g1", PageRequest.first()).items())
                    .containsExactly(new BannedMember("g1", "u5", Optional.empty()));
        }

        @Test
        @DisplayName("getGroupUserList as a flat array of rows naming their guid, and PHP's empty data []")
        void flatAndEmpty() {
            stub.reply("getGroupUserList", """
                    {"success":{"status":"2000","data":[
                      {"guid":"g1","uid":"u9","isbanned":0},{"guid":"g2","uid":"u1","isbanned":0}]}}
                    """);
            assertThat(directory.members().list("g1", MemberQuery.all()).items())
                    .extracting(Member::userId)
                    .containsExactly("u9");
            stub.reply("getGroupUserList", NONE);
            assertThat(directory.members().list("g1", MemberQuery.all()).items())
                    .isEmpty();
        }

        @Test
        @DisplayName("addUsersToGroup's 'Users added successfully.' is checked against the members read afterwards")
        void added() {
            stub.replyInTurn(
                            "getGroupUserList",
                            NONE,
                            "{\"success\":{\"status\":\"2000\",\"data\":{\"g1\":[{\"uid\":\"u42\",\"isbanned\":\"0\"}]}}}")
                    .reply(
                            "addUsersToGroup",
                            "{\"success\":{\"status\":\"2000\",\"message\":\"Users added successfully.\"}}")
                    .replyWhen("getUser", "UID", "u404", failed("User not registered"));
            var result = directory
                    .members()
                    .add("g1", List.of(MemberSpec.participant("u42"), MemberSpec.participant("u404")));
            assertThat(result.applied()).containsExactly("u42");
            assertThat(result.failed()).extracting(o -> o.id()).containsExactly("u404");
        }

        @Test
        @DisplayName("addUsersToGroup's 'Users already part of group.' with internal ids in data adds nobody")
        void alreadyPart() {
            stub.reply("getGroupUserList", NONE)
                    .reply(
                            "addUsersToGroup",
                            "{\"failed\":{\"status\":\"2001\",\"message\":\"Users already part of group.\",\"data\":[null]}}")
                    .reply("getUser", failed("User not registered"));
            var result = directory.members().add("g1", List.of(MemberSpec.participant("u404")));
            assertThat(result.failed())
                    .singleElement()
                    .satisfies(o -> assertThat(o.reason()).contains(dev.chatdirectory.model.FailureReason.NOT_FOUND));
        }

        @Test
        @DisplayName("'GUID does not exist.' of a membership call is NotFoundException for the group")
        void unknownGroup() {
            stub.reply("getGroupUserList", failed("GUID does not exist."));
            assertThatThrownBy(() -> directory.members().list("g1", MemberQuery.all()))
                    .isInstanceOf(NotFoundException.class);
        }

        @Test
        @DisplayName(
                "removeUsersFromGroup's 'Users not part of group.' makes the list be read and the removal sent again")
        void notPartOfGroup() {
            String both = "{\"success\":{\"status\":\"2000\",\"data\":{\"g1\":[{\"uid\":\"u1\"},{\"uid\":\"u2\"}]}}}";
            String one = "{\"success\":{\"status\":\"2000\",\"data\":{\"g1\":[{\"uid\":\"u1\"}]}}}";
            stub.replyInTurn("getGroupUserList", both, one)
                    .replyInTurn(
                            "removeUsersFromGroup",
                            failed("Users not part of group."),
                            "{\"success\":{\"status\":\"2000\",\"message\":\"Users removed successfully.\"}}");
            var result = directory.members().remove("g1", List.of("u1", "u2"));
            assertThat(result.applied()).containsExactly("u1");
            assertThat(result.unchanged()).containsExactly("u2");
            assertThat(stub.calls("removeUsersFromGroup")).isEqualTo(2);
        }
    }
}
