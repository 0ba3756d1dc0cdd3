package dev.chatdirectory;

import java.time.Duration;
import java.util.Objects;

/**
 * How HTTP providers retry calls that are safe to repeat (reads, idempotent writes and creates
 * guarded by an "already exists" check).
 *
 * <p>Between attempts the provider waits the vendor's {@code Retry-After} on 429 and 503, capped
 * at {@code maxRetryAfter} (a longer wait fails at once with {@link RateLimitedException}); it
 * otherwise waits a random time between zero and {@code min(maxBackoff, initialBackoff * 2^n)}
 * (exponential backoff with full jitter). Immutable and thread-safe.
 *
 * @param maxAttempts attempts in all, including the first; 1 disables retries
 * @param initialBackoff backoff ceiling before the first retry
 * @param maxBackoff largest backoff ceiling
 * @param maxRetryAfter longest vendor-requested wait that is honoured
 */
public record RetrySettings(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

    /** Three attempts, 200 ms initial backoff, 5 s maximum backoff, Retry-After honoured up to 30 s. */
    public static final RetrySettings DEFAULT =
            new RetrySettings(3, Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(30));

    /**
     * Creates and validates the settings.
     *
     * @throws ConfigurationException if attempts are below 1 or a duration is negative
     * @param maxAttempts attempts in all, including the first; 1 disables retries
     * @param initialBackoff backoff ceiling before the first retry
     * @param maxBackoff largest backoff ceiling
     * @param maxRetryAfter longest vendor-requested wait that is honoured
     */
    public RetrySettings {
        if (maxAttempts < 1) {
            throw new ConfigurationException(
                    "retry maxAttempts must be at least 1, was " + maxAttempts, ErrorContext.none());
        }
        requireNonNegative("retry initialBackoff", initialBackoff);
        requireNonNegative("retry maxBackoff", maxBackoff);
        requireNonNegative("retry maxRetryAfter", maxRetryAfter);
    }

    /** {@return settings that never retry} */
    public static RetrySettings none() {
        return new RetrySettings(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    /**
     * {@return a copy with another number of attempts}
     *
     * @param attempts attempts in all, at least 1
     */
    public RetrySettings withMaxAttempts(int attempts) {
        return new RetrySettings(attempts, initialBackoff, maxBackoff, maxRetryAfter);
    }

    /**
     * {@return a copy with other backoff bounds}
     *
     * @param initial backoff ceiling before the first retry
     * @param max largest backoff ceiling
     */
    public RetrySettings withBackoff(Duration initial, Duration max) {
        return new RetrySettings(maxAttempts, initial, max, maxRetryAfter);
    }

    /**
     * {@return a copy with another cap on vendor-requested waits}
     *
     * @param cap longest vendor-requested wait honoured
     */
    public RetrySettings withMaxRetryAfter(Duration cap) {
        return new RetrySettings(maxAttempts, initialBackoff, maxBackoff, cap);
    }

    static Duration requireNonNegative(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new ConfigurationException(name + " must not be negative, was " + value, ErrorContext.none());
        }
        return value;
    }
}
