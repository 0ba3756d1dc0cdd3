package dev.chatdirectory.emulator.cometchat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatdirectory.emulator.EmulatorResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The {@code /users} endpoints: create, get, update, delete, bulk (de)activation and list. */
final class UserHandlers {

    /** Attributes {@code PUT /users/{uid}} may clear through {@code unset}. */
    private static final List<String> UNSETTABLE = List.of("avatar", "link", "metadata");

    private static final int MAX_ID_LENGTH = 100;
    private static final int MAX_NAME_LENGTH = 100;
    private static final int MAX_URL_LENGTH = 3000;
    private static final int MAX_TAGS = 25;
    private static final int MAX_TAG_LENGTH = 100;

    /** Newest first; users created in the same second by creation order, newest first. */
    private static final Comparator<UserRecord> NEWEST_FIRST = Comparator.comparingLong((UserRecord u) -> u.createdAt)
            .thenComparingLong(u -> u.sequence)
            .reversed();

    private final CometChatStore store;
    private final WireFormat wire;
    private final AuthTokens tokens;

    UserHandlers(CometChatStore store, WireFormat wire, AuthTokens tokens) {
        this.store = store;
        this.wire = wire;
        this.tokens = tokens;
    }

    /** {@code POST /users}. */
    EmulatorResponse create(ApiCall call) {
        ObjectNode body = call.body();
        Validation v = new Validation();
        String uid = v.requiredString(body, "uid");
        if (uid != null && v.alphaDash("uid", uid)) {
            v.maxLength("uid", uid, MAX_ID_LENGTH);
        }
        String name = v.requiredString(body, "name");
        if (name != null) {
            v.maxLength("name", name, MAX_NAME_LENGTH);
        }
        String avatar = v.optionalUrl(body, "avatar", MAX_URL_LENGTH);
        String link = v.optionalUrl(body, "link", MAX_URL_LENGTH);
        String role = v.optionalString(body, "role");
        String statusMessage = v.optionalString(body, "statusMessage");
        ObjectNode metadata = v.optionalObject(body, "metadata");
        List<String> tags = v.optionalStringList(body, "tags", MAX_TAGS, MAX_TAG_LENGTH);
        boolean withAuthToken = v.optionalBoolean(body, "withAuthToken", false);
        v.throwIfInvalid();

        // UIDs are forced to lower case on create (verified: path lookups are lower-cased too).
        String id = uid.toLowerCase(Locale.ROOT);
        if (store.findUser(id).isPresent()) {
            // A deactivated user still holds the UID until deleted permanently.
            throw Errors.uidAlreadyExists(id);
        }
        String userRole = role == null ? CometChatStore.DEFAULT_ROLE : requireRole(role);
        UserRecord user = new UserRecord(id, call.now(), store.nextSequence());
        user.name = name;
        user.avatar = avatar;
        user.link = link;
        user.role = userRole;
        user.statusMessage = statusMessage;
        user.metadata = metadata;
        user.tags = tags == null ? List.of() : List.copyOf(tags);
        store.addUser(user);

        ObjectNode data = wire.user(user, null, true);
        if (tokens.issues(withAuthToken)) {
            data.put("authToken", tokens.issue(id, call.now()));
        }
        return WireFormat.data(data);
    }

    /** {@code GET /users/{uid}}: 404 for unknown and for deactivated users. */
    EmulatorResponse get(ApiCall call) {
        UserRecord user = store.activeUser(call.path("uid"));
        return WireFormat.data(wire.user(user, call.viewer(), true));
    }

    /** {@code PUT /users/{uid}}: sets the given attributes, then clears those listed in {@code unset}. */
    EmulatorResponse update(ApiCall call) {
        ObjectNode body = call.body();
        Validation v = new Validation();
        String name = v.filledString(body, "name");
        if (name != null) {
            v.maxLength("name", name, MAX_NAME_LENGTH);
        }
        String avatar = v.optionalUrl(body, "avatar", MAX_URL_LENGTH);
        String link = v.optionalUrl(body, "link", MAX_URL_LENGTH);
        String role = v.optionalString(body, "role");
        String statusMessage = v.optionalString(body, "statusMessage");
        ObjectNode metadata = v.optionalObject(body, "metadata");
        List<String> tags = v.optionalStringList(body, "tags", MAX_TAGS, MAX_TAG_LENGTH);
        List<String> unset = unsetList(v, body, UNSETTABLE);
        v.throwIfInvalid();

        UserRecord user = store.activeUser(call.path("uid"));
        if (role != null) {
            user.role = requireRole(role);
        }
        if (name != null) {
            user.name = name;
        }
        if (avatar != null) {
            user.avatar = avatar;
        }
        if (link != null) {
            user.link = link;
        }
        if (statusMessage != null) {
            user.statusMessage = statusMessage;
        }
        if (metadata != null) {
            user.metadata = metadata;
        }
        if (tags != null) {
            // [I] tags replace the stored list rather than being merged into it.
            user.tags = List.copyOf(tags);
        }
        if (unset.contains("avatar")) {
            user.avatar = null;
        }
        if (unset.contains("link")) {
            user.link = null;
        }
        if (unset.contains("metadata")) {
            user.metadata = null;
        }
        user.updatedAt = call.now();
        return WireFormat.data(wire.user(user, null, true));
    }

    /**
     * {@code DELETE /users/{uid}} with an optional body {@code {"permanent": bool}}: deactivation by
     * default, removal for good with {@code permanent: true} (which also frees a deactivated UID).
     */
    EmulatorResponse delete(ApiCall call) {
        Validation v = new Validation();
        boolean permanent = v.optionalBoolean(call.body(), "permanent", false);
        v.throwIfInvalid();
        String uid = call.path("uid");
        if (permanent) {
            if (store.findUser(uid).isEmpty()) {
                throw Errors.uidNotFound(uid);
            }
            store.deleteUser(uid);
            return WireFormat.success("User with " + uid + " has been deleted successfully.");
        }
        UserRecord user = store.activeUser(uid);
        deactivate(user, call.now());
        ObjectNode data = WireFormat.object();
        data.set("deactivatedUids", WireFormat.strings(List.of(uid)));
        return WireFormat.data(data);
    }

    /**
     * {@code DELETE /users} with {@code {"uidsToDeactivate": [...]}}; empty buckets are omitted and
     * each UID is echoed as sent.
     */
    EmulatorResponse deactivateMany(ApiCall call) {
        List<String> uids = requiredUidList(call.body(), "uidsToDeactivate");
        List<String> deactivated = new ArrayList<>();
        List<String> already = new ArrayList<>();
        List<String> notFound = new ArrayList<>();
        for (String uid : uids) {
            Optional<UserRecord> user = store.findUser(uid.toLowerCase(Locale.ROOT));
            if (user.isEmpty()) {
                notFound.add(uid);
            } else if (user.get().isDeactivated()) {
                already.add(uid);
            } else {
                deactivate(user.get(), call.now());
                deactivated.add(uid);
            }
        }
        ObjectNode data = WireFormat.object();
        putBucket(data, "deactivatedUids", deactivated);
        putBucket(data, "alreadyDeactivatedUids", already);
        putBucket(data, "notFound", notFound);
        return WireFormat.data(data);
    }

    /**
     * {@code PUT /users} with {@code {"uidsToActivate": [...]}}. Bucket names follow the reference:
     * {@code reactivatedUids} and {@code notFound} are verified live, {@code nonDeactivatedUids} is
     * the 2023 OpenAPI example's key for active users. Each UID is echoed as sent.
     */
    EmulatorResponse reactivateMany(ApiCall call) {
        List<String> uids = requiredUidList(call.body(), "uidsToActivate");
        List<String> reactivated = new ArrayList<>();
        List<String> notDeactivated = new ArrayList<>();
        List<String> notFound = new ArrayList<>();
        for (String uid : uids) {
            Optional<UserRecord> user = store.findUser(uid.toLowerCase(Locale.ROOT));
            if (user.isEmpty()) {
                notFound.add(uid);
            } else if (!user.get().isDeactivated()) {
                notDeactivated.add(uid);
            } else {
                user.get().deactivatedAt = null;
                reactivated.add(uid);
            }
        }
        ObjectNode data = WireFormat.object();
        putBucket(data, "reactivatedUids", reactivated);
        putBucket(data, "nonDeactivatedUids", notDeactivated);
        putBucket(data, "notFound", notFound);
        return WireFormat.data(data);
    }

    /** {@code GET /users}: filters, newest first, pages and cursor. */
    EmulatorResponse list(ApiCall call) {
        Validation v = new Validation();
        ListQuery q = call.query(v);
        String searchKey =
                q.string("searchKey").map(s -> s.toLowerCase(Locale.ROOT)).orElse(null);
        List<String> searchIn = q.list("searchIn", List.of("name", "uid"));
        Optional<String> status = q.oneOf("status", List.of("available", "offline"));
        Set<String> roles = new LinkedHashSet<>(q.list("roles"));
        q.string("role").ifPresent(roles::add);
        List<String> tags = q.list("tags");
        boolean withTags = q.flag("withTags");
        boolean onlyDeactivated = q.flag("onlyDeactivated");
        boolean withDeactivated = q.flag("withDeactivated");
        // [I] "count" only asks for the total, which meta.pagination always carries; validated only.
        q.flag("count");
        PageRequest page = q.page();
        v.throwIfInvalid();

        boolean searchUid = searchIn.isEmpty() || searchIn.contains("uid");
        boolean searchName = searchIn.isEmpty() || searchIn.contains("name");
        List<UserRecord> matching = store.allUsers().stream()
                .filter(u -> onlyDeactivated ? u.isDeactivated() : withDeactivated || !u.isDeactivated())
                .filter(u -> searchKey == null
                        || (searchUid && u.uid.startsWith(searchKey))
                        || (searchName && u.name.toLowerCase(Locale.ROOT).startsWith(searchKey)))
                .filter(u -> status.isEmpty() || u.status().equals(status.get()))
                .filter(u -> roles.isEmpty() || roles.contains(u.role))
                .filter(u -> tags.isEmpty() || u.tags.stream().anyMatch(tags::contains))
                .sorted(NEWEST_FIRST)
                .toList();
        List<UserRecord> items = page.slice(matching);
        ArrayNode data = WireFormat.MAPPER.createArrayNode();
        items.forEach(u -> data.add(wire.user(u, call.viewer(), withTags)));
        ObjectNode cursor = items.isEmpty()
                ? null
                : WireFormat.cursor(
                        "updatedAt",
                        items.stream()
                                .mapToLong(UserRecord::cursorTimestamp)
                                .max()
                                .getAsLong());
        return WireFormat.list(data, page.meta(matching.size(), items.size()), cursor, true);
    }

    private static void deactivate(UserRecord user, long now) {
        user.deactivatedAt = now;
        user.online = false;
    }

    private String requireRole(String role) {
        if (!store.hasRole(role)) {
            throw Errors.roleNotFound(role);
        }
        return role;
    }

    /**
     * Reads a required array of UIDs as sent, without duplicates (ignoring case, the first spelling
     * kept): the bulk answers echo UIDs as sent ([I] issue 11, from answers in third-party code),
     * while lookups lower-case them.
     */
    private static List<String> requiredUidList(ObjectNode body, String field) {
        Validation v = new Validation();
        List<String> raw = v.requiredStringList(body, field);
        v.throwIfInvalid();
        Map<String, String> uids = new LinkedHashMap<>();
        raw.forEach(uid -> uids.putIfAbsent(uid.toLowerCase(Locale.ROOT), uid));
        return new ArrayList<>(uids.values());
    }

    /** Reads {@code unset}: an array whose entries must be among {@code allowed}. */
    static List<String> unsetList(Validation v, ObjectNode body, List<String> allowed) {
        List<String> unset = v.optionalStringList(body, "unset", 0, 0);
        if (unset == null) {
            return List.of();
        }
        for (int i = 0; i < unset.size(); i++) {
            v.in("unset." + i, unset.get(i), allowed);
        }
        return unset;
    }

    private static void putBucket(ObjectNode data, String name, List<String> uids) {
        if (!uids.isEmpty()) {
            data.set(name, WireFormat.strings(uids));
        }
    }
}
