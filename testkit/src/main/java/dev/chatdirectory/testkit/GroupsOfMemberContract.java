package dev.chatdirectory.testkit;

import static dev.chatdirectory.testkit.ChatDirectoryAssertions.assertThat;
import static dev.chatdirectory.testkit.ChatDirectoryAssertions.assertThatThrownBy;

import dev.chatdirectory.Capability;
import dev.chatdirectory.NotFoundException;
import dev.chatdirectory.model.Group;
import dev.chatdirectory.model.GroupType;
import dev.chatdirectory.model.MemberSpec;
import dev.chatdirectory.model.Page;
import dev.chatdirectory.model.PageRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The tests of the groups of one user ({@link dev.chatdirectory.GroupOperations#listForMember}):
 * exactly the user's memberships, of every type, across pages; none for a user in no group; ended
 * memberships left out; unknown users refused with {@link NotFoundException}.
 */
abstract class GroupsOfMemberContract extends ContractSupport {

    /** Small enough that the groups of {@link #memberOfEveryType} span several pages. */
    private static final int PAGE_SIZE = 2;

    /** Groups the member joins, at least; more when the provider supports more types. */
    private static final int MIN_GROUPS = 5;

    GroupsOfMemberContract(ChatDirectoryContract contract) {
        super(contract);
    }

    private void requireGroupsOfMember() {
        requireCapability(
                Capability.GROUPS_OF_MEMBER, () -> groups().listForMember(data().id("probe"), PageRequest.first()));
    }

    private List<GroupType> supportedTypes() {
        List<GroupType> types = new ArrayList<>();
        for (GroupType type : GroupType.values()) {
            if (supports(type.capability())) {
                types.add(type);
            }
        }
        if (types.isEmpty()) {
            anyGroupType();
        }
        return types;
    }

    private void join(Group group, String userId) {
        assertThat(members().add(group.id(), List.of(MemberSpec.participant(userId))))
                .hasNoFailures();
    }

    /**
     * Creates at least {@link #MIN_GROUPS} groups, covering every supported type, with the user as
     * a member of each; returns them.
     */
    private List<Group> memberOfEveryType(String userId) {
        List<GroupType> types = supportedTypes();
        List<Group> joined = new ArrayList<>();
        for (int i = 0; i < Math.max(MIN_GROUPS, types.size()); i++) {
            Group group = createGroup("of-member-" + i, types.get(i % types.size()));
            join(group, userId);
            joined.add(group);
        }
        return joined;
    }

    private static List<String> ids(List<Group> groups) {
        return groups.stream().map(Group::id).toList();
    }

    /** Walks a user's groups page by page with the checks of {@link #walk}; returns their ids in order. */
    private List<String> walkGroupsOf(String userId) {
        PageRequest request = PageRequest.ofSize(PAGE_SIZE);
        return walk(
                "the groups of " + userId,
                PAGE_SIZE,
                cursor -> groups().listForMember(
                                userId, cursor.map(request::withCursor).orElse(request)),
                Group::id);
    }

    @Test
    @DisplayName("a user's groups are exactly the groups they are a member of, of every supported type, across pages")
    void exactlyTheUsersGroups() {
        requireGroupsOfMember();
        String zoe = createUser("zoe").id();
        String yamada = createUser("yamada").id();
        List<Group> joined = memberOfEveryType(zoe);
        Group notJoined = createGroup("not-joined", supportedTypes().get(0));
        join(notJoined, yamada);

        List<String> walked = walkGroupsOf(zoe);
        List<Group> streamed =
                groups().streamForMember(zoe, PageRequest.first()).toList();

        assertThat(walked).containsExactlyInAnyOrderElementsOf(ids(joined));
        assertThat(ids(streamed)).containsExactlyInAnyOrderElementsOf(walked);
        assertThat(streamed).extracting(Group::type).containsAll(supportedTypes());
        for (Group group : streamed) {
            Group stored = groups().get(group.id())
                    .orElseThrow(() -> new AssertionError("listed group " + group.id() + " not found by get"));
            assertThat(group).hasSameContentAs(stored);
        }
    }

    @Test
    @DisplayName("the stream of a user's groups lists the same groups as the pages, in the same order")
    void streamMatchesPages() {
        requireGroupsOfMember();
        String zoe = createUser("zoe").id();
        memberOfEveryType(zoe);

        List<String> paged = walkGroupsOf(zoe);

        assertThat(groups().streamForMember(zoe, PageRequest.ofSize(PAGE_SIZE)).map(Group::id))
                .containsExactlyElementsOf(paged);
    }

    @Test
    @DisplayName("a user who is a member of no group has no groups, on one last page")
    void userInNoGroup() {
        requireGroupsOfMember();
        String loner = createUser("dorde").id();
        String zoe = createUser("zoe").id();
        join(createGroup("others", supportedTypes().get(0)), zoe);

        Page<Group> page = groups().listForMember(loner, PageRequest.first());

        assertThat(page).isLastPage().items().isEmpty();
        assertThat(groups().streamForMember(loner, PageRequest.first())).isEmpty();
    }

    @Test
    @DisplayName("a group the user was removed from, or banned from where bans exist, is no longer among its groups")
    void endedMembershipsAreLeftOut() {
        requireGroupsOfMember();
        String zoe = createUser("zoe").id();
        GroupType type = supportedTypes().get(0);
        Group kept = createGroup("kept", type);
        Group left = createGroup("left", type);
        join(kept, zoe);
        join(left, zoe);
        List<String> expected = List.of(kept.id());
        if (supports(Capability.MEMBER_BANS)) {
            Group banned = createGroup("banned", type);
            join(banned, zoe);
            assertThat(members().ban(banned.id(), List.of(zoe))).hasNoFailures();
        }

        assertThat(members().remove(left.id(), List.of(zoe))).hasNoFailures();

        assertThat(walkGroupsOf(zoe)).containsExactlyElementsOf(expected);
    }

    @Test
    @DisplayName("the groups of a user that does not exist fail with NotFoundException")
    void unknownUser() {
        requireGroupsOfMember();
        String ghost = unknownUserId();

        assertThatThrownBy(() -> groups().listForMember(ghost, PageRequest.first()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() ->
                        groups().streamForMember(ghost, PageRequest.first()).toList())
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    @DisplayName("a user id the provider's id rule rejects is refused naming userId, with nothing sent")
    void invalidUserId() {
        requireGroupsOfMember();
        String tooLong = "x".repeat(provider().userIds().maxLength() + 1);

        assertInvalid("userId", () -> groups().listForMember(tooLong, PageRequest.first()));
        assertInvalid(
                "userId",
                () -> groups().streamForMember(tooLong, PageRequest.first()).toList());
    }
}
