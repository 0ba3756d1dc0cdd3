package dev.chatdirectory.provider.cometchat.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatdirectory.GroupOperations;
import dev.chatdirectory.NotFoundException;
import dev.chatdirectory.http.AttemptRecord;
import dev.chatdirectory.http.CallSafety;
import dev.chatdirectory.http.HttpCallExecutor;
import dev.chatdirectory.model.Group;
import dev.chatdirectory.model.GroupCreate;
import dev.chatdirectory.model.GroupQuery;
import dev.chatdirectory.model.GroupUpdate;
import dev.chatdirectory.model.Page;
import dev.chatdirectory.model.PageRequest;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Groups on CometChat's {@code /groups} endpoints.
 *
 * <p>CometChat needs a GUID on create; when the request has none, a random one is chosen here
 * ({@code g-} and 20 lowercase letters and digits), so that callers who leave ids to the provider
 * work as with any other. A group created without an owner belongs to CometChat's system user,
 * which is reported as no owner. Ownership moves with {@code PUT /groups/{guid}} and {@code owner},
 * sent without {@code onBehalfOf} (CometChat ignores the field when acting for a user).
 * Thread-safe.
 */
final class CometChatGroups implements GroupOperations {

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CometChatApi api;
    private final HttpCallExecutor calls;
    private final CometChatMapper wire;
    private final CometChatPaging paging;

    @Inject
    private CometChatGroups(CometChatApi api, HttpCallExecutor calls, CometChatMapper wire, CometChatPaging paging) {
        this.api = api;
        this.calls = calls;
        this.wire = wire;
        this.paging = paging;
    }

    @Override
    public Group create(GroupCreate request) {
        String guid = request.id().orElseGet(CometChatGroups::randomGuid);
        WireBodies.GroupWrite body = new WireBodies.GroupWrite(
                guid,
                request.name(),
                // Always sent: the specs require it, one docs table calls it optional.
                CometChatMapper.wireType(request.type()),
                request.password().orElse(null),
                request.iconUrl().orElse(null),
                request.description().orElse(null),
                request.metadata().isEmpty() ? null : request.metadata(),
                request.ownerId().orElse(null),
                null);
        return calls.guardedCreate(() -> wire.group(wire.data(api.createGroup(body))), () -> get(guid));
    }

    private static String randomGuid() {
        StringBuilder guid = new StringBuilder("g-");
        for (int i = 0; i < 20; i++) {
            guid.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return guid.toString();
    }

    @Override
    public Optional<Group> get(String groupId) {
        try {
            return Optional.of(wire.group(wire.data(calls.read(() -> api.getGroup(groupId)))));
        } catch (NotFoundException e) {
            return CometChatCodes.absentIf(e, CometChatCodes.GUID_NOT_FOUND);
        }
    }

    @Override
    public Group update(String groupId, GroupUpdate update) {
        List<String> unset = new ArrayList<>();
        String description = WireBodies.valueOrUnset(update.description(), "description", unset);
        String icon = WireBodies.valueOrUnset(update.iconUrl(), "icon", unset);
        Map<String, Object> metadata = WireBodies.metadataOrUnset(update.metadata(), unset);
        WireBodies.GroupWrite body = new WireBodies.GroupWrite(
                null,
                update.name().setValue().orElse(null),
                update.type().map(CometChatMapper::wireType).orElse(null),
                update.password().orElse(null),
                icon,
                description,
                metadata,
                null,
                unset.isEmpty() ? null : unset);
        return write(groupId, body);
    }

    @Override
    public boolean delete(String groupId) {
        AttemptRecord attempts = new AttemptRecord();
        try {
            calls.call(CallSafety.CONVERGENT_WRITE, attempts, () -> api.deleteGroup(groupId));
            return true;
        } catch (NotFoundException e) {
            if (CometChatCodes.is(e, CometChatCodes.GUID_NOT_FOUND)) {
                // After a lost answer the group may be gone because of this call: GroupOperations.delete's rule.
                return attempts.answerLost();
            }
            throw e;
        }
    }

    @Override
    public Group transferOwnership(String groupId, String newOwnerId) {
        return write(groupId, new WireBodies.GroupWrite(null, null, null, null, null, null, null, newOwnerId, null));
    }

    private Group write(String groupId, WireBodies.GroupWrite body) {
        return wire.group(wire.data(calls.call(CallSafety.IDEMPOTENT_WRITE, () -> api.updateGroup(groupId, body))));
    }

    @Override
    public Page<Group> list(GroupQuery query) {
        CometChatPaging.Position position = paging.start("groups", query.pageSize(), query.cursor());
        Map<String, Object> params = position.query();
        query.search().ifPresent(s -> params.put("searchKey", s));
        query.type().ifPresent(t -> params.put("type", CometChatMapper.wireType(t)));
        JsonNode body = calls.read(() -> api.listGroups(params));
        return paging.page(position, body, wire.items(body, wire::group));
    }

    /**
     * Lists a user's groups with {@code GET /groups?hasJoined=true} sent {@code onBehalfOf} the
     * user: CometChat has no {@code /users/{uid}/groups}, and documents {@code hasJoined} as "all
     * the joined groups of a user", for the {@code onBehalfOf} user. An unknown or deactivated
     * acting user is a 404 {@code ERR_UID_NOT_FOUND}, thrown as {@link NotFoundException}.
     */
    @Override
    public Page<Group> listForMember(String userId, PageRequest request) {
        CometChatPaging.Position position = paging.start("groups-of:" + userId, request.pageSize(), request.cursor());
        Map<String, Object> params = position.query();
        params.put("hasJoined", true);
        JsonNode body = calls.read(() -> api.listGroupsOnBehalfOf(userId, params));
        return paging.page(position, body, wire.items(body, wire::joinedGroup));
    }
}
