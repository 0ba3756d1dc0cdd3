package dev.chatdirectory.provider.cometchat.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatdirectory.ProviderProtocolException;
import dev.chatdirectory.http.ErrorMapper;
import dev.chatdirectory.http.SecretRedactor;
import dev.chatdirectory.http.WireJson;
import dev.chatdirectory.model.BannedMember;
import dev.chatdirectory.model.Group;
import dev.chatdirectory.model.GroupType;
import dev.chatdirectory.model.Member;
import dev.chatdirectory.model.MemberRole;
import dev.chatdirectory.model.Presence;
import dev.chatdirectory.model.PresenceState;
import dev.chatdirectory.model.User;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Reads CometChat's JSON into the API's models.
 *
 * <p>Mandatory fields ({@code uid}, {@code guid}, a known {@code type} or {@code scope}) that are
 * missing or malformed give a {@link dev.chatdirectory.ProviderProtocolException} naming the
 * field; optional fields CometChat omits when unset are read as empty. Every model keeps the
 * whole CometChat object as its raw payload, except the fields the provider declares secret (such
 * as a user's {@code authToken}). Thread-safe.
 */
final class CometChatMapper {

    /** UID of the system user that owns groups created without an owner. */
    static final String SYSTEM_USER = "app_system";

    private final WireJson json;
    private final ErrorMapper errors;
    private final Predicate<String> secretField;

    @Inject
    private CometChatMapper(WireJson json, ErrorMapper errors, SecretRedactor secrets) {
        this.json = json;
        this.errors = errors;
        this.secretField = secrets::isSecretField;
    }

    /**
     * Returns the {@code data} object of a single-entity answer.
     *
     * @param body the answer
     * @return its {@code data} object
     */
    JsonNode data(JsonNode body) {
        return json.object(body, "data");
    }

    /**
     * Reads a user. A positive {@code deactivatedAt} (epoch seconds, as a number or digits) marks
     * the user deactivated at that time; {@code 0} or no {@code deactivatedAt} means active. The
     * REST specs do not document the field: the SDK's user entity carries it ({@code 0} when
     * active), and {@code withDeactivated} listings are read the same way.
     *
     * @param node a CometChat user object
     * @return the user; CometChat has no e-mail field, so it is always empty
     */
    User user(JsonNode node) {
        requireObject(node, "user");
        return User.builder(
                        json.requiredText(node, "uid"), json.text(node, "name").orElse(""))
                .avatarUrl(json.text(node, "avatar").orElse(null))
                .profileUrl(json.text(node, "link").orElse(null))
                .role(json.text(node, "role").orElse(null))
                .metadata(json.toMap(node.get("metadata")))
                .createdAt(json.epochSeconds(node, "createdAt").orElse(null))
                .updatedAt(json.epochSeconds(node, "updatedAt").orElse(null))
                .deactivatedAt(json.epochSeconds(node, "deactivatedAt").orElse(null))
                .raw(raw(node))
                .build();
    }

    /**
     * Reads a user's presence.
     *
     * @param node a CometChat user object
     * @param observedAt when CometChat answered
     * @return the presence
     */
    Presence presence(JsonNode node, Instant observedAt) {
        requireObject(node, "user");
        PresenceState state =
                json.text(node, "status").map(CometChatMapper::presenceState).orElse(PresenceState.UNKNOWN);
        return new Presence(json.requiredText(node, "uid"), state, json.epochSeconds(node, "lastActiveAt"), observedAt);
    }

    private static PresenceState presenceState(String status) {
        // REST documents "available" and "offline"; older docs also list "busy" and "away", which
        // the SDKs count as connected.
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "available", "online", "busy", "away" -> PresenceState.ONLINE;
            case "offline", "invisible" -> PresenceState.OFFLINE;
            default -> PresenceState.UNKNOWN;
        };
    }

    /**
     * Reads a group; the system owner {@value #SYSTEM_USER} is reported as no owner.
     *
     * @param node a CometChat group object
     * @return the group
     */
    Group group(JsonNode node) {
        requireObject(node, "group");
        Group.Builder builder = Group.builder(
                        json.requiredText(node, "guid"),
                        json.text(node, "name").orElse(""),
                        groupType(json.requiredText(node, "type")))
                .description(json.text(node, "description").orElse(null))
                .iconUrl(json.text(node, "icon").orElse(null))
                .ownerId(json.text(node, "owner")
                        .filter(owner -> !owner.equals(SYSTEM_USER))
                        .orElse(null))
                .metadata(json.toMap(node.get("metadata")))
                .createdAt(json.epochSeconds(node, "createdAt").orElse(null))
                .updatedAt(json.epochSeconds(node, "updatedAt").orElse(null))
                .raw(raw(node));
        Optional<Long> membersCount = json.number(node, "membersCount");
        if (membersCount.isPresent()) {
            if (membersCount.get() < 0 || membersCount.get() > Integer.MAX_VALUE) {
                throw errors.protocolError("'membersCount' out of range", null);
            }
            builder.memberCount(membersCount.get().intValue());
        }
        return builder.build();
    }

    /**
     * Reads a group of a {@code hasJoined=true} listing made on behalf of a user. CometChat marks
     * each group with the acting user's {@code hasJoined}; a group marked {@code false} means the
     * filter was not applied, and is a protocol error rather than a membership the user does not
     * have. A group without the mark is read as joined, since the reference shows the mark in
     * examples only [I].
     *
     * @param node a CometChat group object
     * @return the group
     */
    Group joinedGroup(JsonNode node) {
        requireObject(node, "group");
        if (json.bool(node, "hasJoined").filter(joined -> !joined).isPresent()) {
            throw errors.protocolError("a group of a hasJoined=true listing says 'hasJoined': false", null);
        }
        return group(node);
    }

    private GroupType groupType(String type) {
        return switch (type) {
            case "public" -> GroupType.PUBLIC;
            case "password" -> GroupType.PASSWORD;
            case "private" -> GroupType.PRIVATE;
            default -> throw errors.protocolError("unknown group type in 'type'", null);
        };
    }

    /**
     * Returns CometChat's name of a group type.
     *
     * @param type the type
     * @return {@code public}, {@code password} or {@code private}
     */
    static String wireType(GroupType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a group member (a user object plus {@code scope} and {@code joinedAt}); the user's
     * {@code name} is the member's display name.
     *
     * @param groupId the group
     * @param node a CometChat member object
     * @return the member
     */
    Member member(String groupId, JsonNode node) {
        requireObject(node, "member");
        return new Member(
                groupId,
                json.requiredText(node, "uid"),
                role(json.requiredText(node, "scope")),
                json.epochSeconds(node, "joinedAt"),
                json.text(node, "name"));
    }

    private MemberRole role(String scope) {
        return switch (scope) {
            case "admin" -> MemberRole.ADMIN;
            case "moderator" -> MemberRole.MODERATOR;
            case "participant" -> MemberRole.PARTICIPANT;
            default -> throw errors.protocolError("unknown member scope in 'scope'", null);
        };
    }

    /**
     * Returns CometChat's name of a member role.
     *
     * @param role the role
     * @return {@code admin}, {@code moderator} or {@code participant}
     */
    static String scope(MemberRole role) {
        return role.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a banned user: its {@code scope} and {@code joinedAt} are those of the membership the
     * ban ended. Only a {@code bannedAt} time is taken as the ban time: {@code joinedAt} on a banned
     * user is when they had joined, not when they were banned.
     *
     * @param groupId the group
     * @param node a CometChat banned-user object
     * @return the ban
     */
    BannedMember banned(String groupId, JsonNode node) {
        requireObject(node, "banned user");
        return new BannedMember(
                groupId,
                json.requiredText(node, "uid"),
                json.epochSeconds(node, "bannedAt"),
                json.text(node, "scope").map(this::role),
                json.epochSeconds(node, "joinedAt"));
    }

    /**
     * Reads the items of a list answer ({@code data} must be an array).
     *
     * @param body the answer
     * @param item reads one item
     * @param <T> the item type
     * @return the items, in CometChat's order
     */
    <T> List<T> items(JsonNode body, Function<JsonNode, T> item) {
        List<T> items = new ArrayList<>();
        json.array(body, "data").forEach(node -> items.add(item.apply(node)));
        return items;
    }

    /**
     * Reads whether a page is followed by another, from {@code meta.pagination}; without it, a
     * full page is assumed to have a successor.
     *
     * @param body the list answer
     * @param page the 1-based page that was asked for
     * @param perPage the page size that was asked for
     * @param itemCount the items the page held
     * @return whether to offer a next cursor
     */
    boolean hasNextPage(JsonNode body, long page, int perPage, int itemCount) {
        if (itemCount == 0) {
            return false;
        }
        JsonNode pagination = body.path("meta").path("pagination");
        Optional<Long> totalPages = json.number(pagination, "total_pages");
        if (pagination.isObject() && totalPages.isPresent()) {
            long current = json.number(pagination, "current_page").orElse(page);
            return current < totalPages.get();
        }
        return itemCount >= perPage;
    }

    /**
     * Returns the buckets of a bulk (de)activation answer that hold a UID. A bucket is a member of
     * {@code data} holding UIDs in an array, or in an object as PHP encodes an array whose keys have
     * gaps; an absent bucket holds none. UIDs are compared ignoring case: CometChat echoes each UID
     * as sent while it stores and looks them up lower-cased.
     *
     * @param data the answer's {@code data}
     * @param uid the UID
     * @return the names of the buckets holding it, in the answer's order
     */
    List<String> bucketsHolding(JsonNode data, String uid) {
        List<String> buckets = new ArrayList<>();
        data.properties().forEach(bucket -> {
            JsonNode uids = bucket.getValue();
            if (uids.isContainerNode()) {
                for (JsonNode member : uids) {
                    if (member.isTextual() && member.textValue().equalsIgnoreCase(uid)) {
                        buckets.add(bucket.getKey());
                        break;
                    }
                }
            }
        });
        return buckets;
    }

    /**
     * Returns the result object of a UID in the older per-UID form of a bulk (de)activation answer
     * ({@code {"superhero3": {"success": true, "message": "..."}}}), its key compared ignoring case.
     *
     * @param data the answer's {@code data}
     * @param uid the UID
     * @return its result, empty when the answer has none in that form
     */
    Optional<JsonNode> uidResult(JsonNode data, String uid) {
        for (Map.Entry<String, JsonNode> member : data.properties()) {
            if (member.getKey().equalsIgnoreCase(uid) && member.getValue().isObject()) {
                return Optional.of(member.getValue());
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the result object of one UID in an add-members answer.
     *
     * @param data the answer's {@code data}
     * @param bucket {@code admins}, {@code moderators} or {@code participants}
     * @param uid the UID
     * @return its result, empty when CometChat left it out
     */
    Optional<JsonNode> memberResult(JsonNode data, String bucket, String uid) {
        JsonNode result = data.path(bucket).get(uid);
        if (result == null) {
            return Optional.empty();
        }
        requireObject(result, bucket + "." + uid);
        return Optional.of(result);
    }

    /**
     * {@return whether a per-item result says {@code "success": true}}
     *
     * @param result the item's result object
     */
    boolean succeeded(JsonNode result) {
        return json.bool(result, "success").orElse(false);
    }

    /**
     * Returns the exception for an answer that makes no sense.
     *
     * @param detail what was wrong
     * @return the exception
     */
    ProviderProtocolException protocolError(String detail) {
        return errors.protocolError(detail, null);
    }

    /** Returns the raw payload of an object, without its secret fields. */
    private Map<String, Object> raw(JsonNode node) {
        return json.toMap(node, secretField);
    }

    private void requireObject(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw errors.protocolError("expected a " + what + " object", null);
        }
    }
}
