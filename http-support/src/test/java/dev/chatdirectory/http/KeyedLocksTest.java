package dev.chatdirectory.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Per-key locks")
class KeyedLocksTest {

    private static final Duration SHORT = Duration.ofMillis(100);

    private final KeyedLocks locks = new KeyedLocks();
    private final ExecutorService pool = Executors.newSingleThreadExecutor();
    private final CountDownLatch holding = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        pool.shutdownNow();
    }

    /** Holds the key on another thread until {@link #release} opens. */
    private Future<String> holdElsewhere(String key) throws InterruptedException {
        Future<String> held = pool.submit(() -> locks.withLock(key, SHORT, () -> {
            holding.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return key;
        }));
        assertThat(holding.await(5, TimeUnit.SECONDS))
                .as("the other thread holds " + key)
                .isTrue();
        return held;
    }

    @Test
    @DisplayName("keep nothing for a key once no thread holds or waits for it")
    void forgetReleasedKeys() throws Exception {
        for (int i = 0; i < 1_000; i++) {
            String key = "user:" + i;
            assertThat(locks.withLock(key, SHORT, () -> locks.size())).isEqualTo(1);
        }

        assertThat(locks.size()).isZero();
    }

    @Test
    @DisplayName("make a second holder of the same key wait, and give up after the wait allowed")
    void sameKeyWaits() throws Exception {
        Future<String> held = holdElsewhere("user:zoe");

        assertThatThrownBy(() -> locks.withLock("user:zoe", SHORT, () -> "second"))
                .isInstanceOf(TimeoutException.class);
        release.countDown();
        assertThat(held.get(5, TimeUnit.SECONDS)).isEqualTo("user:zoe");
        assertThat(locks.withLock("user:zoe", SHORT, () -> "second")).isEqualTo("second");
        assertThat(locks.size()).isZero();
    }

    @Test
    @DisplayName("never make unrelated keys wait for each other")
    void otherKeysDoNotWait() throws Exception {
        holdElsewhere("user:zoe");

        assertThat(locks.withLock("user:yamada", SHORT, () -> "yamada")).isEqualTo("yamada");
    }

    @Test
    @DisplayName("let the thread holding a key lock it again")
    void reentrant() throws Exception {
        String inner = locks.withLock("user:zoe", SHORT, () -> {
            try {
                return locks.withLock("user:zoe", SHORT, () -> "inner");
            } catch (TimeoutException | InterruptedException e) {
                throw new AssertionError(e);
            }
        });

        assertThat(inner).isEqualTo("inner");
        assertThat(locks.size()).isZero();
    }
}
