package dev.chatdirectory.spi;

import static dev.chatdirectory.testing.RequestAssertions.assertInvalid;
import static dev.chatdirectory.testing.RequestAssertions.assertInvalidField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.chatdirectory.Capability;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.UnsupportedCapabilityException;
import dev.chatdirectory.model.BatchResult;
import dev.chatdirectory.model.GroupCreate;
import dev.chatdirectory.model.GroupQuery;
import dev.chatdirectory.model.GroupType;
import dev.chatdirectory.model.GroupUpdate;
import dev.chatdirectory.model.ItemOutcome;
import dev.chatdirectory.model.MemberQuery;
import dev.chatdirectory.model.MemberRole;
import dev.chatdirectory.model.MemberSpec;
import dev.chatdirectory.model.PageRequest;
import dev.chatdirectory.model.Presence;
import dev.chatdirectory.model.PresenceState;
import dev.chatdirectory.model.UserCreate;
import dev.chatdirectory.model.UserQuery;
import dev.chatdirectory.model.UserUpdate;
import dev.chatdirectory.testing.Descriptors;
import dev.chatdirectory.testing.RecordingDirectory;
import dev.chatdirectory.testing.RecordingDirectory.Call;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("GuardedChatDirectory")
class GuardedChatDirectoryTest {

    /** Users: lowercase letters, digits and _, at most 12. Groups: g- and digits, at most 10. */
    static final IdRule USER_IDS = IdRule.of("[a-z0-9_]+", 12, "lowercase letters, digits and _");

    static final IdRule GROUP_IDS = IdRule.of("g-[0-9]+", 10, "g- followed by digits");

    /** Page sizes 10 by default, 50 at most; batches of 3; names up to 20; metadata up to 200 bytes. */
    static final ProviderLimits LIMITS = Descriptors.limits(10, 50, 3);

    private RecordingDirectory delegate;

    private ChatDirectory guarded(Set<Capability> capabilities) {
        ProviderDescriptor descriptor = Descriptors.descriptor("fake", capabilities, USER_IDS, GROUP_IDS, LIMITS);
        delegate = new RecordingDirectory(descriptor);
        return GuardedChatDirectory.wrap(descriptor, delegate);
    }

    private ChatDirectory guarded() {
        return guarded(Descriptors.all());
    }

    private static Arguments op(String name, Capability capability, Consumer<ChatDirectory> operation) {
        return Arguments.of(name, capability, operation);
    }

    private static List<String> ids(int count) {
        return IntStream.range(0, count).mapToObj(i -> "u" + i).toList();
    }

    static Stream<Arguments> gatedOperations() {
        UserCreate.Builder user = UserCreate.builder("alice", "Alice");
        GroupCreate.Builder group = GroupCreate.withoutId("Team", GroupType.PUBLIC);
        return Stream.of(
                op(
                        "users().create with an avatar",
                        Capability.USER_AVATAR,
                        d -> d.users()
                                .create(user.avatarUrl("https://a.example/a.png")
                                        .build())),
                op(
                        "users().create with a profile URL",
                        Capability.USER_PROFILE_URL,
                        d -> d.users()
                                .create(UserCreate.builder("alice", "Alice")
                                        .profileUrl("https://a.example")
                                        .build())),
                op(
                        "users().create with an e-mail",
                        Capability.USER_EMAIL,
                        d -> d.users()
                                .create(UserCreate.builder("alice", "Alice")
                                        .email("a@example.com")
                                        .build())),
                op(
                        "users().create with a role",
                        Capability.USER_ROLE,
                        d -> d.users()
                                .create(UserCreate.builder("alice", "Alice")
                                        .role("admin")
                                        .build())),
                op(
                        "users().create with metadata",
                        Capability.USER_METADATA,
                        d -> d.users()
                                .create(UserCreate.builder("alice", "Alice")
                                        .metadata(Map.of("k", 1))
                                        .build())),
                op(
                        "users().update setting the avatar",
                        Capability.USER_AVATAR,
                        d -> d.users()
                                .update(
                                        "alice",
                                        UserUpdate.builder()
                                                .avatarUrl("https://a.example")
                                                .build())),
                op(
                        "users().update clearing the avatar",
                        Capability.USER_AVATAR,
                        d -> d.users()
                                .update(
                                        "alice",
                                        UserUpdate.builder().clearAvatarUrl().build())),
                op(
                        "users().update clearing the profile URL",
                        Capability.USER_PROFILE_URL,
                        d -> d.users()
                                .update(
                                        "alice",
                                        UserUpdate.builder().clearProfileUrl().build())),
                op(
                        "users().update setting the e-mail",
                        Capability.USER_EMAIL,
                        d -> d.users()
                                .update(
                                        "alice",
                                        UserUpdate.builder()
                                                .email("a@example.com")
                                                .build())),
                op(
                        "users().update clearing the role",
                        Capability.USER_ROLE,
                        d -> d.users()
                                .update(
                                        "alice",
                                        UserUpdate.builder().clearRole().build())),
                op(
                        "users().update setting metadata",
                        Capability.USER_METADATA,
                        d -> d.users()
                                .update(
                                        "alice",
                                        UserUpdate.builder()
                                                .metadata(Map.of("k", 1))
                                                .build())),
                op(
                        "users().update clearing metadata",
                        Capability.USER_METADATA,
                        d -> d.users()
                                .update(
                                        "alice",
                                        UserUpdate.builder().clearMetadata().build())),
                op(
                        "users().deactivate",
                        Capability.USER_DEACTIVATION,
                        d -> d.users().deactivate("alice")),
                op(
                        "users().reactivate",
                        Capability.USER_DEACTIVATION,
                        d -> d.users().reactivate("alice")),
                op(
                        "users().list with a search",
                        Capability.USER_SEARCH,
                        d -> d.users().list(UserQuery.builder().search("al").build())),
                op(
                        "users().list by role",
                        Capability.USER_FILTER_BY_ROLE,
                        d -> d.users().list(UserQuery.builder().role("admin").build())),
                op(
                        "users().list by presence",
                        Capability.USER_FILTER_BY_PRESENCE,
                        d -> d.users()
                                .list(UserQuery.builder()
                                        .presence(PresenceState.ONLINE)
                                        .build())),
                op(
                        "users().stream with a search",
                        Capability.USER_SEARCH,
                        d -> d.users().stream(UserQuery.builder().search("al").build())
                                .toList()),
                op(
                        "users().list including deactivated users",
                        Capability.USER_LIST_DEACTIVATED,
                        d -> d.users()
                                .list(UserQuery.builder()
                                        .includeDeactivated(true)
                                        .build())),
                op(
                        "users().stream including deactivated users",
                        Capability.USER_LIST_DEACTIVATED,
                        d -> d.users().stream(UserQuery.builder()
                                        .includeDeactivated(true)
                                        .build())
                                .toList()),
                op(
                        "presence().get of several users",
                        Capability.PRESENCE,
                        d -> d.presence().get(List.of("alice", "bob"))),
                op(
                        "presence().get of one user",
                        Capability.PRESENCE,
                        d -> d.presence().get("alice")),
                op(
                        "groups().create with a client-chosen id",
                        Capability.GROUP_CLIENT_IDS,
                        d -> d.groups()
                                .create(GroupCreate.builder("g-1", "Team", GroupType.PUBLIC)
                                        .build())),
                op(
                        "groups().create of a PUBLIC group",
                        Capability.GROUP_TYPE_PUBLIC,
                        d -> d.groups().create(group.build())),
                op(
                        "groups().create of a PASSWORD group",
                        Capability.GROUP_TYPE_PASSWORD,
                        d -> d.groups()
                                .create(GroupCreate.withoutId("Club", GroupType.PASSWORD)
                                        .password("pw")
                                        .build())),
                op(
                        "groups().create of a PRIVATE group",
                        Capability.GROUP_TYPE_PRIVATE,
                        d -> d.groups()
                                .create(GroupCreate.withoutId("Club", GroupType.PRIVATE)
                                        .build())),
                op(
                        "groups().create with a description",
                        Capability.GROUP_DESCRIPTION,
                        d -> d.groups()
                                .create(GroupCreate.withoutId("Team", GroupType.PUBLIC)
                                        .description("d")
                                        .build())),
                op(
                        "groups().create with an icon",
                        Capability.GROUP_ICON,
                        d -> d.groups()
                                .create(GroupCreate.withoutId("Team", GroupType.PUBLIC)
                                        .iconUrl("https://i.example")
                                        .build())),
                op(
                        "groups().create with metadata",
                        Capability.GROUP_METADATA,
                        d -> d.groups()
                                .create(GroupCreate.withoutId("Team", GroupType.PUBLIC)
                                        .metadata(Map.of("k", true))
                                        .build())),
                op(
                        "groups().create with an owner",
                        Capability.GROUP_OWNER,
                        d -> d.groups()
                                .create(GroupCreate.withoutId("Team", GroupType.PUBLIC)
                                        .ownerId("alice")
                                        .build())),
                op(
                        "groups().update",
                        Capability.GROUP_UPDATE,
                        d -> d.groups()
                                .update("g-1", GroupUpdate.builder().name("New").build())),
                op(
                        "groups().update to a PRIVATE group",
                        Capability.GROUP_TYPE_PRIVATE,
                        d -> d.groups()
                                .update(
                                        "g-1",
                                        GroupUpdate.builder()
                                                .type(GroupType.PRIVATE)
                                                .build())),
                op(
                        "groups().update of the description",
                        Capability.GROUP_DESCRIPTION,
                        d -> d.groups()
                                .update(
                                        "g-1",
                                        GroupUpdate.builder().clearDescription().build())),
                op(
                        "groups().update of the icon",
                        Capability.GROUP_ICON,
                        d -> d.groups()
                                .update(
                                        "g-1",
                                        GroupUpdate.builder()
                                                .iconUrl("https://i.example")
                                                .build())),
                op(
                        "groups().update of metadata",
                        Capability.GROUP_METADATA,
                        d -> d.groups()
                                .update(
                                        "g-1",
                                        GroupUpdate.builder().clearMetadata().build())),
                op("groups().delete", Capability.GROUP_DELETE, d -> d.groups().delete("g-1")),
                op(
                        "groups().transferOwnership",
                        Capability.GROUP_OWNER_TRANSFER,
                        d -> d.groups().transferOwnership("g-1", "bob")),
                op("groups().list", Capability.GROUP_LIST, d -> d.groups().list(GroupQuery.all())),
                op(
                        "groups().list with a search",
                        Capability.GROUP_SEARCH,
                        d -> d.groups().list(GroupQuery.builder().search("te").build())),
                op(
                        "groups().stream",
                        Capability.GROUP_LIST,
                        d -> d.groups().stream(GroupQuery.all()).toList()),
                op(
                        "groups().listForMember",
                        Capability.GROUPS_OF_MEMBER,
                        d -> d.groups().listForMember("alice", PageRequest.first())),
                op(
                        "groups().streamForMember",
                        Capability.GROUPS_OF_MEMBER,
                        d -> d.groups()
                                .streamForMember("alice", PageRequest.first())
                                .toList()),
                op(
                        "members().add as admin",
                        Capability.MEMBER_ROLES,
                        d -> d.members()
                                .add(
                                        "g-1",
                                        List.of(
                                                MemberSpec.participant("bob"),
                                                MemberSpec.of("alice", MemberRole.ADMIN)))),
                op(
                        "members().add as moderator",
                        Capability.MEMBER_ROLES,
                        d -> d.members().add("g-1", List.of(MemberSpec.of("alice", MemberRole.MODERATOR)))),
                op(
                        "members().list by role",
                        Capability.MEMBER_ROLES,
                        d -> d.members().list("g-1", MemberQuery.withRole(MemberRole.ADMIN))),
                op(
                        "members().stream by role",
                        Capability.MEMBER_ROLES,
                        d -> d.members().stream("g-1", MemberQuery.withRole(MemberRole.ADMIN))
                                .toList()),
                op(
                        "members().changeRole",
                        Capability.MEMBER_ROLES,
                        d -> d.members().changeRole("g-1", "alice", MemberRole.MODERATOR)),
                op("members().ban", Capability.MEMBER_BANS, d -> d.members().ban("g-1", List.of("alice"))),
                op("members().unban", Capability.MEMBER_BANS, d -> d.members().unban("g-1", List.of("alice"))),
                op(
                        "members().listBanned",
                        Capability.MEMBER_BANS,
                        d -> d.members().listBanned("g-1", PageRequest.first())),
                op(
                        "members().streamBanned",
                        Capability.MEMBER_BANS,
                        d -> d.members()
                                .streamBanned("g-1", PageRequest.first())
                                .toList()));
    }

    @Nested
    @DisplayName("capabilities")
    class Capabilities {

        @ParameterizedTest(name = "{0} needs {1}")
        @MethodSource("dev.chatdirectory.spi.GuardedChatDirectoryTest#gatedOperations")
        @DisplayName("an operation the provider lacks the capability for throws and sends nothing")
        void unsupported(String name, Capability capability, Consumer<ChatDirectory> operation) {
            ChatDirectory directory = guarded(Descriptors.allBut(capability));

            UnsupportedCapabilityException e =
                    catchThrowableOfType(UnsupportedCapabilityException.class, () -> operation.accept(directory));

            assertThat(e).as(name).isNotNull();
            assertThat(e.capabilities()).containsExactly(capability);
            assertThat(e.providerId()).contains("fake");
            assertThat(e).hasMessageContaining(capability.name());
            assertThat(delegate.calls()).isEmpty();
        }

        @ParameterizedTest(name = "{0} reaches the adapter with {1}")
        @MethodSource("dev.chatdirectory.spi.GuardedChatDirectoryTest#gatedOperations")
        @DisplayName("the same operation reaches the adapter once when the capability is declared")
        void supported(String name, Capability capability, Consumer<ChatDirectory> operation) {
            ChatDirectory directory = guarded();

            operation.accept(directory);

            assertThat(delegate.calls()).as(name).hasSize(1);
        }

        @Test
        @DisplayName("the portable core needs no capability at all")
        void core() {
            ChatDirectory directory = guarded(Set.of());

            directory.users().create(UserCreate.builder("alice", "Alice").build());
            directory.users().get("alice");
            directory.users().update("alice", UserUpdate.builder().name("A").build());
            directory.users().list(UserQuery.all());
            directory.users().delete("alice");
            directory.groups().get("g-1");
            directory.members().add("g-1", List.of(MemberSpec.participant("alice")));
            directory.members().list("g-1", MemberQuery.all());
            directory.members().remove("g-1", List.of("alice"));

            assertThat(delegate.calls())
                    .extracting(Call::method)
                    .containsExactly(
                            "users.create",
                            "users.get",
                            "users.update",
                            "users.list",
                            "users.delete",
                            "groups.get",
                            "members.add",
                            "members.list",
                            "members.remove");
        }
    }

    @Nested
    @DisplayName("streams")
    class Streams {

        @Test
        @DisplayName("check capabilities when stream() is called, before anything is consumed")
        void capabilitiesEagerly() {
            ChatDirectory noSearch = guarded(Descriptors.allBut(Capability.USER_SEARCH));
            assertThatThrownBy(() -> noSearch.users().stream(
                            UserQuery.builder().search("a").build()))
                    .isInstanceOf(UnsupportedCapabilityException.class);

            ChatDirectory noList = guarded(Descriptors.allBut(Capability.GROUP_LIST));
            assertThatThrownBy(() -> noList.groups().stream(GroupQuery.all()))
                    .isInstanceOf(UnsupportedCapabilityException.class);

            ChatDirectory noGroupsOfMember = guarded(Descriptors.allBut(Capability.GROUPS_OF_MEMBER));
            assertThatThrownBy(() -> noGroupsOfMember.groups().streamForMember("alice", PageRequest.first()))
                    .isInstanceOf(UnsupportedCapabilityException.class);

            ChatDirectory noBans = guarded(Descriptors.allBut(Capability.MEMBER_BANS));
            assertThatThrownBy(() -> noBans.members().streamBanned("g-1", PageRequest.first()))
                    .isInstanceOf(UnsupportedCapabilityException.class);

            ChatDirectory noRoles = guarded(Descriptors.allBut(Capability.MEMBER_ROLES));
            assertThatThrownBy(() -> noRoles.members().stream("g-1", MemberQuery.withRole(MemberRole.ADMIN)))
                    .isInstanceOf(UnsupportedCapabilityException.class);
        }

        @Test
        @DisplayName("validate ids and page sizes when stream() is called")
        void validationEagerly() {
            ChatDirectory directory = guarded();

            assertInvalid(() -> directory.users().stream(UserQuery.all().withPageSize(51)), "pageSize", "50");
            assertInvalid(() -> directory.members().stream("Team", MemberQuery.all()), "groupId", "g- followed");
            assertInvalid(() -> directory.members().streamBanned("Team", PageRequest.first()), "groupId", "g-");
            assertInvalid(
                    () -> directory.groups().streamForMember("Alice", PageRequest.first()), "userId", "lowercase");
            assertInvalid(() -> directory.groups().streamForMember("alice", PageRequest.ofSize(51)), "pageSize", "50");
            assertThat(delegate.calls()).isEmpty();
        }

        @Test
        @DisplayName("still fetch pages only as the stream is consumed")
        void lazy() {
            ChatDirectory directory = guarded();

            Stream<?> stream = directory.users().stream(UserQuery.all());

            assertThat(delegate.calls()).isEmpty();
            assertThat(stream.count()).isZero();
            assertThat(delegate.calls("users.list")).hasSize(1);
        }
    }

    static Stream<Arguments> badIds() {
        return Stream.of(
                Arguments.of("users().create", "userId", (Consumer<ChatDirectory>) d ->
                        d.users().create(UserCreate.builder("Alice", "Alice").build())),
                Arguments.of("users().get", "userId", (Consumer<ChatDirectory>)
                        d -> d.users().get("Alice")),
                Arguments.of("users().update", "userId", (Consumer<ChatDirectory>) d ->
                        d.users().update("Alice", UserUpdate.builder().name("A").build())),
                Arguments.of("users().delete", "userId", (Consumer<ChatDirectory>)
                        d -> d.users().delete("Alice")),
                Arguments.of("users().deactivate", "userId", (Consumer<ChatDirectory>)
                        d -> d.users().deactivate("Alice")),
                Arguments.of("users().reactivate", "userId", (Consumer<ChatDirectory>)
                        d -> d.users().reactivate("Alice")),
                Arguments.of("presence().get", "userIds", (Consumer<ChatDirectory>)
                        d -> d.presence().get(List.of("alice", "Alice"))),
                Arguments.of("presence().get(one)", "userId", (Consumer<ChatDirectory>)
                        d -> d.presence().get("Alice")),
                Arguments.of("groups().create with an id", "groupId", (Consumer<ChatDirectory>) d -> d.groups()
                        .create(GroupCreate.builder("team", "Team", GroupType.PUBLIC)
                                .build())),
                Arguments.of("groups().create with an owner", "ownerId", (Consumer<ChatDirectory>) d -> d.groups()
                        .create(GroupCreate.withoutId("Team", GroupType.PUBLIC)
                                .ownerId("Alice")
                                .build())),
                Arguments.of("groups().get", "groupId", (Consumer<ChatDirectory>)
                        d -> d.groups().get("team")),
                Arguments.of("groups().update", "groupId", (Consumer<ChatDirectory>) d -> d.groups()
                        .update("team", GroupUpdate.builder().name("T").build())),
                Arguments.of("groups().delete", "groupId", (Consumer<ChatDirectory>)
                        d -> d.groups().delete("team")),
                Arguments.of("groups().transferOwnership (group)", "groupId", (Consumer<ChatDirectory>)
                        d -> d.groups().transferOwnership("team", "alice")),
                Arguments.of("groups().transferOwnership (owner)", "newOwnerId", (Consumer<ChatDirectory>)
                        d -> d.groups().transferOwnership("g-1", "Alice")),
                Arguments.of("members().add (group)", "groupId", (Consumer<ChatDirectory>)
                        d -> d.members().add("team", List.of(MemberSpec.participant("alice")))),
                Arguments.of("members().add (member)", "members.userId", (Consumer<ChatDirectory>) d -> d.members()
                        .add("g-1", List.of(MemberSpec.participant("alice"), MemberSpec.participant("Bob")))),
                Arguments.of("members().remove (group)", "groupId", (Consumer<ChatDirectory>)
                        d -> d.members().remove("team", List.of("alice"))),
                Arguments.of("members().remove (member)", "userIds", (Consumer<ChatDirectory>)
                        d -> d.members().remove("g-1", List.of("Alice"))),
                Arguments.of("members().list", "groupId", (Consumer<ChatDirectory>)
                        d -> d.members().list("team", MemberQuery.all())),
                Arguments.of("members().changeRole (group)", "groupId", (Consumer<ChatDirectory>)
                        d -> d.members().changeRole("team", "alice", MemberRole.ADMIN)),
                Arguments.of("members().changeRole (member)", "userId", (Consumer<ChatDirectory>)
                        d -> d.members().changeRole("g-1", "Alice", MemberRole.ADMIN)),
                Arguments.of("members().ban (group)", "groupId", (Consumer<ChatDirectory>)
                        d -> d.members().ban("team", List.of("alice"))),
                Arguments.of("members().ban (member)", "userIds", (Consumer<ChatDirectory>)
                        d -> d.members().ban("g-1", List.of("alice", "Alice"))),
                Arguments.of("members().unban (group)", "groupId", (Consumer<ChatDirectory>)
                        d -> d.members().unban("team", List.of("alice"))),
                Arguments.of("members().unban (member)", "userIds", (Consumer<ChatDirectory>)
                        d -> d.members().unban("g-1", List.of("Alice"))),
                Arguments.of("members().listBanned", "groupId", (Consumer<ChatDirectory>)
                        d -> d.members().listBanned("team", PageRequest.first())),
                Arguments.of("groups().listForMember", "userId", (Consumer<ChatDirectory>)
                        d -> d.groups().listForMember("Alice", PageRequest.first())));
    }

    @Nested
    @DisplayName("id rules")
    class IdRules {

        @ParameterizedTest(name = "{0} checks {1}")
        @MethodSource("dev.chatdirectory.spi.GuardedChatDirectoryTest#badIds")
        @DisplayName("every id argument is checked against the provider's rule before anything is sent")
        void everyIdArgument(String name, String field, Consumer<ChatDirectory> operation) {
            ChatDirectory directory = guarded();

            assertThat(assertInvalidField(() -> operation.accept(directory), field)
                            .rule())
                    .contains("1 to");
            assertThat(delegate.calls()).as(name).isEmpty();
        }

        @Test
        @DisplayName("the rule message gives the length, the pattern and the description")
        void message() {
            ChatDirectory directory = guarded();

            assertInvalid(
                    () -> directory.users().get("a".repeat(13)),
                    "userId",
                    "must be 1 to 12 characters matching [a-z0-9_]+ (lowercase letters, digits and _)");
            assertThat(delegate.calls()).isEmpty();
        }

        @Test
        @DisplayName("null ids are rejected as invalid requests, not NullPointerException")
        void nullIds() {
            ChatDirectory directory = guarded();

            assertInvalid(() -> directory.users().get(null), "userId", "must not be null");
            assertInvalid(() -> directory.groups().get(null), "groupId", "must not be null");
            assertInvalid(
                    () -> directory.groups().listForMember(null, PageRequest.first()), "userId", "must not be null");
            assertInvalid(() -> directory.presence().get((String) null), "userId", "must not be null");
            assertInvalid(() -> directory.presence().get(Arrays.asList("alice", null)), "userIds", "must not be null");
            assertThat(delegate.calls()).isEmpty();
        }

        @Test
        @DisplayName(
                "ids with unpaired surrogates or control characters are refused even by a rule that accepts any text")
        void wireUnsafeIds() {
            ProviderDescriptor any = Descriptors.descriptor("fake", Descriptors.all());
            RecordingDirectory recording = new RecordingDirectory(any);
            ChatDirectory directory = GuardedChatDirectory.wrap(any, recording);

            for (String bad :
                    List.of("al\uD800ice", "al\uDC00ice", "al\u0000ice", "al\u0007ice", "al\u007Fice", "al\u0085ice")) {
                assertInvalidField(() -> directory.users().get(bad), "userId");
                assertInvalidField(() -> directory.users().delete(bad), "userId");
                assertInvalidField(
                        () -> directory
                                .users()
                                .update(bad, UserUpdate.builder().name("A").build()),
                        "userId");
                assertInvalidField(() -> directory.groups().get(bad), "groupId");
                assertInvalidField(() -> directory.members().remove("team", List.of("bob", bad)), "userIds");
                assertInvalidField(() -> directory.presence().get(List.of(bad)), "userIds");
            }
            assertThat(recording.calls()).isEmpty();
        }

        @Test
        @DisplayName("valid ids pass through unchanged")
        void valid() {
            ChatDirectory directory = guarded();

            directory.groups().transferOwnership("g-12", "bob_2");
            directory.groups().listForMember("bob_2", PageRequest.ofSize(7));

            assertThat(delegate.calls())
                    .containsExactly(
                            new Call("groups.transferOwnership", List.of("g-12", "bob_2")),
                            new Call("groups.listForMember", List.of("bob_2", PageRequest.ofSize(7))));
        }
    }

    @Nested
    @DisplayName("limits")
    class Limits {

        @Test
        @DisplayName("a page size above the provider's maximum is rejected for every listing")
        void pageSize() {
            ChatDirectory directory = guarded();

            assertInvalid(
                    () -> directory.users().list(UserQuery.all().withPageSize(51)), "pageSize", "between 1 and 50");
            assertInvalid(() -> directory.groups().list(GroupQuery.all().withPageSize(51)), "pageSize", "50");
            assertInvalid(() -> directory.members().list("g-1", MemberQuery.pageSize(51)), "pageSize", "50");
            assertInvalid(() -> directory.members().listBanned("g-1", PageRequest.ofSize(51)), "pageSize", "50");
            assertInvalid(() -> directory.groups().listForMember("alice", PageRequest.ofSize(51)), "pageSize", "50");
            assertThat(delegate.calls()).isEmpty();

            directory.users().list(UserQuery.all().withPageSize(50));
            assertThat(delegate.calls()).hasSize(1);
        }

        @Test
        @DisplayName("names longer than the provider allows are rejected")
        void names() {
            ChatDirectory directory = guarded();
            String name = "n".repeat(21);

            assertInvalid(
                    () -> directory
                            .users()
                            .create(UserCreate.builder("alice", name).build()),
                    "name",
                    "at most 20");
            assertInvalid(
                    () -> directory
                            .users()
                            .update("alice", UserUpdate.builder().name(name).build()),
                    "name",
                    "20");
            assertInvalid(
                    () -> directory
                            .groups()
                            .create(GroupCreate.withoutId(name, GroupType.PUBLIC)
                                    .build()),
                    "name",
                    "20");
            assertInvalid(
                    () -> directory
                            .groups()
                            .update("g-1", GroupUpdate.builder().name(name).build()),
                    "name",
                    "20");
            assertThat(delegate.calls()).isEmpty();
        }

        @Test
        @DisplayName("metadata larger than the provider allows is rejected")
        void metadata() {
            ChatDirectory directory = guarded();
            Map<String, Object> big = Map.of("k", "x".repeat(200));

            assertInvalid(
                    () -> directory
                            .users()
                            .create(UserCreate.builder("alice", "A")
                                    .metadata(big)
                                    .build()),
                    "metadata",
                    "at most 200 bytes");
            assertInvalid(
                    () -> directory
                            .users()
                            .update("alice", UserUpdate.builder().metadata(big).build()),
                    "metadata",
                    "200");
            assertInvalid(
                    () -> directory
                            .groups()
                            .create(GroupCreate.withoutId("T", GroupType.PUBLIC)
                                    .metadata(big)
                                    .build()),
                    "metadata",
                    "200");
            assertInvalid(
                    () -> directory
                            .groups()
                            .update("g-1", GroupUpdate.builder().metadata(big).build()),
                    "metadata",
                    "200");
            assertThat(delegate.calls()).isEmpty();
        }

        @Test
        @DisplayName("null requests and collections are rejected naming the argument")
        void nulls() {
            ChatDirectory directory = guarded();

            assertInvalid(() -> directory.users().create(null), "request", "must not be null");
            assertInvalid(() -> directory.users().update("alice", null), "update", "must not be null");
            assertInvalid(() -> directory.users().list(null), "query", "must not be null");
            assertInvalid(() -> directory.groups().create(null), "request", "must not be null");
            assertInvalid(() -> directory.groups().list(null), "query", "must not be null");
            assertInvalid(() -> directory.members().add("g-1", null), "members", "must not be null");
            assertInvalid(
                    () -> directory.members().add("g-1", Arrays.asList(MemberSpec.participant("a"), null)),
                    "members",
                    "must not be null");
            assertInvalid(() -> directory.members().remove("g-1", null), "userIds", "must not be null");
            assertInvalid(() -> directory.members().changeRole("g-1", "alice", null), "role", "must not be null");
            assertInvalid(() -> directory.members().listBanned("g-1", null), "request", "must not be null");
            assertInvalid(() -> directory.groups().listForMember("alice", null), "request", "must not be null");
            assertInvalid(() -> directory.presence().get((Collection<String>) null), "userIds", "must not be null");
            assertThat(delegate.calls()).isEmpty();
        }
    }

    @Nested
    @DisplayName("batches")
    class Batches {

        @Test
        @DisplayName("duplicate ids are rejected for every batch operation, naming the id")
        void duplicates() {
            ChatDirectory directory = guarded();

            assertInvalid(
                    () -> directory
                            .members()
                            .add("g-1", List.of(MemberSpec.participant("a"), MemberSpec.of("a", MemberRole.ADMIN))),
                    "members",
                    "'a' twice");
            assertInvalid(() -> directory.members().remove("g-1", List.of("a", "b", "a")), "userIds", "'a' twice");
            assertInvalid(() -> directory.members().ban("g-1", List.of("b", "b")), "userIds", "'b' twice");
            assertInvalid(() -> directory.members().unban("g-1", List.of("c", "c")), "userIds", "'c' twice");
            assertInvalid(() -> directory.presence().get(List.of("d", "d")), "userIds", "'d' twice");
            assertThat(delegate.calls()).isEmpty();
        }

        @Test
        @DisplayName("add splits a batch by maxBatchSize into ordered chunks and merges outcomes in request order")
        void addSplits() {
            ChatDirectory directory = guarded();
            List<MemberSpec> specs = ids(7).stream()
                    .map(id -> MemberSpec.of(id, id.equals("u4") ? MemberRole.ADMIN : MemberRole.PARTICIPANT))
                    .toList();

            BatchResult result = directory.members().add("g-1", specs);

            assertThat(delegate.calls("members.add"))
                    .extracting(c -> c.arguments().get(1))
                    .containsExactly(specs.subList(0, 3), specs.subList(3, 6), specs.subList(6, 7));
            assertThat(delegate.calls("members.add"))
                    .allSatisfy(c -> assertThat(c.arguments().get(0)).isEqualTo("g-1"));
            assertThat(result.outcomes()).extracting(ItemOutcome::id).containsExactlyElementsOf(ids(7));
        }

        static Stream<Arguments> idBatches() {
            return Stream.of(
                    Arguments.of("remove", (BatchCall) (d, ids) -> d.members().remove("g-1", ids)),
                    Arguments.of("ban", (BatchCall) (d, ids) -> d.members().ban("g-1", ids)),
                    Arguments.of("unban", (BatchCall) (d, ids) -> d.members().unban("g-1", ids)));
        }

        interface BatchCall {
            BatchResult call(ChatDirectory directory, List<String> ids);
        }

        @ParameterizedTest(name = "members().{0}")
        @MethodSource("idBatches")
        @DisplayName("remove, ban and unban split by maxBatchSize and merge in request order")
        void idBatchesSplit(String method, BatchCall call) {
            ChatDirectory directory = guarded();
            List<String> ids = ids(8);

            BatchResult result = call.call(directory, ids);

            assertThat(delegate.calls("members." + method))
                    .extracting(c -> c.arguments().get(1))
                    .containsExactly(ids.subList(0, 3), ids.subList(3, 6), ids.subList(6, 8));
            assertThat(result.applied()).containsExactlyElementsOf(ids);
        }

        @Test
        @DisplayName("a batch of exactly maxBatchSize is sent in one call; an empty one is not sent at all")
        void boundaries() {
            ChatDirectory directory = guarded();

            directory.members().remove("g-1", ids(3));
            assertThat(delegate.calls()).hasSize(1);

            assertThat(directory.members().remove("g-1", List.of())).isEqualTo(BatchResult.empty());
            assertThat(directory.members().add("g-1", List.of())).isEqualTo(BatchResult.empty());
            assertThat(directory.presence().get(List.of())).isEmpty();
            assertThat(delegate.calls()).hasSize(1);
        }

        @Test
        @DisplayName("presence splits by maxBatchSize and keeps request order in the merged map")
        void presenceSplits() {
            ChatDirectory directory = guarded();
            List<String> ids = new ArrayList<>(List.of("zed", "amy", "kim", "bob", "lee", "ann", "max"));

            Map<String, Presence> result = directory.presence().get(ids);

            assertThat(delegate.calls("presence.get"))
                    .extracting(c -> c.arguments().get(0))
                    .containsExactly(ids.subList(0, 3), ids.subList(3, 6), ids.subList(6, 7));
            assertThat(result.keySet()).containsExactlyElementsOf(ids);
            assertThatThrownBy(() -> result.clear()).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        @DisplayName("presence of one user is one call of one id")
        void presenceOfOne() {
            ChatDirectory directory = guarded();

            assertThat(directory.presence().get("amy").userId()).isEqualTo("amy");
            assertThat(delegate.calls()).containsExactly(new Call("presence.get", List.of(List.of("amy"))));
        }
    }

    @Nested
    @DisplayName("lifecycle")
    class Lifecycle {

        static Stream<Arguments> everyOperation() {
            return Stream.of(
                            gatedOperations(),
                            badIds().map(a -> Arguments.of(a.get()[0], null, a.get()[2])),
                            Stream.of(Arguments.of("users().list", null, (Consumer<ChatDirectory>)
                                    d -> d.users().list(UserQuery.all()))))
                    .flatMap(s -> s);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("everyOperation")
        @DisplayName("after close every operation throws IllegalStateException and sends nothing")
        void closed(String name, Capability ignored, Consumer<ChatDirectory> operation) {
            ChatDirectory directory = guarded();
            directory.close();

            assertThatThrownBy(() -> operation.accept(directory))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("closed");
            assertThat(delegate.calls()).isEmpty();
        }

        @Test
        @DisplayName("facets obtained before close are closed too")
        void facetsBeforeClose() {
            ChatDirectory directory = guarded();
            var users = directory.users();
            directory.close();

            assertThatThrownBy(() -> users.get("alice")).isInstanceOf(IllegalStateException.class);
        }

        @Test
        @DisplayName("close is idempotent and closes the adapter once")
        void idempotent() {
            ChatDirectory directory = guarded();

            directory.close();
            directory.close();

            assertThat(delegate.closeCount()).isEqualTo(1);
            assertThat(directory.toString()).contains("fake").contains("closed");
        }

        @Test
        @DisplayName("provider() returns the descriptor, also after close")
        void provider() {
            ChatDirectory directory = guarded();
            directory.close();

            assertThat(directory.provider().id()).isEqualTo("fake");
        }

        @Test
        @DisplayName("unwrap returns the guard itself, the adapter's directory, or fails for other types")
        void unwrap() {
            ChatDirectory directory = guarded();

            assertThat(directory.unwrap(GuardedChatDirectory.class)).isSameAs(directory);
            assertThat(directory.unwrap(ChatDirectory.class)).isSameAs(directory);
            assertThat(directory.unwrap(RecordingDirectory.class)).isSameAs(delegate);
            assertThatThrownBy(() -> directory.unwrap(String.class)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        @DisplayName("wrap requires a descriptor and a directory")
        void wrapNulls() {
            ProviderDescriptor descriptor = Descriptors.descriptor("fake", Descriptors.all());

            assertThatThrownBy(() -> GuardedChatDirectory.wrap(null, new RecordingDirectory(descriptor)))
                    .isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> GuardedChatDirectory.wrap(descriptor, null))
                    .isInstanceOf(NullPointerException.class);
        }
    }

    @Test
    @DisplayName("valid requests reach the adapter unchanged")
    void passesThrough() {
        ChatDirectory directory = guarded();
        UserCreate create = UserCreate.builder("alice", "Alice")
                .email("a@example.com")
                .metadata(Map.of("k", 1))
                .build();
        UserQuery query = UserQuery.builder().search("al").pageSize(5).build();

        directory.users().create(create);
        directory.users().list(query);

        assertThat(delegate.calls())
                .containsExactly(new Call("users.create", List.of(create)), new Call("users.list", List.of(query)));
    }
}
