package dev.chatdirectory.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatdirectory.RateLimitSettings;
import dev.chatdirectory.RetrySettings;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A target that limits requests like CometChat: 600 a minute, scaled down to 10 per one-second
 * window so that CI waits seconds rather than minutes; requests over it get the emulator's 429 with
 * {@code Retry-After}.
 */
@DisplayName("A migration into a target limited to 600 requests a minute (10 per second)")
class RateLimitedTargetTest {

    private static final int LIMIT = 10;
    private static final Duration WINDOW = Duration.ofSeconds(1);

    @TempDir
    Path dir;

    @Test
    @DisplayName("completes with no failed item under the target config's client-side limit of the same rate")
    void clientSideLimit() {
        ApplyResult result = migrate(RateLimitSettings.perMinute(60 * LIMIT), RetrySettings.DEFAULT);

        assertThat(result.failedTotal()).isZero();
    }

    @Test
    @DisplayName("completes with no failed item without a client-side limit, waiting out the target's 429s")
    void waitsOutRateLimitedAnswers() {
        ApplyResult result = migrate(RateLimitSettings.unlimited(), RetrySettings.DEFAULT);

        assertThat(result.failedTotal()).as(result.failures().toString()).isZero();
    }

    private ApplyResult migrate(RateLimitSettings clientLimit, RetrySettings retry) {
        try (Vendors.Running target =
                Vendors.COMETCHAT.start(false, b -> b.rateLimit(clientLimit).retry(retry))) {
            target.vendorEmulator().simulateRateLimit(LIMIT, WINDOW);
            ApplyResult result;
            try (Migration m = Migration.builder()
                    .source(SmallDirectory.create())
                    .target(target.directory(), target.config())
                    .journal(dir.resolve("m.journal"))
                    .options(MigrationOptions.builder()
                            .acceptAllLosses()
                            .concurrency(4)
                            .build())
                    .build()) {
                result = m.apply();
                assertThat(result.succeeded()).as(result.failures().toString()).isTrue();
                target.vendorEmulator().stopRateLimit();
                VerifyReport report = m.verify();
                assertThat(report.clean()).as(report.toText()).isTrue();
            }
            long tooMany = target.vendorEmulator().wireMock().getAllServeEvents().stream()
                    .filter(e -> e.getResponse().getStatus() == 429)
                    .count();
            if (clientLimit.isUnlimited()) {
                assertThat(tooMany).as("429 answers the emulator sent").isPositive();
            }
            return result;
        }
    }
}
