package dev.chatdirectory.http;

import dev.chatdirectory.RetrySettings;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * The default retry policy: bounded attempts; the vendor's {@code Retry-After} when it gives one
 * (up to a cap, beyond which waiting is pointless and the call gives up); otherwise exponential
 * backoff with full jitter, a random wait between zero and {@code min(maxBackoff, initialBackoff
 * * 2^(attempt-1))}, which spreads clients out instead of synchronising their retries.
 *
 * <p>Immutable and thread-safe.
 */
public final class BackoffRetryPolicy implements RetryPolicy {

    private final RetrySettings settings;
    private final DoubleSupplier random;

    /**
     * Creates the policy with a thread-local random source.
     *
     * @param settings attempts, backoff bounds and the cap on vendor-requested waits
     */
    public BackoffRetryPolicy(RetrySettings settings) {
        this(settings, () -> ThreadLocalRandom.current().nextDouble());
    }

    /**
     * Creates the policy with a given random source, for tests.
     *
     * @param settings attempts, backoff bounds and the cap on vendor-requested waits
     * @param random numbers in {@code [0, 1)}
     */
    public BackoffRetryPolicy(RetrySettings settings, DoubleSupplier random) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public Optional<Duration> nextDelay(int attemptsMade, FailureKind failure, Optional<Duration> retryAfter) {
        if (attemptsMade >= settings.maxAttempts()) {
            return Optional.empty();
        }
        if (retryAfter.isPresent()) {
            Duration wait = retryAfter.get();
            return wait.compareTo(settings.maxRetryAfter()) <= 0 ? Optional.of(wait) : Optional.empty();
        }
        long ceiling = settings.initialBackoff().toNanos();
        for (int i = 1; i < attemptsMade && ceiling < settings.maxBackoff().toNanos(); i++) {
            ceiling *= 2;
        }
        ceiling = Math.min(ceiling, settings.maxBackoff().toNanos());
        return Optional.of(Duration.ofNanos((long) (random.getAsDouble() * ceiling)));
    }
}
