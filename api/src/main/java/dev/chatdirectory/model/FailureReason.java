package dev.chatdirectory.model;

/** Why a batch operation failed for one item. */
public enum FailureReason {
    /** The user (or group) does not exist at the provider. */
    NOT_FOUND,
    /** The operation needs the user to be a member, and it is not. */
    NOT_A_MEMBER,
    /** The user is banned from the group and cannot be added until unbanned. */
    BANNED,
    /** A provider limit was reached (e.g. the group is full). */
    LIMIT_EXCEEDED,
    /** The provider refused for another reason; see the message. */
    REJECTED,
    /** The request for this item failed (network, timeout, unexpected answer). */
    ERROR
}
