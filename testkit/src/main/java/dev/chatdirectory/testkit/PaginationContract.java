package dev.chatdirectory.testkit;

import static dev.chatdirectory.testkit.ChatDirectoryAssertions.assertThat;

import dev.chatdirectory.Capability;
import dev.chatdirectory.model.BannedMember;
import dev.chatdirectory.model.Group;
import dev.chatdirectory.model.GroupQuery;
import dev.chatdirectory.model.Member;
import dev.chatdirectory.model.MemberQuery;
import dev.chatdirectory.model.MemberRole;
import dev.chatdirectory.model.MemberSpec;
import dev.chatdirectory.model.Page;
import dev.chatdirectory.model.PageRequest;
import dev.chatdirectory.model.User;
import dev.chatdirectory.model.UserQuery;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The pagination tests: page walks across boundaries, cursors, streams, default and maximum sizes. */
abstract class PaginationContract extends ContractSupport {

    /** Largest default page size the kit fills by creating that many users. */
    private static final int LARGEST_EXERCISED_DEFAULT_PAGE = 500;

    PaginationContract(ChatDirectoryContract contract) {
        super(contract);
    }

    private List<String> walkUsers(int pageSize) {
        UserQuery query = UserQuery.all().withPageSize(pageSize);
        return walk(
                "users", pageSize, c -> users().list(c.map(query::withCursor).orElse(query)), User::id);
    }

    private List<String> walkGroups(int pageSize) {
        GroupQuery query = GroupQuery.all().withPageSize(pageSize);
        return walk(
                "groups", pageSize, c -> groups().list(c.map(query::withCursor).orElse(query)), Group::id);
    }

    private List<String> walkMembers(String groupId, MemberQuery query) {
        int size = query.pageSize().orElseThrow();
        return walk(
                "members",
                size,
                c -> members().list(groupId, c.map(query::withCursor).orElse(query)),
                Member::userId);
    }

    private List<String> createCanonicalUsers() {
        return CanonicalDataSet.userKeys().stream().map(k -> createUser(k).id()).toList();
    }

    /** Creates a group with the canonical members of the group {@code cafe}, roles as supported. */
    private Group groupWithCanonicalMembers(List<MemberSpec> specs) {
        Group group = createGroup("cafe");
        specs.forEach(s -> createUser(s.userId().substring(data().scope().length() + 1)));
        assertThat(members().add(group.id(), specs)).hasNoFailures();
        return group;
    }

    @Test
    @DisplayName("walking users page by page at small sizes lists every user once, with full pages up to the last")
    void userPagesHaveNoGapsOrDuplicates() {
        List<String> ours = createCanonicalUsers();
        List<String> reference = null;
        for (int size : new int[] {2, 3, 5}) {
            List<String> walked = walkUsers(size);
            assertThat(walked).as("users walked at page size %s", size).containsAll(ours);
            if (reference == null) {
                reference = walked;
            } else {
                assertThat(walked)
                        .as("users walked at page size %s, in the order of size 2", size)
                        .isEqualTo(reference);
            }
        }
    }

    @Test
    @DisplayName("re-reading a user page with the same cursor gives the same items, and pages do not overlap")
    void userCursorsRoundTrip() {
        createCanonicalUsers();
        UserQuery query = UserQuery.all().withPageSize(3);
        Page<User> first = users().list(query);
        assertThat(first).hasSize(3).hasNextCursor();
        String cursor = first.nextCursor().orElseThrow();
        List<String> second = users().list(query.withCursor(cursor)).items().stream()
                .map(User::id)
                .toList();
        List<String> again = users().list(query.withCursor(cursor)).items().stream()
                .map(User::id)
                .toList();
        assertThat(again).as("the page read again with the same cursor").isEqualTo(second);
        assertThat(second)
                .hasSize(3)
                .doesNotContainAnyElementsOf(
                        first.items().stream().map(User::id).toList());
        assertThat(users().list(query).items())
                .extracting(User::id)
                .as("the first page read again")
                .isEqualTo(first.items().stream().map(User::id).toList());
    }

    @Test
    @DisplayName("streaming users yields exactly the items of the pages, in order")
    void userStreamEqualsPages() {
        createCanonicalUsers();
        List<String> pages = walkUsers(3);
        List<String> streamed =
                users().stream(UserQuery.all().withPageSize(3)).map(User::id).toList();
        assertThat(streamed).isEqualTo(pages);
    }

    @Test
    @DisplayName("a listing without a page size returns a full page of the provider's default size")
    void defaultPageSize() {
        int size = provider().limits().defaultPageSize();
        if (size > LARGEST_EXERCISED_DEFAULT_PAGE) {
            Assumptions.abort(providerId() + " has defaultPageSize " + size
                    + ": the kit fills default pages only up to " + LARGEST_EXERCISED_DEFAULT_PAGE);
        }
        for (int i = 0; i <= size; i++) {
            createUser("d" + i);
        }
        assertThat(users().list(UserQuery.all())).hasSize(size).hasNextCursor();
    }

    @Test
    @DisplayName("a page size above the provider's maximum is refused with InvalidRequestException before sending")
    void pageSizeAboveMaximum() {
        int tooLarge = provider().limits().maxPageSize() + 1;
        assertInvalid("pageSize", () -> users().list(UserQuery.all().withPageSize(tooLarge)));
        assertInvalid("pageSize", () -> members().list(unknownGroupId(), MemberQuery.pageSize(tooLarge)));
        if (supports(Capability.GROUP_LIST)) {
            assertInvalid("pageSize", () -> groups().list(GroupQuery.all().withPageSize(tooLarge)));
        }
        if (supports(Capability.MEMBER_BANS)) {
            assertInvalid("pageSize", () -> members().listBanned(unknownGroupId(), PageRequest.ofSize(tooLarge)));
        }
        assertThat(users().list(UserQuery.all().withPageSize(tooLarge - 1)))
                .as("the maximum itself")
                .isNotNull();
    }

    @Test
    @DisplayName("walking groups page by page lists every group once, and the stream matches the pages")
    void groupPages() {
        requireCapability(Capability.GROUP_LIST, () -> groups().list(GroupQuery.all()));
        anyGroupType();
        List<String> ours = CanonicalDataSet.groupKeys().stream()
                .filter(k -> data().group(k, provider()).isPresent())
                .map(k -> createCanonicalGroup(k).id())
                .toList();
        assertThat(ours).hasSizeGreaterThanOrEqualTo(3);
        List<String> walked = walkGroups(2);
        assertThat(walked).containsAll(ours);
        assertThat(groups().stream(GroupQuery.all().withPageSize(2)).map(Group::id))
                .containsExactlyElementsOf(walked);
    }

    @Test
    @DisplayName("walking members at every page size lists every member once, and the stream matches the pages")
    void memberPages() {
        List<MemberSpec> specs = data().members("cafe").stream()
                .map(s -> MemberSpec.participant(s.userId()))
                .toList();
        Group group = groupWithCanonicalMembers(specs);
        List<String> expected = specs.stream().map(MemberSpec::userId).toList();
        for (int size = 1; size <= expected.size() + 1; size++) {
            List<String> walked = walkMembers(group.id(), MemberQuery.pageSize(size));
            assertThat(walked).as("members walked at page size %s", size).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(members().stream(group.id(), MemberQuery.pageSize(size)).map(Member::userId))
                    .as("members streamed at page size %s", size)
                    .containsExactlyElementsOf(walked);
        }
    }

    @Test
    @DisplayName("a page that is not full is the last page")
    void shortPageIsLast() {
        List<MemberSpec> specs = data().members("cafe").stream()
                .map(s -> MemberSpec.participant(s.userId()))
                .toList();
        Group group = groupWithCanonicalMembers(specs);
        int count = specs.size();
        assertThat(members().list(group.id(), MemberQuery.pageSize(count + 1)))
                .hasSize(count)
                .isLastPage();
        Page<Member> first = members().list(group.id(), MemberQuery.pageSize(count - 2));
        assertThat(first).hasSize(count - 2).hasNextCursor();
        assertThat(members()
                        .list(
                                group.id(),
                                MemberQuery.pageSize(count - 2)
                                        .withCursor(first.nextCursor().orElseThrow())))
                .hasSize(2)
                .isLastPage();
    }

    @Test
    @DisplayName("a cursor keeps the role filter of the query it came from")
    void cursorKeepsFilter() {
        requireCapability(
                Capability.MEMBER_ROLES,
                () -> members().list(unknownGroupId(), MemberQuery.withRole(MemberRole.ADMIN)));
        List<MemberSpec> specs = data().members("cafe");
        Group group = groupWithCanonicalMembers(specs);
        List<String> participants = specs.stream()
                .filter(s -> s.role() == MemberRole.PARTICIPANT)
                .map(MemberSpec::userId)
                .toList();
        assertThat(participants).hasSizeGreaterThan(2);
        assertThat(walkMembers(
                        group.id(), MemberQuery.withRole(MemberRole.PARTICIPANT).withPageSize(2)))
                .containsExactlyInAnyOrderElementsOf(participants);
    }

    @Test
    @DisplayName("walking banned users page by page lists every banned user once")
    void bannedPages() {
        requireCapability(Capability.MEMBER_BANS, () -> members().listBanned(unknownGroupId(), PageRequest.first()));
        List<MemberSpec> specs = data().members("cafe").stream()
                .map(s -> MemberSpec.participant(s.userId()))
                .toList();
        Group group = groupWithCanonicalMembers(specs);
        List<String> banned = specs.stream().skip(1).map(MemberSpec::userId).toList();
        assertThat(members().ban(group.id(), banned)).hasNoFailures();
        PageRequest request = PageRequest.ofSize(2);
        List<String> walked = walk(
                "banned users",
                2,
                c -> members().listBanned(group.id(), c.map(request::withCursor).orElse(request)),
                BannedMember::userId);
        assertThat(walked).containsExactlyInAnyOrderElementsOf(banned);
    }
}
