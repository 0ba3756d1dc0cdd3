package dev.chatdirectory.http;

import java.time.Duration;

/**
 * Waits; replaced in tests so that backoff and rate limiting can be checked without waiting.
 *
 * <p>Implementations are thread-safe.
 */
@FunctionalInterface
public interface Sleeper {

    /** The real one: {@link Thread#sleep(long, int)}. */
    Sleeper SYSTEM = duration -> {
        if (!duration.isNegative() && !duration.isZero()) {
            Thread.sleep(duration.toMillis(), (int) (duration.toNanosPart() % 1_000_000));
        }
    };

    /**
     * Waits for a while.
     *
     * @param duration how long
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;
}
