package dev.chatdirectory.emulator.cometchat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One stored CometChat group with its members and banned users. */
final class GroupRecord {
    final String guid;
    final long createdAt;
    /** Creation order; breaks ties between groups created in the same second. */
    final long sequence;

    String name;
    GroupType type;
    /** Kept only for password groups and never rendered. */
    String password;

    String icon;
    String description;
    ObjectNode metadata;
    String owner;
    List<String> tags = List.of();
    Long updatedAt;

    /** Current members by UID, in join order. */
    final Map<String, Member> members = new LinkedHashMap<>();
    /** Banned users by UID, in ban order. */
    final Map<String, Ban> banned = new LinkedHashMap<>();

    GroupRecord(String guid, long createdAt, long sequence) {
        this.guid = guid;
        this.createdAt = createdAt;
        this.sequence = sequence;
    }

    /** Returns the conversation id CometChat derives from the GUID. */
    String conversationId() {
        return "group_" + guid;
    }

    /** Returns the timestamp a list cursor or an {@code updatedAt} filter uses for this group. */
    long cursorTimestamp() {
        return updatedAt != null ? updatedAt : createdAt;
    }

    /**
     * A membership.
     *
     * @param scope the member's scope
     * @param joinedAt when the user joined, epoch seconds
     * @param sequence join order, to break ties
     */
    record Member(Scope scope, long joinedAt, long sequence) {}

    /**
     * A ban. The former scope and join time are kept because the banned-users list reports them.
     *
     * @param formerScope the scope the user had, participant when banned without being a member
     * @param formerJoinedAt when the user had joined, or the ban time for non-members
     * @param sequence ban order, to break ties
     */
    record Ban(Scope formerScope, long formerJoinedAt, long sequence) {}
}
