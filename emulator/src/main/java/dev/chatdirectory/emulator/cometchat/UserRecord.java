package dev.chatdirectory.emulator.cometchat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One stored CometChat user. Optional attributes are {@code null} (or an empty tag list) when
 * unset, so that rendering can omit them as the real service does.
 */
final class UserRecord {
    final String uid;
    final long createdAt;
    /** Creation order; breaks ties between users created in the same second. */
    final long sequence;

    String name;
    String avatar;
    String link;
    String role;
    String statusMessage;
    ObjectNode metadata;
    List<String> tags = List.of();
    boolean online;
    Long lastActiveAt;
    Long updatedAt;
    Long deactivatedAt;

    UserRecord(String uid, long createdAt, long sequence) {
        this.uid = uid;
        this.createdAt = createdAt;
        this.sequence = sequence;
    }

    boolean isDeactivated() {
        return deactivatedAt != null;
    }

    /** Returns the REST presence value: {@code available} when online, else {@code offline}. */
    String status() {
        return online ? "available" : "offline";
    }

    /** Returns the timestamp a list cursor reports for this user. */
    long cursorTimestamp() {
        return updatedAt != null ? updatedAt : createdAt;
    }
}
