package dev.chatdirectory.provider.atomchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatdirectory.NotFoundException;
import dev.chatdirectory.UnsupportedCapabilityException;
import dev.chatdirectory.model.BannedMember;
import dev.chatdirectory.model.BatchResult;
import dev.chatdirectory.model.FailureReason;
import dev.chatdirectory.model.ItemOutcome;
import dev.chatdirectory.model.Member;
import dev.chatdirectory.model.MemberQuery;
import dev.chatdirectory.model.MemberRole;
import dev.chatdirectory.model.MemberSpec;
import dev.chatdirectory.model.OutcomeStatus;
import dev.chatdirectory.model.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("AtomChat members and bans against the emulator")
class AtomChatMembersTest extends EmulatorTestBase {

    private static final String GROUP = "g & 1=2";

    @BeforeEach
    void seed() {
        createUsers("ann", "bob", "cy", "dee");
        createGroup(GROUP);
    }

    private BatchResult add(String... userIds) {
        return directory
                .members()
                .add(
                        GROUP,
                        List.of(userIds).stream().map(MemberSpec::participant).toList());
    }

    private List<String> members() {
        return directory.members().stream(GROUP, MemberQuery.all())
                .map(Member::userId)
                .toList();
    }

    private List<String> banned() {
        return directory
                .members()
                .streamBanned(GROUP, PageRequest.first())
                .map(BannedMember::userId)
                .toList();
    }

    private static List<String> statuses(BatchResult result) {
        return result.outcomes().stream()
                .map(o ->
                        o.id() + ":" + o.status() + o.reason().map(r -> "/" + r).orElse(""))
                .toList();
    }

    @Nested
    @DisplayName("adding")
    class Adding {

        @Test
        @DisplayName("reports each user: applied, unchanged for members, NOT_FOUND for unknown users, in request order")
        void perUserOutcomes() {
            add("ann");
            BatchResult result = add("bob", "ann", "ghost", "cy");
            assertThat(statuses(result))
                    .containsExactly("bob:APPLIED", "ann:UNCHANGED", "ghost:FAILED/NOT_FOUND", "cy:APPLIED");
            assertThat(members()).containsExactly("ann", "bob", "cy");
            assertThat(requestsTo("addUsersToGroup").get(1).getBodyAsString())
                    .isEqualTo("GUID=g+%26+1%3D2&UIDs=bob%2Cghost%2Ccy&clearExisting=false");
        }

        @Test
        @DisplayName("a batch AtomChat answers with 'already part of group' gets its outcomes from that answer alone")
        void nothingAdded() {
            add("ann");
            forgetRequests();
            assertThat(statuses(add("ghost", "nobody")))
                    .containsExactly("ghost:FAILED/NOT_FOUND", "nobody:FAILED/NOT_FOUND");
            assertThat(requests())
                    .extracting(r -> r.getUrl().substring(r.getUrl().lastIndexOf('/') + 1))
                    .containsExactly("getGroupUserList", "addUsersToGroup");
        }

        @Test
        @DisplayName("sends nothing when every user is already a member")
        void allMembers() {
            add("ann", "bob");
            forgetRequests();
            assertThat(add("bob", "ann").unchanged()).containsExactly("bob", "ann");
            assertThat(requestsTo("addUsersToGroup")).isEmpty();
        }

        @Test
        @DisplayName("a banned user fails with BANNED while the others are added")
        void bannedUser() {
            add("ann");
            directory.members().ban(GROUP, List.of("ann"));
            assertThat(statuses(add("ann", "bob"))).containsExactly("ann:FAILED/BANNED", "bob:APPLIED");
        }

        @Test
        @DisplayName("roles other than participant are refused before anything is sent")
        void noRoles() {
            forgetRequests();
            assertThatThrownBy(() -> directory.members().add(GROUP, List.of(MemberSpec.of("ann", MemberRole.ADMIN))))
                    .isInstanceOf(UnsupportedCapabilityException.class);
            assertThatThrownBy(() -> directory.members().changeRole(GROUP, "ann", MemberRole.ADMIN))
                    .isInstanceOf(UnsupportedCapabilityException.class);
            assertThat(requests()).isEmpty();
        }

        @Test
        @DisplayName("a group that does not exist fails with NotFoundException")
        void unknownGroup() {
            assertThatThrownBy(() -> directory.members().add("nothing", List.of(MemberSpec.participant("ann"))))
                    .isInstanceOf(NotFoundException.class);
        }

        @Test
        @DisplayName("a batch larger than 100 users is split and still answers one outcome per user")
        void largeBatch() {
            List<String> ids = new ArrayList<>(List.of("ann"));
            IntStream.range(0, 120).forEach(i -> ids.add("ghost-" + i));
            BatchResult result = add(ids.toArray(String[]::new));
            assertThat(result.outcomes()).hasSize(121);
            assertThat(result.applied()).containsExactly("ann");
            assertThat(result.failed())
                    .extracting(ItemOutcome::reason)
                    .allMatch(r -> r.orElseThrow() == FailureReason.NOT_FOUND);
        }
    }

    @Nested
    @DisplayName("removing")
    class Removing {

        @Test
        @DisplayName("sends only members, so non-members and unknown users do not make AtomChat refuse the batch")
        void onlyMembersAreSent() {
            add("ann", "bob", "cy");
            BatchResult result = directory.members().remove(GROUP, List.of("dee", "ann", "ghost", "cy"));
            assertThat(statuses(result))
                    .containsExactly("dee:UNCHANGED", "ann:APPLIED", "ghost:UNCHANGED", "cy:APPLIED");
            assertThat(members()).containsExactly("bob");
            assertThat(requestsTo("removeUsersFromGroup")
                            .get(0)
                            .formParameters()
                            .get("UIDs")
                            .firstValue())
                    .isEqualTo("ann,cy");
        }

        @Test
        @DisplayName("removing does not lift a ban")
        void keepsBans() {
            add("ann");
            directory.members().ban(GROUP, List.of("ann"));
            assertThat(statuses(directory.members().remove(GROUP, List.of("ann"))))
                    .containsExactly("ann:UNCHANGED");
            assertThat(banned()).containsExactly("ann");
        }
    }

    @Nested
    @DisplayName("listing")
    class Listing {

        @Test
        @DisplayName("lists members as participants in pages sorted by UID, without banned users")
        void pages() {
            add("dee", "bob", "cy", "ann");
            directory.members().ban(GROUP, List.of("cy"));
            var first = directory.members().list(GROUP, MemberQuery.pageSize(2));
            assertThat(first.items()).extracting(Member::userId).containsExactly("ann", "bob");
            assertThat(first.items()).extracting(Member::role).containsOnly(MemberRole.PARTICIPANT);
            var second = directory
                    .members()
                    .list(
                            GROUP,
                            MemberQuery.pageSize(2)
                                    .withCursor(first.nextCursor().orElseThrow()));
            assertThat(second.items()).extracting(Member::userId).containsExactly("dee");
            assertThat(second.nextCursor()).isEmpty();
        }

        @Test
        @DisplayName("members carry the name the emulator's member rows give")
        void names() {
            add("ann");
            assertThat(directory.members().stream(GROUP, MemberQuery.all()))
                    .singleElement()
                    .satisfies(member -> assertThat(member.name()).contains("Name of ann"));
        }

        @Test
        @DisplayName("an empty group has no members")
        void empty() {
            assertThat(members()).isEmpty();
            assertThat(banned()).isEmpty();
        }
    }

    @Nested
    @DisplayName("banning and unbanning")
    class Bans {

        @Test
        @DisplayName("a banned member stops being a member; banning again is unchanged; non-members fail")
        void ban() {
            add("ann", "bob");
            BatchResult result = directory.members().ban(GROUP, List.of("ann", "cy", "ghost"));
            assertThat(statuses(result))
                    .containsExactly("ann:APPLIED", "cy:FAILED/NOT_A_MEMBER", "ghost:FAILED/NOT_FOUND");
            assertThat(members()).containsExactly("bob");
            assertThat(banned()).containsExactly("ann");
            assertThat(directory.members().ban(GROUP, List.of("ann")).outcomes())
                    .extracting(ItemOutcome::status)
                    .containsExactly(OutcomeStatus.UNCHANGED);
        }

        @Test
        @DisplayName("unbanning lifts the ban without restoring membership, and the user can be added again")
        void unban() {
            add("ann", "bob");
            directory.members().ban(GROUP, List.of("ann"));
            assertThat(statuses(directory.members().unban(GROUP, List.of("ann", "bob", "ghost"))))
                    .containsExactly("ann:APPLIED", "bob:UNCHANGED", "ghost:UNCHANGED");
            assertThat(banned()).isEmpty();
            assertThat(members()).containsExactly("bob");
            assertThat(statuses(add("ann"))).containsExactly("ann:APPLIED");
        }

        @Test
        @DisplayName("bans of a group that does not exist fail with NotFoundException")
        void unknownGroup() {
            assertThatThrownBy(() -> directory.members().ban("nothing", List.of("ann")))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> directory.members().listBanned("nothing", PageRequest.first()))
                    .isInstanceOf(NotFoundException.class);
        }
    }
}
