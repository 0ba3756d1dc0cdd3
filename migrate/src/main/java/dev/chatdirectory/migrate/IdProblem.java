package dev.chatdirectory.migrate;

import java.util.Objects;

/**
 * A source id that cannot be given a target id; nothing is written for it (nor for memberships and
 * bans that name it) until a mapping in {@link IdMapping} resolves it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param entity {@link EntityKind#USER} or {@link EntityKind#GROUP}
 * @param sourceId the source id
 * @param kind what is wrong
 * @param detail the candidate target id and the rule or the other source id, for people
 */
public record IdProblem(EntityKind entity, String sourceId, Kind kind, String detail) {

    /** What is wrong with an id. */
    public enum Kind {
        /** Two source ids translate to one target id; both are held back. */
        COLLISION,
        /** The translated id is longer than the target accepts. */
        TOO_LONG,
        /** The target's rule rejects the id and the default scheme cannot make it acceptable. */
        REJECTED
    }

    /**
     * Checks the values.
     *
     * @param entity {@link EntityKind#USER} or {@link EntityKind#GROUP}
     * @param sourceId the source id
     * @param kind what is wrong
     * @param detail for people
     */
    public IdProblem {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }
}
