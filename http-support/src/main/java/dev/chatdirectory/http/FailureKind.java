package dev.chatdirectory.http;

/** How a vendor call failed, as far as retrying is concerned. */
public enum FailureKind {
    /** HTTP 429: refused before processing; safe to repeat after the wait. */
    RATE_LIMITED(true),
    /**
     * HTTP 503: the vendor says it is not serving. Usually the request was not processed, but a
     * gateway can answer 503 for a request its backend went on to apply, and no vendor documents
     * otherwise, so a write is treated as possibly applied: it is repeated only when its {@link
     * CallSafety} allows repeating ambiguous failures.
     */
    SERVICE_UNAVAILABLE(false),
    /** Other HTTP 5xx: the request may or may not have been applied. */
    SERVER_ERROR(false),
    /** The connection could not be opened: the request was never sent. */
    CONNECT_FAILED(true),
    /** The connection failed after sending began (reset, broken pipe): outcome unknown. */
    CONNECTION_LOST(false),
    /** No response within the time allowed: outcome unknown. */
    TIMED_OUT(false);

    private final boolean notProcessed;

    FailureKind(boolean notProcessed) {
        this.notProcessed = notProcessed;
    }

    /** {@return whether the vendor cannot have applied the request} */
    public boolean notProcessed() {
        return notProcessed;
    }
}
