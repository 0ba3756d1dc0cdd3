package dev.chatdirectory.emulator.cometchat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatdirectory.emulator.EmulatorResponse;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The group membership endpoints: add, list, change scope, kick, ban, unban, list banned. */
final class MemberHandlers {

    private static final List<String> SCOPES = List.of("admin", "moderator", "participant");

    private final CometChatStore store;
    private final WireFormat wire;

    MemberHandlers(CometChatStore store, WireFormat wire) {
        this.store = store;
        this.wire = wire;
    }

    /**
     * {@code POST /groups/{guid}/members}: always 200 when the group exists; each UID gets its own
     * success or error entry.
     */
    EmulatorResponse add(ApiCall call) {
        Validation v = new Validation();
        MemberBuckets buckets = MemberBuckets.read(call.body(), "", v, true);
        v.throwIfInvalid();
        GroupRecord group = store.group(call.path("guid"));
        ObjectNode results = addAll(group, buckets, call.actor(), call.now());
        if (buckets.total() > 0) {
            group.updatedAt = call.now();
        }
        return WireFormat.data(results);
    }

    /**
     * Applies add-members lists to a group and returns the per-UID results by bucket. Bans are
     * applied first (the documented example lists {@code usersToBan} first), so a UID both banned
     * and added ends up banned and its addition fails with {@code ERR_BANNED_GROUPMEMBER}.
     * Successful bans answer {@code {"success": true}}, successful additions carry the
     * {@code groupMember} action message, failures carry {@code {"success": false, "error": {...}}}
     * [I: the docs only say failures appear as error objects].
     */
    ObjectNode addAll(GroupRecord group, MemberBuckets buckets, UserRecord actor, long now) {
        ObjectNode results = WireFormat.object();
        if (!buckets.usersToBan().isEmpty()) {
            ObjectNode banned = results.putObject("usersToBan");
            for (String uid : buckets.usersToBan()) {
                try {
                    store.ban(group, uid, false, now);
                    banned.putObject(uid).put("success", true);
                } catch (CometChatException e) {
                    banned.set(uid, failure(e));
                }
            }
        }
        for (Map.Entry<String, Map<String, Scope>> bucket : buckets.additions().entrySet()) {
            ObjectNode entries = results.putObject(bucket.getKey());
            bucket.getValue().forEach((uid, scope) -> {
                try {
                    store.addMember(group, uid, scope, now);
                    ObjectNode entry = entries.putObject(uid);
                    entry.put("success", true);
                    entry.set("data", wire.memberAddedMessage(group, store.activeUser(uid), actor, now));
                } catch (CometChatException e) {
                    entries.set(uid, failure(e));
                }
            });
        }
        return results;
    }

    /** {@code GET /groups/{guid}/members}: {@code scopes}, {@code status}, pages. */
    EmulatorResponse list(ApiCall call) {
        Validation v = new Validation();
        ListQuery q = call.query(v);
        List<String> scopes = q.list("scopes", SCOPES);
        Optional<String> status = q.oneOf("status", List.of("available", "offline"));
        PageRequest page = q.page();
        v.throwIfInvalid();
        GroupRecord group = store.group(call.path("guid"));

        // [I] newest joiners first; members who joined in the same second in join order, which is
        // the order of the documented example.
        List<Map.Entry<String, GroupRecord.Member>> matching = store.visibleMembers(group).entrySet().stream()
                .filter(e ->
                        scopes.isEmpty() || scopes.contains(e.getValue().scope().wire()))
                .filter(e -> status.isEmpty()
                        || store.activeUser(e.getKey()).status().equals(status.get()))
                .sorted(Comparator.comparingLong((Map.Entry<String, GroupRecord.Member> e) ->
                                -e.getValue().joinedAt())
                        .thenComparingLong(e -> e.getValue().sequence()))
                .toList();
        List<Map.Entry<String, GroupRecord.Member>> items = page.slice(matching);
        ArrayNode data = WireFormat.MAPPER.createArrayNode();
        long cursorValue = 0;
        for (Map.Entry<String, GroupRecord.Member> e : items) {
            UserRecord user = store.activeUser(e.getKey());
            data.add(wire.member(user, e.getValue(), call.viewer()));
            cursorValue = Math.max(cursorValue, user.cursorTimestamp());
        }
        ObjectNode cursor = items.isEmpty() ? null : WireFormat.cursor("updatedAt", cursorValue);
        return WireFormat.list(data, page.meta(matching.size(), items.size()), cursor, true);
    }

    /** {@code PUT /groups/{guid}/members/{uid}} with {@code {"scope": ...}}. */
    EmulatorResponse changeScope(ApiCall call) {
        Validation v = new Validation();
        String scopeName = v.requiredString(call.body(), "scope");
        if (scopeName != null) {
            v.in("scope", scopeName, SCOPES);
        }
        v.throwIfInvalid();
        GroupRecord group = store.group(call.path("guid"));
        String uid = call.path("uid");
        GroupRecord.Member member =
                store.changeScope(group, uid, Scope.parse(scopeName).orElseThrow());
        group.updatedAt = call.now();
        ObjectNode data = WireFormat.object();
        data.put("guid", group.guid);
        data.put("uid", uid);
        data.put("scope", member.scope().wire());
        data.put("joinedAt", member.joinedAt());
        return WireFormat.data(data);
    }

    /** {@code DELETE /groups/{guid}/members/{uid}}: kicks a member. */
    EmulatorResponse kick(ApiCall call) {
        GroupRecord group = store.group(call.path("guid"));
        String uid = call.path("uid");
        store.kick(group, uid);
        group.updatedAt = call.now();
        return WireFormat.success(
                "The member with " + uid + " has been kicked from the Group with " + group.guid + ".");
    }

    /** {@code POST /groups/{guid}/bannedusers/{uid}}: bans a current member (no body). */
    EmulatorResponse ban(ApiCall call) {
        GroupRecord group = store.group(call.path("guid"));
        String uid = call.path("uid");
        store.ban(group, uid, true, call.now());
        group.updatedAt = call.now();
        return WireFormat.success(
                "The user with uid " + uid + " has been banned from the Group with " + group.guid + ".");
    }

    /**
     * {@code DELETE /groups/{guid}/bannedusers/{uid}}. The message is the older spec's (S2); the 2023
     * example repeats the ban message, which the reference calls a docs error.
     */
    EmulatorResponse unban(ApiCall call) {
        GroupRecord group = store.group(call.path("guid"));
        String uid = call.path("uid");
        store.unban(group, uid);
        group.updatedAt = call.now();
        return WireFormat.success(
                "The user with uid " + uid + " has been unbanned from the group with guid " + group.guid);
    }

    /**
     * {@code GET /groups/{guid}/bannedusers}: most recent bans first [I]; the cursor has the shape of
     * the older example ({@code joinedAt}), the only one that shows a banned-list cursor.
     */
    EmulatorResponse listBanned(ApiCall call) {
        Validation v = new Validation();
        PageRequest page = call.query(v).page();
        v.throwIfInvalid();
        GroupRecord group = store.group(call.path("guid"));
        List<Map.Entry<String, GroupRecord.Ban>> matching = group.banned.entrySet().stream()
                .filter(e -> store.isActive(e.getKey()))
                .sorted(Comparator.comparingLong(
                        (Map.Entry<String, GroupRecord.Ban> e) -> -e.getValue().sequence()))
                .toList();
        List<Map.Entry<String, GroupRecord.Ban>> items = page.slice(matching);
        ArrayNode data = WireFormat.MAPPER.createArrayNode();
        long cursorValue = 0;
        for (Map.Entry<String, GroupRecord.Ban> e : items) {
            data.add(wire.bannedUser(store.activeUser(e.getKey()), e.getValue(), call.viewer()));
            cursorValue = Math.max(cursorValue, e.getValue().formerJoinedAt());
        }
        ObjectNode cursor = items.isEmpty() ? null : WireFormat.cursor("joinedAt", cursorValue);
        return WireFormat.list(data, page.meta(matching.size(), items.size()), cursor, false);
    }

    private static ObjectNode failure(CometChatException e) {
        ObjectNode entry = WireFormat.object();
        entry.put("success", false);
        entry.set("error", e.errorObject());
        return entry;
    }
}
