package dev.chatdirectory.testkit;

import dev.chatdirectory.model.BatchResult;
import dev.chatdirectory.model.FailureReason;
import dev.chatdirectory.model.ItemOutcome;
import dev.chatdirectory.model.OutcomeStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on the per-item outcomes of a batch; obtain one with {@link
 * ChatDirectoryAssertions#assertThat(BatchResult)}.
 *
 * <pre>{@code
 * assertThat(result)
 *         .hasOutcomesFor("u1", "u2", "ghost")
 *         .hasOutcome("u1", APPLIED)
 *         .hasOutcome("u2", UNCHANGED)
 *         .hasFailure("ghost", FailureReason.NOT_FOUND);
 * }</pre>
 */
public class BatchResultAssert extends AbstractAssert<BatchResultAssert, BatchResult> {

    /**
     * Creates the assertion.
     *
     * @param actual the result under test
     */
    public BatchResultAssert(BatchResult actual) {
        super(actual, BatchResultAssert.class);
    }

    /**
     * Verifies the status of one item's outcome.
     *
     * @param id the item, usually a user id
     * @param status the expected status
     * @return this assertion
     */
    public BatchResultAssert hasOutcome(String id, OutcomeStatus status) {
        return hasStatusIn(id, List.of(status), "<" + status + ">");
    }

    /**
     * Verifies the status of one item's outcome is one of several, for outcomes a lost answer may
     * leave undecided (e.g. {@link OutcomeStatus#APPLIED} or {@link
     * OutcomeStatus#APPLIED_OR_UNCHANGED}).
     *
     * @param id the item, usually a user id
     * @param statuses the acceptable statuses
     * @return this assertion
     */
    public BatchResultAssert hasOutcomeAmong(String id, OutcomeStatus... statuses) {
        List<OutcomeStatus> allowed = List.of(statuses);
        return hasStatusIn(id, allowed, "one of <" + allowed + ">");
    }

    private BatchResultAssert hasStatusIn(String id, List<OutcomeStatus> allowed, String expected) {
        ItemOutcome outcome = outcome(id);
        if (!allowed.contains(outcome.status())) {
            failWithMessage(
                    "Expected outcome of <%s> to be %s but was <%s>%s in%n  <%s>",
                    id,
                    expected,
                    outcome.status(),
                    outcome.reason()
                            .map(r -> " (" + r + ": " + outcome.message().orElse("") + ")")
                            .orElse(""),
                    actual.outcomes());
        }
        return this;
    }

    /**
     * Verifies one item failed for a reason, with a message for people.
     *
     * @param id the item, usually a user id
     * @param reason the expected reason
     * @return this assertion
     */
    public BatchResultAssert hasFailure(String id, FailureReason reason) {
        hasOutcome(id, OutcomeStatus.FAILED);
        ItemOutcome outcome = outcome(id);
        if (!outcome.reason().equals(Optional.of(reason))) {
            failWithMessage(
                    "Expected <%s> to fail with <%s> but it failed with <%s>",
                    id, reason, outcome.reason().orElse(null));
        }
        if (outcome.message().map(String::isBlank).orElse(true)) {
            failWithMessage("Expected the failure of <%s> to carry a message", id);
        }
        return this;
    }

    /**
     * Verifies the result has exactly one outcome per given id, in the given order.
     *
     * @param ids the requested items, in request order
     * @return this assertion
     */
    public BatchResultAssert hasOutcomesFor(String... ids) {
        return hasOutcomesFor(Arrays.asList(ids));
    }

    /**
     * Verifies the result has exactly one outcome per given id, in the given order.
     *
     * @param ids the requested items, in request order
     * @return this assertion
     */
    public BatchResultAssert hasOutcomesFor(List<String> ids) {
        isNotNull();
        List<String> actualIds = actual.outcomes().stream().map(ItemOutcome::id).toList();
        if (!actualIds.equals(ids)) {
            failWithMessage(
                    "Expected one outcome per requested item in request order%n  <%s>%nbut got%n  <%s>",
                    ids, actualIds);
        }
        return this;
    }

    /**
     * Verifies every outcome has the given status.
     *
     * @param status the expected status
     * @return this assertion
     */
    public BatchResultAssert allHaveStatus(OutcomeStatus status) {
        isNotNull();
        for (ItemOutcome outcome : actual.outcomes()) {
            hasOutcome(outcome.id(), status);
        }
        return this;
    }

    /** {@return this assertion, after verifying that no item failed} */
    public BatchResultAssert hasNoFailures() {
        isNotNull();
        if (!actual.allSucceeded()) {
            failWithMessage("Expected no failed item but got%n  <%s>", actual.failed());
        }
        return this;
    }

    private ItemOutcome outcome(String id) {
        isNotNull();
        Objects.requireNonNull(id, "id");
        Optional<ItemOutcome> outcome = actual.outcome(id);
        if (outcome.isEmpty()) {
            failWithMessage("Expected an outcome for <%s> but there is none in%n  <%s>", id, actual.outcomes());
        }
        return outcome.orElseThrow();
    }
}
