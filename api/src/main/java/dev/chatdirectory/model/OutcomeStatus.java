package dev.chatdirectory.model;

/** What a batch operation did for one item. */
public enum OutcomeStatus {
    /** The change was made. */
    APPLIED,
    /** Nothing needed changing: the item was already so (e.g. already a member, not banned). */
    UNCHANGED,
    /** The change was not made; see the outcome's reason. */
    FAILED
}
