package dev.chatdirectory.migrate;

import java.util.Objects;

/**
 * One entity the target does not hold as the source does, found by {@code verify}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param entity the entity kind
 * @param sourceKey the source id; for memberships and bans the group id and user id joined by
 *     {@code " / "}
 * @param kind missing or different
 * @param detail the fields that differ, for people
 */
public record Difference(EntityKind entity, String sourceKey, Kind kind, String detail) {

    /** How the target differs. */
    public enum Kind {
        /** The target lacks the entity. */
        MISSING,
        /** The target holds it with other values. */
        DIFFERENT
    }

    /**
     * Checks the values.
     *
     * @param entity the entity kind
     * @param sourceKey the source key
     * @param kind missing or different
     * @param detail for people
     */
    public Difference {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(sourceKey, "sourceKey");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }
}
