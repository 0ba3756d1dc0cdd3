package dev.chatdirectory.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatdirectory.RetrySettings;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The backoff retry policy")
class BackoffRetryPolicyTest {

    private final RetrySettings settings =
            new RetrySettings(5, Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(10));

    @Test
    @DisplayName("doubles the ceiling per attempt up to the maximum, with the jitter as a fraction of it")
    void exponentialWithCap() {
        BackoffRetryPolicy policy = new BackoffRetryPolicy(settings, () -> 0.999999);

        assertThat(policy.nextDelay(1, FailureKind.SERVER_ERROR, Optional.empty())
                        .orElseThrow())
                .isBetween(Duration.ofMillis(99), Duration.ofMillis(100));
        assertThat(policy.nextDelay(2, FailureKind.SERVER_ERROR, Optional.empty())
                        .orElseThrow())
                .isBetween(Duration.ofMillis(199), Duration.ofMillis(200));
        assertThat(policy.nextDelay(4, FailureKind.SERVER_ERROR, Optional.empty())
                        .orElseThrow())
                .isBetween(Duration.ofMillis(499), Duration.ofMillis(500));
    }

    @Test
    @DisplayName("can wait zero: the jitter is full, from zero to the ceiling")
    void fullJitter() {
        assertThat(new BackoffRetryPolicy(settings, () -> 0.0).nextDelay(3, FailureKind.TIMED_OUT, Optional.empty()))
                .contains(Duration.ZERO);
    }

    @Test
    @DisplayName("waits exactly the vendor's Retry-After up to the cap, and gives up beyond it")
    void retryAfter() {
        BackoffRetryPolicy policy = new BackoffRetryPolicy(settings, () -> 0.5);

        assertThat(policy.nextDelay(1, FailureKind.RATE_LIMITED, Optional.of(Duration.ofSeconds(7))))
                .contains(Duration.ofSeconds(7));
        assertThat(policy.nextDelay(1, FailureKind.RATE_LIMITED, Optional.of(Duration.ofSeconds(11))))
                .isEmpty();
    }

    @Test
    @DisplayName("stops after the configured number of attempts")
    void boundedAttempts() {
        BackoffRetryPolicy policy = new BackoffRetryPolicy(settings, () -> 0.5);

        assertThat(policy.nextDelay(4, FailureKind.SERVER_ERROR, Optional.empty()))
                .isPresent();
        assertThat(policy.nextDelay(5, FailureKind.SERVER_ERROR, Optional.empty()))
                .isEmpty();
        assertThat(new BackoffRetryPolicy(RetrySettings.none())
                        .nextDelay(1, FailureKind.RATE_LIMITED, Optional.empty()))
                .isEmpty();
    }
}
