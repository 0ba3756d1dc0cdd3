package dev.chatdirectory.provider.qiscus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatdirectory.NotFoundException;
import dev.chatdirectory.model.BatchResult;
import dev.chatdirectory.model.FailureReason;
import dev.chatdirectory.model.Group;
import dev.chatdirectory.model.GroupCreate;
import dev.chatdirectory.model.GroupType;
import dev.chatdirectory.model.ItemOutcome;
import dev.chatdirectory.model.Member;
import dev.chatdirectory.model.MemberQuery;
import dev.chatdirectory.model.MemberRole;
import dev.chatdirectory.model.MemberSpec;
import dev.chatdirectory.model.OutcomeStatus;
import dev.chatdirectory.model.Page;
import dev.chatdirectory.model.UserCreate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Qiscus group members")
class QiscusMembersTest extends QiscusEmulatorSupport {

    private Group group;

    @BeforeEach
    void createGroup() {
        group = directory
                .groups()
                .create(GroupCreate.withoutId("Club", GroupType.PRIVATE).build());
    }

    private void createUsers(String... ids) {
        for (String id : ids) {
            directory.users().create(UserCreate.builder(id, "User " + id).build());
        }
    }

    private BatchResult add(String... ids) {
        return directory
                .members()
                .add(
                        group.id(),
                        List.of(ids).stream().map(MemberSpec::participant).toList());
    }

    private static List<OutcomeStatus> statuses(BatchResult result) {
        return result.outcomes().stream().map(ItemOutcome::status).toList();
    }

    @Nested
    @DisplayName("add")
    class Add {

        @Test
        @DisplayName("adds users, reported applied in request order")
        void applied() {
            createUsers("zoe", "yamada");
            BatchResult result = add("zoe", "yamada");
            assertThat(result.applied()).containsExactly("zoe", "yamada");
            assertThat(emulator.participants(group.id())).containsExactly("zoe", "yamada");
        }

        @Test
        @DisplayName("reports existing members unchanged and unknown users NOT_FOUND, adding the others")
        void mixedBatch() {
            createUsers("zoe", "yamada", "dorde");
            add("zoe");
            BatchResult result = add("yamada", "zoe", "ghost", "dorde");
            assertThat(result.outcomes())
                    .extracting(ItemOutcome::id)
                    .containsExactly("yamada", "zoe", "ghost", "dorde");
            assertThat(statuses(result))
                    .containsExactly(
                            OutcomeStatus.APPLIED,
                            OutcomeStatus.UNCHANGED,
                            OutcomeStatus.FAILED,
                            OutcomeStatus.APPLIED);
            assertThat(result.outcome("ghost").orElseThrow().reason()).contains(FailureReason.NOT_FOUND);
            assertThat(emulator.participants(group.id())).containsExactlyInAnyOrder("zoe", "yamada", "dorde");
        }

        @Test
        @DisplayName("a lone unknown user fails NOT_FOUND without a second attempt")
        void loneUnknownUser() {
            BatchResult result = add("ghost");
            assertThat(result.failed())
                    .singleElement()
                    .satisfies(o -> assertThat(o.reason()).contains(FailureReason.NOT_FOUND));
        }

        @Test
        @DisplayName("users beyond the 100 participants of a group room fail LIMIT_EXCEEDED")
        void fullRoom() {
            List<String> ids = new ArrayList<>();
            IntStream.range(0, 101).forEach(i -> ids.add("user" + i));
            ids.forEach(id -> emulator.createUser(id, "User " + id));
            BatchResult first = directory
                    .members()
                    .add(
                            group.id(),
                            ids.subList(0, 99).stream()
                                    .map(MemberSpec::participant)
                                    .toList());
            assertThat(first.allSucceeded()).isTrue();
            BatchResult overflow = add("user99", "user100");
            assertThat(overflow.outcome("user99").orElseThrow().status()).isEqualTo(OutcomeStatus.APPLIED);
            assertThat(overflow.outcome("user100").orElseThrow().reason()).contains(FailureReason.LIMIT_EXCEEDED);
        }

        @Test
        @DisplayName("fails with NotFoundException for an unknown room")
        void unknownRoom() {
            createUsers("zoe");
            assertThatThrownBy(() -> directory.members().add("999999999", List.of(MemberSpec.participant("zoe"))))
                    .isInstanceOf(NotFoundException.class);
        }
    }

    @Nested
    @DisplayName("remove")
    class Remove {

        @Test
        @DisplayName("removes members, reported applied; non-members and unknown users are unchanged")
        void removes() {
            createUsers("zoe", "yamada", "outsider");
            add("zoe", "yamada");
            BatchResult result = directory.members().remove(group.id(), List.of("zoe", "outsider", "ghost"));
            assertThat(statuses(result))
                    .containsExactly(OutcomeStatus.APPLIED, OutcomeStatus.UNCHANGED, OutcomeStatus.UNCHANGED);
            assertThat(emulator.participants(group.id())).containsExactly("yamada");
            assertThat(directory.users().get("zoe")).isPresent();
        }

        @Test
        @DisplayName("fails with NotFoundException for an unknown room")
        void unknownRoom() {
            assertThatThrownBy(() -> directory.members().remove("999999999", List.of("zoe")))
                    .isInstanceOf(NotFoundException.class);
        }
    }

    @Nested
    @DisplayName("list")
    class ListMembers {

        @Test
        @DisplayName("walks the participants as members without roles, stopping on a short page")
        void walks() {
            createUsers("a", "b", "c", "d", "e");
            add("a", "b", "c", "d", "e");
            Page<Member> first = directory.members().list(group.id(), MemberQuery.pageSize(2));
            assertThat(first.items())
                    .extracting(Member::userId, Member::role, Member::groupId)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("a", MemberRole.PARTICIPANT, group.id()),
                            org.assertj.core.groups.Tuple.tuple("b", MemberRole.PARTICIPANT, group.id()));
            assertThat(first.items()).allSatisfy(m -> assertThat(m.joinedAt()).isEmpty());
            Page<Member> second = directory
                    .members()
                    .list(
                            group.id(),
                            MemberQuery.pageSize(2)
                                    .withCursor(first.nextCursor().orElseThrow()));
            Page<Member> third = directory
                    .members()
                    .list(
                            group.id(),
                            MemberQuery.pageSize(2)
                                    .withCursor(second.nextCursor().orElseThrow()));
            assertThat(third.items()).extracting(Member::userId).containsExactly("e");
            assertThat(third.hasNext()).isFalse();
            assertThat(directory.members().stream(group.id(), MemberQuery.pageSize(5))
                            .map(Member::userId))
                    .containsExactly("a", "b", "c", "d", "e");
        }

        @Test
        @DisplayName("refuses a cursor of another group's member listing")
        void foreignCursor() {
            createUsers("a", "b", "c");
            add("a", "b", "c");
            String cursor = directory
                    .members()
                    .list(group.id(), MemberQuery.pageSize(2))
                    .nextCursor()
                    .orElseThrow();
            Group other = directory
                    .groups()
                    .create(GroupCreate.withoutId("Other", GroupType.PRIVATE).build());
            assertThatThrownBy(() -> directory
                            .members()
                            .list(other.id(), MemberQuery.pageSize(2).withCursor(cursor)))
                    .isInstanceOf(dev.chatdirectory.InvalidRequestException.class);
        }

        @Test
        @DisplayName("fails with NotFoundException for an unknown room")
        void unknownRoom() {
            assertThatThrownBy(() -> directory.members().list("999999999", MemberQuery.all()))
                    .isInstanceOf(NotFoundException.class);
        }
    }
}
