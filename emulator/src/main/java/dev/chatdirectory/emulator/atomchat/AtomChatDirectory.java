package dev.chatdirectory.emulator.atomchat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The in-memory state of one emulated AtomChat app: users and groups in creation order, with the
 * internal numeric ids the vendor exposes as {@code cid}/{@code userid} and {@code roomid}.
 *
 * <p>Not thread-safe: callers synchronise on the instance.
 */
final class AtomChatDirectory {

    private final Map<String, UserRecord> users = new LinkedHashMap<>();
    private final Map<String, GroupRecord> groups = new LinkedHashMap<>();
    private long nextCid = 1;
    private long nextRoomId = 1;

    Optional<UserRecord> user(String uid) {
        return Optional.ofNullable(users.get(uid));
    }

    /** Returns every user in creation order. */
    List<UserRecord> users() {
        return new ArrayList<>(users.values());
    }

    /** Creates a user with a fresh internal id, or returns empty when the UID is taken. */
    Optional<UserRecord> createUser(String uid) {
        if (users.containsKey(uid)) {
            return Optional.empty();
        }
        UserRecord user = new UserRecord(nextCid++, uid);
        users.put(uid, user);
        return Optional.of(user);
    }

    /** Deletes a user together with its membership rows and its place in other users' friend lists. */
    void deleteUser(UserRecord user) {
        users.remove(user.uid());
        groups.values().forEach(group -> group.removeRow(user.uid()));
        users.values().forEach(other -> other.removeFriends(List.of(user.uid())));
    }

    Optional<GroupRecord> group(String guid) {
        return Optional.ofNullable(groups.get(guid));
    }

    /** Returns every group in creation order. */
    List<GroupRecord> groups() {
        return new ArrayList<>(groups.values());
    }

    /** Creates a group with a fresh room id, or returns empty when the GUID is taken. */
    Optional<GroupRecord> createGroup(String guid, String name, int type, String password, String createdBy) {
        if (groups.containsKey(guid)) {
            return Optional.empty();
        }
        GroupRecord group = new GroupRecord(nextRoomId++, guid, name, type, password, createdBy);
        groups.put(guid, group);
        return Optional.of(group);
    }

    /** Deletes a group; its membership rows go with it (the 2018 server's statement for that is broken). */
    void deleteGroup(GroupRecord group) {
        groups.remove(group.guid());
    }

    /** Returns the groups a user is an active (not banned) member of, in group creation order. */
    List<GroupRecord> groupsJoinedBy(String uid) {
        return groups.values().stream().filter(g -> g.isActiveMember(uid)).toList();
    }

    /** Forgets everything and restarts the id sequences. */
    void clear() {
        users.clear();
        groups.clear();
        nextCid = 1;
        nextRoomId = 1;
    }
}
