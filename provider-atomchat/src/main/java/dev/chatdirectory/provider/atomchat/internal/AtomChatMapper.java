package dev.chatdirectory.provider.atomchat.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatdirectory.http.ErrorMapper;
import dev.chatdirectory.http.WireJson;
import dev.chatdirectory.model.Group;
import dev.chatdirectory.model.GroupType;
import dev.chatdirectory.model.Presence;
import dev.chatdirectory.model.PresenceState;
import dev.chatdirectory.model.User;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Turns AtomChat's replies into the API's models, defensively: every scalar is read as text and
 * converted (AtomChat passes database rows through, so numbers arrive as strings), a missing
 * mandatory field is a {@link dev.chatdirectory.ProviderProtocolException}, and the shapes the
 * vendor reference could not pin down are accepted in each plausible form. Thread-safe.
 */
final class AtomChatMapper {

    /** Statuses of a connected user; "online" is how the docs speak of them loosely. */
    private static final Set<String> ONLINE_STATUSES = Set.of("available", "away", "busy", "online");

    /** Statuses of a user who is not connected, or hides it. */
    private static final Set<String> OFFLINE_STATUSES = Set.of("offline", "invisible");

    private static final String SYSTEM_OWNER = "0";

    /** The group column that may hold a (hashed) password, never kept in a raw payload. */
    private static final Predicate<String> PASSWORD_COLUMN = "password"::equals;

    private final WireJson json;
    private final ErrorMapper errors;

    @Inject
    private AtomChatMapper(WireJson json, ErrorMapper errors) {
        this.json = json;
        this.errors = errors;
    }

    /**
     * Reads getUser's reply: {@code success.data.user} with {@code uid}, {@code name}, {@code link}
     * (the profile URL), {@code avatar} and {@code role}. AtomChat returns no e-mail and no times.
     */
    User user(JsonNode success) {
        JsonNode user = json.object(json.object(success, "data"), "user");
        return User.builder(
                        json.requiredText(user, "uid"), json.text(user, "name").orElse(""))
                .avatarUrl(json.text(user, "avatar").orElse(null))
                .profileUrl(json.text(user, "link").orElse(null))
                .role(json.text(user, "role").orElse(null))
                .raw(json.toMap(user))
                .build();
    }

    /**
     * Reads a listUsers row: {@code uid}, the name from {@code displayname} or {@code username}
     * (AtomChat stores it in both) and {@code role}. Rows carry no avatar or profile URL, so those
     * stay empty; {@code raw} is the row.
     */
    User listedUser(JsonNode row) {
        return User.builder(
                        uid(row),
                        json.text(row, "displayname")
                                .or(() -> json.text(row, "username"))
                                .orElse(""))
                .role(json.text(row, "role").orElse(null))
                .raw(json.toMap(row))
                .build();
    }

    /** {@return the UID of a listUsers row} */
    String uid(JsonNode row) {
        return json.requiredText(row, "uid");
    }

    /** Reads the {@code data} array of listUsers or getGroupList; PHP renders an empty one as {@code {}} too. */
    List<JsonNode> rows(JsonNode success) {
        JsonNode data = success == null ? null : success.get("data");
        if (data != null && data.isObject() && data.isEmpty()) {
            return List.of();
        }
        List<JsonNode> rows = new ArrayList<>();
        json.array(success, "data").forEach(row -> {
            if (!row.isObject()) {
                throw errors.protocolError("expected objects in 'data'", null);
            }
            rows.add(row);
        });
        return rows;
    }

    /**
     * Reads getUserStatus's reply into entries by UID. The only evidence of its shape is a client
     * DTO (a map keyed by UID right under {@code success}); a map under {@code success.data} and a
     * {@code data} array of objects naming their {@code uid} or {@code user} are accepted too.
     */
    Map<String, JsonNode> presenceEntries(JsonNode success) {
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        JsonNode data = success.get("data");
        if (data != null && data.isArray()) {
            data.forEach(entry -> {
                if (entry.isObject()) {
                    json.text(entry, "uid")
                            .or(() -> json.text(entry, "user"))
                            .ifPresent(uid -> entries.put(uid, entry));
                }
            });
            return entries;
        }
        JsonNode byUid = data != null && data.isObject() ? data : success;
        for (Map.Entry<String, JsonNode> field : byUid.properties()) {
            if (field.getValue().isObject()) {
                entries.put(field.getKey(), field.getValue());
            }
        }
        return entries;
    }

    /**
     * Reads one getUserStatus entry: the state is the vendor's {@code status} ({@code available},
     * {@code away}, {@code busy} are online; {@code offline} and {@code invisible} are not), and
     * {@code lastactivity} (Unix seconds, 0 for never) is reported beside it, not used to second-guess
     * it. A user who never set a status (none, or {@code null}, as the vendor stores it until a
     * first login) is offline; a status the vendor reference does not list is UNKNOWN rather than
     * guessed.
     */
    Presence presence(String userId, JsonNode entry, Instant observedAt) {
        String status = json.text(entry, "status").orElse("").strip().toLowerCase(Locale.ROOT);
        PresenceState state;
        if (ONLINE_STATUSES.contains(status)) {
            state = PresenceState.ONLINE;
        } else if (status.isEmpty() || OFFLINE_STATUSES.contains(status)) {
            state = PresenceState.OFFLINE;
        } else {
            state = PresenceState.UNKNOWN;
        }
        return new Presence(userId, state, json.epochSeconds(entry, "lastactivity"), observedAt);
    }

    /**
     * Tells addUsersToGroup's "nothing added" answer from its success: the answer is the inner
     * {@code failed} object, whose status is not the 2000 every success carries.
     *
     * @param reply what addUsersToGroup returned
     * @return whether AtomChat added nobody
     */
    boolean addedNobody(JsonNode reply) {
        return json.text(reply, "status")
                .filter(status -> !status.strip().equals(AtomChatEnvelope.SUCCESS_STATUS))
                .isPresent();
    }

    /**
     * Reads the {@code data} of addUsersToGroup's "nothing added" answer: one entry per UID sent,
     * in order, holding the user's internal id when the user was already in the group (as text,
     * or a number) and {@code null} when AtomChat does not know the UID.
     *
     * @param answer the {@code failed} object
     * @param sent how many UIDs the call carried
     * @return per UID sent, whether the user was already in the group
     * @throws dev.chatdirectory.ProviderProtocolException if {@code data} is missing, does not hold
     *     one scalar or {@code null} per UID sent, or holds an empty id
     */
    List<Boolean> alreadyInGroup(JsonNode answer, int sent) {
        JsonNode data = json.array(answer, "data");
        if (data.size() != sent) {
            throw errors.protocolError(
                    "addUsersToGroup's data holds " + data.size() + " entries for " + sent + " UIDs sent", null);
        }
        List<Boolean> alreadyIn = new ArrayList<>(sent);
        for (JsonNode id : data) {
            if (!id.isNull() && (!id.isValueNode() || id.asText().isBlank())) {
                throw errors.protocolError("expected an internal id or null in addUsersToGroup's data", null);
            }
            alreadyIn.add(!id.isNull());
        }
        return alreadyIn;
    }

    /** {@return the GUID of a getGroupList row, spelled {@code guid} or {@code GUID}} */
    String guid(JsonNode row) {
        return json.text(row, "guid")
                .or(() -> json.text(row, "GUID"))
                .orElseThrow(() -> errors.protocolError("missing 'guid'", null));
    }

    /**
     * Reads a getGroupList row: {@code guid}, {@code name}, {@code type} (a number, as text) and
     * {@code createdby} (the owner; {@code 0} for a system group). The raw payload never carries
     * the {@code password} column, which older servers return hashed.
     */
    Group group(JsonNode row) {
        return Group.builder(guid(row), json.text(row, "name").orElse(""), groupType(row))
                .ownerId(json.text(row, "createdby")
                        .filter(owner -> !owner.equals(SYSTEM_OWNER))
                        .orElse(null))
                .raw(json.toMap(row, PASSWORD_COLUMN))
                .build();
    }

    /** {@return the type number AtomChat stores for a group, as text} */
    String wireType(Group group) {
        Object type = group.raw().get("type");
        return type == null ? wireType(group.type()) : type.toString();
    }

    /** {@return the type number AtomChat documents for a group type} */
    static String wireType(GroupType type) {
        return switch (type) {
            case PUBLIC -> "0";
            case PASSWORD -> "1";
            case PRIVATE -> "4";
        };
    }

    /**
     * Reads the GUIDs of getUser's joined groups, {@code success.data.groups} (each with {@code
     * guid}, {@code name} and a type label). The list is in a reply only when it was asked for [V]
     * S8, so a reply without it is a protocol error rather than a user in no group; PHP may render
     * an empty list as {@code {}}.
     */
    List<String> joinedGroupGuids(JsonNode success) {
        JsonNode data = json.object(success, "data");
        JsonNode groups = data.get("groups");
        if (groups == null || groups.isNull()) {
            throw errors.protocolError("getUser's reply has no 'groups', although joined groups were asked for", null);
        }
        if (groups.isObject() && groups.isEmpty()) {
            return List.of();
        }
        List<String> guids = new ArrayList<>();
        json.array(data, "groups").forEach(row -> {
            if (!row.isObject()) {
                throw errors.protocolError("expected objects in 'groups'", null);
            }
            guids.add(guid(row));
        });
        return guids;
    }

    /**
     * Maps AtomChat's type numbers: 0 public, 1 password, 4 private (docs); 2 (invitation only)
     * and 3 (hidden) from older servers restrict joining too, so they read as private.
     */
    private GroupType groupType(JsonNode row) {
        String type = json.text(row, "type").orElse("0").strip();
        return switch (type) {
            case "0" -> GroupType.PUBLIC;
            case "1" -> GroupType.PASSWORD;
            case "2", "3", "4" -> GroupType.PRIVATE;
            default -> throw errors.protocolError("unknown group type '" + type + "'", null);
        };
    }

    /**
     * Reads getGroupUserList's reply for one GUID. No reply sample exists: {@code data} keyed by
     * GUID (each an array of rows) and a flat {@code data} array of rows (filtered by their {@code
     * guid} when they name one) are both accepted, and an empty {@code data} means no members. A
     * {@code data} map without the GUID asked for is an error rather than an empty group, so a
     * reply of an unexpected shape can not pass for one. Rows carry {@code uid} and {@code
     * isbanned}, and may carry the user's name: the reply is undocumented, so {@code name}, then
     * {@code displayname}, then {@code username} (AtomChat stores the name in both) is taken when
     * present.
     */
    MemberRows memberRows(String guid, JsonNode success) {
        JsonNode data = success.get("data");
        if (data == null || (!data.isArray() && !data.isObject())) {
            throw errors.protocolError("expected member rows in 'data'", null);
        }
        List<JsonNode> rows = new ArrayList<>();
        if (data.isArray()) {
            data.forEach(row -> {
                if (row.isObject()
                        && json.text(row, "guid")
                                .or(() -> json.text(row, "GUID"))
                                .map(guid::equals)
                                .orElse(true)) {
                    rows.add(row);
                }
            });
        } else if (!data.isEmpty()) {
            JsonNode ofGroup = data.get(guid);
            if (ofGroup == null) {
                throw errors.protocolError("no member list for the group asked for", null);
            }
            if (ofGroup.isArray()) {
                ofGroup.forEach(rows::add);
            } else if (!(ofGroup.isObject() && ofGroup.isEmpty())) {
                throw errors.protocolError("expected an array of member rows", null);
            }
        }
        Set<String> active = new LinkedHashSet<>();
        Set<String> banned = new LinkedHashSet<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (JsonNode row : rows) {
            String uid = json.requiredText(row, "uid");
            if (json.bool(row, "isbanned").orElse(false)) {
                banned.add(uid);
            } else {
                active.add(uid);
            }
            json.text(row, "name")
                    .or(() -> json.text(row, "displayname"))
                    .or(() -> json.text(row, "username"))
                    .ifPresent(name -> names.put(uid, name));
        }
        active.removeAll(banned);
        return new MemberRows(new TreeSet<>(active), new TreeSet<>(banned), names);
    }
}
