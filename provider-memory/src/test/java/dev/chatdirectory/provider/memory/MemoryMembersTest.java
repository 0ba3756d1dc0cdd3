package dev.chatdirectory.provider.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.NotFoundException;
import dev.chatdirectory.model.BannedMember;
import dev.chatdirectory.model.BatchResult;
import dev.chatdirectory.model.FailureReason;
import dev.chatdirectory.model.GroupCreate;
import dev.chatdirectory.model.GroupType;
import dev.chatdirectory.model.ItemOutcome;
import dev.chatdirectory.model.Member;
import dev.chatdirectory.model.MemberQuery;
import dev.chatdirectory.model.MemberRole;
import dev.chatdirectory.model.MemberSpec;
import dev.chatdirectory.model.OutcomeStatus;
import dev.chatdirectory.model.PageRequest;
import dev.chatdirectory.model.UserCreate;
import dev.chatdirectory.model.UserUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Memory provider: members and bans")
class MemoryMembersTest {

    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    private final TestClock clock = new TestClock(T0);
    private final ChatDirectory directory =
            MemoryChatDirectory.builder().clock(clock).build();

    @BeforeEach
    void setUp() {
        for (String id : List.of("alice", "bob", "carol", "dave", "erin")) {
            directory.users().create(UserCreate.builder(id, name(id)).build());
        }
        directory
                .groups()
                .create(GroupCreate.builder("team", "Team", GroupType.PRIVATE).build());
    }

    private static String name(String userId) {
        return "Üser " + userId;
    }

    private static Member member(String userId, MemberRole role) {
        return new Member("team", userId, role, Optional.of(T0), Optional.of(name(userId)));
    }

    private List<Member> members() {
        return directory.members().stream("team", MemberQuery.all()).toList();
    }

    private List<String> memberIds() {
        return members().stream().map(Member::userId).toList();
    }

    private List<String> bannedIds() {
        return directory
                .members()
                .streamBanned("team", PageRequest.first())
                .map(BannedMember::userId)
                .toList();
    }

    private static OutcomeStatus status(BatchResult result, String id) {
        return result.outcome(id).orElseThrow().status();
    }

    @Nested
    @DisplayName("add")
    class Add {

        @Test
        @DisplayName("adds users with their roles and stamps the join time")
        void adds() {
            BatchResult result = directory
                    .members()
                    .add(
                            "team",
                            List.of(
                                    MemberSpec.of("bob", MemberRole.MODERATOR),
                                    MemberSpec.participant("alice"),
                                    MemberSpec.of("carol", MemberRole.ADMIN)));

            assertThat(result.applied()).containsExactly("bob", "alice", "carol");
            assertThat(members())
                    .containsExactly(
                            member("alice", MemberRole.PARTICIPANT),
                            member("bob", MemberRole.MODERATOR),
                            member("carol", MemberRole.ADMIN));
            assertThat(directory.groups().get("team").orElseThrow().memberCount())
                    .hasValue(3);
        }

        @Test
        @DisplayName("reports one outcome per user in request order: applied, unchanged, not found, banned")
        void outcomes() {
            directory
                    .members()
                    .add("team", List.of(MemberSpec.of("alice", MemberRole.ADMIN), MemberSpec.participant("dave")));
            directory.members().ban("team", List.of("dave"));

            BatchResult result = directory
                    .members()
                    .add(
                            "team",
                            List.of(
                                    MemberSpec.participant("nobody"),
                                    MemberSpec.participant("alice"),
                                    MemberSpec.participant("dave"),
                                    MemberSpec.participant("bob")));

            assertThat(result.outcomes())
                    .extracting(
                            ItemOutcome::id,
                            ItemOutcome::status,
                            o -> o.reason().orElse(null))
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(
                                    "nobody", OutcomeStatus.FAILED, FailureReason.NOT_FOUND),
                            org.assertj.core.groups.Tuple.tuple("alice", OutcomeStatus.UNCHANGED, null),
                            org.assertj.core.groups.Tuple.tuple("dave", OutcomeStatus.FAILED, FailureReason.BANNED),
                            org.assertj.core.groups.Tuple.tuple("bob", OutcomeStatus.APPLIED, null));
            assertThat(result.allSucceeded()).isFalse();
            assertThat(result.failed()).allSatisfy(o -> assertThat(o.message()).isPresent());
        }

        @Test
        @DisplayName("an existing member keeps its role and join time")
        void keepsRole() {
            directory.members().add("team", List.of(MemberSpec.of("alice", MemberRole.ADMIN)));
            clock.advance(Duration.ofHours(1));

            directory.members().add("team", List.of(MemberSpec.participant("alice")));

            assertThat(members()).containsExactly(member("alice", MemberRole.ADMIN));
        }

        @Test
        @DisplayName("fails with NotFoundException when the group does not exist")
        void unknownGroup() {
            assertThatThrownBy(() -> directory.members().add("nope", List.of(MemberSpec.participant("alice"))))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("nope");
        }
    }

    @Nested
    @DisplayName("remove")
    class Remove {

        @Test
        @DisplayName("removes members and reports non-members unchanged")
        void removes() {
            directory.members().add("team", List.of(MemberSpec.participant("alice"), MemberSpec.participant("bob")));

            BatchResult result = directory.members().remove("team", List.of("bob", "carol", "nobody"));

            assertThat(result.applied()).containsExactly("bob");
            assertThat(result.unchanged()).containsExactly("carol", "nobody");
            assertThat(memberIds()).containsExactly("alice");
        }

        @Test
        @DisplayName("fails with NotFoundException when the group does not exist")
        void unknownGroup() {
            assertThatThrownBy(() -> directory.members().remove("nope", List.of("alice")))
                    .isInstanceOf(NotFoundException.class);
        }
    }

    @Nested
    @DisplayName("list")
    class Listing {

        @Test
        @DisplayName("filters by role")
        void byRole() {
            directory
                    .members()
                    .add(
                            "team",
                            List.of(
                                    MemberSpec.of("alice", MemberRole.ADMIN),
                                    MemberSpec.participant("bob"),
                                    MemberSpec.of("carol", MemberRole.ADMIN)));

            assertThat(directory.members().stream("team", MemberQuery.withRole(MemberRole.ADMIN)))
                    .extracting(Member::userId)
                    .containsExactly("alice", "carol");
            assertThat(directory
                            .members()
                            .list("team", MemberQuery.withRole(MemberRole.MODERATOR))
                            .items())
                    .isEmpty();
        }

        @Test
        @DisplayName("fails with NotFoundException when the group does not exist")
        void unknownGroup() {
            assertThatThrownBy(() -> directory.members().list("nope", MemberQuery.all()))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> directory.members().stream("nope", MemberQuery.all())
                            .toList())
                    .isInstanceOf(NotFoundException.class);
        }
    }

    @Nested
    @DisplayName("changeRole")
    class ChangeRole {

        @Test
        @DisplayName("changes the role and keeps the join time; the same role is unchanged")
        void changes() {
            directory.members().add("team", List.of(MemberSpec.participant("alice")));
            clock.advance(Duration.ofMinutes(3));

            assertThat(directory.members().changeRole("team", "alice", MemberRole.MODERATOR))
                    .isEqualTo(ItemOutcome.applied("alice"));
            assertThat(directory.members().changeRole("team", "alice", MemberRole.MODERATOR))
                    .isEqualTo(ItemOutcome.unchanged("alice"));
            assertThat(members()).containsExactly(member("alice", MemberRole.MODERATOR));
        }

        @Test
        @DisplayName("fails with NotFoundException for a non-member or an unknown group")
        void failures() {
            assertThatThrownBy(() -> directory.members().changeRole("team", "bob", MemberRole.ADMIN))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("bob")
                    .hasMessageContaining("not a member");
            assertThatThrownBy(() -> directory.members().changeRole("nope", "bob", MemberRole.ADMIN))
                    .isInstanceOf(NotFoundException.class);
        }
    }

    @Nested
    @DisplayName("ban and unban")
    class Bans {

        @Test
        @DisplayName("a banned member stops being a member and is listed as banned with the time")
        void ban() {
            directory.members().add("team", List.of(MemberSpec.participant("alice"), MemberSpec.participant("bob")));
            Instant later = clock.advance(Duration.ofMinutes(10));

            BatchResult result = directory.members().ban("team", List.of("alice"));

            assertThat(result.applied()).containsExactly("alice");
            assertThat(memberIds()).containsExactly("bob");
            assertThat(directory
                            .members()
                            .listBanned("team", PageRequest.first())
                            .items())
                    .containsExactly(new BannedMember(
                            "team", "alice", Optional.of(later), Optional.of(MemberRole.PARTICIPANT), Optional.of(T0)));
            assertThat(directory.groups().get("team").orElseThrow().memberCount())
                    .hasValue(1);
        }

        @Test
        @DisplayName("reports already banned as unchanged, non-members and unknown users as failed")
        void outcomes() {
            directory.members().add("team", List.of(MemberSpec.participant("alice"), MemberSpec.participant("bob")));
            directory.members().ban("team", List.of("alice"));

            BatchResult result = directory.members().ban("team", List.of("alice", "carol", "nobody", "bob"));

            assertThat(status(result, "alice")).isEqualTo(OutcomeStatus.UNCHANGED);
            assertThat(result.outcome("carol").orElseThrow().reason()).contains(FailureReason.NOT_A_MEMBER);
            assertThat(result.outcome("nobody").orElseThrow().reason()).contains(FailureReason.NOT_FOUND);
            assertThat(status(result, "bob")).isEqualTo(OutcomeStatus.APPLIED);
            assertThat(result.outcomes())
                    .extracting(ItemOutcome::id)
                    .containsExactly("alice", "carol", "nobody", "bob");
            assertThat(bannedIds()).containsExactly("alice", "bob");
        }

        @Test
        @DisplayName("unban lifts the ban without making the user a member again; not banned is unchanged")
        void unban() {
            directory.members().add("team", List.of(MemberSpec.participant("alice")));
            directory.members().ban("team", List.of("alice"));

            BatchResult result = directory.members().unban("team", List.of("alice", "bob"));

            assertThat(result.applied()).containsExactly("alice");
            assertThat(result.unchanged()).containsExactly("bob");
            assertThat(bannedIds()).isEmpty();
            assertThat(memberIds()).isEmpty();
            assertThat(directory
                            .members()
                            .add("team", List.of(MemberSpec.participant("alice")))
                            .applied())
                    .containsExactly("alice");
        }

        @Test
        @DisplayName("fail with NotFoundException when the group does not exist")
        void unknownGroup() {
            assertThatThrownBy(() -> directory.members().ban("nope", List.of("alice")))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> directory.members().unban("nope", List.of("alice")))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> directory.members().listBanned("nope", PageRequest.first()))
                    .isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    @DisplayName("a member's name is the user's current name, following a rename")
    void memberNameFollowsTheUser() {
        directory.members().add("team", List.of(MemberSpec.participant("alice")));

        directory
                .users()
                .update("alice", UserUpdate.builder().name("Alice Renamed").build());

        assertThat(members()).extracting(Member::name).containsExactly(Optional.of("Alice Renamed"));
    }

    @Test
    @DisplayName("a ban keeps the role and join time the banned member had")
    void banKeepsFormerRoleAndJoinTime() {
        directory.members().add("team", List.of(MemberSpec.of("alice", MemberRole.MODERATOR)));
        clock.advance(Duration.ofMinutes(1));
        directory.members().changeRole("team", "alice", MemberRole.ADMIN);
        Instant banned = clock.advance(Duration.ofMinutes(1));

        directory.members().ban("team", List.of("alice"));

        assertThat(directory.members().streamBanned("team", PageRequest.first()))
                .containsExactly(new BannedMember(
                        "team", "alice", Optional.of(banned), Optional.of(MemberRole.ADMIN), Optional.of(T0)));
    }

    @Test
    @DisplayName("a deactivated member is neither listed nor counted until reactivated, and keeps the membership")
    void deactivatedMembersAreHidden() {
        directory.members().add("team", List.of(MemberSpec.participant("alice"), MemberSpec.participant("bob")));

        directory.users().deactivate("bob");

        assertThat(memberIds()).containsExactly("alice");
        assertThat(directory.groups().get("team").orElseThrow().memberCount()).hasValue(1);

        directory.users().reactivate("bob");

        assertThat(memberIds()).containsExactly("alice", "bob");
        assertThat(directory.groups().get("team").orElseThrow().memberCount()).hasValue(2);
    }
}
