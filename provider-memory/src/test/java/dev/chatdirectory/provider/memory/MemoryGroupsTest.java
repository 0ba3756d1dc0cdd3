package dev.chatdirectory.provider.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatdirectory.AlreadyExistsException;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.InvalidRequestException;
import dev.chatdirectory.NotFoundException;
import dev.chatdirectory.model.Group;
import dev.chatdirectory.model.GroupCreate;
import dev.chatdirectory.model.GroupQuery;
import dev.chatdirectory.model.GroupType;
import dev.chatdirectory.model.GroupUpdate;
import dev.chatdirectory.model.Member;
import dev.chatdirectory.model.MemberQuery;
import dev.chatdirectory.model.MemberRole;
import dev.chatdirectory.model.MemberSpec;
import dev.chatdirectory.model.Page;
import dev.chatdirectory.model.PageRequest;
import dev.chatdirectory.model.UserCreate;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Memory provider: groups")
class MemoryGroupsTest {

    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    private final TestClock clock = new TestClock(T0);
    private final ChatDirectory directory =
            MemoryChatDirectory.builder().clock(clock).build();

    @BeforeEach
    void users() {
        for (String id : List.of("alice", "bob", "carol")) {
            directory.users().create(UserCreate.builder(id, id).build());
        }
    }

    private Group create(String id, GroupType type) {
        GroupCreate.Builder b = GroupCreate.builder(id, id.toUpperCase(), type);
        if (type == GroupType.PASSWORD) {
            b.password("secret-pw");
        }
        return directory.groups().create(b.build());
    }

    private List<Member> members(String groupId) {
        return directory.members().stream(groupId, MemberQuery.all()).toList();
    }

    @Nested
    @DisplayName("create")
    class Create {

        @Test
        @DisplayName("stores every field, stamps the time and reports no members")
        void fields() {
            Group group = directory
                    .groups()
                    .create(GroupCreate.builder("team", "Team", GroupType.PRIVATE)
                            .description("The team")
                            .iconUrl("https://example.com/i.png")
                            .metadata(Map.of("floor", 3))
                            .build());

            assertThat(group.id()).isEqualTo("team");
            assertThat(group.name()).isEqualTo("Team");
            assertThat(group.type()).isEqualTo(GroupType.PRIVATE);
            assertThat(group.description()).contains("The team");
            assertThat(group.iconUrl()).contains("https://example.com/i.png");
            assertThat(group.metadata()).isEqualTo(Map.of("floor", 3));
            assertThat(group.ownerId()).isEmpty();
            assertThat(group.memberCount()).hasValue(0);
            assertThat(group.createdAt()).contains(T0);
            assertThat(directory.groups().get("team")).contains(group);
        }

        @Test
        @DisplayName("makes the owner an admin member")
        void owner() {
            Group group = directory
                    .groups()
                    .create(GroupCreate.withoutId("Team", GroupType.PUBLIC)
                            .ownerId("alice")
                            .build());

            assertThat(group.ownerId()).contains("alice");
            assertThat(group.memberCount()).hasValue(1);
            assertThat(members(group.id()))
                    .containsExactly(new Member(
                            group.id(),
                            "alice",
                            MemberRole.ADMIN,
                            java.util.Optional.of(T0),
                            java.util.Optional.of("alice")));
        }

        @Test
        @DisplayName("fails with NotFoundException for an unknown owner and creates nothing")
        void unknownOwner() {
            assertThatThrownBy(() -> directory
                            .groups()
                            .create(GroupCreate.builder("team", "Team", GroupType.PUBLIC)
                                    .ownerId("nobody")
                                    .build()))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("nobody");
            assertThat(directory.groups().get("team")).isEmpty();
        }

        @Test
        @DisplayName("fails with AlreadyExistsException when the id is taken")
        void duplicate() {
            create("team", GroupType.PUBLIC);

            assertThatThrownBy(() -> create("team", GroupType.PRIVATE)).isInstanceOf(AlreadyExistsException.class);
            assertThat(directory.groups().get("team").orElseThrow().type()).isEqualTo(GroupType.PUBLIC);
        }

        @Test
        @DisplayName("assigns distinct ids when the client gives none")
        void generatedIds() {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < 5; i++) {
                ids.add(directory
                        .groups()
                        .create(GroupCreate.withoutId("G", GroupType.PUBLIC).build())
                        .id());
            }

            assertThat(ids).hasSize(5);
        }

        @Test
        @DisplayName("a generated id never collides with a client-chosen one")
        void generatedIdsAvoidTakenIds() {
            Group first = directory
                    .groups()
                    .create(GroupCreate.withoutId("G", GroupType.PUBLIC).build());
            String next = first.id().replaceAll("\\d+$", "")
                    + (Long.parseLong(first.id().replaceAll("\\D", "")) + 1);
            create(next, GroupType.PUBLIC);

            Group second = directory
                    .groups()
                    .create(GroupCreate.withoutId("G", GroupType.PUBLIC).build());

            assertThat(second.id()).isNotIn(first.id(), next);
        }

        @Test
        @DisplayName("never returns the password of a password group")
        void password() {
            Group group = create("club", GroupType.PASSWORD);

            assertThat(group.type()).isEqualTo(GroupType.PASSWORD);
            assertThat(group.toString()).doesNotContain("secret-pw");
            assertThat(group.raw()).isEmpty();
        }
    }

    @Nested
    @DisplayName("update")
    class Update {

        @Test
        @DisplayName("changes only what is set or cleared and stamps the update time")
        void patch() {
            directory
                    .groups()
                    .create(GroupCreate.builder("team", "Team", GroupType.PUBLIC)
                            .description("d")
                            .iconUrl("https://i.example")
                            .ownerId("alice")
                            .build());
            Instant later = clock.advance(Duration.ofHours(1));

            Group updated = directory
                    .groups()
                    .update(
                            "team",
                            GroupUpdate.builder()
                                    .name("Team 2")
                                    .clearDescription()
                                    .metadata(Map.of("k", "v"))
                                    .build());

            assertThat(updated.name()).isEqualTo("Team 2");
            assertThat(updated.description()).isEmpty();
            assertThat(updated.iconUrl()).contains("https://i.example");
            assertThat(updated.metadata()).isEqualTo(Map.of("k", "v"));
            assertThat(updated.ownerId()).contains("alice");
            assertThat(updated.memberCount()).hasValue(1);
            assertThat(updated.createdAt()).contains(T0);
            assertThat(updated.updatedAt()).contains(later);
            assertThat(directory.groups().get("team")).contains(updated);
        }

        @Test
        @DisplayName("changes the type, to and from PASSWORD")
        void types() {
            create("team", GroupType.PUBLIC);

            assertThat(directory
                            .groups()
                            .update(
                                    "team",
                                    GroupUpdate.builder()
                                            .type(GroupType.PASSWORD)
                                            .password("pw")
                                            .build())
                            .type())
                    .isEqualTo(GroupType.PASSWORD);
            assertThat(directory
                            .groups()
                            .update(
                                    "team",
                                    GroupUpdate.builder().password("new-pw").build())
                            .type())
                    .isEqualTo(GroupType.PASSWORD);
            assertThat(directory
                            .groups()
                            .update(
                                    "team",
                                    GroupUpdate.builder()
                                            .type(GroupType.PRIVATE)
                                            .build())
                            .type())
                    .isEqualTo(GroupType.PRIVATE);
        }

        @Test
        @DisplayName("rejects a password for a group that is not a password group instead of ignoring it")
        void passwordOnOtherTypes() {
            create("team", GroupType.PUBLIC);
            Group before = directory.groups().get("team").orElseThrow();

            assertThatThrownBy(() -> directory
                            .groups()
                            .update(
                                    "team",
                                    GroupUpdate.builder()
                                            .name("Renamed")
                                            .password("pw")
                                            .build()))
                    .isInstanceOf(InvalidRequestException.class)
                    .satisfies(e ->
                            assertThat(((InvalidRequestException) e).field()).contains("password"));
            assertThat(directory.groups().get("team")).contains(before);
        }

        @Test
        @DisplayName("fails with NotFoundException for an unknown group")
        void unknown() {
            assertThatThrownBy(() -> directory
                            .groups()
                            .update("nope", GroupUpdate.builder().name("x").build()))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("nope");
        }
    }

    @Nested
    @DisplayName("delete")
    class Delete {

        @Test
        @DisplayName("is idempotent and removes the memberships with the group")
        void deletes() {
            create("team", GroupType.PUBLIC);
            directory.members().add("team", List.of(MemberSpec.participant("bob")));

            assertThat(directory.groups().delete("team")).isTrue();
            assertThat(directory.groups().delete("team")).isFalse();
            assertThat(directory.groups().get("team")).isEmpty();

            create("team", GroupType.PUBLIC);
            assertThat(members("team")).isEmpty();
        }
    }

    @Nested
    @DisplayName("transferOwnership")
    class Transfer {

        @Test
        @DisplayName("makes the new owner an admin member; the previous owner stays a member")
        void transfers() {
            directory
                    .groups()
                    .create(GroupCreate.builder("team", "Team", GroupType.PUBLIC)
                            .ownerId("alice")
                            .build());
            Instant later = clock.advance(Duration.ofMinutes(1));

            Group group = directory.groups().transferOwnership("team", "bob");

            assertThat(group.ownerId()).contains("bob");
            assertThat(group.updatedAt()).contains(later);
            assertThat(members("team"))
                    .extracting(Member::userId, Member::role)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("alice", MemberRole.ADMIN),
                            org.assertj.core.groups.Tuple.tuple("bob", MemberRole.ADMIN));
        }

        @Test
        @DisplayName("promotes an existing member to admin and keeps the join time")
        void promotes() {
            create("team", GroupType.PUBLIC);
            directory.members().add("team", List.of(MemberSpec.participant("bob")));
            clock.advance(Duration.ofDays(1));

            directory.groups().transferOwnership("team", "bob");

            assertThat(members("team"))
                    .containsExactly(new Member(
                            "team", "bob", MemberRole.ADMIN, java.util.Optional.of(T0), java.util.Optional.of("bob")));
        }

        @Test
        @DisplayName("fails for an unknown group, an unknown user or a banned user")
        void failures() {
            create("team", GroupType.PUBLIC);
            directory.members().add("team", List.of(MemberSpec.participant("carol")));
            directory.members().ban("team", List.of("carol"));

            assertThatThrownBy(() -> directory.groups().transferOwnership("nope", "bob"))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> directory.groups().transferOwnership("team", "nobody"))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> directory.groups().transferOwnership("team", "carol"))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("banned");
            assertThat(directory.groups().get("team").orElseThrow().ownerId()).isEmpty();
        }
    }

    @Nested
    @DisplayName("list")
    class Listing {

        @Test
        @DisplayName("lists in id order, filtered by search prefix and type")
        void filters() {
            create("beta", GroupType.PUBLIC);
            create("alpha", GroupType.PRIVATE);
            create("alps", GroupType.PASSWORD);
            directory
                    .groups()
                    .create(GroupCreate.builder("zz", "Alpine club", GroupType.PUBLIC)
                            .build());

            assertThat(directory.groups().stream(GroupQuery.all()).map(Group::id))
                    .containsExactly("alpha", "alps", "beta", "zz");
            assertThat(directory.groups().stream(
                                    GroupQuery.builder().search("ALP").build())
                            .map(Group::id))
                    .containsExactly("alpha", "alps", "zz");
            assertThat(directory.groups().stream(
                                    GroupQuery.builder().type(GroupType.PUBLIC).build())
                            .map(Group::id))
                    .containsExactly("beta", "zz");
        }

        @Test
        @DisplayName("reports the member count of each group")
        void memberCounts() {
            create("a", GroupType.PUBLIC);
            create("b", GroupType.PUBLIC);
            directory.members().add("b", List.of(MemberSpec.participant("alice"), MemberSpec.participant("bob")));

            assertThat(directory.groups().list(GroupQuery.all()).items())
                    .extracting(g -> g.memberCount().getAsInt())
                    .containsExactly(0, 2);
        }
    }

    @Nested
    @DisplayName("listForMember")
    class ListForMember {

        @Test
        @DisplayName("lists exactly the groups the user is a member of, in id order, across pages")
        void groupsOfAUser() {
            for (String id : List.of("d", "b", "a", "c", "e")) {
                create(id, GroupType.PUBLIC);
            }
            for (String id : List.of("a", "c", "d", "e")) {
                directory.members().add(id, List.of(MemberSpec.participant("alice")));
            }
            directory.members().add("b", List.of(MemberSpec.participant("bob")));

            Page<Group> first = directory.groups().listForMember("alice", PageRequest.ofSize(3));
            Page<Group> second = directory
                    .groups()
                    .listForMember(
                            "alice",
                            PageRequest.ofSize(3).withCursor(first.nextCursor().orElseThrow()));

            assertThat(first.items()).extracting(Group::id).containsExactly("a", "c", "d");
            assertThat(second.items()).extracting(Group::id).containsExactly("e");
            assertThat(second.hasNext()).isFalse();
            assertThat(directory.groups().streamForMember("bob", PageRequest.first()))
                    .extracting(Group::id)
                    .containsExactly("b");
            assertThat(directory
                            .groups()
                            .listForMember("carol", PageRequest.first())
                            .items())
                    .isEmpty();
        }

        @Test
        @DisplayName("leaves out groups the user was removed or banned from, and deleted groups")
        void endedMemberships() {
            for (String id : List.of("kept", "left", "banned", "deleted")) {
                create(id, GroupType.PRIVATE);
                directory.members().add(id, List.of(MemberSpec.participant("alice")));
            }
            directory.members().remove("left", List.of("alice"));
            directory.members().ban("banned", List.of("alice"));
            directory.groups().delete("deleted");

            assertThat(directory.groups().streamForMember("alice", PageRequest.first()))
                    .extracting(Group::id)
                    .containsExactly("kept");
        }

        @Test
        @DisplayName("fails with NotFoundException for an unknown or deactivated user")
        void unknownUser() {
            create("team", GroupType.PUBLIC);
            directory.members().add("team", List.of(MemberSpec.participant("bob")));
            directory.users().deactivate("bob");

            assertThatThrownBy(() -> directory.groups().listForMember("nobody", PageRequest.first()))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("nobody");
            assertThatThrownBy(() -> directory.groups().listForMember("bob", PageRequest.first()))
                    .isInstanceOf(NotFoundException.class);
        }

        @Test
        @DisplayName("refuses a cursor of another user's walk")
        void foreignCursor() {
            create("a", GroupType.PUBLIC);
            create("b", GroupType.PUBLIC);
            directory.members().add("a", List.of(MemberSpec.participant("alice")));
            directory.members().add("b", List.of(MemberSpec.participant("alice")));
            String cursor = directory
                    .groups()
                    .listForMember("alice", PageRequest.ofSize(1))
                    .nextCursor()
                    .orElseThrow();

            assertThatThrownBy(() -> directory
                            .groups()
                            .listForMember("bob", PageRequest.ofSize(1).withCursor(cursor)))
                    .isInstanceOf(InvalidRequestException.class);
        }
    }
}
