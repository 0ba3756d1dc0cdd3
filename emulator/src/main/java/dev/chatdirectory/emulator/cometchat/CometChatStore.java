package dev.chatdirectory.emulator.cometchat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The in-memory state of one CometChat app: users, groups (with members and bans) and roles.
 *
 * <p>Not thread-safe: the emulator base class enters the model under one lock. Domain rules that
 * several endpoints share (who may be added, banned, kicked) live here and fail with the vendor's
 * {@link CometChatException}; HTTP concerns stay in the handlers.
 */
final class CometChatStore {

    /** UID of the system user that acts when no {@code onBehalfOf} header is sent. */
    static final String SYSTEM_UID = "app_system";
    /** The role every app has and every user gets by default. */
    static final String DEFAULT_ROLE = "default";

    private final Map<String, UserRecord> users = new LinkedHashMap<>();
    private final Map<String, GroupRecord> groups = new LinkedHashMap<>();
    private final Set<String> roles = new LinkedHashSet<>(List.of(DEFAULT_ROLE));
    private final long appCreatedAt;
    private long sequence;
    private long messageId;

    /**
     * Creates an empty app.
     *
     * @param appCreatedAt epoch seconds reported as the system user's {@code createdAt}
     */
    CometChatStore(long appCreatedAt) {
        this.appCreatedAt = appCreatedAt;
    }

    long appCreatedAt() {
        return appCreatedAt;
    }

    /** Returns the next creation-order number, shared by users, groups, members and bans. */
    long nextSequence() {
        return ++sequence;
    }

    /** Returns the next id of an action message, as a string like the service's. */
    String nextMessageId() {
        return Long.toString(++messageId);
    }

    // ---- roles

    boolean hasRole(String role) {
        return roles.contains(role);
    }

    void defineRole(String role) {
        roles.add(role);
    }

    // ---- users

    /** Returns a user whether active or deactivated. */
    Optional<UserRecord> findUser(String uid) {
        return Optional.ofNullable(users.get(uid));
    }

    /** Returns an active user, or fails with {@code ERR_UID_NOT_FOUND} (also for deactivated users). */
    UserRecord activeUser(String uid) {
        UserRecord user = users.get(uid);
        if (user == null || user.isDeactivated()) {
            throw Errors.uidNotFound(uid);
        }
        return user;
    }

    boolean isActive(String uid) {
        UserRecord user = users.get(uid);
        return user != null && !user.isDeactivated();
    }

    void addUser(UserRecord user) {
        users.put(user.uid, user);
    }

    /** Returns every user, active or not, in creation order. */
    List<UserRecord> allUsers() {
        return new ArrayList<>(users.values());
    }

    /** Removes a user for good, with their memberships and bans. */
    void deleteUser(String uid) {
        users.remove(uid);
        for (GroupRecord group : groups.values()) {
            group.members.remove(uid);
            group.banned.remove(uid);
        }
    }

    // ---- groups

    Optional<GroupRecord> findGroup(String guid) {
        return Optional.ofNullable(groups.get(guid));
    }

    /** Returns a group or fails with {@code ERR_GUID_NOT_FOUND}. */
    GroupRecord group(String guid) {
        GroupRecord group = groups.get(guid);
        if (group == null) {
            throw Errors.guidNotFound(guid);
        }
        return group;
    }

    void addGroup(GroupRecord group) {
        groups.put(group.guid, group);
    }

    void deleteGroup(String guid) {
        groups.remove(guid);
    }

    /** Returns every group in creation order. */
    List<GroupRecord> allGroups() {
        return new ArrayList<>(groups.values());
    }

    // ---- membership

    /**
     * Returns the members whose user is active. Deactivated users keep their membership (it comes
     * back on reactivation) but are hidden, as they are everywhere else [I].
     */
    Map<String, GroupRecord.Member> visibleMembers(GroupRecord group) {
        Map<String, GroupRecord.Member> visible = new LinkedHashMap<>();
        group.members.forEach((uid, member) -> {
            if (isActive(uid)) {
                visible.put(uid, member);
            }
        });
        return visible;
    }

    int membersCount(GroupRecord group) {
        return visibleMembers(group).size();
    }

    /** Returns the membership of an active user, if any. */
    Optional<GroupRecord.Member> membership(GroupRecord group, String uid) {
        return isActive(uid) ? Optional.ofNullable(group.members.get(uid)) : Optional.empty();
    }

    /**
     * Adds an active user to a group.
     *
     * @throws CometChatException {@code ERR_UID_NOT_FOUND}, {@code ERR_BANNED_GROUPMEMBER} or
     *     {@code ERR_ALREADY_JOINED}; an existing member keeps the scope it has [I]
     */
    GroupRecord.Member addMember(GroupRecord group, String uid, Scope scope, long now) {
        activeUser(uid);
        if (group.banned.containsKey(uid)) {
            throw Errors.bannedGroupMember(uid, group.guid);
        }
        if (group.members.containsKey(uid)) {
            throw Errors.alreadyJoined(uid, group.guid);
        }
        GroupRecord.Member member = new GroupRecord.Member(scope, now, nextSequence());
        group.members.put(uid, member);
        return member;
    }

    /**
     * Bans a user from a group, ending their membership.
     *
     * @param requireMember whether the user must currently be a member: the ban endpoint requires
     *     it (verified live), the {@code usersToBan} list of add-members does not
     * @throws CometChatException {@code ERR_UID_NOT_FOUND}, {@code ERR_ALREADY_BANNED} or
     *     {@code ERR_NOT_A_MEMBER}
     */
    void ban(GroupRecord group, String uid, boolean requireMember, long now) {
        activeUser(uid);
        if (group.banned.containsKey(uid)) {
            throw Errors.alreadyBanned(uid, group.guid);
        }
        GroupRecord.Member member = group.members.get(uid);
        if (member == null && requireMember) {
            throw Errors.notAMember(uid, group.guid);
        }
        group.members.remove(uid);
        Scope formerScope = member == null ? Scope.PARTICIPANT : member.scope();
        long formerJoinedAt = member == null ? now : member.joinedAt();
        group.banned.put(uid, new GroupRecord.Ban(formerScope, formerJoinedAt, nextSequence()));
    }

    /** Lifts a ban; fails with {@code ERR_UID_NOT_FOUND} or {@code ERR_NOT_A_BANNED_USER}. */
    void unban(GroupRecord group, String uid) {
        activeUser(uid);
        if (group.banned.remove(uid) == null) {
            throw Errors.notABannedUser(uid, group.guid);
        }
    }

    /** Removes a member; fails with {@code ERR_UID_NOT_FOUND} or {@code ERR_NOT_A_MEMBER}. */
    void kick(GroupRecord group, String uid) {
        activeUser(uid);
        if (group.members.remove(uid) == null) {
            throw Errors.notAMember(uid, group.guid);
        }
    }

    /**
     * Changes a member's scope.
     *
     * @throws CometChatException {@code ERR_UID_NOT_FOUND}, {@code ERR_NOT_A_MEMBER} or
     *     {@code ERR_SAME_SCOPE}
     */
    GroupRecord.Member changeScope(GroupRecord group, String uid, Scope scope) {
        activeUser(uid);
        GroupRecord.Member member = group.members.get(uid);
        if (member == null) {
            throw Errors.notAMember(uid, group.guid);
        }
        if (member.scope() == scope) {
            throw Errors.sameScope(uid, group.guid, scope);
        }
        GroupRecord.Member changed = new GroupRecord.Member(scope, member.joinedAt(), member.sequence());
        group.members.put(uid, changed);
        return changed;
    }
}
