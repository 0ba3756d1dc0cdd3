package dev.chatdirectory.model;

/**
 * What a batch operation did for one item.
 *
 * <p>Outcomes report what <em>this call</em> did, also when the provider's answer to a request
 * was lost (connection reset, empty or truncated answer, 5xx after the vendor applied the change)
 * and the request was repeated: a repeat that finds the change made by its own earlier attempt
 * reports {@link #APPLIED}, not {@link #UNCHANGED}. Where the provider cannot tell whether the
 * earlier attempt or someone else made the change, the outcome is {@link #APPLIED_OR_UNCHANGED},
 * never a guess.
 */
public enum OutcomeStatus {
    /** The change was made by this call. */
    APPLIED,
    /** Nothing needed changing: the item was already so (e.g. already a member, not banned). */
    UNCHANGED,
    /**
     * The item is now as requested, but whether this call made the change or the item already was
     * so is unknown, because the answer to an earlier attempt of this call was lost after the
     * provider may have applied it. The item succeeded; callers that must know who changed it
     * (e.g. to undo only their own changes) read the state they care about.
     */
    APPLIED_OR_UNCHANGED,
    /** The change was not made; see the outcome's reason. */
    FAILED
}
