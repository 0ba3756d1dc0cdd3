package dev.chatdirectory.emulator.qiscus;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatdirectory.emulator.EmulatorResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;

/**
 * Renders Qiscus's envelopes and the JSON views of users and rooms.
 *
 * <p>Success: {@code {"results": {...}, "status": 200}}. Error: {@code {"error": {"message": ...,
 * "detailed_messages": [...]}, "status": N}}, the envelope the Qiscus backend uses for its mobile
 * API; no server-API error body was ever captured, so the reference recommends the same one
 * [INF, reference section 6]. In both, {@code status} repeats the HTTP status.
 */
final class QiscusJson {

    /** The mapper for every body the emulator reads or writes. */
    static final ObjectMapper MAPPER = new ObjectMapper();

    /** RFC 3339 UTC with microseconds, as in {@code "2017-10-09T06:47:00.004482Z"}. */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private QiscusJson() {}

    /** Returns a new empty JSON object. */
    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Returns the 200 answer wrapping the given results. */
    static EmulatorResponse success(ObjectNode results) {
        ObjectNode envelope = object();
        envelope.set("results", results);
        envelope.put("status", 200);
        return EmulatorResponse.json(200, envelope);
    }

    /** Returns an error answer; the envelope's {@code status} mirrors the HTTP status. */
    static EmulatorResponse error(int status, String message, List<String> detailedMessages) {
        ObjectNode error = object();
        error.put("message", message);
        ArrayNode details = error.putArray("detailed_messages");
        detailedMessages.forEach(details::add);
        ObjectNode envelope = object();
        envelope.set("error", error);
        envelope.put("status", status);
        return EmulatorResponse.json(status, envelope);
    }

    /** Returns the error answer for a refused request. */
    static EmulatorResponse error(QiscusApiException refusal) {
        return error(refusal.status(), refusal.getMessage(), refusal.detailedMessages());
    }

    /**
     * Returns the v2.1 user object of {@code login_or_register}, {@code user_profile} and the
     * participant lists.
     */
    static ObjectNode user(QiscusUser user) {
        ObjectNode node = object();
        node.put("user_id", user.userId);
        node.put("username", user.username);
        node.put("avatar_url", user.avatarUrl);
        node.set("extras", user.extras.deepCopy());
        node.put("active", user.active);
        return node;
    }

    /** Returns an array of user objects. */
    static ArrayNode users(Collection<QiscusUser> users) {
        ArrayNode array = MAPPER.createArrayNode();
        users.forEach(user -> array.add(user(user)));
        return array;
    }

    /**
     * Returns a {@code get_user_list} item, which is not a user object: the user id is in {@code
     * email}, {@code id} is the internal integer id and both {@code name} and {@code username} carry
     * the display name (reference section 3.5).
     */
    static ObjectNode userListItem(QiscusUser user) {
        ObjectNode node = object();
        node.put("id", user.internalId);
        node.put("email", user.userId);
        node.put("name", user.username);
        node.put("username", user.username);
        node.put("avatar_url", user.avatarUrl);
        node.set("extras", user.extras.deepCopy());
        node.put("active", user.active);
        node.put("created_at", timestamp(user.createdAt));
        node.put("updated_at", timestamp(user.updatedAt));
        return node;
    }

    /**
     * Returns the v2.1 room object: {@code room_id} is a string of digits and {@code room_options}
     * a JSON-encoded string, not an object.
     */
    static ObjectNode room(QiscusRoom room) {
        ObjectNode node = object();
        node.put("room_id", room.roomId());
        node.put("room_name", room.name);
        node.put("room_type", room.type.wireName());
        node.put("room_avatar_url", room.avatarUrl);
        node.put("room_options", room.options);
        node.put("room_channel_id", room.channelId);
        return node;
    }

    /** Returns an array of room objects. */
    static ArrayNode rooms(Collection<QiscusRoom> rooms) {
        ArrayNode array = MAPPER.createArrayNode();
        rooms.forEach(room -> array.add(room(room)));
        return array;
    }

    /** Formats an instant the way {@code get_user_list} does. */
    static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }
}
