package dev.chatdirectory.http;

import dev.chatdirectory.model.ItemOutcome;

/**
 * What the call executor learned while running one operation that may be repeated: whether an
 * attempt failed in a way that leaves open whether the vendor applied it (connection lost,
 * time-out, 5xx), so that the answer or refusal of a later attempt may be about that attempt's
 * change.
 *
 * <p>An adapter creates one record per operation, passes it to {@link
 * HttpCallExecutor#call(CallSafety, AttemptRecord, java.util.function.Supplier)} and reads it after
 * the call returns or throws, to decide what an "already so" answer means:
 *
 * <pre>{@code
 * AttemptRecord attempts = new AttemptRecord();
 * try {
 *     calls.call(CallSafety.CONVERGENT_WRITE, attempts, () -> api.kick(groupId, userId));
 *     return ItemOutcome.applied(userId);
 * } catch (NotFoundException notAMember) {
 *     return attempts.alreadySo(userId);
 * }
 * }</pre>
 *
 * <p>An adapter that read the state before the first attempt knows that the change was needed,
 * so for it a repeat that finds the change made reports it applied; one that did not read it uses
 * {@link #alreadySo} and its documented rules. Thread-safe.
 */
public final class AttemptRecord {

    private volatile boolean answerLost;

    /** Creates a record of an operation that has not started. */
    public AttemptRecord() {}

    /**
     * {@return whether an attempt may have been applied by the vendor though its answer was lost}
     * When true, an "already so" in a later attempt's answer may be this operation's own change.
     */
    public boolean answerLost() {
        return answerLost;
    }

    /**
     * Returns the outcome of an item the vendor answered "already so" for: unchanged when no
     * earlier attempt can have made the change, applied-or-unchanged when one may have.
     *
     * @param id the item, usually a user id
     * @return {@link ItemOutcome#unchanged} or {@link ItemOutcome#appliedOrUnchanged}
     */
    public ItemOutcome alreadySo(String id) {
        return answerLost ? ItemOutcome.appliedOrUnchanged(id) : ItemOutcome.unchanged(id);
    }

    /** Notes that an attempt failed after the vendor may have applied it; called by the executor. */
    void lostAnswer() {
        answerLost = true;
    }

    @Override
    public String toString() {
        return "AttemptRecord[answerLost=" + answerLost + "]";
    }
}
