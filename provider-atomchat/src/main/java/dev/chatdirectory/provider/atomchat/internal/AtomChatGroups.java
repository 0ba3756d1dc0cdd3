package dev.chatdirectory.provider.atomchat.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatdirectory.Capability;
import dev.chatdirectory.ErrorContext;
import dev.chatdirectory.GroupOperations;
import dev.chatdirectory.NotFoundException;
import dev.chatdirectory.UnsupportedCapabilityException;
import dev.chatdirectory.http.AttemptRecord;
import dev.chatdirectory.http.CallSafety;
import dev.chatdirectory.http.ErrorMapper;
import dev.chatdirectory.http.HttpCallExecutor;
import dev.chatdirectory.model.Group;
import dev.chatdirectory.model.GroupCreate;
import dev.chatdirectory.model.GroupQuery;
import dev.chatdirectory.model.GroupUpdate;
import dev.chatdirectory.model.Page;
import dev.chatdirectory.model.PageRequest;
import dev.chatdirectory.spi.ProviderDescriptor;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Groups at AtomChat: createGroup, updateGroup, deleteGroup and getGroupList.
 *
 * <p>AtomChat has no "get group" endpoint: a group is read from getGroupList filtered by its GUID,
 * and the reply is filtered again here because older servers ignore the filter. getGroupList has
 * no paging either, so listings are cut into pages here, sorted by GUID. Every group needs a GUID
 * from the client; one is generated when the request has none. Thread-safe.
 */
@Singleton
final class AtomChatGroups implements GroupOperations {

    private final AtomChatApi api;
    private final HttpCallExecutor executor;
    private final AtomChatMapper wire;
    private final AtomChatUsers users;
    private final ProviderDescriptor descriptor;
    private final ErrorMapper errors;

    @Inject
    private AtomChatGroups(
            AtomChatApi api,
            HttpCallExecutor executor,
            AtomChatMapper wire,
            AtomChatUsers users,
            ProviderDescriptor descriptor,
            ErrorMapper errors) {
        this.api = api;
        this.executor = executor;
        this.wire = wire;
        this.users = users;
        this.descriptor = descriptor;
        this.errors = errors;
    }

    /**
     * Creates a group. AtomChat does not check that {@code createdby} names a user, so the owner is
     * looked up first (a user deleted in between still becomes the owner), and added as a member
     * afterwards, as the portable contract requires. The docs make {@code
     * createdby} the owner; the 2018 server ignored it, in which case the group reads back without
     * one.
     */
    @Override
    public Group create(GroupCreate request) {
        String id = request.id().orElseGet(() -> UUID.randomUUID().toString());
        request.ownerId().ifPresent(owner -> {
            if (!users.exists(owner)) {
                throw new NotFoundException(
                        "the owner '" + owner + "' is not a user", ErrorContext.of(descriptor.id()));
            }
        });
        Map<String, String> form = Form.of("GUID", id)
                .and("name", request.name())
                .and("type", AtomChatMapper.wireType(request.type()))
                .and("password", request.password().orElse(null))
                .and("createdby", request.ownerId().orElse(null))
                .fields();
        executor.guardedCreate(() -> api.createGroup(form), () -> lookUp(id));
        // The portable contract makes an owner a member of its group, as CometChat and Qiscus do;
        // AtomChat stores createdby without adding the user, so the adapter adds it.
        request.ownerId()
                .ifPresent(owner -> executor.call(
                        CallSafety.IDEMPOTENT_WRITE,
                        () -> api.addUsersToGroup(Form.of("GUID", id)
                                .and("UIDs", owner)
                                .and("clearExisting", "false")
                                .fields())));
        return get(id).orElseThrow(() -> errors.protocolError("the created group is not in getGroupList", null));
    }

    @Override
    public Optional<Group> get(String groupId) {
        JsonNode success;
        try {
            success = executor.read(() -> api.getGroupList(guids(groupId)));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
        return find(groupId, success).map(wire::group);
    }

    /**
     * Updates a group. Which fields updateGroup takes is not documented (one unnamed field besides
     * the GUID, almost certainly the name), and it might rewrite every field as updateUser does, so
     * the whole known state is sent: name and type, and the password when one is given. The group is
     * then read back, and a name or type the vendor did not apply is reported as a {@link
     * dev.chatdirectory.ProviderProtocolException} instead of passing silently. A password change
     * can not be checked: AtomChat never returns passwords.
     */
    @Override
    public Group update(String groupId, GroupUpdate update) {
        Group current = get(groupId).orElseThrow(() -> notFound(groupId));
        Group wanted = update.applyTo(current);
        Map<String, String> form = Form.of("GUID", groupId)
                .and("name", wanted.name())
                // An unchanged type is sent as stored, so that a type 2 or 3 of older servers stays.
                .and("type", update.type().map(AtomChatMapper::wireType).orElseGet(() -> wire.wireType(current)))
                .and("password", update.password().orElse(null))
                .fields();
        executor.call(CallSafety.IDEMPOTENT_WRITE, () -> api.updateGroup(form));
        Group stored = get(groupId).orElseThrow(() -> notFound(groupId));
        if (!stored.name().equals(wanted.name()) || stored.type() != wanted.type()) {
            throw errors.protocolError(
                    "updateGroup answered success but the group's name or type is not what was sent", null);
        }
        return stored;
    }

    @Override
    public boolean delete(String groupId) {
        AttemptRecord attempts = new AttemptRecord();
        try {
            executor.call(
                    CallSafety.CONVERGENT_WRITE,
                    attempts,
                    () -> api.deleteGroup(Form.of("GUID", groupId).fields()));
            return true;
        } catch (NotFoundException e) {
            // After a lost answer the group may be gone because of this call: GroupOperations.delete's rule.
            return attempts.answerLost();
        }
    }

    @Override
    public Group transferOwnership(String groupId, String newOwnerId) {
        throw new UnsupportedCapabilityException(descriptor.id(), Capability.GROUP_OWNER_TRANSFER);
    }

    @Override
    public Page<Group> list(GroupQuery query) {
        return AtomChatPaging.slice(
                descriptor,
                "groups",
                () -> wire
                        .rows(executor.read(() -> api.getGroupList(Form.empty().fields())))
                        .stream()
                        .map(wire::group)
                        .filter(g -> query.type().map(t -> t == g.type()).orElse(true))
                        .sorted(Comparator.comparing(Group::id))
                        .toList(),
                query.pageSize().orElse(descriptor.limits().defaultPageSize()),
                query.cursor());
    }

    /**
     * Lists a user's groups. getUser with {@code returnJoinedGroups} names them all at once, with
     * only GUID, name and a type label, so they are sorted by GUID and cut into pages here, and
     * the groups of each page are read with one getGroupList for their GUIDs, for the fields the
     * joined list lacks (the owner, the type number); a group deleted between the two calls is
     * left out. An unknown user is getUser's "User not registered", thrown as {@link
     * NotFoundException}.
     */
    @Override
    public Page<Group> listForMember(String userId, PageRequest request) {
        Page<String> page = AtomChatPaging.slice(
                descriptor,
                "groups-of:" + userId,
                () -> wire
                        .joinedGroupGuids(executor.read(() -> api.getUser(Form.of("UID", userId)
                                .and("returnJoinedGroups", "true")
                                .fields())))
                        .stream()
                        .sorted()
                        .toList(),
                request.pageSize().orElse(descriptor.limits().defaultPageSize()),
                request.cursor());
        if (page.items().isEmpty()) {
            return new Page<>(List.of(), page.nextCursor());
        }
        JsonNode success;
        try {
            success = executor.read(
                    () -> api.getGroupList(Form.ofList("GUIDs", page.items()).fields()));
        } catch (NotFoundException e) {
            return new Page<>(List.of(), page.nextCursor());
        }
        // Older servers ignore the GUIDs filter and return every group: only the page's are kept.
        Map<String, Group> byGuid = new HashMap<>();
        for (JsonNode row : wire.rows(success)) {
            String guid = wire.guid(row);
            if (page.items().contains(guid)) {
                byGuid.put(guid, wire.group(row));
            }
        }
        return new Page<>(
                page.items().stream()
                        .filter(byGuid::containsKey)
                        .map(byGuid::get)
                        .toList(),
                page.nextCursor());
    }

    private Optional<JsonNode> lookUp(String groupId) {
        try {
            return find(groupId, Direct.call(() -> api.getGroupList(guids(groupId))));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private Optional<JsonNode> find(String groupId, JsonNode success) {
        return wire.rows(success).stream()
                .filter(row -> groupId.equals(wire.guid(row)))
                .findFirst();
    }

    private NotFoundException notFound(String groupId) {
        return new NotFoundException("no group with id '" + groupId + "'", ErrorContext.of(descriptor.id()));
    }

    private static Map<String, String> guids(String groupId) {
        return Form.of("GUIDs", groupId).fields();
    }
}
