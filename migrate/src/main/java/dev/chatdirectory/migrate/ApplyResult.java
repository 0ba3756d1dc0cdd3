package dev.chatdirectory.migrate;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code apply} did: per entity kind the items written and the items that failed.
 *
 * <p>Immutable and thread-safe.
 *
 * @param plan the plan it applied
 * @param applied per entity kind, items written (or found already done by a repeated request)
 * @param failed per entity kind, items that failed; the journal holds each reason
 * @param failures the first failures, for people (at most {@value #MAX_LISTED_FAILURES})
 * @param cancelled whether {@link Migration#cancel()} stopped the run before every item was tried
 */
public record ApplyResult(
        MigrationPlan plan,
        Map<EntityKind, Long> applied,
        Map<EntityKind, Long> failed,
        List<String> failures,
        boolean cancelled) {

    /** The most failures listed. */
    public static final int MAX_LISTED_FAILURES = 50;

    /**
     * Copies the values and fills absent kinds with 0.
     *
     * @param plan the plan
     * @param applied items written per kind
     * @param failed items failed per kind
     * @param failures the first failures
     * @param cancelled whether cancelled
     */
    public ApplyResult {
        Objects.requireNonNull(plan, "plan");
        applied = complete(applied);
        failed = complete(failed);
        failures = List.copyOf(failures);
    }

    private static Map<EntityKind, Long> complete(Map<EntityKind, Long> counts) {
        Map<EntityKind, Long> all = new EnumMap<>(EntityKind.class);
        for (EntityKind kind : EntityKind.values()) {
            all.put(kind, counts.getOrDefault(kind, 0L));
        }
        return Map.copyOf(all);
    }

    /** {@return items written, over every kind} */
    public long appliedTotal() {
        return applied.values().stream().mapToLong(Long::longValue).sum();
    }

    /** {@return items failed, over every kind} */
    public long failedTotal() {
        return failed.values().stream().mapToLong(Long::longValue).sum();
    }

    /** {@return whether every planned item was written} */
    public boolean succeeded() {
        return !cancelled && failedTotal() == 0;
    }
}
