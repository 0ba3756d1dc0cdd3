package dev.chatdirectory.emulator.atomchat;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One stored AtomChat group with its membership rows, kept in the order users joined.
 *
 * <p>Membership follows the vendor's schema hint that rows carry an {@code isbanned} flag: a ban
 * keeps the row and flags it, a kick or removal deletes the row.
 */
final class GroupRecord {

    /** Public group. */
    static final int TYPE_PUBLIC = 0;
    /** Password-protected group; joining needs the password. */
    static final int TYPE_PASSWORD = 1;
    /** Highest type number accepted: 2 invitation-only and 3 hidden (2018 server), 4 private (docs). */
    static final int TYPE_MAX = 4;

    /** Value stored in {@code createdby} for a group created without an owner ("system group"). */
    static final String SYSTEM_OWNER = "0";

    private final long roomId;
    private final String guid;
    private final String createdBy;
    private final Map<String, MemberState> members = new LinkedHashMap<>();
    private String name;
    private int type;
    // Kept in clear because it is never sent back; the vendor stores a SHA-1 hash.
    private String password;

    GroupRecord(long roomId, String guid, String name, int type, String password, String createdBy) {
        this.roomId = roomId;
        this.guid = Objects.requireNonNull(guid, "guid");
        this.createdBy = createdBy;
        this.name = name;
        changeType(type, password);
    }

    long roomId() {
        return roomId;
    }

    String guid() {
        return guid;
    }

    String name() {
        return name;
    }

    int type() {
        return type;
    }

    String createdBy() {
        return createdBy;
    }

    /** Returns the join password; empty unless the group is password-protected. */
    String password() {
        return password;
    }

    void rename(String name) {
        this.name = name;
    }

    /** Changes the type; the password only survives while the group stays password-protected. */
    void changeType(int type, String password) {
        this.type = type;
        this.password = type == TYPE_PASSWORD ? password : "";
    }

    /** Returns the label getUser uses for this group's type in a joined-groups list. */
    String typeLabel() {
        return switch (type) {
            case TYPE_PUBLIC -> "Public Group";
            case TYPE_PASSWORD -> "Password Protected Group";
            default -> "Private Group"; // [V] for 2; 3 (hidden) and 4 (docs' private) alike by our choice
        };
    }

    /** Returns the membership rows, banned ones included, in joining order. */
    Map<String, MemberState> rows() {
        return Collections.unmodifiableMap(members);
    }

    boolean isActiveMember(String uid) {
        return members.get(uid) == MemberState.ACTIVE;
    }

    boolean isBanned(String uid) {
        return members.get(uid) == MemberState.BANNED;
    }

    /** Adds an active member row unless the user already has a row (active or banned). */
    boolean addMember(String uid) {
        return members.putIfAbsent(uid, MemberState.ACTIVE) == null;
    }

    void removeRow(String uid) {
        members.remove(uid);
    }

    void ban(String uid) {
        members.put(uid, MemberState.BANNED);
    }

    void unban(String uid) {
        members.put(uid, MemberState.ACTIVE);
    }

    /** Drops every active member row; bans are moderation state and survive. */
    void clearActiveMembers() {
        members.values().removeIf(state -> state == MemberState.ACTIVE);
    }
}
