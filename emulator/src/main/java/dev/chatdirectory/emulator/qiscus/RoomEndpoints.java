package dev.chatdirectory.emulator.qiscus;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The room endpoints: {@code create_room}, {@code get_or_create_room_with_target}, {@code
 * get_or_create_channel}, {@code get_rooms_info}, {@code update_room} and {@code get_user_rooms}.
 *
 * <p>There is no delete-room endpoint in the v2.1 server API (reference section 5.9), so none is
 * routed: a client trying one gets the unknown-route 404.
 */
final class RoomEndpoints {

    /**
     * {@code get_user_rooms} page size: the 2018 docs say "maximum and default value is 100" (the
     * same page also says 20; the reference keeps 100) [REPO].
     */
    static final int USER_ROOMS_LIMIT = 100;

    private static final String EMPTY_OPTIONS = "{}";

    private final QiscusStore store;

    RoomEndpoints(QiscusStore store) {
        this.store = store;
    }

    /** Adds these endpoints to the route table. */
    void register(QiscusRouter router) {
        router.post("create_room", this::createRoom);
        router.post("get_or_create_room_with_target", this::roomWithTarget);
        router.post("get_or_create_channel", this::channel);
        router.get("get_rooms_info", this::roomsInfo);
        router.post("update_room", this::updateRoom);
        router.get("get_user_rooms", this::userRooms);
    }

    /**
     * Creates a group room. The creator must exist but is not added to the room: Qiscus documents
     * that callers list the creator among the participants themselves [DOC]. Every call creates a
     * new room [INF].
     */
    private ObjectNode createRoom(QiscusParams params) {
        String name = params.required("room_name");
        List<String> participantIds = params.list("participants");
        if (participantIds.isEmpty()) {
            throw QiscusApiException.badRequest("participants is required");
        }
        store.requireUsers(List.of(params.required("creator")));
        List<QiscusUser> participants = store.requireUsers(participantIds);
        checkLimit(participants.size(), QiscusRoom.GROUP_PARTICIPANT_LIMIT, "a group room");
        String avatarUrl = params.nonBlank("room_avatar_url").orElse("");
        QiscusRoom room =
                store.createGroup(false, name, avatarUrl, roomOptions(params).orElse(EMPTY_OPTIONS));
        participants.forEach(user -> room.participants.add(user.userId));
        return roomResult(room);
    }

    /**
     * Returns the 1-on-1 room of exactly two users, creating it on first use. {@code room_options}
     * only applies when the room is created [INF].
     */
    private ObjectNode roomWithTarget(QiscusParams params) {
        Set<String> userIds = new LinkedHashSet<>(params.list("user_ids"));
        if (userIds.size() != 2) {
            throw QiscusApiException.badRequest("user_ids must contain exactly 2 different user ids");
        }
        List<QiscusUser> users = store.requireUsers(userIds);
        QiscusRoom room =
                store.singleRoom(users.get(0), users.get(1), roomOptions(params).orElse(EMPTY_OPTIONS));
        return roomResult(room);
    }

    /**
     * Returns the room keyed by {@code unique_id}, creating it on first use. It is reported as
     * {@code room_type "group"} with {@code room_channel_id} = the unique id, as in the 2018 example
     * [REPO], and holds up to 5000 participants. On later calls the given participants join the
     * room and the given name, avatar and options replace the old ones [INF]; {@code changed} tells
     * whether the call created or modified anything [INF].
     */
    private ObjectNode channel(QiscusParams params) {
        String uniqueId = params.required("unique_id");
        checkChannelId(uniqueId, "unique_id");
        List<String> participantIds = params.list("participants");
        if (participantIds.isEmpty()) {
            throw QiscusApiException.badRequest("participants must contain at least 1 user id");
        }
        List<QiscusUser> participants = store.requireUsers(participantIds);
        Optional<String> name = params.nonBlank("room_name");
        Optional<String> avatarUrl = params.nonBlank("room_avatar_url");
        Optional<String> options = roomOptions(params);

        Optional<QiscusRoom> existing = store.roomByChannelId(uniqueId);
        boolean changed;
        QiscusRoom room;
        if (existing.isPresent()) {
            room = existing.get();
            long joining = participants.stream()
                    .filter(user -> !room.participants.contains(user.userId))
                    .count();
            checkLimit(room.participants.size() + joining, room.participantLimit(), limitSubject(room));
            boolean detailsChanged = applyDetails(room, name, avatarUrl, options);
            changed = joining > 0 || detailsChanged;
        } else {
            checkLimit(participants.size(), QiscusRoom.CHANNEL_PARTICIPANT_LIMIT, "a channel");
            room = store.createGroup(true, name.orElse(""), avatarUrl.orElse(""), options.orElse(EMPTY_OPTIONS));
            store.assignChannelId(room, uniqueId);
            changed = true;
        }
        participants.forEach(user -> room.participants.add(user.userId));
        ObjectNode results = QiscusJson.object();
        results.put("changed", changed);
        results.set("room", QiscusJson.room(room));
        return results;
    }

    /**
     * Returns rooms by id and by channel id, each at most once, in request order; unknown ids are
     * left out rather than refused [INF]. At least one id must be given [INF].
     */
    private ObjectNode roomsInfo(QiscusParams params) {
        List<String> roomIds = params.list("room_ids");
        List<String> channelIds = params.list("room_channel_ids");
        if (roomIds.isEmpty() && channelIds.isEmpty()) {
            throw QiscusApiException.badRequest("room_ids is required");
        }
        Map<Long, QiscusRoom> found = new LinkedHashMap<>();
        roomIds.forEach(id -> store.room(id).ifPresent(room -> found.putIfAbsent(room.id, room)));
        channelIds.forEach(id -> store.roomByChannelId(id).ifPresent(room -> found.putIfAbsent(room.id, room)));
        ObjectNode results = QiscusJson.object();
        results.set("rooms", QiscusJson.rooms(found.values()));
        return results;
    }

    /**
     * Updates a group room. Omitted (or empty) fields keep their values [INF]; {@code changed} is
     * false when nothing differed [INF].
     */
    private ObjectNode updateRoom(QiscusParams params) {
        QiscusRoom room = store.requireRoom(params.required("room_id"));
        if (room.type != QiscusRoom.Type.GROUP) {
            throw QiscusApiException.badRequest("only group rooms can be updated");
        }
        Optional<String> name = params.nonBlank("room_name");
        Optional<String> avatarUrl = params.nonBlank("room_avatar_url");
        Optional<String> options = roomOptions(params);
        Optional<String> channelId = params.nonBlank("room_channel_id");
        channelId.ifPresent(id -> checkChannelId(id, "room_channel_id"));

        boolean changed = false;
        if (channelId.isPresent() && !channelId.get().equals(room.channelId)) {
            store.assignChannelId(room, channelId.get());
            changed = true;
        }
        changed |= applyDetails(room, name, avatarUrl, options);
        ObjectNode results = QiscusJson.object();
        results.put("changed", changed);
        results.set("room", QiscusJson.room(room));
        return results;
    }

    /**
     * Lists the rooms of a user, newest first (Qiscus orders by last activity; without messages,
     * creation is the last activity [INF]), optionally only those of one {@code room_type}.
     */
    private ObjectNode userRooms(QiscusParams params) {
        QiscusUser user = store.requireUser(params.required("user_id"));
        Optional<QiscusRoom.Type> type = params.nonBlank("room_type").map(RoomEndpoints::roomType);
        QiscusPage page = QiscusPage.of(params, USER_ROOMS_LIMIT, USER_ROOMS_LIMIT);
        List<QiscusRoom> rooms = store.roomsOf(user.userId).stream()
                .filter(room -> type.isEmpty() || room.type == type.get())
                .toList();
        ObjectNode results = QiscusJson.object();
        ObjectNode meta = results.putObject("meta");
        meta.put("current_page", page.page());
        meta.put("total_room", rooms.size());
        results.set("rooms", QiscusJson.rooms(page.slice(rooms)));
        return results;
    }

    private static QiscusRoom.Type roomType(String value) {
        for (QiscusRoom.Type type : QiscusRoom.Type.values()) {
            if (type.wireName().equals(value)) {
                return type;
            }
        }
        throw QiscusApiException.badRequest("room_type must be single or group");
    }

    /**
     * Reads {@code room_options}, which Qiscus takes and returns as a string holding JSON; a JSON
     * object sent instead is refused, so that an adapter cannot pass here and fail in production.
     */
    private static Optional<String> roomOptions(QiscusParams params) {
        try {
            return params.nonBlank("room_options");
        } catch (QiscusApiException e) {
            throw QiscusApiException.badRequest("room_options must be a string containing JSON");
        }
    }

    /** Applies the optional display fields of a room; returns whether any value differed. */
    private static boolean applyDetails(
            QiscusRoom room, Optional<String> name, Optional<String> avatarUrl, Optional<String> options) {
        boolean changed = false;
        if (name.isPresent() && !name.get().equals(room.name)) {
            room.name = name.get();
            changed = true;
        }
        if (avatarUrl.isPresent() && !avatarUrl.get().equals(room.avatarUrl)) {
            room.avatarUrl = avatarUrl.get();
            changed = true;
        }
        if (options.isPresent() && !options.get().equals(room.options)) {
            room.options = options.get();
            changed = true;
        }
        return changed;
    }

    /** Channel ids "must not contain # or +" [DOC]. */
    private static void checkChannelId(String channelId, String parameter) {
        if (channelId.contains("#") || channelId.contains("+")) {
            throw QiscusApiException.badRequest(parameter + " can not contain '#' or '+'");
        }
    }

    /**
     * Refuses more participants than a room type allows (100 per group, 5000 per channel); the
     * real answer is [UNK], the reference recommends a 400.
     */
    static void checkLimit(long participants, int limit, String subject) {
        if (participants > limit) {
            throw QiscusApiException.badRequest("the maximum number of participants for " + subject + " is " + limit);
        }
    }

    /** Names a room's kind in the participant-limit message. */
    static String limitSubject(QiscusRoom room) {
        return room.channel ? "a channel" : "a group room";
    }

    private static ObjectNode roomResult(QiscusRoom room) {
        ObjectNode results = QiscusJson.object();
        results.set("room", QiscusJson.room(room));
        return results;
    }
}
