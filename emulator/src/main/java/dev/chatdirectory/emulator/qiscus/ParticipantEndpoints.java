package dev.chatdirectory.emulator.qiscus;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The participant endpoints: {@code add_room_participants}, {@code remove_room_participants} and
 * {@code get_room_participants}.
 */
final class ParticipantEndpoints {

    /** The Go client's default page size; the server's is [UNK]. */
    static final int DEFAULT_PARTICIPANTS_LIMIT = 20;

    /** The largest page [INF]: the bound Qiscus documents for its other paginated listings. */
    static final int MAX_PARTICIPANTS_LIMIT = 100;

    private final QiscusStore store;

    ParticipantEndpoints(QiscusStore store) {
        this.store = store;
    }

    /** Adds these endpoints to the route table. */
    void register(QiscusRouter router) {
        router.post("add_room_participants", this::add);
        router.post("remove_room_participants", this::remove);
        router.get("get_room_participants", this::list);
    }

    /**
     * Adds users to a group room. Users already in the room are accepted and left out of {@code
     * participants_added}, which lists only who actually joined, down to an empty list when all
     * were in: the shape Qiscus answers in third-party code and logs, and what adapters read to
     * tell a change from none.
     */
    private ObjectNode add(QiscusParams params) {
        QiscusRoom room = groupRoom(params);
        List<QiscusUser> joining = users(params).stream()
                .filter(user -> !room.participants.contains(user.userId))
                .toList();
        RoomEndpoints.checkLimit(
                (long) room.participants.size() + joining.size(),
                room.participantLimit(),
                RoomEndpoints.limitSubject(room));
        joining.forEach(user -> room.participants.add(user.userId));
        ObjectNode results = QiscusJson.object();
        results.set("participants_added", QiscusJson.users(joining));
        return results;
    }

    /**
     * Removes users from a group room. Users not in the room are accepted and left out of {@code
     * participants_removed} (the real behaviour is [UNK]).
     */
    private ObjectNode remove(QiscusParams params) {
        QiscusRoom room = groupRoom(params);
        List<QiscusUser> leaving = users(params).stream()
                .filter(user -> room.participants.contains(user.userId))
                .toList();
        leaving.forEach(user -> room.participants.remove(user.userId));
        ObjectNode results = QiscusJson.object();
        results.set("participants_removed", QiscusJson.users(leaving));
        return results;
    }

    /**
     * Lists the participants of any room in join order. The {@code meta} object is copied from the
     * mobile API's {@code room_participants} ({@code current_offset}, {@code current_page}, {@code
     * per_page}, {@code total}); whether the server API sends it is [UNK], the reference allows it
     * as harmless extra keys [INF].
     */
    private ObjectNode list(QiscusParams params) {
        QiscusRoom room = store.requireRoom(params.required("room_id"));
        QiscusPage page = QiscusPage.of(params, DEFAULT_PARTICIPANTS_LIMIT, MAX_PARTICIPANTS_LIMIT);
        List<QiscusUser> participants =
                room.participants.stream().map(store::requireUser).toList();
        ObjectNode results = QiscusJson.object();
        results.set("participants", QiscusJson.users(page.slice(participants)));
        ObjectNode meta = results.putObject("meta");
        meta.put("current_offset", page.offset());
        meta.put("current_page", page.page());
        meta.put("per_page", page.limit());
        meta.put("total", participants.size());
        return results;
    }

    /**
     * Returns the room named by {@code room_id}, which must be a group: 1-on-1 rooms have exactly
     * their two users forever [DOC].
     */
    private QiscusRoom groupRoom(QiscusParams params) {
        QiscusRoom room = store.requireRoom(params.required("room_id"));
        if (room.type != QiscusRoom.Type.GROUP) {
            throw QiscusApiException.badRequest("participants of a single room can not be changed");
        }
        return room;
    }

    private List<QiscusUser> users(QiscusParams params) {
        List<String> userIds = params.list("user_ids");
        if (userIds.isEmpty()) {
            throw QiscusApiException.badRequest("user_ids is required");
        }
        return store.requireUsers(userIds);
    }
}
