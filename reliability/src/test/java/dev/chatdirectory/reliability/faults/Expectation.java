package dev.chatdirectory.reliability.faults;

import dev.chatdirectory.ChatDirectoryException;
import dev.chatdirectory.ProviderProtocolException;
import dev.chatdirectory.ProviderUnavailableException;
import dev.chatdirectory.RateLimitedException;

/**
 * What one cell of the matrix must end in, derived from the fault and the call's safety alone: the
 * rule the adapters promise, not what they happened to do.
 *
 * @param succeeds whether the operation succeeds (after an allowed retry)
 * @param exception the typed exception when it does not
 * @param requests how many requests the adapter sends in all
 * @param principalAttempts how many of them are the principal request
 * @param applied whether the operation's write is in the vendor's state afterwards (once)
 */
record Expectation(
        boolean succeeds,
        Class<? extends ChatDirectoryException> exception,
        int requests,
        int principalAttempts,
        boolean applied) {

    /** How the adapter may repeat an operation's principal request. */
    enum Safety {
        /** A read: repeated after any transient failure. */
        READ,
        /** An idempotent or convergent write: repeated like a read. */
        REPEATABLE,
        /** A create repeated only after a look-up proved it was not applied. */
        GUARDED,
        /** A write the vendor cannot dedupe (a vendor-assigned id): repeated only when refused unprocessed. */
        UNSAFE
    }

    /**
     * Derives the expectation.
     *
     * @param fault the injected fault
     * @param safety the principal request's safety
     * @param clean requests of the operation with no fault
     * @param principal position (from 1) of the principal request among them
     * @param lookUp requests of a guarded create's look-up
     * @param repeatAnswered requests the adapter adds to read a repeat's "already so" answer
     * @return the expectation
     */
    static Expectation of(Fault fault, Safety safety, int clean, int principal, int lookUp, int repeatAnswered) {
        boolean appliedByFault = fault.stage() == Fault.Stage.AFTER;
        return switch (fault.kind()) {
            case AMBIGUOUS ->
                switch (safety) {
                    case READ -> success(clean + 1, 2);
                    case REPEATABLE -> success(clean + 1 + (appliedByFault ? repeatAnswered : 0), 2);
                    // The look-up finds what the lost attempt created, or proves the create may be repeated.
                    case GUARDED -> appliedByFault ? success(clean + lookUp, 1) : success(clean + lookUp + 1, 2);
                    case UNSAFE -> failure(ProviderUnavailableException.class, principal, appliedByFault);
                };
            case REFUSED -> success(clean + 1, 2);
            case REFUSED_FOR_TOO_LONG -> failure(RateLimitedException.class, principal, false);
            case UNREADABLE -> failure(ProviderProtocolException.class, principal, appliedByFault);
            case TOO_LATE ->
                failure(
                        ProviderUnavailableException.class,
                        principal + (fault == Fault.SLOW_LOOKUP_AFTER_RESET ? lookUp : 0),
                        appliedByFault);
        };
    }

    private static Expectation success(int requests, int principalAttempts) {
        return new Expectation(true, null, requests, principalAttempts, true);
    }

    private static Expectation failure(Class<? extends ChatDirectoryException> type, int requests, boolean applied) {
        return new Expectation(false, type, requests, 1, applied);
    }
}
