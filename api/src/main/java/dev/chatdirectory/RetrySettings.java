package dev.chatdirectory;

import java.time.Duration;

/**
 * How HTTP providers retry calls that are safe to repeat (reads, idempotent writes and creates
 * guarded by an "already exists" check).
 *
 * <p>Between attempts the provider waits the vendor's {@code Retry-After} on 429 and 503, capped
 * at {@code maxRetryAfter} (a longer wait fails at once with {@link RateLimitedException}); it
 * otherwise waits a random time between zero and {@code min(maxBackoff, initialBackoff * 2^n)}
 * (exponential backoff with full jitter). Attempts range from 1 to {@link #MAX_ATTEMPTS}, durations
 * from zero to {@link ProviderConfig#MAX_DURATION}. Immutable and thread-safe.
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

    /** Most attempts accepted: beyond a hundred, retries only hide an outage until the call deadline. */
    public static final int MAX_ATTEMPTS = 100;

    /**
     * Creates and validates the settings.
     *
     * @throws ConfigurationException naming the setting and its range, if attempts are out of range
     *     or a duration is {@code null}, negative or longer than {@link ProviderConfig#MAX_DURATION}
     * @param maxAttempts attempts in all, including the first; 1 disables retries
     * @param initialBackoff backoff ceiling before the first retry
     * @param maxBackoff largest backoff ceiling
     * @param maxRetryAfter longest vendor-requested wait that is honoured
     */
    public RetrySettings {
        if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS) {
            throw new ConfigurationException(
                    "retry.maxAttempts must be at least 1 and at most " + MAX_ATTEMPTS + ", was " + maxAttempts,
                    ErrorContext.none());
        }
        ProviderConfig.checkDuration("retry.initialBackoff", initialBackoff, Duration.ZERO);
        ProviderConfig.checkDuration("retry.maxBackoff", maxBackoff, Duration.ZERO);
        ProviderConfig.checkDuration("retry.maxRetryAfter", maxRetryAfter, Duration.ZERO);
    }

    /** {@return settings that never retry} */
    public static RetrySettings none() {
        return new RetrySettings(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    /**
     * {@return a copy with another number of attempts}
     *
     * @param attempts attempts in all, at least 1
     * @throws ConfigurationException naming the setting and its range if the value is out of range
     */
    public RetrySettings withMaxAttempts(int attempts) {
        return new RetrySettings(attempts, initialBackoff, maxBackoff, maxRetryAfter);
    }

    /**
     * {@return a copy with other backoff bounds}
     *
     * @param initial backoff ceiling before the first retry
     * @param max largest backoff ceiling
     * @throws ConfigurationException naming the setting and its range if the value is out of range
     */
    public RetrySettings withBackoff(Duration initial, Duration max) {
        return new RetrySettings(maxAttempts, initial, max, maxRetryAfter);
    }

    /**
     * {@return a copy with another cap on vendor-requested waits}
     *
     * @param cap longest vendor-requested wait honoured
     * @throws ConfigurationException naming the setting and its range if the value is out of range
     */
    public RetrySettings withMaxRetryAfter(Duration cap) {
        return new RetrySettings(maxAttempts, initialBackoff, maxBackoff, cap);
    }
}
