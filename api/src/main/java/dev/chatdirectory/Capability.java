package dev.chatdirectory;

/**
 * Something a provider can do beyond the portable core (create, get, list and delete users; add,
 * list and remove group members).
 *
 * <p>Capabilities are data on {@link dev.chatdirectory.spi.ProviderDescriptor}: readable without
 * credentials or network. An operation that needs a capability the provider lacks throws {@link
 * UnsupportedCapabilityException} before anything is sent.
 */
public enum Capability {
    /** Users can be searched by a prefix of their id or name. */
    USER_SEARCH("search users by id or name prefix"),
    /** Users can be listed filtered by their role. */
    USER_FILTER_BY_ROLE("filter users by role"),
    /** Users can be listed filtered by presence. */
    USER_FILTER_BY_PRESENCE("filter users by presence"),
    /** Deleting a user removes it for good, so its id can be used again. Without it, delete deactivates. */
    USER_HARD_DELETE("permanently delete users"),
    /** Users can be deactivated and reactivated explicitly. */
    USER_DEACTIVATION("deactivate and reactivate users"),
    /**
     * Listings can include deactivated users ({@link
     * dev.chatdirectory.model.UserQuery.Builder#includeDeactivated}), each marked {@link
     * dev.chatdirectory.model.User#deactivated()} with the time it was deactivated.
     */
    USER_LIST_DEACTIVATED("list deactivated users with their deactivation time"),
    /**
     * User listings carry every field a read by id returns (avatar and profile URL included), so a
     * walk of all users needs no read per user. Where it is missing, a caller that needs every field
     * reads each listed user with {@link UserOperations#get}.
     */
    USER_LIST_ALL_FIELDS("user listings carry every field a read by id returns"),
    /** Users carry an avatar URL. */
    USER_AVATAR("user avatar URL"),
    /** Users carry a profile link URL. */
    USER_PROFILE_URL("user profile URL"),
    /** Users carry an e-mail address. */
    USER_EMAIL("user e-mail address"),
    /** Users carry an application role. */
    USER_ROLE("user role"),
    /** Users carry custom metadata. */
    USER_METADATA("user metadata"),
    /** Online status of users can be read. */
    PRESENCE("read user presence"),
    /** Presence includes the time the user was last active. */
    PRESENCE_LAST_ACTIVE("last-active time in presence"),
    /** Groups can be created with an id chosen by the client. */
    GROUP_CLIENT_IDS("client-chosen group ids"),
    /** Groups of type {@link dev.chatdirectory.model.GroupType#PUBLIC}. */
    GROUP_TYPE_PUBLIC("public groups"),
    /** Groups of type {@link dev.chatdirectory.model.GroupType#PASSWORD}. */
    GROUP_TYPE_PASSWORD("password-protected groups"),
    /** Groups of type {@link dev.chatdirectory.model.GroupType#PRIVATE}. */
    GROUP_TYPE_PRIVATE("private groups"),
    /** Groups can be updated after creation. */
    GROUP_UPDATE("update groups"),
    /** Groups can be deleted. */
    GROUP_DELETE("delete groups"),
    /** All groups of the app can be listed. */
    GROUP_LIST("list all groups"),
    /**
     * The groups one user is a member of can be listed; with it, a directory whose groups cannot
     * all be listed is still read in full, user by user.
     */
    GROUPS_OF_MEMBER("list the groups of a user"),
    /** Groups can be searched by a prefix of their id or name. */
    GROUP_SEARCH("search groups by id or name prefix"),
    /** Groups carry a description. */
    GROUP_DESCRIPTION("group description"),
    /** Groups carry an icon URL. */
    GROUP_ICON("group icon URL"),
    /** Groups carry custom metadata. */
    GROUP_METADATA("group metadata"),
    /** Groups have an owning user, settable at creation. */
    GROUP_OWNER("group owner"),
    /** Ownership of a group can be transferred to another user. */
    GROUP_OWNER_TRANSFER("transfer group ownership"),
    /** Members have roles (admin, moderator, participant) that can be set and changed. */
    MEMBER_ROLES("member roles"),
    /** Members can be banned from and unbanned in a group. */
    MEMBER_BANS("ban and unban members"),
    /** Member listings carry each member's display name ({@link dev.chatdirectory.model.Member#name()}). */
    MEMBER_NAME("member display name in member listings"),
    /**
     * Listings of banned users carry each one's former role and join time ({@link
     * dev.chatdirectory.model.BannedMember#formerRole()}, {@link
     * dev.chatdirectory.model.BannedMember#joinedAt()}).
     */
    MEMBER_BAN_DETAILS("former role and join time of banned users");

    private final String description;

    Capability(String description) {
        this.description = description;
    }

    /** {@return a short description for people, e.g. {@code "ban and unban members"}} */
    public String description() {
        return description;
    }
}
