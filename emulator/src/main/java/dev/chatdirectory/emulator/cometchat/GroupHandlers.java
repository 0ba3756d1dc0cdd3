package dev.chatdirectory.emulator.cometchat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatdirectory.emulator.EmulatorResponse;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The {@code /groups} endpoints: create, get, update (including ownership transfer), delete, list. */
final class GroupHandlers {

    /** Attributes {@code PUT /groups/{guid}} may clear through {@code unset}. */
    private static final List<String> UNSETTABLE = List.of("icon", "description", "metadata");

    private static final int MAX_ID_LENGTH = 100;
    private static final int MAX_NAME_LENGTH = 100;
    private static final int MAX_PASSWORD_LENGTH = 100;
    private static final int MAX_DESCRIPTION_LENGTH = 255;
    private static final int MAX_URL_LENGTH = 3000;
    private static final int MAX_TAGS = 25;
    private static final int MAX_TAG_LENGTH = 100;

    private final CometChatStore store;
    private final WireFormat wire;
    private final MemberHandlers members;

    GroupHandlers(CometChatStore store, WireFormat wire, MemberHandlers members) {
        this.store = store;
        this.wire = wire;
        this.members = members;
    }

    /**
     * {@code POST /groups}. The owner is {@code owner} if given, else the {@code onBehalfOf} user
     * [I], else the system user {@code app_system} (documented); a user owner joins as admin. When
     * {@code members} is sent, the answer carries its per-UID results under {@code data.members},
     * shaped like the add-members answer [I].
     */
    EmulatorResponse create(ApiCall call) {
        ObjectNode body = call.body();
        Validation v = new Validation();
        String guid = v.requiredString(body, "guid");
        if (guid != null && v.alphaDash("guid", guid)) {
            v.maxLength("guid", guid, MAX_ID_LENGTH);
        }
        String name = v.requiredString(body, "name");
        if (name != null) {
            v.maxLength("name", name, MAX_NAME_LENGTH);
        }
        // [C] the OpenAPI specs require "type" while one docs table defaults it to public; the
        // reference follows the specs.
        String typeName = v.requiredString(body, "type");
        if (typeName != null) {
            v.in("type", typeName, GroupType.WIRE_NAMES);
        }
        String password = v.optionalString(body, "password");
        if (password != null) {
            v.maxLength("password", password, MAX_PASSWORD_LENGTH);
        }
        String icon = v.optionalUrl(body, "icon", MAX_URL_LENGTH);
        String description = v.optionalString(body, "description");
        if (description != null) {
            v.maxLength("description", description, MAX_DESCRIPTION_LENGTH);
        }
        ObjectNode metadata = v.optionalObject(body, "metadata");
        String owner = v.optionalString(body, "owner");
        List<String> tags = v.optionalStringList(body, "tags", MAX_TAGS, MAX_TAG_LENGTH);
        MemberBuckets buckets = null;
        JsonNode membersNode = body.get("members");
        if (membersNode != null && !membersNode.isNull()) {
            if (membersNode.isObject()) {
                buckets = MemberBuckets.read((ObjectNode) membersNode, "members.", v, false);
            } else {
                v.fail("members", "The :attribute must be an array.");
            }
        }
        v.throwIfInvalid();

        String id = guid.toLowerCase(Locale.ROOT);
        if (store.findGroup(id).isPresent()) {
            throw Errors.guidAlreadyExists(id);
        }
        GroupType type = GroupType.parse(typeName).orElseThrow();
        if (type == GroupType.PASSWORD && password == null) {
            throw Errors.emptyGroupPassword();
        }
        UserRecord ownerUser = owner != null ? store.activeUser(owner.toLowerCase(Locale.ROOT)) : call.actor();

        GroupRecord group = new GroupRecord(id, call.now(), store.nextSequence());
        group.name = name;
        group.type = type;
        group.password = type == GroupType.PASSWORD ? password : null;
        group.icon = icon;
        group.description = description;
        group.metadata = metadata;
        group.tags = tags == null ? List.of() : List.copyOf(tags);
        group.owner = ownerUser == null ? CometChatStore.SYSTEM_UID : ownerUser.uid;
        store.addGroup(group);
        if (ownerUser != null) {
            store.addMember(group, ownerUser.uid, Scope.ADMIN, call.now());
        }
        ObjectNode results = buckets == null ? null : members.addAll(group, buckets, call.actor(), call.now());

        ObjectNode data = wire.group(group, call.viewer(), true);
        if (results != null) {
            data.set("members", results);
        }
        return WireFormat.data(data);
    }

    /** {@code GET /groups/{guid}}. */
    EmulatorResponse get(ApiCall call) {
        GroupRecord group = store.group(call.path("guid"));
        return WireFormat.data(wire.group(group, call.viewer(), true));
    }

    /**
     * {@code PUT /groups/{guid}}. An {@code owner} transfers ownership: the new owner must be an
     * active user who is not banned and becomes an admin member; the previous owner keeps their
     * membership and scope [I]. The field is ignored when {@code onBehalfOf} is sent (documented).
     */
    EmulatorResponse update(ApiCall call) {
        ObjectNode body = call.body();
        Validation v = new Validation();
        String name = v.filledString(body, "name");
        if (name != null) {
            v.maxLength("name", name, MAX_NAME_LENGTH);
        }
        String typeName = v.filledString(body, "type");
        if (typeName != null) {
            v.in("type", typeName, GroupType.WIRE_NAMES);
        }
        String password = v.optionalString(body, "password");
        if (password != null) {
            v.maxLength("password", password, MAX_PASSWORD_LENGTH);
        }
        String icon = v.optionalUrl(body, "icon", MAX_URL_LENGTH);
        String description = v.optionalString(body, "description");
        if (description != null) {
            v.maxLength("description", description, MAX_DESCRIPTION_LENGTH);
        }
        ObjectNode metadata = v.optionalObject(body, "metadata");
        String owner = v.optionalString(body, "owner");
        List<String> tags = v.optionalStringList(body, "tags", MAX_TAGS, MAX_TAG_LENGTH);
        List<String> unset = UserHandlers.unsetList(v, body, UNSETTABLE);
        v.throwIfInvalid();

        GroupRecord group = store.group(call.path("guid"));
        GroupType type =
                typeName == null ? group.type : GroupType.parse(typeName).orElseThrow();
        String newPassword = password != null ? password : group.password;
        if (type == GroupType.PASSWORD && newPassword == null) {
            throw Errors.emptyGroupPassword();
        }
        UserRecord newOwner = null;
        if (owner != null && call.actor() == null) {
            newOwner = store.activeUser(owner.toLowerCase(Locale.ROOT));
            if (group.banned.containsKey(newOwner.uid)) {
                throw Errors.bannedGroupMember(newOwner.uid, group.guid);
            }
        }

        group.type = type;
        group.password = type == GroupType.PASSWORD ? newPassword : null;
        if (name != null) {
            group.name = name;
        }
        if (icon != null) {
            group.icon = icon;
        }
        if (description != null) {
            group.description = description;
        }
        if (metadata != null) {
            group.metadata = metadata;
        }
        if (tags != null) {
            group.tags = List.copyOf(tags);
        }
        if (unset.contains("icon")) {
            group.icon = null;
        }
        if (unset.contains("description")) {
            group.description = null;
        }
        if (unset.contains("metadata")) {
            group.metadata = null;
        }
        if (newOwner != null) {
            transferOwnership(group, newOwner, call.now());
        }
        group.updatedAt = call.now();
        return WireFormat.data(wire.group(group, call.viewer(), true));
    }

    /** {@code DELETE /groups/{guid}}. */
    EmulatorResponse delete(ApiCall call) {
        GroupRecord group = store.group(call.path("guid"));
        store.deleteGroup(group.guid);
        return WireFormat.success("Group with guid " + group.guid + " has been deleted successfully.");
    }

    /**
     * {@code GET /groups}: newest first by default (verified live); {@code sortBy} name, guid or
     * createdAt with {@code sortOrder} (case-insensitive, ascending by default for name and guid and
     * descending for createdAt [I]).
     */
    EmulatorResponse list(ApiCall call) {
        Validation v = new Validation();
        ListQuery q = call.query(v);
        String searchKey =
                q.string("searchKey").map(s -> s.toLowerCase(Locale.ROOT)).orElse(null);
        List<String> searchIn = q.list("searchIn", List.of("name", "guid"));
        Set<String> types = new LinkedHashSet<>(q.list("types", GroupType.WIRE_NAMES));
        q.oneOf("type", GroupType.WIRE_NAMES).ifPresent(types::add);
        List<String> tags = q.list("tags");
        boolean withTags = q.flag("withTags");
        boolean hasJoined = q.flag("hasJoined");
        Optional<String> sortBy = q.oneOf("sortBy", List.of("name", "guid", "createdAt"));
        Optional<String> sortOrder = q.string("sortOrder").map(s -> s.toLowerCase(Locale.ROOT));
        sortOrder.ifPresent(order -> v.in("sortOrder", order, List.of("asc", "desc")));
        Optional<String> affix = q.oneOf("affix", List.of("append", "prepend"));
        boolean byUpdatedAt = q.string("updatedAt").isPresent();
        long updatedAt = q.integer("updatedAt", 0, 0, Long.MAX_VALUE);
        PageRequest page = q.page();
        v.throwIfInvalid();

        boolean searchGuid = searchIn.isEmpty() || searchIn.contains("guid");
        boolean searchName = searchIn.isEmpty() || searchIn.contains("name");
        String viewer = call.viewer();
        // [I] "append" keeps groups changed after the timestamp, "prepend" those changed before it.
        boolean after = affix.orElse("append").equals("append");
        List<GroupRecord> matching = store.allGroups().stream()
                .filter(g -> searchKey == null
                        || (searchGuid && g.guid.startsWith(searchKey))
                        || (searchName && g.name.toLowerCase(Locale.ROOT).startsWith(searchKey)))
                .filter(g -> types.isEmpty() || types.contains(g.type.wire()))
                .filter(g -> tags.isEmpty() || g.tags.stream().anyMatch(tags::contains))
                // hasJoined needs onBehalfOf (documented); false or no acting user means no filter.
                .filter(g -> !hasJoined
                        || viewer == null
                        || store.membership(g, viewer).isPresent())
                .filter(g ->
                        !byUpdatedAt || (after ? g.cursorTimestamp() > updatedAt : g.cursorTimestamp() < updatedAt))
                .sorted(order(sortBy.orElse(null), sortOrder.orElse(null)))
                .toList();
        List<GroupRecord> items = page.slice(matching);
        ArrayNode data = WireFormat.MAPPER.createArrayNode();
        items.forEach(g -> data.add(wire.group(g, viewer, withTags)));
        ObjectNode cursor = items.isEmpty()
                ? null
                : WireFormat.cursor(
                        "updatedAt",
                        items.stream()
                                .mapToLong(GroupRecord::cursorTimestamp)
                                .max()
                                .getAsLong());
        return WireFormat.list(data, page.meta(matching.size(), items.size()), cursor, false);
    }

    private void transferOwnership(GroupRecord group, UserRecord newOwner, long now) {
        GroupRecord.Member current = group.members.get(newOwner.uid);
        if (current == null) {
            store.addMember(group, newOwner.uid, Scope.ADMIN, now);
        } else if (current.scope() != Scope.ADMIN) {
            store.changeScope(group, newOwner.uid, Scope.ADMIN);
        }
        group.owner = newOwner.uid;
    }

    private static Comparator<GroupRecord> order(String sortBy, String sortOrder) {
        Comparator<GroupRecord> byCreation =
                Comparator.comparingLong((GroupRecord g) -> g.createdAt).thenComparingLong(g -> g.sequence);
        if (sortBy == null) {
            return sortOrder != null && sortOrder.equals("asc") ? byCreation : byCreation.reversed();
        }
        Comparator<GroupRecord> comparator;
        boolean ascending;
        switch (sortBy) {
            case "name" -> {
                comparator = Comparator.comparing((GroupRecord g) -> g.name, String.CASE_INSENSITIVE_ORDER)
                        .thenComparingLong(g -> g.sequence);
                ascending = true;
            }
            case "guid" -> {
                comparator = Comparator.comparing((GroupRecord g) -> g.guid);
                ascending = true;
            }
            default -> {
                comparator = byCreation;
                ascending = false;
            }
        }
        if (sortOrder != null) {
            ascending = sortOrder.equals("asc");
        }
        return ascending ? comparator : comparator.reversed();
    }
}
