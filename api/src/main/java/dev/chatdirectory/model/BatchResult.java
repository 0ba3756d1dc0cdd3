package dev.chatdirectory.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The per-item outcomes of a batch operation, in request order.
 *
 * <p>A partial failure is never hidden: check {@link #failed()} or {@link #allSucceeded()}.
 * Immutable and thread-safe.
 *
 * @param outcomes one outcome per requested item
 */
public record BatchResult(List<ItemOutcome> outcomes) {

    /**
     * Creates a result.
     *
     * @throws IllegalArgumentException if two outcomes have the same id
     * @param outcomes one outcome per requested item
     */
    public BatchResult {
        outcomes = List.copyOf(outcomes);
        Set<String> seen = new HashSet<>();
        for (ItemOutcome o : outcomes) {
            if (!seen.add(o.id())) {
                throw new IllegalArgumentException("duplicate outcome for " + o.id());
            }
        }
    }

    /** {@return an empty result} */
    public static BatchResult empty() {
        return new BatchResult(List.of());
    }

    /** {@return the ids this call changed} */
    public List<String> applied() {
        return idsWith(OutcomeStatus.APPLIED);
    }

    /** {@return the ids that needed no change} */
    public List<String> unchanged() {
        return idsWith(OutcomeStatus.UNCHANGED);
    }

    /**
     * {@return the ids that are now as requested, where whether this call changed them is unknown
     * because an answer was lost} See {@link OutcomeStatus#APPLIED_OR_UNCHANGED}.
     */
    public List<String> appliedOrUnchanged() {
        return idsWith(OutcomeStatus.APPLIED_OR_UNCHANGED);
    }

    /** {@return the failed outcomes} */
    public List<ItemOutcome> failed() {
        return outcomes.stream().filter(o -> !o.succeeded()).toList();
    }

    /** {@return whether every item is now as requested} */
    public boolean allSucceeded() {
        return outcomes.stream().allMatch(ItemOutcome::succeeded);
    }

    /**
     * Returns the outcome of one item.
     *
     * @param id the item
     * @return its outcome, empty if it was not part of the batch
     */
    public Optional<ItemOutcome> outcome(String id) {
        return outcomes.stream().filter(o -> o.id().equals(id)).findFirst();
    }

    /**
     * Returns this result followed by another (for batches split into several calls).
     *
     * @param next the later outcomes
     * @return the combined result
     */
    public BatchResult plus(BatchResult next) {
        List<ItemOutcome> all = new ArrayList<>(outcomes);
        all.addAll(next.outcomes);
        return new BatchResult(all);
    }

    private List<String> idsWith(OutcomeStatus status) {
        return outcomes.stream()
                .filter(o -> o.status() == status)
                .map(ItemOutcome::id)
                .toList();
    }
}
