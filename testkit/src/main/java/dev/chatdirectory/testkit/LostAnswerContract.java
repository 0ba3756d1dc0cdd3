package dev.chatdirectory.testkit;

import static dev.chatdirectory.model.OutcomeStatus.APPLIED;
import static dev.chatdirectory.model.OutcomeStatus.APPLIED_OR_UNCHANGED;
import static dev.chatdirectory.model.OutcomeStatus.UNCHANGED;
import static dev.chatdirectory.testkit.ChatDirectoryAssertions.assertThat;

import dev.chatdirectory.Capability;
import dev.chatdirectory.model.BannedMember;
import dev.chatdirectory.model.BatchResult;
import dev.chatdirectory.model.Group;
import dev.chatdirectory.model.Member;
import dev.chatdirectory.model.MemberQuery;
import dev.chatdirectory.model.MemberSpec;
import dev.chatdirectory.model.OutcomeStatus;
import dev.chatdirectory.model.PageRequest;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Writes whose answer is lost after the vendor applied them: the kit's proxy forwards a request,
 * lets the vendor process it, and replaces its answer by a {@link LostAnswer} (connection reset,
 * empty reply, 500 or 503, truncated body). The adapter repeats what it may, and its result must
 * still say what the call did: a change the lost attempt made is applied (or applied-or-unchanged
 * where the adapter cannot know), never unchanged or failed, and never made twice.
 *
 * <p>The kit does not know which of an operation's requests is the write, so each test runs the
 * operation once with every answer delivered, which counts its requests and must give exact
 * outcomes, and then once per request with that request's answer lost, each time on a fixture of
 * its own. After each run it checks the outcomes and reads the state back.
 */
abstract class LostAnswerContract extends ContractSupport {

    LostAnswerContract(ChatDirectoryContract contract) {
        super(contract);
    }

    @AfterEach
    void keepAnswers() {
        environment().keepAnswers();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(LostAnswer.class)
    @DisplayName("delete returns true and the user is gone, whichever of its answers is lost")
    void delete(LostAnswer lost) {
        eachAnswerLost(
                lost,
                run -> createUser("doomed-" + run).id(),
                userId -> users().delete(userId),
                (userId, deleted, run) -> {
                    assertThat(deleted).as("delete's result %s", run).isTrue();
                    assertThat(users().get(userId))
                            .as("the user after delete %s", run)
                            .isEmpty();
                });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(LostAnswer.class)
    @DisplayName(
            "deactivate and reactivate return true and the user is hidden, then found, whichever of their answers is lost")
    void deactivateAndReactivate(LostAnswer lost) {
        requireCapability(Capability.USER_DEACTIVATION, () -> users().deactivate(data().id("probe")));
        eachAnswerLost(
                lost,
                run -> createUser("sleeper-" + run).id(),
                userId -> users().deactivate(userId),
                (userId, deactivated, run) -> {
                    assertThat(deactivated).as("deactivate's result %s", run).isTrue();
                    assertThat(users().get(userId))
                            .as("the user after deactivate %s", run)
                            .isEmpty();
                });
        eachAnswerLost(
                lost,
                run -> {
                    String userId = createUser("waking-" + run).id();
                    users().deactivate(userId);
                    return userId;
                },
                userId -> users().reactivate(userId),
                (userId, reactivated, run) -> {
                    assertThat(reactivated).as("reactivate's result %s", run).isTrue();
                    assertThat(users().get(userId))
                            .as("the user after reactivate %s", run)
                            .isPresent();
                });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(LostAnswer.class)
    @DisplayName("deleting a group returns true and the group is gone, whichever of its answers is lost")
    void deleteGroup(LostAnswer lost) {
        requireCapability(Capability.GROUP_DELETE, () -> groups().delete(unknownGroupId()));
        eachAnswerLost(
                lost,
                run -> createGroup("doomed-" + run).id(),
                groupId -> groups().delete(groupId),
                (groupId, deleted, run) -> {
                    assertThat(deleted).as("delete's result %s", run).isTrue();
                    assertThat(groups().get(groupId))
                            .as("the group after delete %s", run)
                            .isEmpty();
                });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(LostAnswer.class)
    @DisplayName(
            "remove reports the member it removed as applied and a non-member never as applied, whichever answer is lost")
    void remove(LostAnswer lost) {
        eachAnswerLost(
                lost,
                run -> {
                    Squad squad = squad(run, "leaving", "staying", "outsider");
                    join(squad, squad.user(0), squad.user(1));
                    return squad;
                },
                squad -> members().remove(squad.groupId(), List.of(squad.user(0), squad.user(2))),
                (squad, result, run) -> {
                    assertThat(result)
                            .as("remove's outcomes %s", run)
                            .hasOutcomesFor(squad.user(0), squad.user(2))
                            .hasOutcomeAmong(squad.user(0), run.changed())
                            .hasOutcomeAmong(squad.user(2), run.alreadySo());
                    assertThat(memberIds(squad.groupId()))
                            .as("members after remove %s", run)
                            .doesNotContain(squad.user(0), squad.user(2))
                            .containsOnlyOnce(squad.user(1));
                });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(LostAnswer.class)
    @DisplayName(
            "add reports the user it added as applied and a member never as applied, the user listed once, whichever answer is lost")
    void add(LostAnswer lost) {
        eachAnswerLost(
                lost,
                run -> {
                    Squad squad = squad(run, "joining", "member");
                    join(squad, squad.user(1));
                    return squad;
                },
                squad -> members()
                        .add(
                                squad.groupId(),
                                List.of(MemberSpec.participant(squad.user(0)), MemberSpec.participant(squad.user(1)))),
                (squad, result, run) -> {
                    assertThat(result)
                            .as("add's outcomes %s", run)
                            .hasOutcomesFor(squad.user(0), squad.user(1))
                            .hasOutcomeAmong(squad.user(0), run.changed())
                            .hasOutcomeAmong(squad.user(1), run.alreadySo());
                    assertThat(memberIds(squad.groupId()))
                            .as("members after add %s", run)
                            .containsOnlyOnce(squad.user(0), squad.user(1));
                });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(LostAnswer.class)
    @DisplayName(
            "ban reports the member it banned as applied, banned once and no longer a member, whichever answer is lost")
    void ban(LostAnswer lost) {
        requireCapability(Capability.MEMBER_BANS, () -> members().ban(unknownGroupId(), List.of(data().id("probe"))));
        eachAnswerLost(
                lost,
                run -> {
                    Squad squad = squad(run, "banned", "staying");
                    join(squad, squad.user(0), squad.user(1));
                    return squad;
                },
                squad -> members().ban(squad.groupId(), List.of(squad.user(0))),
                (squad, result, run) -> {
                    assertThat(result)
                            .as("ban's outcomes %s", run)
                            .hasOutcomesFor(squad.user(0))
                            .hasOutcomeAmong(squad.user(0), run.changed());
                    assertThat(members()
                                    .streamBanned(squad.groupId(), PageRequest.first())
                                    .map(BannedMember::userId)
                                    .toList())
                            .as("banned users after ban %s", run)
                            .containsOnlyOnce(squad.user(0));
                    assertThat(memberIds(squad.groupId()))
                            .as("members after ban %s", run)
                            .doesNotContain(squad.user(0))
                            .containsOnlyOnce(squad.user(1));
                });
    }

    /** Checks one run of an operation. */
    @FunctionalInterface
    private interface Verdict<F, R> {
        void check(F fixture, R result, Run run);
    }

    /**
     * One run of an operation: with every answer delivered, or with the answer to one of its
     * requests lost.
     *
     * @param description for assertion messages
     * @param lossy whether an answer was lost
     */
    private record Run(String description, boolean lossy) {

        /** {@return the outcomes acceptable for an item the call changed} */
        OutcomeStatus[] changed() {
            return lossy ? new OutcomeStatus[] {APPLIED, APPLIED_OR_UNCHANGED} : new OutcomeStatus[] {APPLIED};
        }

        /** {@return the outcomes acceptable for an item that already was as requested} */
        OutcomeStatus[] alreadySo() {
            return lossy ? new OutcomeStatus[] {UNCHANGED, APPLIED_OR_UNCHANGED} : new OutcomeStatus[] {UNCHANGED};
        }

        @Override
        public String toString() {
            return description;
        }
    }

    /**
     * Runs the operation with every answer delivered, then once per request it sent with that
     * request's answer lost; each run gets a fresh fixture, built with every answer delivered.
     */
    private <F, R> void eachAnswerLost(
            LostAnswer lost, IntFunction<F> fixture, Function<F, R> operation, Verdict<F, R> verdict) {
        F clean = fixture.apply(0);
        int before = environment().requestCount();
        R cleanResult = operation.apply(clean);
        int requests = environment().requestCount() - before;
        verdict.check(clean, cleanResult, new Run("with every answer delivered", false));
        assertThat(requests).as("requests the operation sends").isPositive();
        for (int nth = 1; nth <= requests; nth++) {
            F prepared = fixture.apply(nth);
            int start = environment().requestCount();
            environment().loseAnswer(nth, lost);
            R result = operation.apply(prepared);
            environment().keepAnswers();
            List<String> sent = environment().requests();
            Run run = new Run(
                    "with the answer to request " + nth + " of " + requests + " (" + sent.get(start + nth - 1)
                            + ") lost as " + lost + "; sent: " + sent.subList(start, sent.size()),
                    true);
            verdict.check(prepared, result, run);
        }
    }

    /** A group with users of its own for one run; the users are not members yet. */
    private record Squad(String groupId, List<String> userIds) {
        String user(int index) {
            return userIds.get(index);
        }
    }

    private Squad squad(int run, String... keys) {
        Group group = createGroup("squad-" + run);
        List<String> ids =
                Arrays.stream(keys).map(key -> createUser(key + "-" + run).id()).toList();
        return new Squad(group.id(), ids);
    }

    private void join(Squad squad, String... userIds) {
        List<MemberSpec> specs =
                Arrays.stream(userIds).map(MemberSpec::participant).toList();
        BatchResult added = members().add(squad.groupId(), specs);
        assertThat(added).as("adding the fixture's members").hasNoFailures();
    }

    private List<String> memberIds(String groupId) {
        return members().stream(groupId, MemberQuery.all()).map(Member::userId).toList();
    }
}
