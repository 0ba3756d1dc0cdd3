package dev.chatdirectory.cli;

import dev.chatdirectory.migrate.MigrationProgress;
import dev.chatdirectory.migrate.Phase;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * Progress of a migration as plain lines on standard error: one when a phase starts, then at most
 * one a second, so that piped output and logs stay readable. The migration calls it one call at a
 * time.
 */
final class MigrationProgressLines implements ProgressDisplay {

    private static final long INTERVAL_NANOS = Duration.ofSeconds(1).toNanos();

    private final PrintWriter err;
    private Phase phase;
    private long lastLine;

    private MigrationProgressLines(PrintWriter err) {
        this.err = err;
    }

    static MigrationProgressLines to(PrintWriter err) {
        return new MigrationProgressLines(err);
    }

    @Override
    public void onProgress(MigrationProgress progress) {
        long now = System.nanoTime();
        boolean newPhase = progress.phase() != phase;
        boolean finished = progress.total() > 0 && progress.done() == progress.total();
        if (!newPhase && !finished && now - lastLine < INTERVAL_NANOS) {
            return;
        }
        phase = progress.phase();
        lastLine = now;
        StringBuilder line = new StringBuilder(String.format(
                Locale.ROOT, "%-13s %d", progress.phase().name().toLowerCase(Locale.ROOT), progress.done()));
        if (progress.total() > 0) {
            line.append('/').append(progress.total());
        }
        line.append(String.format(Locale.ROOT, "  %.0f/s", progress.ratePerSecond()));
        if (progress.failed() > 0) {
            line.append("  failed ").append(progress.failed());
        }
        progress.eta()
                .ifPresent(eta -> line.append("  eta ").append(eta.toSeconds()).append('s'));
        err.println(line);
        err.flush();
    }

    /** Lines need no ending. */
    @Override
    public void close() {}
}
