package dev.chatdirectory.model;

/**
 * The role of a member in a group, from most to least powerful.
 *
 * <p>Providers without {@link dev.chatdirectory.Capability#MEMBER_ROLES} report every member as
 * {@link #PARTICIPANT}.
 */
public enum MemberRole {
    /** Manages the group and its members. */
    ADMIN,
    /** Moderates members and messages. */
    MODERATOR,
    /** An ordinary member. */
    PARTICIPANT
}
