package dev.chatdirectory.http;

import java.time.Duration;
import java.util.Optional;

/**
 * How many times and how long apart the call executor repeats a failed call.
 *
 * <p>The executor decides <em>whether</em> a failure may be repeated at all, from the call's
 * {@link CallSafety}; the policy decides <em>when</em>, and when to give up. Replace it through
 * the provider's builder. Implementations are thread-safe.
 */
@FunctionalInterface
public interface RetryPolicy {

    /**
     * Decides what to do after a failed attempt.
     *
     * @param attemptsMade attempts made so far, at least 1
     * @param failure how the last attempt failed
     * @param retryAfter the wait the vendor asked for, if any
     * @return how long to wait before the next attempt, or empty to give up
     */
    Optional<Duration> nextDelay(int attemptsMade, FailureKind failure, Optional<Duration> retryAfter);
}
