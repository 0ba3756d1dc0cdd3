package dev.chatdirectory.migrate;

/** The phases of a migration, in order, as reported to a {@link MigrationListener}. */
public enum Phase {
    /** Streaming the source into the journal. */
    READ_SOURCE,
    /** Reading the target to compare. */
    READ_TARGET,
    /** Creating and updating users. */
    USERS,
    /** Creating and updating groups. */
    GROUPS,
    /** Adding members and changing roles. */
    MEMBERS,
    /** Setting bans. */
    BANS,
    /** Deactivating users. */
    DEACTIVATIONS,
    /**
     * Removing what the source no longer holds: memberships, bans, groups and users, in that order
     * (with {@link MigrationOptions#propagateRemovals()}).
     */
    REMOVALS
}
