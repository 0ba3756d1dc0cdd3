package dev.chatdirectory.http;

/**
 * Whether a vendor call may be repeated after a failure that leaves its effect unknown.
 *
 * <p>The call executor retries a failure only when the call's safety allows it: a request the
 * vendor never received or explicitly refused ({@code 429}, connection refused) can always be
 * sent again; a request that may have been applied (time-out, connection reset, 5xx) is repeated
 * only when repeating it cannot change the outcome.
 */
public enum CallSafety {
    /** Reads: repeated after any transient failure. */
    READ,
    /** Writes whose repetition has no further effect (PUT, DELETE): repeated like reads. */
    IDEMPOTENT_WRITE,
    /**
     * Writes that must not be repeated blindly (POST create, add members): repeated only when
     * the vendor cannot have applied them. Creates that can be checked use {@link
     * HttpCallExecutor#guardedCreate} instead.
     */
    UNSAFE_WRITE
}
