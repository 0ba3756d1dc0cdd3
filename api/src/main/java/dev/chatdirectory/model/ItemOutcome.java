package dev.chatdirectory.model;

import java.util.Objects;
import java.util.Optional;

/**
 * What a batch operation did for one item, e.g. one user added to a group.
 *
 * <p>Immutable and thread-safe. A failed outcome always has a reason and a message; other
 * outcomes have neither.
 *
 * @param id the item, usually a user id
 * @param status applied, unchanged, applied or unchanged (after a lost answer) or failed
 * @param reason why it failed
 * @param message the failure, for people (never containing secrets)
 */
public record ItemOutcome(String id, OutcomeStatus status, Optional<FailureReason> reason, Optional<String> message) {

    /**
     * Creates an outcome.
     *
     * @throws IllegalArgumentException if a failure lacks a reason or a message, or a success has
     *     either
     * @param id the item, usually a user id
     * @param status applied, unchanged, applied or unchanged (after a lost answer) or failed
     * @param reason why it failed
     * @param message the failure, for people (never containing secrets)
     */
    public ItemOutcome {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
        boolean failed = status == OutcomeStatus.FAILED;
        if (failed != reason.isPresent() || failed != message.isPresent()) {
            throw new IllegalArgumentException(
                    "a reason and a message are required for, and only for, failed outcomes: " + id + " " + status);
        }
    }

    /**
     * {@return the outcome of an item that was changed}
     *
     * @param id the item, usually a user id
     */
    public static ItemOutcome applied(String id) {
        return new ItemOutcome(id, OutcomeStatus.APPLIED, Optional.empty(), Optional.empty());
    }

    /**
     * {@return the outcome of an item that needed no change}
     *
     * @param id the item, usually a user id
     */
    public static ItemOutcome unchanged(String id) {
        return new ItemOutcome(id, OutcomeStatus.UNCHANGED, Optional.empty(), Optional.empty());
    }

    /**
     * {@return the outcome of an item that is now as requested, where whether this call changed it
     * is unknown because an answer was lost} See {@link OutcomeStatus#APPLIED_OR_UNCHANGED}.
     *
     * @param id the item, usually a user id
     */
    public static ItemOutcome appliedOrUnchanged(String id) {
        return new ItemOutcome(id, OutcomeStatus.APPLIED_OR_UNCHANGED, Optional.empty(), Optional.empty());
    }

    /**
     * Returns the outcome of an item that failed.
     *
     * @param id the item
     * @param reason why
     * @param message what happened, for people
     * @return the outcome
     */
    public static ItemOutcome failed(String id, FailureReason reason, String message) {
        return new ItemOutcome(
                id, OutcomeStatus.FAILED, Optional.of(reason), Optional.of(Objects.requireNonNull(message, "message")));
    }

    /** {@return whether the item is now as requested (applied, unchanged, or applied or unchanged)} */
    public boolean succeeded() {
        return status != OutcomeStatus.FAILED;
    }
}
