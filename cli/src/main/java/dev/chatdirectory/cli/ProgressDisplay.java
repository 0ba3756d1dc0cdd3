package dev.chatdirectory.cli;

import dev.chatdirectory.migrate.MigrationListener;
import dev.chatdirectory.migrate.MigrationProgress;
import java.io.PrintWriter;
import java.util.function.BooleanSupplier;

/**
 * Shows a migration's progress on standard error: bars at a terminal, plain periodic lines
 * otherwise. Closed before the command prints its result, so that the two do not interleave.
 */
interface ProgressDisplay extends MigrationListener, AutoCloseable {

    /** Shows nothing. */
    ProgressDisplay NONE = new ProgressDisplay() {
        @Override
        public void onProgress(MigrationProgress progress) {}

        @Override
        public void close() {}
    };

    /**
     * {@return bars on the process's standard error when a person watches, else lines on {@code err}}
     *
     * @param err where lines go (the command's standard error)
     * @param terminal whether a person watches, e.g. {@link Terminal#isTerminal()}
     */
    static ProgressDisplay on(PrintWriter err, BooleanSupplier terminal) {
        return terminal.getAsBoolean() ? MigrationProgressBars.onStandardError() : MigrationProgressLines.to(err);
    }

    /** Ends what is drawn, so that text can follow; progress after it starts afresh. Idempotent. */
    @Override
    void close();
}
