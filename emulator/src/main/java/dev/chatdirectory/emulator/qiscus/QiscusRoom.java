package dev.chatdirectory.emulator.qiscus;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One Qiscus chat room in the emulator's model; mutable, guarded by the emulator's lock.
 *
 * <p>Participants are kept in join order, which is the order {@code get_room_participants}
 * lists them in (the real ordering is [UNK] in the reference).
 */
final class QiscusRoom {

    /** The {@code room_type} values of the v2.1 server API. */
    enum Type {
        SINGLE("single"),
        GROUP("group");

        private final String wireName;

        Type(String wireName) {
            this.wireName = wireName;
        }

        String wireName() {
            return wireName;
        }
    }

    /** Members allowed in a group room (Qiscus "chat room types" page). */
    static final int GROUP_PARTICIPANT_LIMIT = 100;

    /** Members allowed in a channel (Qiscus "chat room types" page; "more on request"). */
    static final int CHANNEL_PARTICIPANT_LIMIT = 5000;

    final long id;
    final Type type;
    final boolean channel;
    final Set<String> participants = new LinkedHashSet<>();
    String name;
    String avatarUrl;
    String options;
    String channelId = "";

    QiscusRoom(long id, Type type, boolean channel, String name, String avatarUrl, String options) {
        this.id = id;
        this.type = type;
        this.channel = channel;
        this.name = name;
        this.avatarUrl = avatarUrl;
        this.options = options;
    }

    /** Returns the room id as the API shows it: a string of digits. */
    String roomId() {
        return Long.toString(id);
    }

    /** Returns how many participants this room may hold. */
    int participantLimit() {
        if (type == Type.SINGLE) {
            return 2;
        }
        return channel ? CHANNEL_PARTICIPANT_LIMIT : GROUP_PARTICIPANT_LIMIT;
    }
}
