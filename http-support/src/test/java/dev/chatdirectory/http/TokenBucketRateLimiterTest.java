package dev.chatdirectory.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatdirectory.RateLimitSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The token bucket rate limiter")
class TokenBucketRateLimiterTest {

    private final AtomicLong now = new AtomicLong();
    private final List<Duration> waits = new ArrayList<>();
    private final Sleeper sleeper = d -> {
        waits.add(d);
        now.addAndGet(d.toNanos());
    };

    @Test
    @DisplayName("lets a full burst through without waiting")
    void burst() throws InterruptedException {
        TokenBucketRateLimiter limiter = new TokenBucketRateLimiter(new RateLimitSettings(2, 5), now::get, sleeper);

        for (int i = 0; i < 5; i++) {
            assertThat(limiter.acquire(Duration.ZERO)).isTrue();
        }
        assertThat(waits).isEmpty();
    }

    @Test
    @DisplayName("makes the next caller wait for the refill once the bucket is empty")
    void waitsForRefill() throws InterruptedException {
        TokenBucketRateLimiter limiter = new TokenBucketRateLimiter(new RateLimitSettings(2, 1), now::get, sleeper);

        assertThat(limiter.acquire(Duration.ofSeconds(1))).isTrue();
        assertThat(limiter.acquire(Duration.ofSeconds(1))).isTrue();

        assertThat(waits).containsExactly(Duration.ofMillis(500));
    }

    @Test
    @DisplayName("refuses at once, taking nothing, when the wait would exceed the caller's limit")
    void refusesBeyondMaxWait() throws InterruptedException {
        TokenBucketRateLimiter limiter = new TokenBucketRateLimiter(new RateLimitSettings(1, 1), now::get, sleeper);
        limiter.acquire(Duration.ZERO);

        assertThat(limiter.acquire(Duration.ofMillis(999))).isFalse();
        assertThat(waits).isEmpty();
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(limiter.acquire(Duration.ZERO)).isTrue();
    }

    @Test
    @DisplayName("never stores more than the burst during a quiet period")
    void capsAtBurst() throws InterruptedException {
        TokenBucketRateLimiter limiter = new TokenBucketRateLimiter(new RateLimitSettings(10, 2), now::get, sleeper);
        now.addAndGet(Duration.ofHours(1).toNanos());

        assertThat(limiter.acquire(Duration.ZERO)).isTrue();
        assertThat(limiter.acquire(Duration.ZERO)).isTrue();
        assertThat(limiter.acquire(Duration.ZERO)).isFalse();
    }

    @Test
    @DisplayName("queues concurrent callers one refill interval apart")
    void queuesCallers() throws InterruptedException {
        TokenBucketRateLimiter limiter =
                new TokenBucketRateLimiter(new RateLimitSettings(1, 1), now::get, d -> waits.add(d));
        limiter.acquire(Duration.ZERO);

        limiter.acquire(Duration.ofSeconds(10));
        limiter.acquire(Duration.ofSeconds(10));

        // Time did not advance: the second waiter is a further second behind the first.
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    @DisplayName("never waits when unlimited")
    void unlimited() throws InterruptedException {
        TokenBucketRateLimiter limiter = new TokenBucketRateLimiter(RateLimitSettings.unlimited(), now::get, sleeper);
        for (int i = 0; i < 10_000; i++) {
            assertThat(limiter.acquire(Duration.ZERO)).isTrue();
        }
        assertThat(waits).isEmpty();
    }
}
