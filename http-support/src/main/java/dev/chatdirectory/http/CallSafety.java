package dev.chatdirectory.http;

/**
 * Whether a vendor call may be repeated after a failure that leaves its effect unknown, and how
 * its answer must then be read.
 *
 * <p>The call executor retries a failure only when the call's safety allows it: a request the
 * vendor never received or explicitly refused ({@code 429}, connection refused) can always be
 * sent again; a request that may have been applied (time-out, connection reset, 5xx including
 * 503) is repeated only when repeating it cannot change the state further.
 */
public enum CallSafety {
    /** Reads: repeated after any transient failure. */
    READ,
    /**
     * Writes whose repetition has no further effect and whose outcome does not hang on the answer
     * of a repeat: a PUT of a whole profile (answered alike every time), or a write whose outcome
     * the adapter reads from state it read before and after. Repeated like reads.
     */
    IDEMPOTENT_WRITE,
    /**
     * Writes idempotent in state but ambiguous in outcome: a repeat changes nothing further, but
     * its answer, from which the adapter reads the outcome, says "already so" (no such user,
     * already a member, not a member) for the change a lost earlier attempt made. Repeated like
     * reads, and only through {@link HttpCallExecutor#call(CallSafety, AttemptRecord,
     * java.util.function.Supplier)}, whose {@link AttemptRecord} tells the adapter whether an
     * "already so" may be the operation's own doing.
     */
    CONVERGENT_WRITE,
    /**
     * Writes that must not be repeated blindly (POST create with a vendor-assigned id): repeated
     * only when the vendor cannot have applied them. Creates that can be checked use {@link
     * HttpCallExecutor#guardedCreate} instead.
     */
    UNSAFE_WRITE
}
