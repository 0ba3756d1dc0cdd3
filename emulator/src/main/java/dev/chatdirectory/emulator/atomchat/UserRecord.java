package dev.chatdirectory.emulator.atomchat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One stored AtomChat user, named after the vendor's columns rather than the request fields
 * ({@code profileURL} is stored as {@code link}, {@code avatarURL} as {@code avatar}).
 */
final class UserRecord {

    /** Role the vendor stores when a request carries none. */
    static final String DEFAULT_ROLE = "default";

    private final long cid;
    private final String uid;
    private final Set<String> friends = new LinkedHashSet<>();
    private String name = "";
    private String avatar = "";
    private String link = "";
    private String role = DEFAULT_ROLE;
    private String email = "";
    private AtomChatPresence status = AtomChatPresence.OFFLINE;
    private long lastActivity;

    UserRecord(long cid, String uid) {
        this.cid = cid;
        this.uid = Objects.requireNonNull(uid, "uid");
    }

    long cid() {
        return cid;
    }

    String uid() {
        return uid;
    }

    String name() {
        return name;
    }

    String avatar() {
        return avatar;
    }

    String link() {
        return link;
    }

    String role() {
        return role;
    }

    String email() {
        return email;
    }

    AtomChatPresence status() {
        return status;
    }

    /** Returns the last activity in Unix seconds; 0 means the user was never seen online. */
    long lastActivity() {
        return lastActivity;
    }

    /** Returns the friend UIDs in the order they were added. */
    List<String> friends() {
        return new ArrayList<>(friends);
    }

    /**
     * Rewrites every profile column at once, which is how the vendor's createUser and updateUser
     * store a profile: an empty role becomes {@value #DEFAULT_ROLE}.
     */
    void setProfile(String name, String avatar, String link, String role, String email) {
        this.name = name;
        this.avatar = avatar;
        this.link = link;
        this.role = role.isEmpty() ? DEFAULT_ROLE : role;
        this.email = email;
    }

    void setPresence(AtomChatPresence status, long lastActivity) {
        this.status = Objects.requireNonNull(status, "status");
        this.lastActivity = lastActivity;
    }

    void addFriends(List<String> uids) {
        friends.addAll(uids);
    }

    void removeFriends(List<String> uids) {
        uids.forEach(friends::remove);
    }

    void clearFriends() {
        friends.clear();
    }
}
