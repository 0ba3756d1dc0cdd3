package dev.chatdirectory.testkit.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatdirectory.Capability;
import dev.chatdirectory.testkit.proof.ContractRun.Outcome;
import dev.chatdirectory.testkit.proof.ContractRun.Status;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Proof that the contract kit catches what it claims: it runs the suite through the JUnit Platform
 * Launcher against the in-memory provider, against it with every optional capability switched off,
 * and against deliberately broken decorators of it, and checks which tests pass, skip and fail.
 */
@DisplayName("the contract kit")
class ContractKitProofTest {

    private static final List<String> GROUPS = List.of(
            "discovery",
            "users",
            "presence",
            "groups",
            "groups of a member",
            "members",
            "pagination",
            "errors",
            "validation");
    private static final Pattern SKIP_REASON = Pattern.compile("memory does not declare ([A-Z_]+): (.+)");

    private static void assertNoFailureIn(ContractRun run, String... groups) {
        for (String group : groups) {
            assertThat(run.inGroup(group)).as("tests of group %s", group).isNotEmpty();
            assertThat(run.inGroup(group))
                    .as("tests of group %s, unrelated to the defect", group)
                    .noneMatch(o -> o.status() == Status.FAILED);
        }
    }

    private static void assertFailed(ContractRun run, String group, String name, String expectedInMessage) {
        assertThat(run.find(group, name)).as("test %s › %s", group, name).hasValueSatisfying(o -> {
            assertThat(o.status()).as("status of %s", o).isEqualTo(Status.FAILED);
            assertThat(o.detail()).as("failure of %s", o).contains(expectedInMessage);
        });
    }

    @Test
    @DisplayName("passes the in-memory provider with at least 70 tests in every group, none failed and none skipped")
    void memoryPassesEverything() {
        ContractRun run = ContractRun.of(MemoryProviderContractTest.class);
        assertThat(run.containerFailures()).isEmpty();
        assertThat(run.withStatus(Status.FAILED)).isEmpty();
        assertThat(run.withStatus(Status.SKIPPED)).isEmpty();
        assertThat(run.withStatus(Status.PASSED)).hasSizeGreaterThanOrEqualTo(70);
        assertThat(run.outcomes())
                .extracting(Outcome::group)
                .containsOnlyElementsOf(GROUPS)
                .containsAll(GROUPS);
    }

    /**
     * Runs a reduced-capability fixture and checks that nothing failed, that every skip gives a
     * well-formed reason naming a capability the provider lacks, and that the core tests passed;
     * returns the capabilities named by skip reasons.
     */
    private static Set<Capability> assertOnlyGatedSkips(Class<?> fixture, Set<Capability> declared) {
        ContractRun full = ContractRun.of(MemoryProviderContractTest.class);
        ContractRun run = ContractRun.of(fixture);
        assertThat(run.containerFailures()).isEmpty();
        assertThat(run.withStatus(Status.FAILED)).as("failed tests").isEmpty();
        assertThat(run.outcomes()).as("tests run").hasSameSizeAs(full.outcomes());
        Set<Capability> named = EnumSet.noneOf(Capability.class);
        for (Outcome skipped : run.withStatus(Status.SKIPPED)) {
            Matcher m = SKIP_REASON.matcher(skipped.detail());
            assertThat(m.matches()).as("skip reason of %s", skipped).isTrue();
            Capability capability = Capability.valueOf(m.group(1));
            assertThat(m.group(2)).as("description in %s", skipped).isEqualTo(capability.description());
            assertThat(declared).as("capability named by %s", skipped).doesNotContain(capability);
            named.add(capability);
        }
        assertThat(run.withStatus(Status.PASSED))
                .as("tests of the portable core, which need no optional capability")
                .hasSizeGreaterThanOrEqualTo(30);
        assertThat(run.find(
                        "users",
                        "a deleted user's id can be taken again exactly when the provider deletes for good"
                                + " (USER_HARD_DELETE)"))
                .hasValueSatisfying(o -> assertThat(o.status()).isEqualTo(Status.PASSED));
        return named;
    }

    @Test
    @DisplayName(
            "skips every gated test with its reason, and fails none, when the provider declares no optional capability")
    void gatedTestsSkipWithReason() {
        Set<Capability> named = assertOnlyGatedSkips(NoOptionalCapabilitiesContractFixture.class, Set.of());
        // Without any group type no group can be created, so the tests of group fields are refused for the
        // type before they reach their own capability; the next test proves those. Delete works either way.
        Set<Capability> unreachable = EnumSet.of(
                Capability.USER_HARD_DELETE,
                Capability.PRESENCE_LAST_ACTIVE,
                Capability.GROUP_DESCRIPTION,
                Capability.GROUP_ICON,
                Capability.GROUP_METADATA,
                Capability.GROUP_OWNER,
                Capability.GROUP_SEARCH);
        assertThat(named)
                .as("capabilities named by skip reasons")
                .containsExactlyInAnyOrderElementsOf(EnumSet.complementOf(EnumSet.copyOf(unreachable)));
    }

    @Test
    @DisplayName("skips the tests of every capability but public groups, listing and presence, and fails none")
    void minimalProviderSkipsTheRest() {
        Set<Capability> named = assertOnlyGatedSkips(
                MinimalCapabilitiesContractFixture.class, MinimalCapabilitiesContractFixture.DECLARED);
        Set<Capability> expected = EnumSet.complementOf(EnumSet.copyOf(MinimalCapabilitiesContractFixture.DECLARED));
        expected.remove(Capability.USER_HARD_DELETE);
        assertThat(named).as("capabilities named by skip reasons").containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    @DisplayName("fails the pagination tests of a provider that loses an item at each page boundary")
    void catchesLossyPaging() {
        ContractRun run = ContractRun.of(LosesItemAtPageBoundaryContractFixture.class);
        assertFailed(
                run,
                "pagination",
                "walking users page by page at small sizes lists every user once, with full pages up to the last",
                "followed by another");
        assertFailed(
                run,
                "pagination",
                "walking groups page by page lists every group once, and the stream matches the pages",
                "followed by another");
        assertFailed(
                run,
                "pagination",
                "walking members at every page size lists every member once, and the stream matches the pages",
                "followed by another");
        assertFailed(
                run,
                "groups of a member",
                "a user's groups are exactly the groups they are a member of, of every supported type, across pages",
                "followed by another");
        assertFailed(run, "pagination", "a page that is not full is the last page", "Expected a page of 5 items");
        assertFailed(
                run,
                "pagination",
                "a listing without a page size returns a full page of the provider's default size",
                "Expected a page of 100 items");
        assertNoFailureIn(run, "discovery", "users", "presence", "groups", "errors", "validation");
    }

    @Test
    @DisplayName("fails the patch tests of a provider whose updates replace the whole user")
    void catchesIgnoredPatchSemantics() {
        ContractRun run = ContractRun.of(IgnoresPatchSemanticsContractFixture.class);
        assertFailed(
                run,
                "users",
                "an update that sets only the name leaves every other field unchanged",
                "avatarUrl: expected <Optional[");
        assertFailed(
                run,
                "users",
                "an update that sets one optional field leaves the name and the other fields unchanged",
                "avatarUrl: expected <Optional[");
        assertFailed(
                run,
                "users",
                "clearing the e-mail address removes it and leaves the other fields unchanged",
                "avatarUrl: expected <Optional[");
        assertNoFailureIn(run, "discovery", "presence", "groups", "members", "pagination", "errors", "validation");
    }

    @Test
    @DisplayName("passes a provider that wraps another provider's directory: its exceptions name it, not the delegate")
    void passesWrappingProvider() {
        ContractRun run = ContractRun.of(WrapsAnotherProviderContractFixture.class);

        assertThat(run.containerFailures()).isEmpty();
        assertThat(run.failedNames()).isNotEmpty().allMatch(name -> name.startsWith("discovery › "));
        assertNoFailureIn(
                run, GROUPS.stream().filter(group -> !group.equals("discovery")).toArray(String[]::new));
        assertThat(run.withStatus(Status.SKIPPED)).isEmpty();
    }

    @Test
    @DisplayName("fails exactly the not-found tests of user updates and of a user's groups for a provider that swallows"
            + " NotFoundException")
    void catchesSwallowedNotFound() {
        ContractRun run = ContractRun.of(SwallowsNotFoundContractFixture.class);
        assertThat(run.failedNames())
                .containsExactlyInAnyOrder(
                        "users › updating a user that does not exist fails with NotFoundException",
                        "groups of a member › the groups of a user that does not exist fail with NotFoundException",
                        "errors › NotFoundException for an update of an unknown user names the provider");
        assertFailed(
                run,
                "users",
                "updating a user that does not exist fails with NotFoundException",
                "Expecting code to raise a throwable");
        assertThat(run.withStatus(Status.SKIPPED)).isEmpty();
    }

    @Test
    @DisplayName("fails exactly the concurrent-create test for a provider whose create checks, then upserts")
    void catchesRacingCreates() {
        ContractRun run = ContractRun.of(RacesOnCreateContractFixture.class);
        String test = "16 concurrent creates of the same id: exactly one gets the user, the others"
                + " AlreadyExistsException, and the directory holds the id once";
        assertThat(run.failedNames()).containsExactly("users › " + test);
        assertFailed(run, "users", test, "told they created it");
    }

    @Test
    @DisplayName("fails exactly the deactivated-listing test of a provider that lists deactivated users as active")
    void catchesDeactivatedListedAsActive() {
        ContractRun run = ContractRun.of(ListsDeactivatedAsActiveContractFixture.class);
        assertThat(run.failedNames())
                .containsExactly(
                        "users › deactivated users are listed, marked with the time, only when the query includes them");
        assertFailed(
                run,
                "users",
                "deactivated users are listed, marked with the time, only when the query includes them",
                "deactivated: expected <true> but was <false>");
        assertThat(run.withStatus(Status.SKIPPED)).isEmpty();
    }

    @Test
    @DisplayName("fails, rather than skips, the ban tests of a provider that calls the vendor before refusing them")
    void catchesRequestsBeforeRefusal() {
        ContractRun run = ContractRun.of(SendsBeforeRefusingContractFixture.class);
        String sent = "expected no request to the provider's server for refusing an operation that needs MEMBER_BANS";
        assertFailed(run, "members", "a banned member stops being a member and is listed as banned", sent);
        assertFailed(
                run, "members", "a banned user cannot be added back (BANNED) while others in the same batch are", sent);
        assertFailed(
                run,
                "members",
                "unbanning lifts the ban without restoring membership, and the user can then be added",
                sent);
        assertFailed(
                run, "members", "banning a non-member fails with NOT_A_MEMBER and banning twice is unchanged", sent);
        assertFailed(run, "pagination", "walking banned users page by page lists every banned user once", sent);
        assertFailed(
                run,
                "errors",
                "banning, unbanning and listing bans in a group that does not exist fail with NotFoundException",
                sent);
        assertThat(run.withStatus(Status.FAILED))
                .allSatisfy(o -> assertThat(o.detail()).contains(sent));
        assertThat(run.find(
                        "members", "added users are reported applied, in request order, and listed as participants"))
                .hasValueSatisfying(o -> assertThat(o.status()).isEqualTo(Status.PASSED));
        assertNoFailureIn(run, "discovery", "users", "presence", "groups", "validation");
    }
}
