package dev.chatdirectory.emulator.qiscus;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The in-memory state of one emulated Qiscus app: users, rooms and the indexes that make single
 * rooms and channels idempotent.
 *
 * <p>Not thread-safe: the emulator calls it under its lock. Lookups that fail throw the
 * {@link QiscusApiException} the endpoints answer with, so handlers stay linear.
 */
final class QiscusStore {

    /**
     * The avatar Qiscus gives users who never set one; it appears in Qiscus's own sample
     * responses and SDK fixtures for users created without {@code avatar_url} [CODE].
     */
    static final String DEFAULT_AVATAR_URL =
            "https://d1edrlpyc25xu0.cloudfront.net/kiwari-prod/image/upload/75r6s_jOHa/1507541871-avatar-mine.png";

    /*
     * Users and rooms are numbered from different bases so that an adapter mixing up a user's
     * internal id with a room id finds nothing instead of a wrong object.
     */
    private static final long FIRST_USER_ID = 100_001;
    private static final long FIRST_ROOM_ID = 5_000_001;
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final Supplier<Instant> clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, QiscusUser> users = new LinkedHashMap<>();
    private final Map<Long, QiscusRoom> rooms = new LinkedHashMap<>();
    private final Map<String, QiscusRoom> singleRoomsByPair = new HashMap<>();
    private final Map<String, QiscusRoom> roomsByChannelId = new HashMap<>();
    private long nextUserId = FIRST_USER_ID;
    private long nextRoomId = FIRST_ROOM_ID;

    /**
     * Creates an empty store.
     *
     * @param clock the source of "now"; read on every write so that tests can fix time
     */
    QiscusStore(Supplier<Instant> clock) {
        this.clock = clock;
    }

    /** Forgets every user and room and restarts the id sequences. */
    void clear() {
        users.clear();
        rooms.clear();
        singleRoomsByPair.clear();
        roomsByChannelId.clear();
        nextUserId = FIRST_USER_ID;
        nextRoomId = FIRST_ROOM_ID;
    }

    /** Returns the current time at the microsecond precision Qiscus timestamps have. */
    Instant now() {
        return clock.get().truncatedTo(ChronoUnit.MICROS);
    }

    // ---- users -------------------------------------------------------------------------------

    /** Returns a user by user id. */
    Optional<QiscusUser> user(String userId) {
        return Optional.ofNullable(users.get(userId));
    }

    /**
     * Returns a user by user id.
     *
     * @throws QiscusApiException 404 {@code "user not found"} (reference: 400 or 404 [UNK]; 404
     *     lets an adapter tell "no such user" from a malformed request)
     */
    QiscusUser requireUser(String userId) {
        return user(userId).orElseThrow(() -> QiscusApiException.notFound("user not found"));
    }

    /**
     * Resolves a list of user ids given in a request body, dropping duplicates and keeping order.
     *
     * @throws QiscusApiException 400 {@code "user not found"} naming every unknown id in the
     *     detailed messages; unknown ids in a list are a bad request, not a missing resource [UNK]
     */
    List<QiscusUser> requireUsers(Collection<String> userIds) {
        List<QiscusUser> found = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String userId : new LinkedHashSet<>(userIds)) {
            QiscusUser user = users.get(userId);
            if (user == null) {
                unknown.add("user " + userId + " not found");
            } else {
                found.add(user);
            }
        }
        if (!unknown.isEmpty()) {
            throw new QiscusApiException(400, "user not found", unknown);
        }
        return found;
    }

    /** Returns every user in creation order. */
    Collection<QiscusUser> users() {
        return users.values();
    }

    /** Creates a user with a generated password and token, the default avatar and no extras. */
    QiscusUser createUser(String userId, String username) {
        QiscusUser user = new QiscusUser(nextUserId++, userId, now());
        user.username = username;
        user.avatarUrl = DEFAULT_AVATAR_URL;
        user.extras = QiscusJson.object();
        user.password = randomString(16);
        user.token = randomString(20);
        users.put(userId, user);
        return user;
    }

    /** Replaces a user's token. */
    String resetToken(QiscusUser user) {
        user.token = randomString(20);
        return user.token;
    }

    // ---- rooms -------------------------------------------------------------------------------

    /**
     * Returns a room by its id as sent by a client; ids that are not digits match nothing.
     */
    Optional<QiscusRoom> room(String roomId) {
        try {
            return Optional.ofNullable(rooms.get(Long.parseLong(roomId.trim())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Returns a room by id.
     *
     * @throws QiscusApiException 400 {@code "room not found"}: the one Qiscus error body on record
     *     (mobile API) is exactly this message with status 400 (reference section 6)
     */
    QiscusRoom requireRoom(String roomId) {
        return room(roomId).orElseThrow(() -> QiscusApiException.badRequest("room not found"));
    }

    /** Returns the room that has the given channel id (unique id). */
    Optional<QiscusRoom> roomByChannelId(String channelId) {
        return Optional.ofNullable(roomsByChannelId.get(channelId));
    }

    /** Returns every room in creation order. */
    Collection<QiscusRoom> rooms() {
        return rooms.values();
    }

    /** Creates a group room (or a channel) without participants. */
    QiscusRoom createGroup(boolean channel, String name, String avatarUrl, String options) {
        QiscusRoom room = new QiscusRoom(nextRoomId++, QiscusRoom.Type.GROUP, channel, name, avatarUrl, options);
        rooms.put(room.id, room);
        return room;
    }

    /**
     * Returns the single room of two users, creating it on first use: Qiscus keeps one 1-on-1 room
     * per pair, whichever order the pair is given in.
     */
    QiscusRoom singleRoom(QiscusUser first, QiscusUser second, String options) {
        String pair = first.userId.compareTo(second.userId) < 0
                ? first.userId + '\n' + second.userId
                : second.userId + '\n' + first.userId;
        return singleRoomsByPair.computeIfAbsent(pair, key -> {
            QiscusRoom room = new QiscusRoom(nextRoomId++, QiscusRoom.Type.SINGLE, false, "", "", options);
            room.participants.add(first.userId);
            room.participants.add(second.userId);
            rooms.put(room.id, room);
            return room;
        });
    }

    /**
     * Gives a room a channel id (its "unique id"), releasing the previous one.
     *
     * @throws QiscusApiException 400 when another room already has that channel id; the real
     *     answer is [UNK], but a channel id that is not unique could not key {@code
     *     get_or_create_channel}
     */
    void assignChannelId(QiscusRoom room, String channelId) {
        QiscusRoom holder = roomsByChannelId.get(channelId);
        if (holder != null && holder != room) {
            throw QiscusApiException.badRequest("room_channel_id is already used by another room");
        }
        roomsByChannelId.remove(room.channelId);
        room.channelId = channelId;
        roomsByChannelId.put(channelId, room);
    }

    /** Returns the rooms a user takes part in, newest first. */
    List<QiscusRoom> roomsOf(String userId) {
        List<QiscusRoom> result = new ArrayList<>();
        for (QiscusRoom room : rooms.values()) {
            if (room.participants.contains(userId)) {
                result.add(room);
            }
        }
        Collections.reverse(result);
        return result;
    }

    private String randomString(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return out.toString();
    }
}
