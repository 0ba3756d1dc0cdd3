package dev.chatdirectory.http;

import dev.chatdirectory.RateLimitSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * The client-side rate limiter of one directory: a token bucket refilled at a steady rate and
 * holding at most {@code burst} tokens. Each HTTP request takes one token, waiting for it when
 * the bucket is empty.
 *
 * <p>Written here rather than taken from Guava because the wait must respect each call's
 * deadline, the burst must be configurable, and tests need to drive the time. Thread-safe:
 * tokens are reserved under a lock, waits happen outside it.
 */
public final class TokenBucketRateLimiter {

    private final boolean unlimited;
    private final double nanosPerToken;
    private final double capacity;
    private final Ticker ticker;
    private final Sleeper sleeper;
    private double tokens;
    private long lastRefill;

    /**
     * Creates a full bucket.
     *
     * @param settings rate and burst
     * @param ticker time source
     * @param sleeper how to wait
     */
    public TokenBucketRateLimiter(RateLimitSettings settings, Ticker ticker, Sleeper sleeper) {
        Objects.requireNonNull(settings, "settings");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.unlimited = settings.isUnlimited();
        this.nanosPerToken = 1_000_000_000d / settings.permitsPerSecond();
        this.capacity = settings.burst();
        this.tokens = capacity;
        this.lastRefill = ticker.nanos();
    }

    /**
     * Takes a token, waiting up to {@code maxWait} for one.
     *
     * @param maxWait the longest acceptable wait
     * @return {@code true} once a token is taken; {@code false} at once if the wait would exceed
     *     {@code maxWait} (no token is taken then)
     * @throws InterruptedException if interrupted while waiting (the token stays taken)
     */
    public boolean acquire(Duration maxWait) throws InterruptedException {
        if (unlimited) {
            return true;
        }
        long waitNanos;
        synchronized (this) {
            refill();
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            waitNanos = (long) Math.ceil((1 - tokens) * nanosPerToken);
            if (waitNanos > maxWait.toNanos()) {
                return false;
            }
            // Reserve the token now so that concurrent callers queue behind this one.
            tokens -= 1;
        }
        sleeper.sleep(Duration.ofNanos(waitNanos));
        return true;
    }

    private void refill() {
        long now = ticker.nanos();
        double added = (now - lastRefill) / nanosPerToken;
        if (added > 0) {
            tokens = Math.min(capacity, tokens + added);
            lastRefill = now;
        }
    }
}
