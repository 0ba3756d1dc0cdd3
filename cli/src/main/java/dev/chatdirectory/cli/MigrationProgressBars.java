package dev.chatdirectory.cli;

import dev.chatdirectory.migrate.MigrationProgress;
import dev.chatdirectory.migrate.Phase;
import java.util.Locale;
import java.util.function.Supplier;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * One progress bar per migration phase, with its count, rate and time left, drawn on standard
 * error by progressbar. The migration calls it one call at a time; {@link #close()} may come from
 * the command's thread after the migration returned.
 */
final class MigrationProgressBars implements ProgressDisplay {

    /** The terminal width the bars fit. */
    static final int COLUMNS = 80;

    private final Supplier<ProgressBarBuilder> builders;
    private Phase phase;
    private ProgressBar bar;

    /**
     * Creates the display.
     *
     * @param builders makes each phase's bar builder; tests give one whose consumer writes to a buffer
     */
    MigrationProgressBars(Supplier<ProgressBarBuilder> builders) {
        this.builders = builders;
    }

    static MigrationProgressBars onStandardError() {
        return new MigrationProgressBars(ProgressBarBuilder::new);
    }

    @Override
    public synchronized void onProgress(MigrationProgress progress) {
        if (progress.phase() != phase) {
            closeBar();
            phase = progress.phase();
            bar = builders.get()
                    .setTaskName(
                            String.format(Locale.ROOT, "%-13s", phase.name().toLowerCase(Locale.ROOT)))
                    // Reading phases do not know their total: -1 draws a bar without an end.
                    .setInitialMax(progress.total() > 0 ? progress.total() : -1)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setMaxRenderedLength(COLUMNS)
                    .setUpdateIntervalMillis(200)
                    .showSpeed()
                    .continuousUpdate()
                    .build();
        }
        if (progress.total() > 0 && bar.getMax() != progress.total()) {
            bar.maxHint(progress.total());
        }
        bar.stepTo(progress.done());
        if (progress.failed() > 0) {
            bar.setExtraMessage("failed " + progress.failed());
        }
    }

    @Override
    public synchronized void close() {
        closeBar();
        phase = null;
    }

    private void closeBar() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
