package dev.chatdirectory.emulator.cometchat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatdirectory.emulator.EmulatorResponse;
import java.util.List;

/**
 * Renders the model as CometChat's JSON: users, groups, members, banned users, action messages
 * and the {@code data}/{@code meta} envelopes.
 *
 * <p>Unset optional attributes are omitted, never {@code null}. Relation fields depend on the
 * acting user (the {@code onBehalfOf} header, {@code viewer} below): a user other than the viewer
 * carries the one-to-one {@code conversationId}, and a group carries the viewer's {@code scope},
 * {@code joinedAt} and {@code hasJoined}. Without {@code onBehalfOf} these fields are absent, as in
 * the older captured examples (S2) [I].
 */
final class WireFormat {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private final CometChatStore store;

    WireFormat(CometChatStore store) {
        this.store = store;
    }

    // ---- envelopes

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Returns 200 {@code {"data": data}}. */
    static EmulatorResponse data(JsonNode data) {
        ObjectNode body = object();
        body.set("data", data);
        return EmulatorResponse.json(200, body);
    }

    /** Returns 200 {@code {"data": {"success": true, "message": ...}}}. */
    static EmulatorResponse success(String message) {
        ObjectNode data = object();
        data.put("success", true);
        data.put("message", message);
        return data(data);
    }

    /**
     * Returns a list answer: {@code data}, {@code meta.pagination} and, when the page is not empty,
     * {@code meta.cursor}.
     *
     * @param topLevelCursor also put the cursor at the top level: the 2023 OpenAPI examples of the
     *     users and members lists place it there while the older ones (S2) place it in {@code meta};
     *     the reference recommends {@code meta.cursor} "or both" [C], and both keep either kind of
     *     client working
     */
    static EmulatorResponse list(ArrayNode items, ObjectNode meta, ObjectNode cursor, boolean topLevelCursor) {
        ObjectNode body = object();
        body.set("data", items);
        body.set("meta", meta);
        if (cursor != null) {
            meta.set("cursor", cursor);
            if (topLevelCursor) {
                body.set("cursor", cursor.deepCopy());
            }
        }
        return EmulatorResponse.json(200, body);
    }

    /** Returns a cursor {@code {field: value, "affix": "prepend"}}, the shape of every example. */
    static ObjectNode cursor(String field, long value) {
        ObjectNode cursor = object();
        cursor.put(field, value);
        cursor.put("affix", "prepend");
        return cursor;
    }

    static ArrayNode strings(List<String> values) {
        ArrayNode array = MAPPER.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    // ---- users

    /**
     * Renders a user.
     *
     * @param viewer the {@code onBehalfOf} UID, or {@code null}
     * @param withTags whether to include {@code tags} (always on single-user answers, on lists only
     *     with {@code withTags=true})
     */
    ObjectNode user(UserRecord user, String viewer, boolean withTags) {
        ObjectNode node = object();
        node.put("uid", user.uid);
        node.put("name", user.name);
        putIfSet(node, "link", user.link);
        putIfSet(node, "avatar", user.avatar);
        if (user.metadata != null) {
            node.set("metadata", user.metadata.deepCopy());
        }
        node.put("status", user.status());
        putIfSet(node, "statusMessage", user.statusMessage);
        node.put("role", user.role);
        if (user.lastActiveAt != null) {
            node.put("lastActiveAt", user.lastActiveAt);
        }
        node.put("createdAt", user.createdAt);
        if (user.updatedAt != null) {
            node.put("updatedAt", user.updatedAt);
        }
        if (user.deactivatedAt != null) {
            node.put("deactivatedAt", user.deactivatedAt);
        }
        if (withTags && !user.tags.isEmpty()) {
            node.set("tags", strings(user.tags));
        }
        if (viewer != null && !viewer.equals(user.uid)) {
            node.put("conversationId", userConversationId(viewer, user.uid));
        }
        return node;
    }

    /** Renders a group member: the user plus {@code scope} and {@code joinedAt}. */
    ObjectNode member(UserRecord user, GroupRecord.Member member, String viewer) {
        ObjectNode node = user(user, viewer, false);
        node.put("scope", member.scope().wire());
        node.put("joinedAt", member.joinedAt());
        return node;
    }

    /** Renders a banned user: the user plus former {@code scope}, {@code isBanned} and {@code joinedAt}. */
    ObjectNode bannedUser(UserRecord user, GroupRecord.Ban ban, String viewer) {
        ObjectNode node = user(user, viewer, false);
        node.put("scope", ban.formerScope().wire());
        node.put("isBanned", true);
        node.put("joinedAt", ban.formerJoinedAt());
        return node;
    }

    /** Renders the system user that acts when no {@code onBehalfOf} header is sent. */
    ObjectNode systemUser() {
        ObjectNode node = object();
        node.put("uid", CometChatStore.SYSTEM_UID);
        node.put("name", "System");
        node.put("role", CometChatStore.DEFAULT_ROLE);
        node.put("status", "offline");
        node.put("createdAt", store.appCreatedAt());
        return node;
    }

    /** Conversation id of two users: both UIDs in lexical order joined by {@code _user_}. */
    static String userConversationId(String a, String b) {
        return a.compareTo(b) <= 0 ? a + "_user_" + b : b + "_user_" + a;
    }

    // ---- groups

    /**
     * Renders a group; the password is never echoed.
     *
     * @param viewer the {@code onBehalfOf} UID, or {@code null}
     * @param withTags whether to include {@code tags}
     */
    ObjectNode group(GroupRecord group, String viewer, boolean withTags) {
        ObjectNode node = object();
        node.put("guid", group.guid);
        node.put("name", group.name);
        putIfSet(node, "description", group.description);
        putIfSet(node, "icon", group.icon);
        node.put("type", group.type.wire());
        GroupRecord.Member membership =
                viewer == null ? null : store.membership(group, viewer).orElse(null);
        if (membership != null) {
            node.put("scope", membership.scope().wire());
        }
        node.put("membersCount", store.membersCount(group));
        if (membership != null) {
            node.put("joinedAt", membership.joinedAt());
        }
        node.put("conversationId", group.conversationId());
        if (viewer != null) {
            node.put("hasJoined", membership != null);
        }
        node.put("createdAt", group.createdAt);
        if (group.updatedAt != null) {
            node.put("updatedAt", group.updatedAt);
        }
        node.put("owner", group.owner);
        if (group.metadata != null) {
            node.set("metadata", group.metadata.deepCopy());
        }
        if (withTags && !group.tags.isEmpty()) {
            node.set("tags", strings(group.tags));
        }
        return node;
    }

    // ---- action messages

    /**
     * Renders the {@code groupMember} action message CometChat emits when a member is added; the
     * add-members answer carries one per successfully added UID.
     *
     * @param actor the {@code onBehalfOf} user, or {@code null} for the system user
     */
    ObjectNode memberAddedMessage(GroupRecord group, UserRecord added, UserRecord actor, long now) {
        ObjectNode message = object();
        message.put("id", store.nextMessageId());
        message.put("conversationId", group.conversationId());
        message.put("sender", actor == null ? CometChatStore.SYSTEM_UID : actor.uid);
        message.put("receiverType", "group");
        message.put("receiver", group.guid);
        message.put("category", "action");
        message.put("type", "groupMember");
        ObjectNode data = message.putObject("data");
        data.put("action", "added");
        ObjectNode entities = data.putObject("entities");
        entities.set("by", entity(actor == null ? systemUser() : user(actor, null, false), "user"));
        entities.set("on", entity(user(added, null, false), "user"));
        entities.set("for", entity(group(group, null, true), "group"));
        message.put("sentAt", now);
        message.put("updatedAt", now);
        return message;
    }

    private static ObjectNode entity(ObjectNode entity, String type) {
        ObjectNode node = object();
        node.set("entity", entity);
        node.put("entityType", type);
        return node;
    }

    private static void putIfSet(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
