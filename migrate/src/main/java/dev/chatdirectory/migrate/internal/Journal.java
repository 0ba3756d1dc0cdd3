package dev.chatdirectory.migrate.internal;

import dev.chatdirectory.migrate.EntityKind;
import dev.chatdirectory.migrate.IdProblem;
import dev.chatdirectory.migrate.JournalMismatchException;
import dev.chatdirectory.migrate.LossKind;
import dev.chatdirectory.migrate.MigrationException;
import dev.chatdirectory.migrate.MigrationStatus.ItemState;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sqlite.SQLiteConfig;

/**
 * The journal of one migration: one SQLite file in WAL mode with {@code synchronous=FULL}, so a
 * committed state survives a crash of the process or the machine.
 *
 * <p>It holds the run (which directories), the id map, every item's state and the snapshot the
 * plan compares (source and target content by key). All comparison state lives here rather than in
 * Java collections, so memory stays bounded by a page and a batch whatever the directory's size.
 *
 * <p>Thread-safe: one connection, every method synchronized. Snapshot writes are batched into
 * transactions ({@link #flush()}); item state changes commit at once, because the write-ahead rule
 * needs "in flight" durable before the request is sent.
 */
public final class Journal implements AutoCloseable {

    /** The schema version this code writes; a journal with a newer one is refused. */
    public static final int SCHEMA_VERSION = 1;

    /** Separates the group and user parts of a membership or ban key; ids never hold control characters. */
    public static final String SEP = "\u001f";

    private static final int SNAPSHOT_BATCH = 2000;

    /** Where a source entity stands before any comparison with the target. */
    public enum Disposition {
        /** Carried over. */
        OK,
        /** Held back by an id problem or an uncertain earlier write. */
        BLOCKED,
        /** Left out by a declared loss. */
        LEFT_OUT
    }

    /** What an item needs. */
    public enum Action {
        /** Nothing. */
        NONE,
        /** Create (add a membership, set a ban or a deactivation). */
        CREATE,
        /** Update fields, or change a member's role. */
        UPDATE,
        /**
         * Remove from the target what the source no longer holds: delete a user or a group, remove
         * a member, lift a ban. Applied only with {@link
         * dev.chatdirectory.migrate.MigrationOptions#propagateRemovals()}.
         */
        REMOVE
    }

    /**
     * The directories a migration copies between, identified without secrets.
     *
     * @param sourceProvider the source provider id
     * @param sourceFingerprint the hash of the source's endpoint and non-secret settings
     * @param targetProvider the target provider id
     * @param targetFingerprint the hash of the target's endpoint and non-secret settings
     */
    public record Run(
            String sourceProvider, String sourceFingerprint, String targetProvider, String targetFingerprint) {}

    /**
     * A source row of the snapshot.
     *
     * @param kind the entity kind
     * @param sourceKey the source id, or group and user ids joined by {@link #SEP}
     * @param targetKey the target key, when known
     * @param content the content as the target can hold it (canonical JSON)
     * @param disposition whether it is carried over
     * @param note the reason for a disposition other than OK
     */
    public record SourceRow(
            EntityKind kind,
            String sourceKey,
            String targetKey,
            String content,
            Disposition disposition,
            String note) {}

    /**
     * An item with what the plan needs to write it.
     *
     * @param kind the entity kind
     * @param sourceKey the source key
     * @param action what it needs
     * @param state its state
     * @param attempts how many requests were sent for it
     * @param content the source content
     * @param targetContent the target content, or {@code null} if the target lacks it
     */
    public record ItemRow(
            EntityKind kind,
            String sourceKey,
            Action action,
            ItemState state,
            int attempts,
            String content,
            String targetContent) {}

    private final Connection connection;
    private final Path file;
    private int pending;

    private Journal(Connection connection, Path file) {
        this.connection = connection;
        this.file = file;
    }

    /**
     * Opens or creates a journal file.
     *
     * @param file the file
     * @return the journal
     * @throws MigrationException if the file cannot be opened or its schema is newer than this code
     */
    public static Journal open(Path file) {
        try {
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA foreign_keys=ON");
            }
            Journal journal = new Journal(c, file);
            journal.migrateSchema();
            c.setAutoCommit(false);
            return journal;
        } catch (SQLException e) {
            throw new MigrationException("cannot open migration journal " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens an existing journal for reading only: nothing is created or changed, not even the
     * schema, so a file that is not a journal stays as it was.
     *
     * @param file the file, which must exist
     * @return the journal; its write methods fail
     * @throws MigrationException if the file is not a migration journal this code can read
     */
    public static Journal openReadOnly(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        Connection c = null;
        int version;
        try {
            c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
            try (Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT max(version) FROM schema_version")) {
                    version = rs.next() ? rs.getInt(1) : 0;
                }
                s.executeQuery("SELECT count(*) FROM run").close();
            }
            // As a writing journal, so that close() (which commits) works the same.
            c.setAutoCommit(false);
        } catch (SQLException e) {
            // SQLite says "not a database" or "no such table": either way, not a journal.
            closeQuietly(c);
            throw new MigrationException(file + " is not a migration journal", e);
        }
        if (version > SCHEMA_VERSION) {
            closeQuietly(c);
            throw newerSchema(file, version);
        }
        return new Journal(c, file);
    }

    private static MigrationException newerSchema(Path file, int version) {
        return new MigrationException("journal " + file + " has schema version " + version + ", newer than this code's "
                + SCHEMA_VERSION + "; use a newer ChatDirectory");
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // Already failing with the reason that matters.
            }
        }
    }

    /** {@return the recorded run, if the journal has one yet} */
    public synchronized Optional<Run> run() {
        try (PreparedStatement ps = connection.prepareStatement(
                        "SELECT source_provider, source_fingerprint, target_provider, target_fingerprint FROM run");
                ResultSet rs = ps.executeQuery()) {
            return rs.next()
                    ? Optional.of(new Run(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                    : Optional.empty();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private void migrateSchema() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_version(version INTEGER NOT NULL)");
            Integer version = null;
            try (ResultSet rs = s.executeQuery("SELECT max(version) FROM schema_version")) {
                if (rs.next() && rs.getObject(1) != null) {
                    version = rs.getInt(1);
                }
            }
            if (version != null && version > SCHEMA_VERSION) {
                throw newerSchema(file, version);
            }
            if (version == null) {
                s.execute("CREATE TABLE run(id INTEGER PRIMARY KEY CHECK (id = 1), source_provider TEXT NOT NULL,"
                        + " source_fingerprint TEXT NOT NULL, target_provider TEXT NOT NULL,"
                        + " target_fingerprint TEXT NOT NULL, created_at TEXT NOT NULL)");
                s.execute("CREATE TABLE id_map(kind TEXT NOT NULL, source_id TEXT NOT NULL, target_id TEXT,"
                        + " derivation TEXT, PRIMARY KEY(kind, source_id))");
                s.execute("CREATE INDEX id_map_target ON id_map(kind, target_id)");
                s.execute("CREATE TABLE item(kind TEXT NOT NULL, source_key TEXT NOT NULL, action TEXT NOT NULL,"
                        + " state TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, reason TEXT,"
                        + " PRIMARY KEY(kind, source_key))");
                s.execute("CREATE TABLE src(kind TEXT NOT NULL, source_key TEXT NOT NULL, target_key TEXT,"
                        + " content TEXT, disposition TEXT NOT NULL, note TEXT, PRIMARY KEY(kind, source_key))");
                s.execute("CREATE TABLE tgt(kind TEXT NOT NULL, target_key TEXT NOT NULL, content TEXT NOT NULL,"
                        + " PRIMARY KEY(kind, target_key))");
                s.execute("CREATE TABLE loss(entity TEXT NOT NULL, kind TEXT NOT NULL, count INTEGER NOT NULL,"
                        + " PRIMARY KEY(entity, kind))");
                s.execute("CREATE TABLE id_problem(kind TEXT NOT NULL, source_id TEXT NOT NULL, problem TEXT NOT NULL,"
                        + " detail TEXT NOT NULL, PRIMARY KEY(kind, source_id))");
                s.execute("INSERT INTO schema_version(version) VALUES (" + SCHEMA_VERSION + ")");
            }
            // Not part of the versioned schema: an index changes no content, and journals written
            // before it existed gain it here.
            s.execute("CREATE INDEX IF NOT EXISTS src_target ON src(kind, target_key)");
        }
    }

    /** {@return the journal file} */
    public Path file() {
        return file;
    }

    /**
     * Records the run, or checks that the journal's run is this one.
     *
     * @param run the directories this migration copies between
     * @throws JournalMismatchException if the journal records other directories
     */
    public synchronized void checkRun(Run run) {
        try {
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT source_provider, source_fingerprint, target_provider, target_fingerprint FROM run")) {
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        Run recorded = new Run(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
                        if (!recorded.sourceProvider().equals(run.sourceProvider())
                                || !recorded.sourceFingerprint().equals(run.sourceFingerprint())) {
                            throw new JournalMismatchException("journal " + file + " records a migration from "
                                    + describe(recorded.sourceProvider(), recorded.sourceFingerprint())
                                    + ", not from " + describe(run.sourceProvider(), run.sourceFingerprint()));
                        }
                        if (!recorded.targetProvider().equals(run.targetProvider())
                                || !recorded.targetFingerprint().equals(run.targetFingerprint())) {
                            throw new JournalMismatchException("journal " + file + " records a migration to "
                                    + describe(recorded.targetProvider(), recorded.targetFingerprint())
                                    + ", not to " + describe(run.targetProvider(), run.targetFingerprint()));
                        }
                        return;
                    }
                }
            }
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO run VALUES (1, ?, ?, ?, ?, ?)")) {
                ps.setString(1, run.sourceProvider());
                ps.setString(2, run.sourceFingerprint());
                ps.setString(3, run.targetProvider());
                ps.setString(4, run.targetFingerprint());
                ps.setString(5, Instant.now().toString());
                ps.executeUpdate();
            }
            connection.commit();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static String describe(String provider, String fingerprint) {
        return provider + " (config " + fingerprint.substring(0, Math.min(12, fingerprint.length())) + ")";
    }

    // ---- id map

    /**
     * {@return the target id recorded for a source id, if any}
     *
     * @param kind user or group
     * @param sourceId the source id
     */
    public synchronized Optional<String> targetId(EntityKind kind, String sourceId) {
        return queryString("SELECT target_id FROM id_map WHERE kind = ? AND source_id = ?", kind.name(), sourceId);
    }

    /**
     * Records a source id's target id; commits with the next {@link #flush()} or state change.
     *
     * @param kind user or group
     * @param sourceId the source id
     * @param targetId the target id, or {@code null} when there is none (yet)
     * @param derivation how it was derived, or {@code null}
     */
    public synchronized void putTargetId(EntityKind kind, String sourceId, String targetId, String derivation) {
        update(
                "INSERT INTO id_map(kind, source_id, target_id, derivation) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT(kind, source_id) DO UPDATE SET target_id = excluded.target_id,"
                        + " derivation = excluded.derivation",
                kind.name(),
                sourceId,
                targetId,
                derivation);
        batched();
    }

    /**
     * Records a target id the target assigned, and commits.
     *
     * @param kind the entity kind
     * @param sourceId the source id
     * @param targetId the assigned id
     */
    public synchronized void recordAssignedId(EntityKind kind, String sourceId, String targetId) {
        putTargetId(kind, sourceId, targetId, IdTranslator.Derivation.ASSIGNED.name());
        commit();
    }

    /**
     * Finds source ids of one kind, among those in the snapshot, that share a target id.
     *
     * @param kind user or group
     * @param limit the most to return
     * @return pairs of colliding source id and the other source id, ordered by source id
     */
    public synchronized List<String[]> collisions(EntityKind kind, int limit) {
        List<String[]> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT a.source_id, b.source_id, a.target_id"
                + " FROM id_map a JOIN id_map b ON a.kind = b.kind AND a.target_id = b.target_id"
                + " AND a.source_id <> b.source_id"
                + " JOIN src s ON s.kind = a.kind AND s.source_key = a.source_id AND s.disposition <> 'BLOCKED'"
                + " JOIN src t ON t.kind = b.kind AND t.source_key = b.source_id"
                + " WHERE a.kind = ? ORDER BY a.source_id LIMIT ?")) {
            ps.setString(1, kind.name());
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        return out;
    }

    // ---- snapshot

    /** Empties the snapshot, the loss counts and the id problems, before a new plan. */
    public synchronized void clearSnapshot() {
        update("DELETE FROM src");
        update("DELETE FROM tgt");
        update("DELETE FROM loss");
        update("DELETE FROM id_problem");
        commit();
    }

    /**
     * Adds a source row, unless one with its key exists.
     *
     * @param row the row
     * @return whether it was added
     */
    public synchronized boolean putSource(SourceRow row) {
        int n = update(
                "INSERT OR IGNORE INTO src(kind, source_key, target_key, content, disposition, note)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                row.kind().name(),
                row.sourceKey(),
                row.targetKey(),
                row.content(),
                row.disposition().name(),
                row.note());
        batched();
        return n > 0;
    }

    /**
     * Holds a source row back.
     *
     * @param kind the kind
     * @param sourceKey the key
     * @param note why
     */
    public synchronized void blockSource(EntityKind kind, String sourceKey, String note) {
        update(
                "UPDATE src SET disposition = 'BLOCKED', note = ? WHERE kind = ? AND source_key = ?",
                note,
                kind.name(),
                sourceKey);
        batched();
    }

    /**
     * {@return a source row}
     *
     * @param kind the kind
     * @param sourceKey the key
     */
    public synchronized Optional<SourceRow> source(EntityKind kind, String sourceKey) {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT target_key, content, disposition, note FROM src WHERE kind = ? AND source_key = ?")) {
            ps.setString(1, kind.name());
            ps.setString(2, sourceKey);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new SourceRow(
                                kind,
                                sourceKey,
                                rs.getString(1),
                                rs.getString(2),
                                Disposition.valueOf(rs.getString(3)),
                                rs.getString(4)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /**
     * {@return whether a source row of the kind is carried to the given target key}
     *
     * @param kind the kind
     * @param targetKey the target key
     */
    public synchronized boolean isTargetOfSource(EntityKind kind, String targetKey) {
        return queryLong("SELECT count(*) FROM src WHERE kind = ? AND target_key = ?", kind.name(), targetKey) > 0;
    }

    /**
     * Returns source rows after a key, in key order: a keyset page, safe to walk while writing.
     *
     * @param kind the kind
     * @param afterKey the last key of the previous page, or {@code ""}
     * @param limit the page size
     * @return the rows
     */
    public synchronized List<SourceRow> sourcePage(EntityKind kind, String afterKey, int limit) {
        List<SourceRow> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT source_key, target_key, content, disposition, note FROM src WHERE kind = ? AND source_key > ?"
                        + " ORDER BY source_key LIMIT ?")) {
            ps.setString(1, kind.name());
            ps.setString(2, afterKey);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new SourceRow(
                            kind,
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            Disposition.valueOf(rs.getString(4)),
                            rs.getString(5)));
                }
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        return out;
    }

    /**
     * Adds a target row, replacing one with its key.
     *
     * @param kind the kind
     * @param targetKey the target id, or group and user target ids joined by {@link #SEP}
     * @param content the content as the target holds it
     */
    public synchronized void putTarget(EntityKind kind, String targetKey, String content) {
        update(
                "INSERT OR REPLACE INTO tgt(kind, target_key, content) VALUES (?, ?, ?)",
                kind.name(),
                targetKey,
                content);
        batched();
    }

    /**
     * {@return a target row's content}
     *
     * @param kind the kind
     * @param targetKey the key
     */
    public synchronized Optional<String> target(EntityKind kind, String targetKey) {
        return queryString("SELECT content FROM tgt WHERE kind = ? AND target_key = ?", kind.name(), targetKey);
    }

    /**
     * Adds to a loss count.
     *
     * @param entity the entity kind
     * @param kind the loss kind
     * @param count how many more
     */
    public synchronized void addLoss(EntityKind entity, LossKind kind, long count) {
        update(
                "INSERT INTO loss(entity, kind, count) VALUES (?, ?, ?)"
                        + " ON CONFLICT(entity, kind) DO UPDATE SET count = count + excluded.count",
                entity.name(),
                kind.name(),
                count);
        batched();
    }

    /** {@return the loss counts by entity kind and loss kind} */
    public synchronized Map<EntityKind, Map<LossKind, Long>> losses() {
        Map<EntityKind, Map<LossKind, Long>> out = new EnumMap<>(EntityKind.class);
        try (PreparedStatement ps = connection.prepareStatement("SELECT entity, kind, count FROM loss");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.computeIfAbsent(EntityKind.valueOf(rs.getString(1)), k -> new EnumMap<>(LossKind.class))
                        .put(LossKind.valueOf(rs.getString(2)), rs.getLong(3));
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        return out;
    }

    /**
     * Records an id problem.
     *
     * @param problem the problem
     */
    public synchronized void putIdProblem(IdProblem problem) {
        update(
                "INSERT OR REPLACE INTO id_problem(kind, source_id, problem, detail) VALUES (?, ?, ?, ?)",
                problem.entity().name(),
                problem.sourceId(),
                problem.kind().name(),
                problem.detail());
        batched();
    }

    /**
     * {@return the first id problems, by kind and source id}
     *
     * @param limit the most to return
     */
    public synchronized List<IdProblem> idProblems(int limit) {
        List<IdProblem> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT kind, source_id, problem, detail FROM id_problem ORDER BY kind, source_id LIMIT ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new IdProblem(
                            EntityKind.valueOf(rs.getString(1)),
                            rs.getString(2),
                            IdProblem.Kind.valueOf(rs.getString(3)),
                            rs.getString(4)));
                }
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        return out;
    }

    /** {@return how many id problems there are} */
    public synchronized long idProblemCount() {
        return queryLong("SELECT count(*) FROM id_problem");
    }

    // ---- items

    /**
     * {@return an item's state and attempts, if the item exists}
     *
     * @param kind the kind
     * @param sourceKey the key
     */
    public synchronized Optional<ItemState> state(EntityKind kind, String sourceKey) {
        return queryString("SELECT state FROM item WHERE kind = ? AND source_key = ?", kind.name(), sourceKey)
                .map(ItemState::valueOf);
    }

    /**
     * Sets an item's planned action and state, keeping its attempts; commits with the next flush.
     *
     * @param kind the kind
     * @param sourceKey the key
     * @param action what it needs
     * @param state its state
     * @param reason why, for blocked and lost items, else {@code null}
     */
    public synchronized void plan(EntityKind kind, String sourceKey, Action action, ItemState state, String reason) {
        update(
                "INSERT INTO item(kind, source_key, action, state, attempts, reason) VALUES (?, ?, ?, ?, 0, ?)"
                        + " ON CONFLICT(kind, source_key) DO UPDATE SET action = excluded.action,"
                        + " state = excluded.state, reason = excluded.reason",
                kind.name(),
                sourceKey,
                action.name(),
                state.name(),
                reason);
        batched();
    }

    /**
     * Marks items in flight, counting an attempt each, and commits before their request is sent.
     *
     * @param kind the kind
     * @param sourceKeys the keys
     */
    public synchronized void markInFlight(EntityKind kind, List<String> sourceKeys) {
        for (String key : sourceKeys) {
            update(
                    "UPDATE item SET state = 'IN_FLIGHT', attempts = attempts + 1, reason = NULL"
                            + " WHERE kind = ? AND source_key = ?",
                    kind.name(),
                    key);
        }
        commit();
    }

    /**
     * Records the end of an item's request and commits.
     *
     * @param kind the kind
     * @param sourceKey the key
     * @param state {@code APPLIED}, {@code UNCHANGED}, {@code FAILED} or {@code BLOCKED}
     * @param reason the redacted reason for a failure, else {@code null}
     */
    public synchronized void finish(EntityKind kind, String sourceKey, ItemState state, String reason) {
        update(
                "UPDATE item SET state = ?, reason = ? WHERE kind = ? AND source_key = ?",
                state.name(),
                reason,
                kind.name(),
                sourceKey);
        commit();
    }

    /**
     * Returns items in a state after a key, in key order, with their source and target content.
     *
     * @param kind the kind
     * @param state the state
     * @param afterKey the last key of the previous page, or {@code ""}
     * @param limit the page size
     * @return the items
     */
    public synchronized List<ItemRow> items(EntityKind kind, ItemState state, String afterKey, int limit) {
        return items(kind, state, false, afterKey, limit);
    }

    /**
     * Returns items in a state after a key, in key order, either removals or all other items.
     *
     * @param kind the kind
     * @param state the state
     * @param removals {@code true} for the items whose action is {@link Action#REMOVE}, {@code
     *     false} for the others
     * @param afterKey the last key of the previous page, or {@code ""}
     * @param limit the page size
     * @return the items
     */
    public synchronized List<ItemRow> items(
            EntityKind kind, ItemState state, boolean removals, String afterKey, int limit) {
        return queryItems(
                kind,
                "SELECT i.source_key, i.action, i.state, i.attempts, s.content, t.content FROM item i"
                        + " LEFT JOIN src s ON s.kind = i.kind AND s.source_key = i.source_key"
                        + " LEFT JOIN tgt t ON t.kind = s.kind AND t.target_key = s.target_key"
                        + " WHERE i.kind = ? AND i.state = ? AND (i.action = 'REMOVE') = ? AND i.source_key > ?"
                        + " ORDER BY i.source_key LIMIT ?",
                kind.name(),
                state.name(),
                removals,
                afterKey,
                limit);
    }

    /**
     * Returns items the current snapshot's source no longer holds, after a key, in key order: what
     * the source removed since an earlier plan.
     *
     * @param kind the kind
     * @param afterKey the last key of the previous page, or {@code ""}
     * @param limit the page size
     * @return the items, without content
     */
    public synchronized List<ItemRow> staleItems(EntityKind kind, String afterKey, int limit) {
        return queryItems(
                kind,
                "SELECT i.source_key, i.action, i.state, i.attempts, NULL, NULL FROM item i"
                        + " WHERE i.kind = ? AND i.source_key > ?"
                        + " AND NOT EXISTS (SELECT 1 FROM src s WHERE s.kind = i.kind AND s.source_key = i.source_key)"
                        + " ORDER BY i.source_key LIMIT ?",
                kind.name(),
                afterKey,
                limit);
    }

    /** Runs a query of key, action, state, attempts, source and target content. */
    private List<ItemRow> queryItems(EntityKind kind, String sql, Object... args) {
        List<ItemRow> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ItemRow(
                            kind,
                            rs.getString(1),
                            Action.valueOf(rs.getString(2)),
                            ItemState.valueOf(rs.getString(3)),
                            rs.getInt(4),
                            rs.getString(5),
                            rs.getString(6)));
                }
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        return out;
    }

    /**
     * {@return how many items of a kind are in each state with each action}
     *
     * @param kind the kind
     */
    public synchronized Map<String, Long> countByStateAndAction(EntityKind kind) {
        Map<String, Long> out = new HashMap<>();
        try (PreparedStatement ps =
                connection.prepareStatement("SELECT state, action, count(*) FROM item i WHERE kind = ?"
                        + " AND (action = 'REMOVE'"
                        + " OR EXISTS (SELECT 1 FROM src s WHERE s.kind = i.kind AND s.source_key = i.source_key))"
                        + " GROUP BY state, action")) {
            ps.setString(1, kind.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3));
                }
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        return out;
    }

    /**
     * An item that failed or was held back, with its (already redacted) reason.
     *
     * @param kind the kind
     * @param sourceKey the source key
     * @param state {@code FAILED} or {@code BLOCKED}
     * @param reason why
     */
    public record Problem(EntityKind kind, String sourceKey, ItemState state, String reason) {}

    /**
     * {@return the first items of the current plan (removals included) that failed or were held back,
     * by kind and key}
     *
     * @param limit the most to return
     */
    public synchronized List<Problem> problems(int limit) {
        List<Problem> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT kind, source_key, state, reason FROM item i"
                + " WHERE state IN ('FAILED', 'BLOCKED')"
                + " AND (action = 'REMOVE'"
                + " OR EXISTS (SELECT 1 FROM src s WHERE s.kind = i.kind AND s.source_key = i.source_key))"
                + " ORDER BY kind, source_key LIMIT ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Problem(
                            EntityKind.valueOf(rs.getString(1)),
                            rs.getString(2),
                            ItemState.valueOf(rs.getString(3)),
                            Optional.ofNullable(rs.getString(4)).orElse("no reason recorded")));
                }
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        return out;
    }

    /**
     * {@return how many items of a kind are in a state, removals or the others}
     *
     * @param kind the kind
     * @param state the state
     * @param removals {@code true} to count the items whose action is {@link Action#REMOVE}, {@code
     *     false} for the others
     */
    public synchronized long count(EntityKind kind, ItemState state, boolean removals) {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT count(*) FROM item WHERE kind = ? AND state = ? AND (action = 'REMOVE') = ?")) {
            ps.setString(1, kind.name());
            ps.setString(2, state.name());
            ps.setBoolean(3, removals);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /**
     * {@return an item's attempts, or 0}
     *
     * @param kind the kind
     * @param sourceKey the key
     */
    public synchronized int attempts(EntityKind kind, String sourceKey) {
        return (int) queryLong(
                "SELECT coalesce(max(attempts), 0) FROM item WHERE kind = ? AND source_key = ?",
                kind.name(),
                sourceKey);
    }

    // ---- plumbing

    /** Commits the snapshot writes batched so far. */
    public synchronized void flush() {
        commit();
    }

    private void batched() {
        if (++pending >= SNAPSHOT_BATCH) {
            commit();
        }
    }

    private void commit() {
        try {
            connection.commit();
            pending = 0;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private int update(String sql, Object... args) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private Optional<String> queryString(String sql, Object... args) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private long queryLong(String sql, Object... args) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private MigrationException failure(SQLException e) {
        return new MigrationException("migration journal " + file + " failed: " + e.getMessage(), e);
    }

    /** Commits what is pending and closes the file. */
    @Override
    public synchronized void close() {
        try {
            if (!connection.isClosed()) {
                connection.commit();
                connection.close();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }
}
