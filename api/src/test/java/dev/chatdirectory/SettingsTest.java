package dev.chatdirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("RetrySettings and RateLimitSettings")
class SettingsTest {

    @Nested
    @DisplayName("RetrySettings")
    class Retry {

        @Test
        @DisplayName("DEFAULT is 3 attempts, 200 ms initial backoff, 5 s max backoff, Retry-After up to 30 s")
        void defaults() {
            assertThat(RetrySettings.DEFAULT)
                    .isEqualTo(new RetrySettings(
                            3, Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(30)));
        }

        @Test
        @DisplayName("none() makes exactly one attempt")
        void none() {
            assertThat(RetrySettings.none().maxAttempts()).isEqualTo(1);
        }

        @Test
        @DisplayName("the with-methods change only their part")
        void withers() {
            RetrySettings s = RetrySettings.DEFAULT
                    .withMaxAttempts(5)
                    .withBackoff(Duration.ofMillis(1), Duration.ofMillis(2))
                    .withMaxRetryAfter(Duration.ofSeconds(3));

            assertThat(s)
                    .isEqualTo(new RetrySettings(5, Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofSeconds(3)));
        }

        @Test
        @DisplayName("rejects fewer than one attempt and negative durations, naming the setting")
        void invalid() {
            assertThatThrownBy(() -> RetrySettings.DEFAULT.withMaxAttempts(0))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("maxAttempts");
            assertThatThrownBy(() -> RetrySettings.DEFAULT.withMaxRetryAfter(Duration.ofSeconds(-1)))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("maxRetryAfter");
            assertThatThrownBy(() -> RetrySettings.DEFAULT.withBackoff(null, Duration.ZERO))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("retry.initialBackoff must be set");
        }

        @Test
        @DisplayName(
                "rejects more than MAX_ATTEMPTS attempts and waits longer than a day, naming the setting and the range")
        void upperBounds() {
            assertThat(RetrySettings.DEFAULT
                            .withMaxAttempts(RetrySettings.MAX_ATTEMPTS)
                            .maxAttempts())
                    .isEqualTo(100);
            assertThatThrownBy(() -> RetrySettings.DEFAULT.withMaxAttempts(RetrySettings.MAX_ATTEMPTS + 1))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("retry.maxAttempts must be at least 1 and at most 100, was 101");
            assertThatThrownBy(() -> RetrySettings.DEFAULT.withMaxAttempts(Integer.MAX_VALUE))
                    .isInstanceOf(ConfigurationException.class);

            assertThat(RetrySettings.DEFAULT
                            .withMaxRetryAfter(Duration.ofHours(24))
                            .maxRetryAfter())
                    .isEqualTo(ProviderConfig.MAX_DURATION);
            assertThatThrownBy(() -> RetrySettings.DEFAULT.withMaxRetryAfter(Duration.ofDays(999_999_999)))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("retry.maxRetryAfter")
                    .hasMessageContaining("PT0S to PT24H");
            assertThatThrownBy(() -> RetrySettings.DEFAULT.withBackoff(
                            Duration.ofMillis(1), Duration.ofHours(24).plusNanos(1)))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("retry.maxBackoff");
        }
    }

    @Nested
    @DisplayName("RateLimitSettings")
    class RateLimit {

        @Test
        @DisplayName("perMinute converts a vendor's per-minute limit with one second's worth of burst")
        void perMinute() {
            assertThat(RateLimitSettings.perMinute(600)).isEqualTo(new RateLimitSettings(10, 10));
            assertThat(RateLimitSettings.perMinute(30)).isEqualTo(new RateLimitSettings(0.5, 1));
        }

        @Test
        @DisplayName("unlimited() turns the limiter off")
        void unlimited() {
            assertThat(RateLimitSettings.unlimited().isUnlimited()).isTrue();
            assertThat(new RateLimitSettings(100, 10).isUnlimited()).isFalse();
        }

        @Test
        @DisplayName("rejects a rate that is not a positive finite number and a burst below 1")
        void invalid() {
            for (double rate : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
                assertThatThrownBy(() -> new RateLimitSettings(rate, 1))
                        .as("rate %s", rate)
                        .isInstanceOf(ConfigurationException.class)
                        .hasMessageContaining("permitsPerSecond");
            }
            assertThatThrownBy(() -> new RateLimitSettings(1, 0))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("burst");
            assertThatThrownBy(() -> RateLimitSettings.perMinute(0))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("requestsPerMinute must be at least 1");
        }

        @Test
        @DisplayName("rejects a rate slower than one request a day, which no call deadline could ever wait for")
        void tooSlow() {
            assertThat(new RateLimitSettings(RateLimitSettings.MIN_PERMITS_PER_SECOND, 1).permitsPerSecond())
                    .isEqualTo(1.0 / 86_400);
            for (double rate : new double[] {Double.MIN_VALUE, 1e-300, 1.0 / 86_401}) {
                assertThatThrownBy(() -> new RateLimitSettings(rate, 1))
                        .as("rate %s", rate)
                        .isInstanceOf(ConfigurationException.class)
                        .hasMessageContaining("rateLimit.permitsPerSecond")
                        .hasMessageContaining("at least " + RateLimitSettings.MIN_PERMITS_PER_SECOND);
            }
        }
    }
}
