package dev.chatdirectory.http;

import java.time.Duration;
import java.util.Optional;

/**
 * The deadline of the vendor call running on this thread, so that the transport can shorten each
 * request's timeout to what is left of it.
 *
 * <p>Set by {@link HttpCallExecutor} around each call, and kept by the calls it makes meanwhile
 * on the same thread; Feign's synchronous calls run on the caller's thread, which is what makes a
 * thread-local the right carrier.
 */
final class CallDeadline {

    private static final ThreadLocal<CallDeadline> CURRENT = new ThreadLocal<>();

    private final Ticker ticker;
    private final long deadlineNanos;

    private CallDeadline(Ticker ticker, long deadlineNanos) {
        this.ticker = ticker;
        this.deadlineNanos = deadlineNanos;
    }

    static CallDeadline start(Ticker ticker, Duration budget) {
        return new CallDeadline(ticker, ticker.nanos() + budget.toNanos());
    }

    static Optional<CallDeadline> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    Duration remaining() {
        long left = deadlineNanos - ticker.nanos();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    boolean expired() {
        return ticker.nanos() - deadlineNanos >= 0;
    }

    /** Makes this the current deadline until the returned scope is closed. */
    Scope enter() {
        CallDeadline previous = CURRENT.get();
        CURRENT.set(this);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    /** Restores the previous deadline; never throws. */
    interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
