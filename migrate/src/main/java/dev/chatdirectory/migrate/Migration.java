package dev.chatdirectory.migrate;

import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.ProviderConfig;
import dev.chatdirectory.migrate.internal.Engine;
import dev.chatdirectory.migrate.internal.Fingerprint;
import dev.chatdirectory.migrate.internal.Journal;
import dev.chatdirectory.migrate.internal.Redactor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A migration of a whole directory from one provider to another: users (deactivated ones
 * included), groups, members with their roles, and bans; planned, resumable and verified.
 *
 * <pre>{@code
 * try (Migration migration = Migration.builder()
 *         .source(atomchat, atomchatConfig)
 *         .target(cometchat, cometchatConfig)
 *         .journal(Path.of("atomchat-to-cometchat.journal"))
 *         .options(MigrationOptions.builder().acceptLosses(LossKind.CREATION_TIME).build())
 *         .build()) {
 *     System.out.print(migration.plan().toText());   // dry run: reads only
 *     ApplyResult result = migration.apply();          // refuses unaccepted losses
 *     System.out.print(migration.verify().toText());
 * }
 * }</pre>
 *
 * <p>Everything is recorded in the journal, one SQLite file per migration: the two directories
 * (provider ids and a fingerprint of their non-secret configuration), the id map and the state of
 * every item. Each item is journaled "in flight" before its request is sent. Calling {@link
 * #apply()} again, after a crash, a cancel or a change in the source, reads both directories afresh
 * and sends only what differs: a finished migration sends nothing. A journal recording other
 * directories is refused with {@link JournalMismatchException}.
 *
 * <p>Memory stays bounded by a page, a batch and the concurrency whatever the directory's size:
 * what must be compared lives in the journal. Groups whose id the target assigns carry the source
 * group id in a metadata key ({@value dev.chatdirectory.migrate.internal.Projection#MARKER_KEY}),
 * which lets a resumed run find a group whose create answer was lost instead of creating it twice.
 *
 * <p>One operation at a time: {@link #plan()}, {@link #apply()} and {@link #verify()} are not to be
 * called concurrently on one migration; {@link #cancel()} may be called from any thread. The
 * directories are not closed by {@link #close()}: they belong to the caller.
 */
public final class Migration implements AutoCloseable {

    private final Journal journal;
    private final Engine engine;

    private Migration(Builder b) {
        Objects.requireNonNull(b.source, "source");
        Objects.requireNonNull(b.target, "target");
        Objects.requireNonNull(b.journal, "journal");
        var from = b.source.provider();
        var to = b.target.provider();
        Journal.Run run = new Journal.Run(
                from.id(),
                Fingerprint.of(from, Optional.ofNullable(b.sourceConfig)),
                to.id(),
                Fingerprint.of(to, Optional.ofNullable(b.targetConfig)));
        this.journal = Journal.open(b.journal);
        try {
            journal.checkRun(run);
        } catch (RuntimeException e) {
            journal.close();
            throw e;
        }
        Redactor redactor = new Redactor(
                List.of(Optional.ofNullable(b.sourceConfig), Optional.ofNullable(b.targetConfig)), List.of(from, to));
        this.engine = new Engine(b.source, b.target, journal, b.options, redactor, b.listener);
    }

    /** {@return a new builder} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Plans the migration without writing to the target (a dry run): reads both directories and
     * records in the journal what will be created, updated or left alone, what cannot carry over and
     * which ids cannot be translated.
     *
     * @return the plan
     * @throws MigrationException if the journal cannot be written
     * @throws dev.chatdirectory.ChatDirectoryException if a directory cannot be read
     */
    public MigrationPlan plan() {
        return engine.plan();
    }

    /**
     * Plans, then writes what the plan says: users, then groups (owners exist first), then members
     * with their roles, then bans, then deactivations; batched, with bounded concurrency. Items
     * that fail are recorded with their reason and tried again by the next call.
     *
     * @return what was written and what failed
     * @throws UnacceptedLossException before any write, if the plan loses what the options do not
     *     accept
     * @throws MigrationException if the journal cannot be written
     * @throws dev.chatdirectory.ChatDirectoryException if a directory cannot be read while planning
     */
    public ApplyResult apply() {
        return engine.apply();
    }

    /**
     * Compares the target with the source entity by entity through the id map; writes nothing to
     * either directory.
     *
     * @return the report; {@link VerifyReport#clean()} is {@code false} if anything unexpected differs
     * @throws dev.chatdirectory.ChatDirectoryException if a directory cannot be read
     */
    public VerifyReport verify() {
        return engine.verify();
    }

    /**
     * Reads where a migration stands from its journal alone: the two provider ids, the items of
     * each entity kind by state, the first failures with their redacted reasons, and whether it is
     * complete. Opens neither directory and writes nothing, so it is safe beside a running {@link
     * #apply()} in another process.
     *
     * @param journal the journal file of a migration
     * @return the status
     * @throws MigrationException if the file does not exist or is not a migration journal
     */
    public static MigrationStatus status(Path journal) {
        if (!Files.isRegularFile(journal)) {
            throw new MigrationException("no migration journal at " + journal);
        }
        try (Journal read = Journal.openReadOnly(journal)) {
            Journal.Run run = read.run()
                    .orElseThrow(
                            () -> new MigrationException(journal + " is not a migration journal: it records no run"));
            Map<EntityKind, Map<MigrationStatus.ItemState, Long>> items = new EnumMap<>(EntityKind.class);
            long total = 0;
            for (EntityKind kind : EntityKind.values()) {
                Map<MigrationStatus.ItemState, Long> counts = new EnumMap<>(MigrationStatus.ItemState.class);
                for (var entry : read.countByStateAndAction(kind).entrySet()) {
                    String state = entry.getKey().substring(0, entry.getKey().indexOf('/'));
                    counts.merge(MigrationStatus.ItemState.valueOf(state), entry.getValue(), Long::sum);
                    total += entry.getValue();
                }
                items.put(kind, counts);
            }
            List<MigrationStatus.Problem> problems = read.problems(MigrationStatus.MAX_LISTED_PROBLEMS).stream()
                    .map(p -> new MigrationStatus.Problem(
                            p.kind(), p.sourceKey().replace(Journal.SEP, " / "), p.state(), p.reason()))
                    .toList();
            boolean pending = items.values().stream()
                    .flatMap(counts -> counts.entrySet().stream())
                    .anyMatch(e -> e.getKey().pending() && e.getValue() > 0);
            return new MigrationStatus(
                    run.sourceProvider(), run.targetProvider(), items, problems, total > 0 && !pending);
        }
    }

    /**
     * Asks a running {@link #apply()} to stop: requests in flight finish and are journaled, nothing
     * new is sent, and {@code apply} returns with {@link ApplyResult#cancelled()} set. A later
     * {@code apply} continues. Safe from any thread, e.g. a {@link MigrationListener}.
     */
    public void cancel() {
        engine.cancel();
    }

    /** Closes the journal; the directories stay open. */
    @Override
    public void close() {
        journal.close();
    }

    /** Builds a {@link Migration}; not thread-safe. */
    public static final class Builder {
        private ChatDirectory source;
        private ProviderConfig sourceConfig;
        private ChatDirectory target;
        private ProviderConfig targetConfig;
        private Path journal;
        private MigrationOptions options = MigrationOptions.defaults();
        private MigrationListener listener = MigrationListener.NONE;

        private Builder() {}

        /**
         * Sets the directory to read, identified by its provider alone (a directory built in code).
         *
         * @param directory the source
         * @return this builder
         */
        public Builder source(ChatDirectory directory) {
            return source(directory, null);
        }

        /**
         * Sets the directory to read and the configuration it was opened with; the journal records
         * a fingerprint of the configuration's endpoint and non-secret settings, never a secret.
         *
         * @param directory the source
         * @param config its configuration, or {@code null}
         * @return this builder
         */
        public Builder source(ChatDirectory directory, ProviderConfig config) {
            this.source = Objects.requireNonNull(directory, "directory");
            this.sourceConfig = config;
            return this;
        }

        /**
         * Sets the directory to write, identified by its provider alone.
         *
         * @param directory the target
         * @return this builder
         */
        public Builder target(ChatDirectory directory) {
            return target(directory, null);
        }

        /**
         * Sets the directory to write and the configuration it was opened with (see {@link
         * #source(ChatDirectory, ProviderConfig)}).
         *
         * @param directory the target
         * @param config its configuration, or {@code null}
         * @return this builder
         */
        public Builder target(ChatDirectory directory, ProviderConfig config) {
            this.target = Objects.requireNonNull(directory, "directory");
            this.targetConfig = config;
            return this;
        }

        /**
         * Sets the journal file; created if absent, resumed if present.
         *
         * @param file the SQLite file
         * @return this builder
         */
        public Builder journal(Path file) {
            this.journal = Objects.requireNonNull(file, "file");
            return this;
        }

        /**
         * Sets the options.
         *
         * @param options the options
         * @return this builder
         */
        public Builder options(MigrationOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * Sets the listener of progress events.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(MigrationListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Opens the journal and checks that it records this migration.
         *
         * @return the migration
         * @throws NullPointerException if the source, target or journal is missing
         * @throws JournalMismatchException if the journal records other directories
         * @throws MigrationException if the journal cannot be opened or is newer than this code
         */
        public Migration build() {
            return new Migration(this);
        }
    }
}
