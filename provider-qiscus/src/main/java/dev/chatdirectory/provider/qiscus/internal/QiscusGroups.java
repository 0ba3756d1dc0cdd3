package dev.chatdirectory.provider.qiscus.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatdirectory.Capability;
import dev.chatdirectory.ChatDirectoryException;
import dev.chatdirectory.ConfigurationException;
import dev.chatdirectory.ErrorContext;
import dev.chatdirectory.GroupOperations;
import dev.chatdirectory.InvalidRequestException;
import dev.chatdirectory.NotFoundException;
import dev.chatdirectory.ProviderUnavailableException;
import dev.chatdirectory.UnsupportedCapabilityException;
import dev.chatdirectory.http.CallSafety;
import dev.chatdirectory.http.ErrorMapper;
import dev.chatdirectory.http.HttpCallExecutor;
import dev.chatdirectory.http.PageCursor;
import dev.chatdirectory.model.Group;
import dev.chatdirectory.model.GroupCreate;
import dev.chatdirectory.model.GroupQuery;
import dev.chatdirectory.model.GroupUpdate;
import dev.chatdirectory.model.Page;
import dev.chatdirectory.model.PageRequest;
import dev.chatdirectory.model.Patch;
import dev.chatdirectory.provider.qiscus.internal.QiscusApi.CreateRoom;
import dev.chatdirectory.provider.qiscus.internal.QiscusApi.Participants;
import dev.chatdirectory.provider.qiscus.internal.QiscusApi.UpdateRoom;
import dev.chatdirectory.spi.ProviderDescriptor;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Groups as Qiscus group rooms: {@code create_room}, {@code get_rooms_info} and {@code
 * update_room}.
 *
 * <p>Group ids are the {@code room_id}s Qiscus assigns. Client-chosen ids are not offered: the only
 * rooms Qiscus keys by a caller's id are channels ({@code get_or_create_channel}), which anyone may
 * join, hold up to 5000 users and have no receipts, and which that call returns instead of failing
 * when the id is taken.
 *
 * <p>{@code create_room} needs a creator, who must exist, and at least one participant; Qiscus does
 * not make the creator a participant by itself. A group with an owner is created by the owner,
 * whose first participant it is, and the owner is kept in {@code room_options} because Qiscus never
 * returns the creator. A group without an owner is created by the {@code systemUserId} user, who
 * is then removed, so that the group starts empty like in every other provider.
 *
 * <p>Qiscus has no endpoint to delete a room or to list all rooms, so {@link
 * Capability#GROUP_DELETE} and {@link Capability#GROUP_LIST} are not declared, and there is no
 * ownership transfer; the rooms of one user are listed ({@link Capability#GROUPS_OF_MEMBER}).
 */
final class QiscusGroups implements GroupOperations {

    private final QiscusApi api;
    private final HttpCallExecutor calls;
    private final QiscusMapper mapper;
    private final QiscusUsers users;
    private final RoomCreator roomCreator;
    private final ErrorMapper errors;
    private final ProviderDescriptor descriptor;

    @Inject
    private QiscusGroups(
            QiscusApi api,
            HttpCallExecutor calls,
            QiscusMapper mapper,
            QiscusUsers users,
            RoomCreator roomCreator,
            ErrorMapper errors,
            ProviderDescriptor descriptor) {
        this.api = api;
        this.calls = calls;
        this.mapper = mapper;
        this.users = users;
        this.roomCreator = roomCreator;
        this.errors = errors;
        this.descriptor = descriptor;
    }

    /**
     * Creates a group room. {@code create_room} creates a new room on every call and takes no
     * idempotency key, so it is repeated only when Qiscus cannot have processed it (429, 503,
     * connection refused); after a lost answer the caller gets the error and no second room.
     */
    @Override
    public Group create(GroupCreate request) {
        checkMetadata(request.metadata());
        Optional<String> owner = request.ownerId();
        String creator;
        if (owner.isPresent()) {
            creator = owner.get();
            if (users.profile(creator).filter(mapper::active).isEmpty()) {
                throw new NotFoundException("the owner '" + creator + "' is not a Qiscus user", context());
            }
        } else {
            creator = roomCreator
                    .systemUserId()
                    .orElseThrow(() -> new InvalidRequestException(
                            "ownerId",
                            "is required by qiscus, whose rooms need a creator, unless the systemUserId property names"
                                    + " the user who creates rooms for groups without an owner",
                            context()));
        }
        CreateRoom body = new CreateRoom(
                request.name(),
                creator,
                List.of(creator),
                request.iconUrl(),
                request.metadata().isEmpty() && owner.isEmpty()
                        ? Optional.empty()
                        : Optional.of(mapper.roomOptions(request.metadata(), owner)));
        JsonNode answer;
        try {
            answer = calls.call(CallSafety.UNSAFE_WRITE, () -> api.createRoom(body));
        } catch (NotFoundException e) {
            if (owner.isPresent()) {
                throw e;
            }
            throw new ConfigurationException(
                    "the systemUserId property names '" + creator + "', who is not a Qiscus user", context(), e);
        }
        Group group = group(mapper.results(answer).path("room"));
        if (owner.isEmpty()) {
            removeSystemUser(group.id(), creator);
        }
        return group;
    }

    @Override
    public Optional<Group> get(String groupId) {
        return room(groupId).flatMap(mapper::group);
    }

    /**
     * Reads the room, then sends only what changes. Metadata replaces the application's options
     * and keeps the owner; a cleared icon becomes Qiscus's placeholder avatar, since Qiscus ignores
     * empty values. Read and write are two calls: options changed by someone else in between are
     * overwritten.
     */
    @Override
    public Group update(String groupId, GroupUpdate update) {
        update.metadata().ifSet(this::checkMetadata);
        Group current = get(groupId).orElseThrow(() -> notFound(groupId));
        if (update.type().filter(type -> type != current.type()).isPresent()) {
            throw new InvalidRequestException(
                    "type", "qiscus cannot turn a channel into a group room or back", context());
        }
        Patch<String> icon = update.iconUrl();
        Optional<String> iconUrl = icon.isClear() ? Optional.of(mapper.placeholderAvatar()) : icon.setValue();
        Optional<String> options = update.metadata().isUnchanged()
                ? Optional.empty()
                : Optional.of(mapper.roomOptions(update.metadata().setValue().orElse(Map.of()), current.ownerId()));
        UpdateRoom body = new UpdateRoom(groupId, update.name().setValue(), iconUrl, options);
        if (body.roomName().isEmpty()
                && body.roomAvatarUrl().isEmpty()
                && body.roomOptions().isEmpty()) {
            return current;
        }
        // Sending the same values again has no further effect.
        JsonNode answer = calls.call(CallSafety.IDEMPOTENT_WRITE, () -> api.updateRoom(body));
        return group(mapper.results(answer).path("room"));
    }

    @Override
    public boolean delete(String groupId) {
        throw new UnsupportedCapabilityException(descriptor.id(), Capability.GROUP_DELETE);
    }

    @Override
    public Group transferOwnership(String groupId, String newOwnerId) {
        throw new UnsupportedCapabilityException(descriptor.id(), Capability.GROUP_OWNER_TRANSFER);
    }

    @Override
    public Page<Group> list(GroupQuery query) {
        throw new UnsupportedCapabilityException(descriptor.id(), Capability.GROUP_LIST);
    }

    /**
     * Lists the group rooms of a user, one {@code get_user_rooms} page with {@code room_type=group}
     * per page; channels are among them, as public groups.
     *
     * <p>What Qiscus answers for an unknown user is [UNK] (an error or an empty list), so a walk
     * starts by reading the user: an unknown or deactivated user is {@link NotFoundException}
     * whatever Qiscus would say. A page shorter than asked for is the last. The 2018 docs give
     * this endpoint's largest page as 100 and, on the same page, as 20 [REPO]: should Qiscus cap
     * pages below the size asked for, a short page would end the walk early, so a short page that
     * {@code meta.total_room} says is not the last is checked against the next page, and a
     * non-empty next page is a protocol error instead of a silently shortened walk.
     */
    @Override
    public Page<Group> listForMember(String userId, PageRequest request) {
        PageCursor at = PageCursor.resumePage(descriptor, "groups-of:" + userId, request.cursor(), request.pageSize());
        if (request.cursor().isEmpty()
                && users.profile(userId).filter(mapper::active).isEmpty()) {
            throw new NotFoundException("no user with id '" + userId + "'", context());
        }
        long page = at.position();
        int size = at.pageSize();
        JsonNode results = userRooms(userId, page, size);
        JsonNode rooms = mapper.array(results, "rooms");
        boolean full = rooms.size() >= size;
        boolean countedMore =
                mapper.totalRooms(results).filter(total -> page * size < total).isPresent();
        if (!full
                && countedMore
                && !mapper.array(userRooms(userId, page + 1, size), "rooms").isEmpty()) {
            throw errors.protocolError(
                    "get_user_rooms answered " + rooms.size() + " rooms for a page of " + size
                            + " and more on the next page: Qiscus caps its pages below " + size
                            + ", so ask for smaller pages",
                    null);
        }
        List<Group> groups = new ArrayList<>(rooms.size());
        rooms.forEach(room -> mapper.group(room).ifPresent(groups::add));
        return Page.of(groups, full ? at.at(page + 1).encode() : null);
    }

    private JsonNode userRooms(String userId, long page, int size) {
        return mapper.results(calls.read(() -> api.userRooms(userId, "group", page, size)));
    }

    /** Returns the room object with the given id; {@code get_rooms_info} leaves unknown ids out. */
    Optional<JsonNode> room(String roomId) {
        JsonNode rooms = mapper.array(mapper.results(calls.read(() -> api.roomsInfo(List.of(roomId)))), "rooms");
        for (JsonNode room : rooms) {
            if (roomId.equals(room.path("room_id").asText())) {
                return Optional.of(room);
            }
        }
        return Optional.empty();
    }

    private Group group(JsonNode room) {
        return mapper.group(room)
                .orElseThrow(() -> errors.protocolError("expected a group room, got a 1-on-1 room", null));
    }

    /**
     * Takes the system user out of the room it just created for a group without an owner. Removing
     * a participant twice changes nothing, so the call is repeated after any transient failure.
     */
    private void removeSystemUser(String roomId, String systemUser) {
        try {
            calls.call(
                    CallSafety.IDEMPOTENT_WRITE,
                    () -> api.removeParticipants(new Participants(roomId, List.of(systemUser))));
        } catch (ChatDirectoryException e) {
            throw new ProviderUnavailableException(
                    "group " + roomId + " was created, but its creator '" + systemUser
                            + "' could not be taken out of it; remove it with members().remove: " + e.getMessage(),
                    e.context(),
                    e);
        }
    }

    private void checkMetadata(Map<String, Object> metadata) {
        if (metadata.containsKey(QiscusMapper.RESERVED_OPTION)) {
            throw new InvalidRequestException(
                    "metadata." + QiscusMapper.RESERVED_OPTION,
                    "is reserved by the qiscus provider, which keeps the group owner there",
                    context());
        }
    }

    private NotFoundException notFound(String groupId) {
        return new NotFoundException("no group with id '" + groupId + "'", context());
    }

    private ErrorContext context() {
        return ErrorContext.of(descriptor.id());
    }
}
