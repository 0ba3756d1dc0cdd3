package dev.chatdirectory.migrate;

/**
 * What a plan will do with the entities of one kind.
 *
 * <p>Immutable and thread-safe.
 *
 * @param create entities to create (memberships to add, bans and deactivations to set)
 * @param update entities to change (fields, or a member's role)
 * @param unchanged entities the target already holds as the source does
 * @param blocked entities held back by an {@link IdProblem}, or by a failed or uncertain
 *     earlier write that a person must look at
 * @param leftOut entities left out because of a declared loss
 * @param remove entities the source no longer holds, to be removed from the target (with {@link
 *     MigrationOptions#propagateRemovals()})
 * @param kept entities the source no longer holds, kept in the target because removals are not
 *     propagated (or the target cannot delete them)
 */
public record Tally(long create, long update, long unchanged, long blocked, long leftOut, long remove, long kept) {

    /** No entities. */
    public static final Tally NONE = new Tally(0, 0, 0, 0, 0, 0, 0);

    /** {@return how many writes the plan sends for these entities, at most} */
    public long writes() {
        return create + update + remove;
    }
}
