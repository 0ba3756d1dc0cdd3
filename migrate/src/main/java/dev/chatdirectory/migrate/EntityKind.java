package dev.chatdirectory.migrate;

/** What a migration copies, in the order it applies them. */
public enum EntityKind {
    /** A user with its profile fields. */
    USER,
    /** A group with its fields and owner. */
    GROUP,
    /** A membership of a user in a group, with its role. */
    MEMBER,
    /** A ban of a user from a group. */
    BAN,
    /** The deactivated state of a user, applied last so that deactivated users can still join groups. */
    DEACTIVATION
}
