package dev.chatdirectory.testkit;

import static dev.chatdirectory.model.OutcomeStatus.APPLIED;
import static dev.chatdirectory.model.OutcomeStatus.UNCHANGED;
import static dev.chatdirectory.testkit.ChatDirectoryAssertions.assertThat;
import static dev.chatdirectory.testkit.ChatDirectoryAssertions.assertThatThrownBy;

import dev.chatdirectory.Capability;
import dev.chatdirectory.NotFoundException;
import dev.chatdirectory.model.BannedMember;
import dev.chatdirectory.model.BatchResult;
import dev.chatdirectory.model.FailureReason;
import dev.chatdirectory.model.Group;
import dev.chatdirectory.model.ItemOutcome;
import dev.chatdirectory.model.Member;
import dev.chatdirectory.model.MemberQuery;
import dev.chatdirectory.model.MemberRole;
import dev.chatdirectory.model.MemberSpec;
import dev.chatdirectory.model.PageRequest;
import dev.chatdirectory.model.UserCreate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The member tests: add with roles, per-item outcomes, remove, list, change role, ban, unban, big batches. */
abstract class MemberContract extends ContractSupport {

    /** Largest batch size the kit exercises by creating that many users. */
    private static final int LARGEST_EXERCISED_BATCH = 1000;

    MemberContract(ChatDirectoryContract contract) {
        super(contract);
    }

    private Map<String, MemberRole> roles(String groupId) {
        return members().stream(groupId, MemberQuery.all())
                .peek(m -> assertThat(m.groupId())
                        .as("groupId of member %s", m.userId())
                        .isEqualTo(groupId))
                .collect(Collectors.toMap(Member::userId, Member::role));
    }

    private List<String> banned(String groupId) {
        return members()
                .streamBanned(groupId, PageRequest.first())
                .peek(b -> assertThat(b.groupId())
                        .as("groupId of ban of %s", b.userId())
                        .isEqualTo(groupId))
                .map(BannedMember::userId)
                .toList();
    }

    private void requireRoles() {
        requireCapability(
                Capability.MEMBER_ROLES,
                () -> members().add(unknownGroupId(), List.of(MemberSpec.of(data().id("probe"), MemberRole.ADMIN))));
    }

    private void requireBans() {
        requireCapability(Capability.MEMBER_BANS, () -> members().ban(unknownGroupId(), List.of(data().id("probe"))));
    }

    private List<MemberSpec> participants(String... keys) {
        List<MemberSpec> specs = new ArrayList<>();
        for (String key : keys) {
            specs.add(MemberSpec.participant(data().id(key)));
        }
        return specs;
    }

    private Group groupWith(String... keys) {
        Group group = createGroup("club");
        createUsers(keys);
        assertThat(members().add(group.id(), participants(keys))).hasNoFailures();
        return group;
    }

    @Test
    @DisplayName("added users are reported applied, in request order, and listed as participants")
    void addParticipants() {
        Group group = createGroup("club");
        createUsers("zoe", "yamada", "dorde");
        BatchResult result = members().add(group.id(), participants("zoe", "yamada", "dorde"));
        assertThat(result)
                .hasOutcomesFor(data().id("zoe"), data().id("yamada"), data().id("dorde"))
                .allHaveStatus(APPLIED);
        assertThat(roles(group.id()))
                .containsEntry(data().id("zoe"), MemberRole.PARTICIPANT)
                .containsEntry(data().id("yamada"), MemberRole.PARTICIPANT)
                .containsEntry(data().id("dorde"), MemberRole.PARTICIPANT);
    }

    @Test
    @DisplayName("members added with admin, moderator and participant roles are listed with those roles")
    void addWithRoles() {
        requireRoles();
        Group group = createGroup("cafe");
        List<MemberSpec> specs = data().members("cafe");
        specs.forEach(s -> users().create(
                        UserCreate.builder(s.userId(), "Member " + s.userId()).build()));
        assertThat(members().add(group.id(), specs))
                .hasOutcomesFor(specs.stream().map(MemberSpec::userId).toList())
                .allHaveStatus(APPLIED);
        Map<String, MemberRole> listed = roles(group.id());
        specs.forEach(s -> assertThat(listed).containsEntry(s.userId(), s.role()));
        assertThat(specs).extracting(MemberSpec::role).contains(MemberRole.values());
    }

    @Test
    @DisplayName(
            "one batch reports applied for new members, unchanged for existing ones and NOT_FOUND for unknown users")
    void mixedBatchOutcomes() {
        Group group = groupWith("zoe");
        createUsers("yamada", "dorde");
        String ghost = unknownUserId();
        BatchResult result = members()
                .add(
                        group.id(),
                        List.of(
                                MemberSpec.participant(data().id("yamada")),
                                MemberSpec.participant(data().id("zoe")),
                                MemberSpec.participant(ghost),
                                MemberSpec.participant(data().id("dorde"))));
        assertThat(result)
                .hasOutcomesFor(data().id("yamada"), data().id("zoe"), ghost, data().id("dorde"))
                .hasOutcome(data().id("yamada"), APPLIED)
                .hasOutcome(data().id("zoe"), UNCHANGED)
                .hasFailure(ghost, FailureReason.NOT_FOUND)
                .hasOutcome(data().id("dorde"), APPLIED);
        assertThat(roles(group.id()))
                .containsKeys(data().id("yamada"), data().id("zoe"), data().id("dorde"))
                .doesNotContainKey(ghost);
    }

    @Test
    @DisplayName("re-adding an existing member with another role reports unchanged and keeps the role")
    void reAddKeepsRole() {
        requireRoles();
        Group group = createGroup("club");
        createUsers("zoe");
        members().add(group.id(), List.of(MemberSpec.of(data().id("zoe"), MemberRole.ADMIN)));
        assertThat(members().add(group.id(), participants("zoe"))).hasOutcome(data().id("zoe"), UNCHANGED);
        assertThat(roles(group.id())).containsEntry(data().id("zoe"), MemberRole.ADMIN);
    }

    @Test
    @DisplayName("removed members are reported applied and no longer listed; non-members are reported unchanged")
    void removeMembers() {
        Group group = groupWith("zoe", "yamada", "dorde");
        createUser("outsider");
        BatchResult result = members().remove(group.id(), List.of(data().id("zoe"), data().id("outsider")));
        assertThat(result)
                .hasOutcomesFor(data().id("zoe"), data().id("outsider"))
                .hasOutcome(data().id("zoe"), APPLIED)
                .hasOutcome(data().id("outsider"), UNCHANGED);
        assertThat(roles(group.id()))
                .doesNotContainKeys(data().id("zoe"), data().id("outsider"))
                .containsKeys(data().id("yamada"), data().id("dorde"));
        assertThat(users().get(data().id("zoe")))
                .as("a removed member is still a user")
                .isPresent();
    }

    @Test
    @DisplayName("a deactivated user is neither listed nor counted as a member")
    void deactivatedUserIsNotAMember() {
        // Without hard delete, delete deactivates: the kit can deactivate through it as well.
        boolean deleteDeactivates = !supports(Capability.USER_HARD_DELETE) && !supports(Capability.USER_DEACTIVATION);
        if (!deleteDeactivates) {
            requireCapability(Capability.USER_DEACTIVATION, () -> users().deactivate(data().id("probe")));
        }
        Group group = groupWith("zoe", "yamada");
        String zoe = data().id("zoe");
        assertThat(deleteDeactivates ? users().delete(zoe) : users().deactivate(zoe))
                .as("%s of %s", deleteDeactivates ? "delete (which deactivates)" : "deactivate", zoe)
                .isTrue();
        assertThat(roles(group.id())).containsKey(data().id("yamada")).doesNotContainKey(zoe);
        assertThat(groups().get(group.id()).orElseThrow().memberCount())
                .as("member count of %s, when %s reports one", group.id(), providerId())
                .satisfiesAnyOf(
                        count -> assertThat(count).isEmpty(),
                        count -> assertThat(count).hasValue(1));
    }

    @Test
    @DisplayName("each group lists its own members only, and a user can belong to several groups")
    void membersArePerGroup() {
        Group first = groupWith("zoe", "yamada");
        Group second = createGroup("other");
        createUser("dorde");
        members().add(second.id(), participants("zoe", "dorde"));
        assertThat(roles(first.id()))
                .containsKeys(data().id("zoe"), data().id("yamada"))
                .doesNotContainKey(data().id("dorde"));
        assertThat(roles(second.id()))
                .containsKeys(data().id("zoe"), data().id("dorde"))
                .doesNotContainKey(data().id("yamada"));
    }

    @Test
    @DisplayName("filtering members by role lists only the members with that role")
    void filterByRole() {
        requireCapability(
                Capability.MEMBER_ROLES,
                () -> members().list(unknownGroupId(), MemberQuery.withRole(MemberRole.ADMIN)));
        Group group = createGroup("cafe");
        List<MemberSpec> specs = data().members("cafe");
        specs.forEach(s -> users().create(
                        UserCreate.builder(s.userId(), "Member " + s.userId()).build()));
        members().add(group.id(), specs);
        for (MemberRole role : MemberRole.values()) {
            List<String> expected = specs.stream()
                    .filter(s -> s.role() == role)
                    .map(MemberSpec::userId)
                    .toList();
            List<Member> listed =
                    members().stream(group.id(), MemberQuery.withRole(role)).toList();
            assertThat(listed)
                    .as("members with role %s", role)
                    .allSatisfy(m -> assertThat(m.role()).isEqualTo(role));
            assertThat(listed)
                    .extracting(Member::userId)
                    .as("members with role %s", role)
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    @DisplayName("changing a member's role is applied, and unchanged when the member already has it")
    void changeRole() {
        requireCapability(
                Capability.MEMBER_ROLES,
                () -> members().changeRole(unknownGroupId(), data().id("probe"), MemberRole.ADMIN));
        Group group = groupWith("zoe", "yamada");
        ItemOutcome promoted = members().changeRole(group.id(), data().id("zoe"), MemberRole.MODERATOR);
        assertThat(promoted.id()).isEqualTo(data().id("zoe"));
        assertThat(promoted.status()).isEqualTo(APPLIED);
        assertThat(members()
                        .changeRole(group.id(), data().id("zoe"), MemberRole.MODERATOR)
                        .status())
                .isEqualTo(UNCHANGED);
        assertThat(members()
                        .changeRole(group.id(), data().id("yamada"), MemberRole.ADMIN)
                        .status())
                .isEqualTo(APPLIED);
        assertThat(roles(group.id()))
                .containsEntry(data().id("zoe"), MemberRole.MODERATOR)
                .containsEntry(data().id("yamada"), MemberRole.ADMIN);
    }

    @Test
    @DisplayName("changing the role of a user who is not a member fails with NotFoundException")
    void changeRoleOfNonMember() {
        requireCapability(
                Capability.MEMBER_ROLES,
                () -> members().changeRole(unknownGroupId(), data().id("probe"), MemberRole.ADMIN));
        Group group = groupWith("zoe");
        createUser("outsider");
        assertThatThrownBy(() -> members().changeRole(group.id(), data().id("outsider"), MemberRole.ADMIN))
                .isInstanceOf(NotFoundException.class);
        assertThat(roles(group.id())).doesNotContainKey(data().id("outsider"));
    }

    @Test
    @DisplayName("a banned member stops being a member and is listed as banned")
    void banRemovesMembership() {
        requireBans();
        Group group = groupWith("zoe", "yamada");
        assertThat(members().ban(group.id(), List.of(data().id("zoe"))))
                .hasOutcomesFor(data().id("zoe"))
                .hasOutcome(data().id("zoe"), APPLIED);
        assertThat(roles(group.id())).doesNotContainKey(data().id("zoe")).containsKey(data().id("yamada"));
        assertThat(banned(group.id())).containsExactly(data().id("zoe"));
    }

    @Test
    @DisplayName("a banned user cannot be added back (BANNED) while others in the same batch are")
    void bannedUserCannotBeReAdded() {
        requireBans();
        Group group = groupWith("zoe");
        createUser("yamada");
        members().ban(group.id(), List.of(data().id("zoe")));
        assertThat(members().add(group.id(), participants("zoe", "yamada")))
                .hasOutcomesFor(data().id("zoe"), data().id("yamada"))
                .hasFailure(data().id("zoe"), FailureReason.BANNED)
                .hasOutcome(data().id("yamada"), APPLIED);
        assertThat(roles(group.id())).doesNotContainKey(data().id("zoe"));
    }

    @Test
    @DisplayName("unbanning lifts the ban without restoring membership, and the user can then be added")
    void unban() {
        requireCapability(Capability.MEMBER_BANS, () -> members().unban(unknownGroupId(), List.of(data().id("probe"))));
        Group group = groupWith("zoe", "yamada");
        members().ban(group.id(), List.of(data().id("zoe")));
        assertThat(members().unban(group.id(), List.of(data().id("zoe"), data().id("yamada"))))
                .hasOutcomesFor(data().id("zoe"), data().id("yamada"))
                .hasOutcome(data().id("zoe"), APPLIED)
                .hasOutcome(data().id("yamada"), UNCHANGED);
        assertThat(banned(group.id())).isEmpty();
        assertThat(roles(group.id())).doesNotContainKey(data().id("zoe"));
        assertThat(members().add(group.id(), participants("zoe"))).hasOutcome(data().id("zoe"), APPLIED);
    }

    @Test
    @DisplayName("banning a non-member fails with NOT_A_MEMBER and banning twice is unchanged")
    void banOutcomes() {
        requireBans();
        Group group = groupWith("zoe");
        createUser("outsider");
        members().ban(group.id(), List.of(data().id("zoe")));
        assertThat(members().ban(group.id(), List.of(data().id("outsider"), data().id("zoe"))))
                .hasOutcomesFor(data().id("outsider"), data().id("zoe"))
                .hasFailure(data().id("outsider"), FailureReason.NOT_A_MEMBER)
                .hasOutcome(data().id("zoe"), UNCHANGED);
        assertThat(banned(group.id())).containsExactly(data().id("zoe"));
    }

    @Test
    @DisplayName("listed members carry their user's display name, non-ASCII names unchanged")
    void membersCarryNames() {
        requireDataCapability(Capability.MEMBER_NAME);
        Group group = createGroup("cafe");
        List<MemberSpec> specs = data().members("cafe", provider());
        List<String> memberIds = specs.stream().map(MemberSpec::userId).toList();
        Map<String, String> names = new HashMap<>();
        for (String key : CanonicalDataSet.userKeys()) {
            if (memberIds.contains(data().id(key))) {
                names.put(data().id(key), createCanonicalUser(key).name());
            }
        }
        assertThat(members().add(group.id(), specs)).hasNoFailures();
        List<Member> listed = members().stream(group.id(), MemberQuery.all()).toList();
        assertThat(listed).extracting(Member::userId).containsExactlyInAnyOrderElementsOf(names.keySet());
        assertThat(listed)
                .allSatisfy(m ->
                        assertThat(m.name()).as("name of member %s", m.userId()).contains(names.get(m.userId())));
    }

    @Test
    @DisplayName("listed bans carry the role the banned user had and when it had joined")
    void bansCarryFormerRoleAndJoinTime() {
        requireDataCapability(Capability.MEMBER_BAN_DETAILS);
        requireBans();
        Group group = createGroup("cafe");
        List<MemberSpec> specs = data().members("cafe", provider());
        specs.forEach(s -> users().create(
                        UserCreate.builder(s.userId(), "Member " + s.userId()).build()));
        assertThat(members().add(group.id(), specs)).hasNoFailures();
        Map<String, Member> before =
                members().stream(group.id(), MemberQuery.all()).collect(Collectors.toMap(Member::userId, m -> m));
        List<MemberSpec> bans = data().banned("cafe", provider());
        List<String> banIds = bans.stream().map(MemberSpec::userId).toList();
        assertThat(members().ban(group.id(), banIds)).hasOutcomesFor(banIds).allHaveStatus(APPLIED);

        List<BannedMember> listed =
                members().streamBanned(group.id(), PageRequest.first()).toList();
        assertThat(listed).extracting(BannedMember::userId).containsExactlyInAnyOrderElementsOf(banIds);
        for (MemberSpec ban : bans) {
            BannedMember banned = listed.stream()
                    .filter(b -> b.userId().equals(ban.userId()))
                    .findFirst()
                    .orElseThrow();
            assertThat(banned.formerRole())
                    .as("former role of %s", ban.userId())
                    .contains(ban.role());
            assertThat(banned.joinedAt()).as("join time of %s", ban.userId()).isPresent();
            before.get(ban.userId())
                    .joinedAt()
                    .ifPresent(joined -> assertThat(banned.joinedAt())
                            .as("join time of %s, as listed while a member", ban.userId())
                            .contains(joined));
        }
    }

    @Test
    @DisplayName("a batch larger than the provider's batch size gives one outcome per user, in request order")
    void largeBatches() {
        int batch = provider().limits().maxBatchSize();
        if (batch > LARGEST_EXERCISED_BATCH) {
            Assumptions.abort(providerId() + " has maxBatchSize " + batch + ": the kit exercises splitting only up to "
                    + LARGEST_EXERCISED_BATCH);
        }
        Group group = createGroup("crowd");
        int size = batch + 3;
        List<String> ids = new ArrayList<>(size);
        for (int i = 0; i < size - 1; i++) {
            String key = "m" + i;
            createUser(key);
            ids.add(data().id(key));
        }
        String ghost = unknownUserId();
        ids.add(batch / 2, ghost);
        String veteran = ids.get(batch);
        members().add(group.id(), List.of(MemberSpec.participant(veteran)));

        BatchResult added = members()
                .add(group.id(), ids.stream().map(MemberSpec::participant).toList());
        assertThat(added)
                .hasOutcomesFor(ids)
                .hasFailure(ghost, FailureReason.NOT_FOUND)
                .hasOutcome(veteran, UNCHANGED);
        assertThat(added.applied()).hasSize(size - 2);
        List<String> members = ids.stream().filter(id -> !id.equals(ghost)).toList();
        assertThat(roles(group.id()))
                .containsKeys(members.toArray(String[]::new))
                .doesNotContainKey(ghost);

        BatchResult removed = members().remove(group.id(), members);
        assertThat(removed).hasOutcomesFor(members).allHaveStatus(APPLIED);
        assertThat(roles(group.id())).doesNotContainKeys(members.toArray(String[]::new));
    }
}
