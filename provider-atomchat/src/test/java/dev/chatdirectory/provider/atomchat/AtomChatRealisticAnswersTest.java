package dev.chatdirectory.provider.atomchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.ChatDirectoryException;
import dev.chatdirectory.InvalidRequestException;
import dev.chatdirectory.NotFoundException;
import dev.chatdirectory.ProviderProtocolException;
import dev.chatdirectory.model.BatchResult;
import dev.chatdirectory.model.Group;
import dev.chatdirectory.model.GroupCreate;
import dev.chatdirectory.model.GroupType;
import dev.chatdirectory.model.MemberSpec;
import dev.chatdirectory.model.Presence;
import dev.chatdirectory.model.PresenceState;
import dev.chatdirectory.model.UserCreate;
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
 * Replies of the shapes seen in public third-party code, tests and logs rather than in the vendor's
 * docs, written out as PHP's {@code json_encode} sends them: {@code \/} for slashes, {@code \u00e9}
 * and surrogate pairs for non-ASCII text, database values as strings.
 */
@DisplayName("AtomChat replies as third-party clients see them")
class AtomChatRealisticAnswersTest {

    private static final Instant NOW = Instant.ofEpochSecond(1_700_000_060);

    /** getUser of "josé/emea", name "José 🚀", as the cloud sends it. */
    private static final String GET_JOSE = """
            {"success":{"status":"2000","message":"User details accessed successfully","data":{"user":{\
            "uid":"jos\\u00e9\\/emea","name":"Jos\\u00e9 \\ud83d\\ude80","link":"https:\\/\\/example.com\\/u\\/jose",\
            "avatar":"https:\\/\\/cdn.example.com\\/a\\/jose.png","friends":"","role":"default","credits":"0",\
            "cid":"204","lastactivity":"1699990000"}}}}""";

    private static final String JOSE = "josé/emea";

    private StubAtomChat stub;
    private ChatDirectory directory;

    @BeforeEach
    void start() {
        stub = new StubAtomChat();
        directory = stub.open(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        directory.close();
        stub.close();
    }

    @Nested
    @DisplayName("'Invalid UID' means what the operation makes it mean")
    class InvalidUid {

        @Test
        @DisplayName("on createUser it is a refused UID: InvalidRequestException naming userId, nothing read back")
        void createUser() {
            stub.reply("createUser", "{\"failed\":{\"status\":\"2001\",\"message\":\"Invalid UID.\"}}");

            Throwable thrown = catchThrowable(() ->
                    directory.users().create(UserCreate.builder(JOSE, "José 🚀").build()));

            assertThat(thrown).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                assertThat(e.field()).contains("userId");
                assertThat(e.vendorCode()).contains("2001");
                assertThat(e.getMessage()).contains("Invalid UID.");
            });
            assertThat(stub.calls("getUser")).isZero();
        }

        @Test
        @DisplayName("on getUser it is an unknown user: an empty Optional")
        void getUser() {
            stub.reply("getUser", "{\"failed\":{\"status\":\"2001\",\"message\":\"Invalid UID\"}}");

            assertThat(directory.users().get(JOSE)).isEmpty();
        }

        @Test
        @DisplayName("on updateUser it is an unknown user: NotFoundException")
        void updateUser() {
            stub.reply("getUser", GET_JOSE)
                    .reply("updateUser", "{\"failed\":{\"status\":\"2001\",\"message\":\"Invalid UID\"}}");

            assertThatThrownBy(() -> directory
                            .users()
                            .update(JOSE, UserUpdate.builder().name("José").build()))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("Invalid UID");
        }

        @Test
        @DisplayName("on deleteUser it is an unknown user: nothing deleted")
        void deleteUser() {
            stub.reply("deleteUser", "{\"failed\":{\"status\":\"2001\",\"message\":\"Invalid UID\"}}");

            assertThat(directory.users().delete(JOSE)).isFalse();
        }
    }

    @Nested
    @DisplayName("getUserStatus reports the vendor's status")
    class Presences {

        private static final String STATUSES = """
                {"success":{\
                "jos\\u00e9\\/emea":{"user":"jos\\u00e9\\/emea","status":"available","lastactivity":"1699990000","conversations":"0"},\
                "mika\\ud83d\\ude80":{"user":"mika\\ud83d\\ude80","status":"busy","lastactivity":"1700000050","conversations":"2"},\
                "kai":{"user":"kai","status":"away","lastactivity":"1600000000","conversations":"0"},\
                "ana":{"user":"ana","status":"offline","lastactivity":"1700000055","conversations":"0"},\
                "lee":{"user":"lee","status":"invisible","lastactivity":"1700000059","conversations":"1"},\
                "new":{"user":"new","status":null,"lastactivity":"0","conversations":"0"}}}""";

        private Map<String, Presence> read() {
            stub.reply("getUserStatus", STATUSES);
            return directory.presence().get(List.of(JOSE, "mika🚀", "kai", "ana", "lee", "new"));
        }

        private static Presence presence(String userId, PresenceState state, long lastActive) {
            return new Presence(userId, state, Optional.of(Instant.ofEpochSecond(lastActive)), NOW);
        }

        @Test
        @DisplayName("an online status is ONLINE however long ago the last activity was, which is reported beside it")
        void onlineWhateverTheActivity() {
            Map<String, Presence> presences = read();

            assertThat(presences.get(JOSE)).isEqualTo(presence(JOSE, PresenceState.ONLINE, 1_699_990_000));
            assertThat(presences.get("kai")).isEqualTo(presence("kai", PresenceState.ONLINE, 1_600_000_000));
            assertThat(presences.get("mika🚀")).isEqualTo(presence("mika🚀", PresenceState.ONLINE, 1_700_000_050));
        }

        @Test
        @DisplayName("offline and invisible are OFFLINE even with a last activity seconds ago")
        void offlineWhateverTheActivity() {
            Map<String, Presence> presences = read();

            assertThat(presences.get("ana")).isEqualTo(presence("ana", PresenceState.OFFLINE, 1_700_000_055));
            assertThat(presences.get("lee")).isEqualTo(presence("lee", PresenceState.OFFLINE, 1_700_000_059));
        }

        @Test
        @DisplayName("a user who never set a status is OFFLINE with no last activity, and nobody is looked up")
        void neverSet() {
            Map<String, Presence> presences = read();

            assertThat(presences.get("new"))
                    .isEqualTo(new Presence("new", PresenceState.OFFLINE, Optional.empty(), NOW));
            assertThat(stub.calls("getUser")).isZero();
        }

        @Test
        @DisplayName("a status the vendor reference does not list is UNKNOWN, not guessed")
        void unlistedStatus() {
            stub.reply(
                    "getUserStatus",
                    "{\"success\":{\"kai\":{\"user\":\"kai\",\"status\":\"dnd\",\"lastactivity\":\"1700000000\"}}}");

            assertThat(directory.presence().get(List.of("kai")).get("kai"))
                    .isEqualTo(presence("kai", PresenceState.UNKNOWN, 1_700_000_000));
        }
    }

    @Nested
    @DisplayName("addUsersToGroup's 'Users already part of group.' adds nobody")
    class NothingAdded {

        private static final String NO_MEMBERS =
                "{\"success\":{\"status\":\"2000\",\"message\":\"Group users fetched successfully.\",\"data\":{\"ops\":[]}}}";
        /** What a read after the call shows: ann and josé are members, as they were before it. */
        static final String ANN_AND_JOSE = """
                {"success":{"status":"2000","message":"Group users fetched successfully.","data":{"ops":[\
                {"uid":"ann","name":"Ann","avatar":"","isbanned":"0"},\
                {"uid":"jos\\u00e9\\/emea","name":"Jos\\u00e9 \\ud83d\\ude80","avatar":"https:\\/\\/cdn.example.com\\/a\\/jose.png","isbanned":"0"}]}}}""";

        @BeforeEach
        void everyoneButGhostIsAUser() {
            stub.reply("getUser", GET_JOSE)
                    .replyWhen(
                            "getUser",
                            "UID",
                            "ghost",
                            "{\"failed\":{\"status\":\"2001\",\"message\":\"User not registered\"}}");
        }

        private BatchResult add(String... userIds) {
            return directory
                    .members()
                    .add(
                            "ops",
                            List.of(userIds).stream()
                                    .map(MemberSpec::participant)
                                    .toList());
        }

        private static List<String> statuses(BatchResult result) {
            return result.outcomes().stream()
                    .map(o -> o.id() + ":" + o.status()
                            + o.reason().map(r -> "/" + r).orElse(""))
                    .toList();
        }

        @Test
        @DisplayName("internal ids in data are users already in (UNCHANGED), null is an unknown UID (NOT_FOUND)")
        void outcomesFromData() {
            // A member list that missed them, then one that shows them: only the vendor's answer counts.
            stub.replyInTurn("getGroupUserList", NO_MEMBERS, ANN_AND_JOSE)
                    .reply(
                            "addUsersToGroup",
                            "{\"failed\":{\"status\":\"2001\",\"message\":\"Users already part of group.\",\"data\":[\"118\",\"204\",null]}}");

            BatchResult result = add("ann", JOSE, "ghost");

            assertThat(statuses(result))
                    .containsExactly("ann:UNCHANGED", JOSE + ":UNCHANGED", "ghost:FAILED/NOT_FOUND");
            assertThat(result.applied()).isEmpty();
            assertThat(stub.calls("getUser")).isZero();
        }

        @Test
        @DisplayName("ids sent as JSON numbers count the same")
        void numericIds() {
            stub.reply("getGroupUserList", NO_MEMBERS)
                    .reply(
                            "addUsersToGroup",
                            "{\"failed\":{\"status\":2001,\"message\":\"Users already part of group.\",\"data\":[118,null]}}");

            assertThat(statuses(add("ann", "ghost"))).containsExactly("ann:UNCHANGED", "ghost:FAILED/NOT_FOUND");
        }

        @Test
        @DisplayName("data that does not hold one id or null per UID sent is a ProviderProtocolException")
        void malformedData() {
            stub.reply("getGroupUserList", NO_MEMBERS);
            for (String data : List.of(
                    "", ",\"data\":[\"118\"]", ",\"data\":{\"0\":\"118\",\"1\":null}", ",\"data\":[[1],null]")) {
                stub.reply(
                        "addUsersToGroup",
                        "{\"failed\":{\"status\":\"2001\",\"message\":\"Users already part of group.\"" + data + "}}");

                assertThat(catchThrowable(() -> add("ann", "ghost")))
                        .as(data)
                        .isInstanceOf(ProviderProtocolException.class)
                        .satisfies(e -> assertThat(((ChatDirectoryException) e).providerId())
                                .contains("atomchat"));
            }
        }

        @Test
        @DisplayName("the owner AtomChat already lists after createGroup does not fail the group's creation")
        void ownerAlreadyIn() {
            stub.reply(
                            "createGroup",
                            "{\"success\":{\"status\":\"2000\",\"roomid\":57,\"message\":\"Group created successfully\",\"guid\":\"ops\"}}")
                    .reply(
                            "addUsersToGroup",
                            "{\"failed\":{\"status\":\"2001\",\"message\":\"Users already part of group.\",\"data\":[\"204\"]}}")
                    .reply("getGroupList", """
                            {"success":{"status":"2000","message":"Groups list fetched successfully.","data":[\
                            {"id":"57","name":"Ops \\/ EMEA","guid":"ops","type":"0","createdby":"jos\\u00e9\\/emea"}]}}""");

            Group group = directory
                    .groups()
                    .create(GroupCreate.builder("ops", "Ops / EMEA", GroupType.PUBLIC)
                            .ownerId(JOSE)
                            .build());

            assertThat(group.name()).isEqualTo("Ops / EMEA");
            assertThat(group.ownerId()).contains(JOSE);
        }
    }
}
