package dev.chatdirectory.migrate;

import java.util.Objects;

/**
 * How many entities of one kind lose one thing in a migration.
 *
 * <p>Immutable and thread-safe.
 *
 * @param entity the kind of entity that loses it (e.g. {@link EntityKind#MEMBER} for memberships
 *     of a deactivated user left out)
 * @param kind what is lost
 * @param count how many entities of that kind lose it, at least 1
 */
public record Loss(EntityKind entity, LossKind kind, long count) {

    /**
     * Checks the values.
     *
     * @param entity the kind of entity that loses it
     * @param kind what is lost
     * @param count how many entities lose it
     * @throws IllegalArgumentException if the count is below 1
     */
    public Loss {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(kind, "kind");
        if (count < 1) {
            throw new IllegalArgumentException("a loss counts at least one entity: " + count);
        }
    }
}
