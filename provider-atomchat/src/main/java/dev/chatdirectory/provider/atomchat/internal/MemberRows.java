package dev.chatdirectory.provider.atomchat.internal;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

/**
 * The membership rows of one group as getGroupUserList reports them: active members and banned
 * users (rows flagged {@code isbanned}), each sorted by UID so that pages are stable, and the names
 * the rows carry.
 *
 * @param active the members
 * @param banned the banned users, who are not members
 * @param names the display name of each UID whose row gives one
 */
record MemberRows(SortedSet<String> active, SortedSet<String> banned, Map<String, String> names) {

    MemberRows {
        active = Collections.unmodifiableSortedSet(active);
        banned = Collections.unmodifiableSortedSet(banned);
        names = Map.copyOf(names);
    }

    Optional<String> name(String uid) {
        return Optional.ofNullable(names.get(uid));
    }

    boolean isMember(String uid) {
        return active.contains(uid);
    }

    boolean isBanned(String uid) {
        return banned.contains(uid);
    }

    List<String> members() {
        return List.copyOf(active);
    }

    List<String> bannedUsers() {
        return List.copyOf(banned);
    }
}
