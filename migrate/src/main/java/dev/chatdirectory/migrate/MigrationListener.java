package dev.chatdirectory.migrate;

/**
 * Receives progress of a migration, e.g. to draw a progress bar.
 *
 * <p>Calls are made one at a time (never concurrently), from the migration's own threads; a
 * listener must return quickly and must not call back into the migration except {@link
 * Migration#cancel()}. An exception thrown by a listener is ignored.
 */
@FunctionalInterface
public interface MigrationListener {

    /** A listener that ignores everything. */
    MigrationListener NONE = progress -> {};

    /**
     * Called when items finish and when a phase begins or ends.
     *
     * @param progress where the migration is
     */
    void onProgress(MigrationProgress progress);
}
