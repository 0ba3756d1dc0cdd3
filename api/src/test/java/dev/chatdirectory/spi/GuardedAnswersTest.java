package dev.chatdirectory.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.GroupOperations;
import dev.chatdirectory.MemberOperations;
import dev.chatdirectory.PresenceOperations;
import dev.chatdirectory.ProviderProtocolException;
import dev.chatdirectory.UserOperations;
import dev.chatdirectory.model.BannedMember;
import dev.chatdirectory.model.BatchResult;
import dev.chatdirectory.model.Group;
import dev.chatdirectory.model.GroupCreate;
import dev.chatdirectory.model.GroupQuery;
import dev.chatdirectory.model.GroupType;
import dev.chatdirectory.model.GroupUpdate;
import dev.chatdirectory.model.ItemOutcome;
import dev.chatdirectory.model.Member;
import dev.chatdirectory.model.MemberQuery;
import dev.chatdirectory.model.MemberRole;
import dev.chatdirectory.model.MemberSpec;
import dev.chatdirectory.model.Page;
import dev.chatdirectory.model.PageRequest;
import dev.chatdirectory.model.Presence;
import dev.chatdirectory.model.PresenceState;
import dev.chatdirectory.model.User;
import dev.chatdirectory.model.UserCreate;
import dev.chatdirectory.model.UserQuery;
import dev.chatdirectory.model.UserUpdate;
import dev.chatdirectory.testing.Descriptors;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("The guard treats an answer carrying an id that cannot survive the wire as a protocol error")
class GuardedAnswersTest {

    private static final ProviderDescriptor DESCRIPTOR = Descriptors.descriptor("fake", Descriptors.all());

    /** The id a vendor answered with: BEL inside, as found by the adversarial run. */
    private static final String BEL_ID = "al\u0007ice";

    /**
     * A directory whose every answer names the given user and group ids (owners and members
     * included); it accepts any request.
     */
    private static ChatDirectory answering(String userId, String groupId) {
        User user = User.builder(userId, "Alice").build();
        Group group =
                Group.builder(groupId, "Team", GroupType.PUBLIC).ownerId(userId).build();
        UserOperations users = new UserOperations() {
            @Override
            public User create(UserCreate request) {
                return user;
            }

            @Override
            public Optional<User> get(String id) {
                return Optional.of(user);
            }

            @Override
            public User update(String id, UserUpdate update) {
                return user;
            }

            @Override
            public boolean delete(String id) {
                return true;
            }

            @Override
            public boolean deactivate(String id) {
                return true;
            }

            @Override
            public boolean reactivate(String id) {
                return true;
            }

            @Override
            public Page<User> list(UserQuery query) {
                return Page.of(List.of(user), null);
            }
        };
        PresenceOperations presence = new PresenceOperations() {
            @Override
            public Map<String, Presence> get(Collection<String> ids) {
                Map<String, Presence> answer = new LinkedHashMap<>();
                ids.forEach(id ->
                        answer.put(id, new Presence(userId, PresenceState.ONLINE, Optional.empty(), Instant.EPOCH)));
                return answer;
            }
        };
        GroupOperations groups = new GroupOperations() {
            @Override
            public Group create(GroupCreate request) {
                return group;
            }

            @Override
            public Optional<Group> get(String id) {
                return Optional.of(group);
            }

            @Override
            public Group update(String id, GroupUpdate update) {
                return group;
            }

            @Override
            public boolean delete(String id) {
                return true;
            }

            @Override
            public Group transferOwnership(String id, String newOwnerId) {
                return group;
            }

            @Override
            public Page<Group> list(GroupQuery query) {
                return Page.of(List.of(group), null);
            }

            @Override
            public Page<Group> listForMember(String userId, PageRequest request) {
                return Page.of(List.of(group), null);
            }
        };
        MemberOperations members = new MemberOperations() {
            @Override
            public BatchResult add(String id, Collection<MemberSpec> specs) {
                return new BatchResult(
                        specs.stream().map(s -> ItemOutcome.applied(s.userId())).toList());
            }

            @Override
            public BatchResult remove(String id, Collection<String> userIds) {
                return new BatchResult(
                        userIds.stream().map(ItemOutcome::applied).toList());
            }

            @Override
            public Page<Member> list(String id, MemberQuery query) {
                return Page.of(List.of(new Member(groupId, userId, MemberRole.PARTICIPANT, Optional.empty())), null);
            }

            @Override
            public ItemOutcome changeRole(String id, String user, MemberRole role) {
                return ItemOutcome.applied(user);
            }

            @Override
            public BatchResult ban(String id, Collection<String> userIds) {
                return remove(id, userIds);
            }

            @Override
            public BatchResult unban(String id, Collection<String> userIds) {
                return remove(id, userIds);
            }

            @Override
            public Page<BannedMember> listBanned(String id, PageRequest request) {
                return Page.of(List.of(new BannedMember(groupId, userId, Optional.empty())), null);
            }
        };
        ChatDirectory raw = new ChatDirectory() {
            @Override
            public UserOperations users() {
                return users;
            }

            @Override
            public PresenceOperations presence() {
                return presence;
            }

            @Override
            public GroupOperations groups() {
                return groups;
            }

            @Override
            public MemberOperations members() {
                return members;
            }

            @Override
            public ProviderDescriptor provider() {
                return DESCRIPTOR;
            }

            @Override
            public <T> T unwrap(Class<T> type) {
                throw new IllegalArgumentException(type.getName());
            }

            @Override
            public void close() {}
        };
        return GuardedChatDirectory.wrap(DESCRIPTOR, raw);
    }

    private static Arguments read(String name, Consumer<ChatDirectory> operation) {
        return Arguments.of(name, operation);
    }

    /** Every operation that returns users, groups, members, bans or presences. */
    static Stream<Arguments> reads() {
        return Stream.of(
                read(
                        "users().create",
                        d -> d.users()
                                .create(UserCreate.builder("alice", "Alice").build())),
                read("users().get", d -> d.users().get("alice")),
                read(
                        "users().update",
                        d -> d.users()
                                .update("alice", UserUpdate.builder().name("A").build())),
                read("users().list", d -> d.users().list(UserQuery.all())),
                read("users().stream", d -> d.users().stream(UserQuery.all()).toList()),
                read("presence().get", d -> d.presence().get(List.of("alice"))),
                read(
                        "groups().create",
                        d -> d.groups()
                                .create(GroupCreate.withoutId("Team", GroupType.PUBLIC)
                                        .build())),
                read("groups().get", d -> d.groups().get("team")),
                read(
                        "groups().update",
                        d -> d.groups()
                                .update("team", GroupUpdate.builder().name("T").build())),
                read("groups().transferOwnership", d -> d.groups().transferOwnership("team", "bob")),
                read("groups().list", d -> d.groups().list(GroupQuery.all())),
                read("groups().stream", d -> d.groups().stream(GroupQuery.all()).toList()),
                read("members().list", d -> d.members().list("team", MemberQuery.all())),
                read(
                        "members().stream",
                        d -> d.members().stream("team", MemberQuery.all()).toList()),
                read("members().listBanned", d -> d.members().listBanned("team", PageRequest.first())),
                read(
                        "members().streamBanned",
                        d -> d.members()
                                .streamBanned("team", PageRequest.first())
                                .toList()));
    }

    private static ProviderProtocolException protocolError(ThrowingCallable call) {
        ProviderProtocolException e = catchThrowableOfType(ProviderProtocolException.class, call);
        assertThat(e).as("a ProviderProtocolException").isNotNull();
        assertThat(e.providerId()).contains("fake");
        return e;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reads")
    @DisplayName("a user id with a control character in any answer")
    void controlCharacterInUserId(String name, Consumer<ChatDirectory> operation) {
        ChatDirectory directory = answering(BEL_ID, "team");

        ProviderProtocolException e = protocolError(() -> operation.accept(directory));

        assertThat(e.getMessage())
                .contains("control characters")
                .as("the id is shown escaped, so it cannot corrupt a log line")
                .contains("al\\u0007ice")
                .doesNotContain("\u0007");
    }

    /** The operations whose answers name a group. */
    static Stream<Arguments> groupReads() {
        return reads().filter(a -> ((String) a.get()[0]).matches("(groups|members)\\(\\).*"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groupReads")
    @DisplayName("a group id with an unpaired surrogate in any answer that names a group")
    void surrogateInGroupId(String name, Consumer<ChatDirectory> operation) {
        ChatDirectory directory = answering("alice", "te\uD800am");

        assertThat(protocolError(() -> operation.accept(directory)).getMessage())
                .contains("group id")
                .contains("well-formed UTF-16")
                .contains("te\\uD800am");
    }

    @Test
    @DisplayName(
            "answers with well-formed ids outside the provider's own id rule pass: entities made elsewhere stay readable")
    void wellFormedIdsPass() {
        ChatDirectory directory = answering("Zoë Ångström", "Café ☕");

        assertThat(directory.users().get("alice")).map(User::id).contains("Zoë Ångström");
        assertThat(directory.groups().list(GroupQuery.all()).items())
                .extracting(Group::id)
                .containsExactly("Café ☕");
        assertThat(directory.members().stream("team", MemberQuery.all()).map(Member::userId))
                .containsExactly("Zoë Ångström");
    }

    @Test
    @DisplayName("a very long malformed id is quoted shortened")
    void longIdShortened() {
        String longId = "x".repeat(500) + "\u0000";
        ChatDirectory directory = answering(longId, "team");

        assertThat(protocolError(() -> directory.users().get("alice")).getMessage())
                .contains("x".repeat(100) + "\"...")
                .doesNotContain("x".repeat(101));
    }
}
