package dev.chatdirectory.provider.qiscus.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatdirectory.http.WireJson;
import dev.chatdirectory.model.Group;
import dev.chatdirectory.model.GroupType;
import dev.chatdirectory.model.JsonValues;
import dev.chatdirectory.model.Member;
import dev.chatdirectory.model.MemberRole;
import dev.chatdirectory.model.User;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns Qiscus's JSON into the API's models and back, reading every field defensively: a
 * malformed answer gives a {@link dev.chatdirectory.ProviderProtocolException}, never a {@code
 * NullPointerException}.
 *
 * <p>The mappings:
 *
 * <ul>
 *   <li>user: {@code user_id} is the id, {@code username} the name, {@code avatar_url} the avatar
 *       and {@code extras} the metadata; {@code get_user_list} items carry the user id in {@code
 *       email} instead, and timestamps;
 *   <li>avatars: Qiscus gives users without an avatar a placeholder image and ignores empty
 *       values, so the placeholder stands for "no avatar" both ways (for rooms too);
 *   <li>group: a group room's {@code room_id} is the id, {@code room_name} the name, {@code
 *       room_avatar_url} the icon, and {@code room_options} (a string holding a JSON object) the
 *       metadata, except its {@value #RESERVED_OPTION} member, which keeps the owner that Qiscus
 *       takes as {@code creator} but never returns;
 *   <li>1-on-1 rooms ({@code room_type "single"}) are not groups.
 * </ul>
 */
public final class QiscusMapper {

    /**
     * The avatar Qiscus gives users created without one, as seen in Qiscus's own sample responses
     * and SDK fixtures [CODE]; the {@code defaultAvatarUrl} property replaces it.
     */
    public static final String DEFAULT_AVATAR_URL =
            "https://d1edrlpyc25xu0.cloudfront.net/kiwari-prod/image/upload/75r6s_jOHa/1507541871-avatar-mine.png";

    /** The member of {@code room_options} the adapter keeps for itself. */
    public static final String RESERVED_OPTION = "chatdirectory";

    private static final String OWNER = "owner";

    private final WireJson wire;
    private final String placeholderAvatar;

    /**
     * Creates a mapper.
     *
     * @param wire reads fields defensively
     * @param placeholderAvatar the avatar URL that stands for "no avatar"
     */
    public QiscusMapper(WireJson wire, String placeholderAvatar) {
        this.wire = Objects.requireNonNull(wire, "wire");
        this.placeholderAvatar = Objects.requireNonNull(placeholderAvatar, "placeholderAvatar");
    }

    /** {@return the avatar URL that stands for "no avatar", sent to clear one} */
    public String placeholderAvatar() {
        return placeholderAvatar;
    }

    /**
     * Returns the {@code results} object of a success envelope.
     *
     * @param envelope the answer
     * @return its results
     */
    public JsonNode results(JsonNode envelope) {
        return wire.object(envelope, "results");
    }

    /**
     * Returns a mandatory array of a {@code results} object.
     *
     * @param results the results
     * @param field the array's name, e.g. {@code users}
     * @return the array
     */
    public JsonNode array(JsonNode results, String field) {
        return wire.array(results, field);
    }

    /**
     * Reads {@code meta.total_page} of a {@code get_user_list} answer.
     *
     * @param results the results
     * @return the number of pages, empty when Qiscus does not say
     */
    public Optional<Long> totalPages(JsonNode results) {
        return wire.number(results.path("meta"), "total_page");
    }

    /**
     * Reads {@code meta.total_room} of a {@code get_user_rooms} answer.
     *
     * @param results the results
     * @return the number of rooms, empty when Qiscus does not say
     */
    public Optional<Long> totalRooms(JsonNode results) {
        return wire.number(results.path("meta"), "total_room");
    }

    /**
     * Reads the user of a {@code login_or_register} or {@code user_profile} answer.
     *
     * @param envelope the answer
     * @return the user object
     */
    public JsonNode userObject(JsonNode envelope) {
        return wire.object(results(envelope), "user");
    }

    /**
     * Maps a v2.1 user object ({@code login_or_register}, {@code user_profile}, participants).
     *
     * @param node the user object
     * @return the user
     */
    public User user(JsonNode node) {
        return User.builder(
                        wire.requiredText(node, "user_id"),
                        wire.text(node, "username").orElse(""))
                .avatarUrl(avatar(node, "avatar_url").orElse(null))
                .metadata(extras(node))
                .raw(wire.toMap(node))
                .build();
    }

    /**
     * Maps a {@code get_user_list} item, whose user id is in {@code email} and whose name is in
     * {@code username} (or {@code name}).
     *
     * @param item the item
     * @return the user
     */
    public User listedUser(JsonNode item) {
        String name =
                wire.text(item, "username").or(() -> wire.text(item, "name")).orElse("");
        return User.builder(wire.requiredText(item, "email"), name)
                .avatarUrl(avatar(item, "avatar_url").orElse(null))
                .metadata(extras(item))
                .createdAt(wire.isoInstant(item, "created_at").orElse(null))
                .updatedAt(wire.isoInstant(item, "updated_at").orElse(null))
                .raw(wire.toMap(item))
                .build();
    }

    /**
     * Tells whether a user object or list item is active; the documented examples leave {@code
     * active} out, which means active.
     *
     * @param node the user object or item
     * @return whether the user is active
     */
    public boolean active(JsonNode node) {
        return wire.bool(node, "active").orElse(true);
    }

    /**
     * Maps a room object to a group; 1-on-1 rooms are not groups. Group rooms are {@link
     * GroupType#PRIVATE} (members join only when added); channels, which anyone may join, are
     * {@link GroupType#PUBLIC}. Qiscus reports channels as {@code room_type "group"} with their
     * unique id in {@code room_channel_id} (a {@code "channel"} type is possible [UNK]), so a room
     * with a channel id counts as a channel.
     *
     * @param room the room object
     * @return the group, empty for a 1-on-1 room
     */
    public Optional<Group> group(JsonNode room) {
        String roomType = wire.text(room, "room_type").orElse("group");
        if (roomType.equals("single")) {
            return Optional.empty();
        }
        boolean channel =
                roomType.equals("channel") || wire.text(room, "room_channel_id").isPresent();
        RoomOptions options = options(room);
        return Optional.of(Group.builder(
                        wire.requiredText(room, "room_id"),
                        wire.text(room, "room_name").orElse(""),
                        channel ? GroupType.PUBLIC : GroupType.PRIVATE)
                .iconUrl(avatar(room, "room_avatar_url").orElse(null))
                .ownerId(options.owner().orElse(null))
                .metadata(options.metadata())
                .raw(wire.toMap(room))
                .build());
    }

    /**
     * Maps a participant (a user object) to a member named by its {@code username}; Qiscus has no
     * roles or join times.
     *
     * @param groupId the group
     * @param participant the user object
     * @return the member
     */
    public Member member(String groupId, JsonNode participant) {
        return new Member(
                groupId,
                wire.requiredText(participant, "user_id"),
                MemberRole.PARTICIPANT,
                Optional.empty(),
                wire.text(participant, "username"));
    }

    /**
     * Reads the user ids of a JSON array of user objects.
     *
     * @param users the array
     * @return the ids, in order
     */
    public List<String> userIds(JsonNode users) {
        List<String> ids = new ArrayList<>(users.size());
        users.forEach(user -> ids.add(wire.requiredText(user, "user_id")));
        return ids;
    }

    /**
     * Reads {@code room_options}: a string holding a JSON object (an object is accepted too).
     * Options that are not a JSON object (an application may store any string) give no metadata;
     * they stay visible in the group's raw payload.
     *
     * @param room the room object
     * @return the metadata and the owner kept in the options
     */
    public RoomOptions options(JsonNode room) {
        JsonNode options = room.get("room_options");
        if (options != null && options.isTextual() && !options.asText().isBlank()) {
            options = parseLeniently(options.asText());
        }
        if (options == null || !options.isObject()) {
            return new RoomOptions(Map.of(), Optional.empty());
        }
        Map<String, Object> metadata = new LinkedHashMap<>(wire.toMap(options));
        metadata.remove(RESERVED_OPTION);
        Optional<String> owner = wire.text(options.path(RESERVED_OPTION), OWNER);
        return new RoomOptions(metadata, owner);
    }

    /**
     * Writes {@code room_options}: the metadata plus, when there is an owner, the reserved member.
     *
     * @param metadata the group's metadata, without the reserved key
     * @param owner the owner to keep
     * @return the JSON text
     */
    public String roomOptions(Map<String, Object> metadata, Optional<String> owner) {
        Map<String, Object> options = new LinkedHashMap<>(metadata);
        owner.ifPresent(id -> options.put(RESERVED_OPTION, Map.of(OWNER, id)));
        return JsonValues.toJson(options);
    }

    private JsonNode parseLeniently(String text) {
        try {
            return wire.parse(text, "room_options");
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    /** Reads {@code extras}: a JSON object, or a string holding one ("JSON string or valid JSON object" [REPO]). */
    private Map<String, Object> extras(JsonNode node) {
        JsonNode extras = node.get("extras");
        if (extras != null && extras.isTextual() && !extras.asText().isBlank()) {
            extras = parseLeniently(extras.asText());
        }
        return wire.toMap(extras);
    }

    private Optional<String> avatar(JsonNode node, String field) {
        return wire.text(node, field).filter(url -> !url.equals(placeholderAvatar));
    }

    /**
     * What {@code room_options} holds for the adapter.
     *
     * @param metadata the application's options, the group's metadata
     * @param owner the owner given at creation
     */
    public record RoomOptions(Map<String, Object> metadata, Optional<String> owner) {}
}
