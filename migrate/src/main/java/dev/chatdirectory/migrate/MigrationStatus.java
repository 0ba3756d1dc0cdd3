package dev.chatdirectory.migrate;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a migration stands, as its journal records it: read by {@link Migration#status} without
 * opening either directory.
 *
 * <p>Immutable and thread-safe.
 *
 * @param sourceProvider the source provider id
 * @param targetProvider the target provider id
 * @param items how many items of each entity kind are in each state (every kind and state present,
 *     in declaration order)
 * @param problems the first items that failed or were held back, at most {@link #MAX_LISTED_PROBLEMS}
 * @param complete whether every item is written, was already on the target or was left out by an
 *     accepted loss; {@code false} for a journal with no item (never planned, or an empty source)
 */
public record MigrationStatus(
        String sourceProvider,
        String targetProvider,
        Map<EntityKind, Map<ItemState, Long>> items,
        List<Problem> problems,
        boolean complete) {

    /** The most problems a status lists. */
    public static final int MAX_LISTED_PROBLEMS = 50;

    /** The state of one item (a user, group, membership, ban or deactivation to carry over). */
    public enum ItemState {
        /** To be written. */
        PLANNED,
        /** Its request was being sent when the run stopped; the next run checks the target first. */
        IN_FLIGHT,
        /** Written by this migration. */
        APPLIED,
        /** The target already held it. */
        UNCHANGED,
        /** Its request failed; the next run tries again. */
        FAILED,
        /** Held back, e.g. by an id the target cannot take. */
        BLOCKED,
        /** Left out by an accepted loss. */
        LOST_BY_DECISION,
        /** Removed in the source and kept in the target, because removals are not propagated. */
        KEPT;

        /** {@return whether an item in this state still needs a run} */
        public boolean pending() {
            return this == PLANNED || this == IN_FLIGHT || this == FAILED || this == BLOCKED;
        }
    }

    /**
     * An item that failed or was held back.
     *
     * @param kind the entity kind
     * @param sourceId the source id; for a membership or ban, the group and user ids joined by
     *     {@code " / "}
     * @param state {@link ItemState#FAILED} or {@link ItemState#BLOCKED}
     * @param reason why, with every secret of either configuration redacted
     */
    public record Problem(EntityKind kind, String sourceId, ItemState state, String reason) {

        /**
         * Checks the values.
         *
         * @param kind the entity kind
         * @param sourceId the source id
         * @param state the state
         * @param reason why
         */
        public Problem {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(sourceId, "sourceId");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Checks the values and copies the collections, filling absent counts with 0.
     *
     * @param sourceProvider the source provider id
     * @param targetProvider the target provider id
     * @param items the counts
     * @param problems the problems
     * @param complete whether nothing is pending
     */
    public MigrationStatus {
        Objects.requireNonNull(sourceProvider, "sourceProvider");
        Objects.requireNonNull(targetProvider, "targetProvider");
        Map<EntityKind, Map<ItemState, Long>> all = new EnumMap<>(EntityKind.class);
        for (EntityKind kind : EntityKind.values()) {
            Map<ItemState, Long> counts = new EnumMap<>(ItemState.class);
            for (ItemState state : ItemState.values()) {
                counts.put(state, items.getOrDefault(kind, Map.of()).getOrDefault(state, 0L));
            }
            all.put(kind, Collections.unmodifiableMap(counts));
        }
        items = Collections.unmodifiableMap(all);
        problems = List.copyOf(problems);
    }

    /**
     * {@return how many items are in a state, over every entity kind}
     *
     * @param state the state
     */
    public long count(ItemState state) {
        return items.values().stream().mapToLong(counts -> counts.get(state)).sum();
    }
}
