package dev.chatdirectory.migrate.internal;

import dev.chatdirectory.migrate.MigrationListener;
import dev.chatdirectory.migrate.MigrationProgress;
import dev.chatdirectory.migrate.Phase;
import java.time.Duration;
import java.util.Optional;

/**
 * Turns item completions into {@link MigrationProgress} events: one phase at a time, rate since
 * the phase began, ETA from the rate. Calls the listener one call at a time; a listener's exception
 * is ignored so that a broken progress bar cannot break a migration. Thread-safe.
 */
final class Progress {

    private static final int READ_EVERY = 250;

    private final MigrationListener listener;
    private Phase phase = Phase.READ_SOURCE;
    private long total;
    private long done;
    private long failed;
    private long startNanos = System.nanoTime();

    Progress(MigrationListener listener) {
        this.listener = listener;
    }

    synchronized void begin(Phase next, long expected) {
        phase = next;
        total = expected;
        done = 0;
        failed = 0;
        startNanos = System.nanoTime();
        emit();
    }

    /** An entity was read; reported every few hundred. */
    synchronized void read() {
        if (++done % READ_EVERY == 0) {
            emit();
        }
    }

    synchronized void done(boolean itemFailed) {
        done++;
        if (itemFailed) {
            failed++;
        }
        emit();
    }

    private void emit() {
        double seconds = Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
        double rate = done / seconds;
        Optional<Duration> eta = total > 0 && rate > 0
                ? Optional.of(Duration.ofMillis((long) (Math.max(0, total - done) / rate * 1000)))
                : Optional.empty();
        try {
            listener.onProgress(new MigrationProgress(phase, done, total, failed, rate, eta));
        } catch (RuntimeException ignored) {
            // A progress display must not stop a migration.
        }
    }
}
