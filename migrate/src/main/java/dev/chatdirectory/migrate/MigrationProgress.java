package dev.chatdirectory.migrate;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a migration is: enough for a progress bar.
 *
 * <p>Immutable and thread-safe.
 *
 * @param phase the current phase
 * @param done items finished in this phase (written, unchanged or failed), or entities read
 * @param total items the phase will handle, or 0 when unknown (while reading)
 * @param failed items of this phase that failed
 * @param ratePerSecond items finished per second since the phase began
 * @param eta the estimated time left in this phase, when the total and the rate are known
 */
public record MigrationProgress(
        Phase phase, long done, long total, long failed, double ratePerSecond, Optional<Duration> eta) {

    /**
     * Checks the values.
     *
     * @param phase the current phase
     * @param done items finished
     * @param total items in the phase, or 0
     * @param failed items failed
     * @param ratePerSecond items per second
     * @param eta time left
     */
    public MigrationProgress {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(eta, "eta");
    }
}
