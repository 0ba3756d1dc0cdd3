package dev.chatdirectory.migrate;

/**
 * Something that cannot carry over from the source to the target, found while planning from the
 * two providers' capabilities and the data actually present.
 */
public enum LossKind {
    /** User avatar URLs: the target has no {@link dev.chatdirectory.Capability#USER_AVATAR}. */
    USER_AVATAR("user avatar URL"),
    /** User profile URLs: the target has no {@link dev.chatdirectory.Capability#USER_PROFILE_URL}. */
    USER_PROFILE_URL("user profile URL"),
    /** User e-mail addresses: the target has no {@link dev.chatdirectory.Capability#USER_EMAIL}. */
    USER_EMAIL("user e-mail address"),
    /** User application roles: the target has no {@link dev.chatdirectory.Capability#USER_ROLE}. */
    USER_ROLE("user role"),
    /** User metadata: the target has no {@link dev.chatdirectory.Capability#USER_METADATA}. */
    USER_METADATA("user metadata"),
    /**
     * Deactivated users, with their memberships and bans: the target has no {@link
     * dev.chatdirectory.Capability#USER_DEACTIVATION}, and copying them as active users would
     * revive accounts, so they are left out.
     */
    DEACTIVATED_USER("deactivated user left out (the target cannot deactivate)"),
    /**
     * The memberships and bans of a deactivated user that is carried over: every provider's member
     * listings leave deactivated users out, so the source shows none of them and the user arrives
     * deactivated without its groups. Counted per such user.
     */
    DEACTIVATED_USER_MEMBERSHIPS("memberships and bans of a deactivated user (member listings hide them)"),
    /** Group descriptions: the target has no {@link dev.chatdirectory.Capability#GROUP_DESCRIPTION}. */
    GROUP_DESCRIPTION("group description"),
    /** Group icons: the target has no {@link dev.chatdirectory.Capability#GROUP_ICON}. */
    GROUP_ICON("group icon URL"),
    /** Group metadata: the target has no {@link dev.chatdirectory.Capability#GROUP_METADATA}. */
    GROUP_METADATA("group metadata"),
    /** Group owners: the target has no {@link dev.chatdirectory.Capability#GROUP_OWNER}. */
    GROUP_OWNER("group owner"),
    /**
     * Group passwords: a source never reveals them, so a password group without a password supplied
     * in {@link MigrationOptions.Builder#groupPassword} becomes a private group.
     */
    GROUP_PASSWORD("group password not supplied: created as a private group"),
    /** Group types the target lacks: the group is created with a more restrictive type it has. */
    GROUP_TYPE("group type the target lacks: created with a more restrictive type"),
    /**
     * Groups the target cannot hold as restrictively as the source (e.g. a private group into a
     * target with public groups only), left out with their memberships and bans.
     */
    GROUP_LEFT_OUT("group left out: the target has no type as restrictive"),
    /**
     * Member roles other than participant: the target has no {@link
     * dev.chatdirectory.Capability#MEMBER_ROLES}, so every member joins as a participant.
     */
    MEMBER_ROLE("member role (joins as participant)"),
    /** Bans: the target has no {@link dev.chatdirectory.Capability#MEMBER_BANS}; the banned user is not added either. */
    BAN("ban"),
    /** Creation, join and ban times: no target lets a client set them. */
    CREATION_TIME("creation, join or ban time");

    private final String description;

    LossKind(String description) {
        this.description = description;
    }

    /** {@return a short description for people} */
    public String description() {
        return description;
    }

    /**
     * Returns the loss of a field whose capability the target lacks, as {@link
     * dev.chatdirectory.Capabilities#carriedBy} names it.
     *
     * @param field a user or group field capability: avatar, profile URL, e-mail, role, metadata,
     *     description or icon
     * @return the loss kind of the same name
     * @throws IllegalArgumentException if the capability is not such a field
     */
    public static LossKind ofField(dev.chatdirectory.Capability field) {
        return switch (field) {
            case USER_AVATAR -> USER_AVATAR;
            case USER_PROFILE_URL -> USER_PROFILE_URL;
            case USER_EMAIL -> USER_EMAIL;
            case USER_ROLE -> USER_ROLE;
            case USER_METADATA -> USER_METADATA;
            case GROUP_DESCRIPTION -> GROUP_DESCRIPTION;
            case GROUP_ICON -> GROUP_ICON;
            case GROUP_METADATA -> GROUP_METADATA;
            default -> throw new IllegalArgumentException(field + " is not a field a migration can lose");
        };
    }
}
