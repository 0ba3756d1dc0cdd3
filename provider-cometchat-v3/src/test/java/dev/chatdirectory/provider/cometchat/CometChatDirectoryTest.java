package dev.chatdirectory.provider.cometchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.chatdirectory.AlreadyExistsException;
import dev.chatdirectory.AuthenticationException;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.InvalidRequestException;
import dev.chatdirectory.NotFoundException;
import dev.chatdirectory.UnsupportedCapabilityException;
import dev.chatdirectory.model.BannedMember;
import dev.chatdirectory.model.BatchResult;
import dev.chatdirectory.model.FailureReason;
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
import dev.chatdirectory.model.OutcomeStatus;
import dev.chatdirectory.model.Page;
import dev.chatdirectory.model.PageRequest;
import dev.chatdirectory.model.Presence;
import dev.chatdirectory.model.PresenceState;
import dev.chatdirectory.model.User;
import dev.chatdirectory.model.UserCreate;
import dev.chatdirectory.model.UserQuery;
import dev.chatdirectory.model.UserUpdate;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("A CometChat directory on the emulator")
class CometChatDirectoryTest {

    private static EmulatedCometChat cometChat;
    private ChatDirectory directory;

    @BeforeAll
    static void start() {
        cometChat = new EmulatedCometChat();
    }

    @AfterAll
    static void stop() {
        cometChat.close();
    }

    @BeforeEach
    void open() {
        cometChat.reset();
        directory = cometChat.open();
    }

    @AfterEach
    void close() {
        directory.close();
        cometChat.assertRequestsConformToSpec();
    }

    private User createUser(String id, String name) {
        return directory.users().create(UserCreate.builder(id, name).build());
    }

    private Group createGroup(String id) {
        return directory
                .groups()
                .create(GroupCreate.builder(id, "Group " + id, GroupType.PUBLIC).build());
    }

    @Nested
    @DisplayName("users")
    class Users {

        @Test
        @DisplayName("a user created with every supported field reads back with all of them")
        void createAndGet() {
            Map<String, Object> metadata = Map.of("city", "Zürich", "level", 7, "tags", List.of("α", true));
            User created = directory
                    .users()
                    .create(UserCreate.builder("zoe", "Zoë Ångström 🚀")
                            .avatarUrl("https://example.com/zoe.png")
                            .profileUrl("https://example.com/u/zoe?lang=en")
                            .role("vip")
                            .metadata(metadata)
                            .build());

            assertThat(created.id()).isEqualTo("zoe");
            assertThat(created.name()).isEqualTo("Zoë Ångström 🚀");
            assertThat(created.avatarUrl()).contains("https://example.com/zoe.png");
            assertThat(created.profileUrl()).contains("https://example.com/u/zoe?lang=en");
            assertThat(created.role()).contains("vip");
            assertThat(created.metadata()).isEqualTo(metadata);
            assertThat(created.email()).isEmpty();
            assertThat(created.createdAt()).isPresent();
            assertThat(created.raw()).containsEntry("uid", "zoe").containsEntry("status", "offline");
            User read = directory.users().get("zoe").orElseThrow();
            assertThat(read.metadata()).isEqualTo(metadata);
            assertThat(read.name()).isEqualTo(created.name());
        }

        @Test
        @DisplayName("an unknown user is not found, and a taken id cannot be created again")
        void absentAndDuplicate() {
            assertThat(directory.users().get("nobody")).isEmpty();
            createUser("ann", "Ann");
            assertThatThrownBy(() -> createUser("ann", "Impostor"))
                    .isInstanceOf(AlreadyExistsException.class)
                    .satisfies(e -> assertThat(((AlreadyExistsException) e).vendorCode())
                            .contains("ERR_UID_ALREADY_EXISTS"));
        }

        @Test
        @DisplayName("a role the app has not defined surfaces as an invalid request naming the role")
        void undefinedRole() {
            assertThatThrownBy(() -> directory
                            .users()
                            .create(UserCreate.builder("ann", "Ann")
                                    .role("astronaut")
                                    .build()))
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                        assertThat(e.field()).contains("role");
                        assertThat(e.vendorCode()).contains("ERR_ROLE_NOT_FOUND");
                    });
        }

        @Test
        @DisplayName("e-mail is not a CometChat field: it is refused before anything is sent")
        void emailUnsupported() {
            cometChat.forgetRequests();
            assertThatThrownBy(() -> directory
                            .users()
                            .create(UserCreate.builder("ann", "Ann")
                                    .email("ann@example.com")
                                    .build()))
                    .isInstanceOf(UnsupportedCapabilityException.class);
            assertThat(cometChat.requests()).isEmpty();
        }

        @Test
        @DisplayName("updates are patches: set fields change, cleared ones go, the others stay")
        void updatePatches() {
            directory
                    .users()
                    .create(UserCreate.builder("ann", "Ann")
                            .avatarUrl("https://example.com/a.png")
                            .profileUrl("https://example.com/u/ann")
                            .role("vip")
                            .metadata(Map.of("k", "v"))
                            .build());

            User renamed = directory
                    .users()
                    .update("ann", UserUpdate.builder().name("Anne").build());
            assertThat(renamed.name()).isEqualTo("Anne");
            assertThat(renamed.avatarUrl()).contains("https://example.com/a.png");
            assertThat(renamed.metadata()).isEqualTo(Map.of("k", "v"));

            User cleared = directory
                    .users()
                    .update(
                            "ann",
                            UserUpdate.builder()
                                    .clearAvatarUrl()
                                    .clearProfileUrl()
                                    .clearMetadata()
                                    .clearRole()
                                    .build());
            assertThat(cleared.avatarUrl()).isEmpty();
            assertThat(cleared.profileUrl()).isEmpty();
            assertThat(cleared.metadata()).isEmpty();
            assertThat(cleared.role()).contains("default");
            assertThat(cleared.name()).isEqualTo("Anne");

            User replaced = directory
                    .users()
                    .update("ann", UserUpdate.builder().metadata(Map.of("x", 1)).build());
            assertThat(replaced.metadata()).isEqualTo(Map.of("x", 1));
        }

        @Test
        @DisplayName("updating a missing user fails with NotFoundException")
        void updateMissing() {
            assertThatThrownBy(() -> directory
                            .users()
                            .update("ghost", UserUpdate.builder().name("G").build()))
                    .isInstanceOf(NotFoundException.class);
        }

        @Test
        @DisplayName("delete removes the user for good and is idempotent; the id can be taken again")
        void hardDelete() {
            createUser("ann", "Ann");
            assertThat(directory.users().delete("ann")).isTrue();
            assertThat(directory.users().delete("ann")).isFalse();
            assertThat(directory.users().get("ann")).isEmpty();
            assertThat(createUser("ann", "Ann again").name()).isEqualTo("Ann again");
        }

        @Test
        @DisplayName("deactivation hides a user until reactivation and tells 'already so' from 'missing'")
        void deactivation() {
            createUser("ann", "Ann");
            assertThat(directory.users().deactivate("ann")).isTrue();
            assertThat(directory.users().deactivate("ann")).isFalse();
            assertThat(directory.users().get("ann")).isEmpty();
            assertThatThrownBy(() -> createUser("ann", "Impostor")).isInstanceOf(AlreadyExistsException.class);
            assertThat(directory.users().reactivate("ann")).isTrue();
            assertThat(directory.users().reactivate("ann")).isFalse();
            assertThat(directory.users().get("ann")).isPresent();
            assertThatThrownBy(() -> directory.users().deactivate("ghost")).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> directory.users().reactivate("ghost")).isInstanceOf(NotFoundException.class);
        }

        @Test
        @DisplayName("deactivated users are listed, with the time, only when the query includes them")
        void listDeactivated() {
            createUser("ann", "Ann");
            createUser("bob", "Bob");
            Instant before = Instant.now().minusSeconds(1);
            directory.users().deactivate("ann");
            Instant after = Instant.now().plusSeconds(1);

            List<User> all = directory.users().stream(
                            UserQuery.builder().includeDeactivated(true).build())
                    .toList();

            assertThat(directory.users().stream(UserQuery.all()))
                    .extracting(User::id)
                    .containsExactly("bob");
            assertThat(all).extracting(User::id).containsExactlyInAnyOrder("ann", "bob");
            User ann =
                    all.stream().filter(u -> u.id().equals("ann")).findFirst().orElseThrow();
            User bob =
                    all.stream().filter(u -> u.id().equals("bob")).findFirst().orElseThrow();
            assertThat(ann.deactivated()).isTrue();
            assertThat(ann.deactivatedAt())
                    .hasValueSatisfying(t -> assertThat(t).isBetween(before, after));
            assertThat(bob.deactivated()).isFalse();
            assertThat(bob.deactivatedAt()).isEmpty();
        }

        @Test
        @DisplayName("a deactivated user can still be deleted for good")
        void deleteDeactivated() {
            createUser("ann", "Ann");
            directory.users().deactivate("ann");
            assertThat(directory.users().delete("ann")).isTrue();
            assertThatThrownBy(() -> directory.users().reactivate("ann")).isInstanceOf(NotFoundException.class);
        }

        @Test
        @DisplayName("lists walk every page once, filtered by search, role and presence")
        void listing() {
            IntStream.rangeClosed(1, 7).forEach(i -> createUser("user-" + i, "User " + i));
            directory
                    .users()
                    .create(UserCreate.builder("boss", "Zed Boss").role("vip").build());
            cometChat.emulator().setPresence("user-3", true, Instant.now());

            List<String> all = directory.users().stream(
                            UserQuery.builder().pageSize(3).build())
                    .map(User::id)
                    .toList();
            assertThat(all).hasSize(8).doesNotHaveDuplicates();

            Page<User> first =
                    directory.users().list(UserQuery.builder().pageSize(3).build());
            assertThat(first.items()).hasSize(3);
            assertThat(first.nextCursor()).isPresent();

            assertThat(directory.users().stream(
                                    UserQuery.builder().search("user-").build())
                            .map(User::id))
                    .hasSize(7);
            assertThat(directory.users().stream(
                                    UserQuery.builder().search("zed").build())
                            .map(User::id))
                    .containsExactly("boss");
            assertThat(directory.users().stream(UserQuery.builder().role("vip").build())
                            .map(User::id))
                    .containsExactly("boss");
            assertThat(directory.users().stream(UserQuery.builder()
                                    .presence(PresenceState.ONLINE)
                                    .build())
                            .map(User::id))
                    .containsExactly("user-3");
            assertThat(directory.users().stream(
                            UserQuery.builder().presence(PresenceState.OFFLINE).build()))
                    .hasSize(7);
            cometChat.forgetRequests();
            assertThat(directory
                            .users()
                            .list(UserQuery.builder()
                                    .presence(PresenceState.UNKNOWN)
                                    .build())
                            .items())
                    .isEmpty();
            assertThat(cometChat.requests()).isEmpty();
        }

        @Test
        @DisplayName("a cursor of another listing is refused before anything is sent")
        void foreignCursor() {
            createGroup("g1");
            IntStream.rangeClosed(1, 3).forEach(i -> createUser("user-" + i, "User " + i));
            String cursor = directory
                    .users()
                    .list(UserQuery.builder().pageSize(1).build())
                    .nextCursor()
                    .orElseThrow();
            cometChat.forgetRequests();
            assertThatThrownBy(() -> directory.groups().list(GroupQuery.all().withCursor(cursor)))
                    .isInstanceOf(InvalidRequestException.class);
            assertThat(cometChat.requests()).isEmpty();
        }
    }

    @Nested
    @DisplayName("presence")
    class Presences {

        @Test
        @DisplayName("is read per user, with the last-active time, and UNKNOWN for ids without a user")
        void presence() {
            createUser("ann", "Ann");
            createUser("bob", "Bob");
            createUser("cid", "Cid");
            cometChat.emulator().setPresence("ann", true, Instant.now());
            cometChat.emulator().setPresence("bob", false, Instant.ofEpochSecond(1_700_000_000L));
            directory.users().deactivate("cid");

            Instant before = Instant.now().minusSeconds(1);
            Map<String, Presence> presence = directory.presence().get(List.of("bob", "nobody", "ann", "cid"));

            assertThat(presence.keySet()).containsExactly("bob", "nobody", "ann", "cid");
            assertThat(presence.get("ann").state()).isEqualTo(PresenceState.ONLINE);
            assertThat(presence.get("ann").lastActiveAt()).isPresent();
            assertThat(presence.get("bob").state()).isEqualTo(PresenceState.OFFLINE);
            assertThat(presence.get("bob").lastActiveAt()).contains(Instant.ofEpochSecond(1_700_000_000L));
            assertThat(presence.get("nobody").state()).isEqualTo(PresenceState.UNKNOWN);
            assertThat(presence.get("cid").state()).isEqualTo(PresenceState.UNKNOWN);
            assertThat(presence.values())
                    .allSatisfy(p -> assertThat(p.observedAt()).isAfter(before));
        }
    }

    @Nested
    @DisplayName("groups")
    class Groups {

        @Test
        @DisplayName("a group created with every field reads back with all of them; the password never")
        void createAndGet() {
            createUser("owner", "Owner");
            Group created = directory
                    .groups()
                    .create(GroupCreate.builder("vault", "Ångström Vault 🔐", GroupType.PASSWORD)
                            .password("s3cret-pass")
                            .description("« vault »")
                            .iconUrl("https://example.com/v.svg")
                            .ownerId("owner")
                            .metadata(Map.of("tier", List.of(1, 2, 3)))
                            .build());
            assertThat(created.id()).isEqualTo("vault");
            assertThat(created.type()).isEqualTo(GroupType.PASSWORD);
            assertThat(created.ownerId()).contains("owner");
            assertThat(created.description()).contains("« vault »");
            assertThat(created.iconUrl()).contains("https://example.com/v.svg");
            assertThat(created.metadata()).isEqualTo(Map.of("tier", List.of(1, 2, 3)));
            assertThat(created.memberCount()).hasValue(1);
            assertThat(created.raw().toString()).doesNotContain("s3cret-pass");
            assertThat(directory.groups().get("vault").orElseThrow().name()).isEqualTo("Ångström Vault 🔐");
            assertThat(directory.members().list("vault", MemberQuery.all()).items())
                    .extracting(Member::userId, Member::role)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("owner", MemberRole.ADMIN));
        }

        @Test
        @DisplayName("without an id the adapter picks a distinct one; without an owner there is none")
        void generatedIdAndNoOwner() {
            Group a = directory
                    .groups()
                    .create(GroupCreate.withoutId("A", GroupType.PRIVATE).build());
            Group b = directory
                    .groups()
                    .create(GroupCreate.withoutId("B", GroupType.PRIVATE).build());
            assertThat(a.id()).isNotEqualTo(b.id()).matches("g-[a-z0-9]{20}");
            assertThat(CometChatProvider.DESCRIPTOR.groupIds().accepts(a.id())).isTrue();
            assertThat(a.ownerId()).isEmpty();
            assertThat(directory.groups().get(a.id())).isPresent();
        }

        @Test
        @DisplayName("a taken id, an unknown owner and an unknown group give typed errors")
        void errors() {
            createGroup("g1");
            assertThatThrownBy(() -> createGroup("g1")).isInstanceOf(AlreadyExistsException.class);
            assertThatThrownBy(() -> directory
                            .groups()
                            .create(GroupCreate.builder("g2", "G", GroupType.PUBLIC)
                                    .ownerId("ghost")
                                    .build()))
                    .isInstanceOf(NotFoundException.class);
            assertThat(directory.groups().get("nope")).isEmpty();
            assertThatThrownBy(() -> directory
                            .groups()
                            .update("nope", GroupUpdate.builder().name("x").build()))
                    .isInstanceOf(NotFoundException.class);
        }

        @Test
        @DisplayName("updates are patches, types change, and delete is idempotent")
        void updateAndDelete() {
            directory
                    .groups()
                    .create(GroupCreate.builder("g1", "G1", GroupType.PUBLIC)
                            .description("d")
                            .iconUrl("https://example.com/i.png")
                            .metadata(Map.of("a", 1))
                            .build());
            Group renamed = directory
                    .groups()
                    .update("g1", GroupUpdate.builder().name("G one").build());
            assertThat(renamed.name()).isEqualTo("G one");
            assertThat(renamed.description()).contains("d");
            Group cleared = directory
                    .groups()
                    .update(
                            "g1",
                            GroupUpdate.builder()
                                    .clearDescription()
                                    .clearIconUrl()
                                    .clearMetadata()
                                    .build());
            assertThat(cleared.description()).isEmpty();
            assertThat(cleared.iconUrl()).isEmpty();
            assertThat(cleared.metadata()).isEmpty();
            Group locked = directory
                    .groups()
                    .update(
                            "g1",
                            GroupUpdate.builder()
                                    .type(GroupType.PASSWORD)
                                    .password("pw-123")
                                    .build());
            assertThat(locked.type()).isEqualTo(GroupType.PASSWORD);
            assertThat(directory.groups().delete("g1")).isTrue();
            assertThat(directory.groups().delete("g1")).isFalse();
        }

        @Test
        @DisplayName("ownership moves to another user, who becomes an admin member")
        void transfer() {
            createUser("ann", "Ann");
            createUser("bob", "Bob");
            directory
                    .groups()
                    .create(GroupCreate.builder("g1", "G1", GroupType.PUBLIC)
                            .ownerId("ann")
                            .build());
            Group moved = directory.groups().transferOwnership("g1", "bob");
            assertThat(moved.ownerId()).contains("bob");
            assertThat(directory
                            .members()
                            .list("g1", MemberQuery.withRole(MemberRole.ADMIN))
                            .items())
                    .extracting(Member::userId)
                    .contains("bob");
            assertThatThrownBy(() -> directory.groups().transferOwnership("g1", "ghost"))
                    .isInstanceOf(NotFoundException.class);
        }

        @Test
        @DisplayName("lists walk every page, filtered by search and type")
        void listing() {
            IntStream.rangeClosed(1, 5).forEach(i -> createGroup("team-" + i));
            directory
                    .groups()
                    .create(GroupCreate.builder("club", "Клуб", GroupType.PRIVATE)
                            .build());
            assertThat(directory.groups().stream(
                                    GroupQuery.builder().pageSize(2).build())
                            .map(Group::id))
                    .hasSize(6)
                    .doesNotHaveDuplicates();
            assertThat(directory.groups().stream(
                                    GroupQuery.builder().search("клу").build())
                            .map(Group::id))
                    .containsExactly("club");
            assertThat(directory.groups().stream(
                                    GroupQuery.builder().type(GroupType.PRIVATE).build())
                            .map(Group::id))
                    .containsExactly("club");
        }

        @Test
        @DisplayName(
                "a user's groups are the groups they joined, of every type, without those they left or were banned from")
        void groupsOfAUser() {
            createUser("ann", "Ann");
            createUser("bob", "Bob");
            IntStream.rangeClosed(1, 4).forEach(i -> createGroup("team-" + i));
            directory
                    .groups()
                    .create(GroupCreate.builder("vault", "Vault", GroupType.PASSWORD)
                            .password("s3cret")
                            .ownerId("ann")
                            .build());
            directory
                    .groups()
                    .create(GroupCreate.builder("club", "Club", GroupType.PRIVATE)
                            .build());
            for (String group : List.of("team-1", "team-2", "team-3", "team-4", "club")) {
                directory.members().add(group, List.of(MemberSpec.participant("ann")));
            }
            directory.members().add("team-1", List.of(MemberSpec.participant("bob")));
            directory.members().remove("team-2", List.of("ann"));
            directory.members().ban("team-3", List.of("ann"));

            assertThat(directory.groups().streamForMember("ann", PageRequest.ofSize(2)))
                    .extracting(Group::id, Group::type)
                    .containsExactlyInAnyOrder(
                            tuple("team-1", GroupType.PUBLIC),
                            tuple("team-4", GroupType.PUBLIC),
                            tuple("vault", GroupType.PASSWORD),
                            tuple("club", GroupType.PRIVATE));
            assertThat(directory.groups().streamForMember("bob", PageRequest.first()))
                    .extracting(Group::id)
                    .containsExactly("team-1");
        }

        @Test
        @DisplayName("the groups of an unknown or deactivated user fail with NotFoundException")
        void groupsOfAnUnknownUser() {
            createUser("ann", "Ann");
            createGroup("team");
            directory.members().add("team", List.of(MemberSpec.participant("ann")));
            directory.users().deactivate("ann");

            assertThatThrownBy(() -> directory.groups().listForMember("ghost", PageRequest.first()))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> directory.groups().listForMember("ann", PageRequest.first()))
                    .isInstanceOf(NotFoundException.class);
        }
    }

    @Nested
    @DisplayName("members")
    class Members {

        @BeforeEach
        void users() {
            List.of("ann", "bob", "cid", "dan", "eve").forEach(id -> createUser(id, id.toUpperCase()));
            createGroup("g1");
        }

        @Test
        @DisplayName("adding reports one outcome per user: applied, unchanged, not found, banned")
        void add() {
            directory.members().add("g1", List.of(MemberSpec.participant("ann")));
            directory.members().add("g1", List.of(MemberSpec.participant("eve")));
            directory.members().ban("g1", List.of("eve"));

            BatchResult result = directory
                    .members()
                    .add(
                            "g1",
                            List.of(
                                    MemberSpec.of("bob", MemberRole.ADMIN),
                                    MemberSpec.of("ann", MemberRole.MODERATOR),
                                    MemberSpec.participant("ghost"),
                                    MemberSpec.of("cid", MemberRole.MODERATOR),
                                    MemberSpec.participant("eve")));

            assertThat(result.outcomes())
                    .extracting(ItemOutcome::id, ItemOutcome::status)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("bob", OutcomeStatus.APPLIED),
                            org.assertj.core.groups.Tuple.tuple("ann", OutcomeStatus.UNCHANGED),
                            org.assertj.core.groups.Tuple.tuple("ghost", OutcomeStatus.FAILED),
                            org.assertj.core.groups.Tuple.tuple("cid", OutcomeStatus.APPLIED),
                            org.assertj.core.groups.Tuple.tuple("eve", OutcomeStatus.FAILED));
            assertThat(result.outcome("ghost").orElseThrow().reason()).contains(FailureReason.NOT_FOUND);
            assertThat(result.outcome("eve").orElseThrow().reason()).contains(FailureReason.BANNED);
            assertThat(directory.members().stream("g1", MemberQuery.all()))
                    .extracting(Member::userId, Member::role)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("ann", MemberRole.PARTICIPANT),
                            org.assertj.core.groups.Tuple.tuple("bob", MemberRole.ADMIN),
                            org.assertj.core.groups.Tuple.tuple("cid", MemberRole.MODERATOR));
            assertThat(directory
                            .members()
                            .list("g1", MemberQuery.withRole(MemberRole.MODERATOR))
                            .items())
                    .extracting(Member::userId)
                    .containsExactly("cid");
            assertThatThrownBy(() -> directory.members().add("nope", List.of(MemberSpec.participant("ann"))))
                    .isInstanceOf(NotFoundException.class);
        }

        @Test
        @DisplayName("batches larger than 25 are split and still answer every user in order")
        void largeBatch() {
            List<String> ids =
                    IntStream.rangeClosed(1, 30).mapToObj(i -> "m-" + i).toList();
            ids.forEach(id -> createUser(id, id));
            BatchResult result = directory
                    .members()
                    .add("g1", ids.stream().map(MemberSpec::participant).toList());
            assertThat(result.applied()).containsExactlyElementsOf(ids);
            assertThat(directory.members().stream("g1", MemberQuery.pageSize(7)))
                    .hasSize(30);
        }

        @Test
        @DisplayName("removing reports applied for members and unchanged for others")
        void remove() {
            directory.members().add("g1", List.of(MemberSpec.participant("ann")));
            BatchResult result = directory.members().remove("g1", List.of("ann", "bob", "ghost"));
            assertThat(result.applied()).containsExactly("ann");
            assertThat(result.unchanged()).containsExactly("bob", "ghost");
            assertThatThrownBy(() -> directory.members().remove("nope", List.of("ann")))
                    .isInstanceOf(NotFoundException.class);
        }

        @Test
        @DisplayName("changing a role is applied, unchanged when already so, and NotFound for non-members")
        void changeRole() {
            directory.members().add("g1", List.of(MemberSpec.participant("ann")));
            assertThat(directory
                            .members()
                            .changeRole("g1", "ann", MemberRole.MODERATOR)
                            .status())
                    .isEqualTo(OutcomeStatus.APPLIED);
            assertThat(directory
                            .members()
                            .changeRole("g1", "ann", MemberRole.MODERATOR)
                            .status())
                    .isEqualTo(OutcomeStatus.UNCHANGED);
            assertThatThrownBy(() -> directory.members().changeRole("g1", "bob", MemberRole.ADMIN))
                    .isInstanceOf(NotFoundException.class);
        }

        @Test
        @DisplayName("bans and unbans report per-user outcomes and the banned list")
        void bans() {
            directory.members().add("g1", List.of(MemberSpec.participant("ann"), MemberSpec.participant("bob")));
            BatchResult banned = directory.members().ban("g1", List.of("ann", "cid", "ghost"));
            assertThat(banned.applied()).containsExactly("ann");
            assertThat(banned.outcome("cid").orElseThrow().reason()).contains(FailureReason.NOT_A_MEMBER);
            assertThat(banned.outcome("ghost").orElseThrow().reason()).contains(FailureReason.NOT_FOUND);
            assertThat(directory.members().ban("g1", List.of("ann")).unchanged())
                    .containsExactly("ann");

            Page<BannedMember> list = directory.members().listBanned("g1", PageRequest.first());
            assertThat(list.items()).extracting(BannedMember::userId).containsExactly("ann");
            assertThat(list.items().get(0).formerRole()).contains(MemberRole.PARTICIPANT);
            assertThat(list.items().get(0).joinedAt()).isPresent();
            assertThat(directory.members().stream("g1", MemberQuery.all()))
                    .extracting(Member::userId, Member::name)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("bob", Optional.of("BOB")));

            BatchResult unbanned = directory.members().unban("g1", List.of("ann", "bob", "ghost"));
            assertThat(unbanned.applied()).containsExactly("ann");
            assertThat(unbanned.unchanged()).containsExactly("bob", "ghost");
            assertThat(directory.members().listBanned("g1", PageRequest.first()).items())
                    .isEmpty();
            assertThatThrownBy(() -> directory.members().ban("nope", List.of("ann")))
                    .isInstanceOf(NotFoundException.class);
        }
    }

    @Nested
    @DisplayName("the vendor's limits and checks")
    class VendorChecks {

        @Test
        @DisplayName("a wrong API key fails with AuthenticationException that shows neither the key nor its echo")
        void wrongKey() {
            String wrongKey = "0123456789abcdef0123456789abcdef";
            try (ChatDirectory wrong = new CometChatProvider()
                    .open(cometChat.config().toBuilder()
                            .credential("apiKey", wrongKey)
                            .build())) {
                assertThatThrownBy(() -> wrong.users().get("ann"))
                        .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                            assertThat(e.httpStatus()).hasValue(401);
                            assertThat(e.vendorCode()).contains("AUTH_ERR_APIKEY_NOT_FOUND");
                            assertThat(e.getMessage())
                                    .doesNotContain(wrongKey)
                                    .doesNotContain("01234")
                                    .doesNotContain("bcdef");
                        });
            }
        }

        @Test
        @DisplayName("CometChat's 429 is waited out after its Retry-After, and the call then succeeds")
        void rateLimit() {
            createUser("ann", "Ann");
            cometChat.emulator().simulateRateLimit(1, Duration.ofMillis(800));
            try {
                assertThat(directory.users().get("ann")).isPresent();
                assertThat(directory.users().get("ann")).isPresent();
                assertThat(cometChat.requests())
                        .extracting(r -> r.getMethod().getName() + " " + r.getUrl())
                        .endsWith("GET /v3/users/ann", "GET /v3/users/ann", "GET /v3/users/ann");
            } finally {
                cometChat.emulator().stopRateLimit();
            }
        }
    }

    @Test
    @DisplayName("unwraps to itself and to the JDK HttpClient, and refuses other types")
    void unwrap() {
        assertThat(directory.unwrap(dev.chatdirectory.provider.cometchat.internal.CometChatDirectory.class))
                .isNotNull();
        assertThat(directory.unwrap(HttpClient.class)).isNotNull();
        assertThatThrownBy(() -> directory.unwrap(String.class)).isInstanceOf(IllegalArgumentException.class);
    }
}
