package dev.chatdirectory.emulator.atomchat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatdirectory.emulator.EmulatorResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;

/**
 * Group membership: addUsersToGroup, removeUsersFromGroup, kickUsersFromGroup,
 * banUsersFromGroup, unbanUsersFromGroup and getGroupUserList.
 *
 * <p>Every call first resolves its GUID ({@code GUID does not exist.} when that fails, also for an
 * empty GUID) and then its comma-separated {@code UIDs}, silently skipping unknown users.
 */
final class MembershipEndpoints {

    private static final String NOT_PART_OF_GROUP = "Users not part of group.";

    private final AtomChatDirectory directory;

    MembershipEndpoints(AtomChatDirectory directory) {
        this.directory = directory;
    }

    void registerOn(Map<String, Endpoint> routes) {
        routes.put("addUsersToGroup", this::addUsersToGroup);
        routes.put("removeUsersFromGroup", this::removeUsersFromGroup);
        routes.put("kickUsersFromGroup", this::kickUsersFromGroup);
        routes.put("banUsersFromGroup", this::banUsersFromGroup);
        routes.put("unbanUsersFromGroup", this::unbanUsersFromGroup);
        routes.put("getGroupUserList", this::getGroupUserList);
    }

    /**
     * Adds users. [V] One newly added user makes the whole call a success, and members, banned
     * users and unknown UIDs are skipped; only when nothing was added does it fail, listing in
     * {@code data} the internal id of every UID sent ({@code null} for unknown ones). The 2018 code
     * ignores {@code clearExisting}; we honour the documented meaning: active members are dropped
     * first (bans survive), so the list sent becomes the member set.
     */
    private EmulatorResponse addUsersToGroup(FormFields form) {
        Optional<GroupRecord> found = directory.group(form.trimmed("GUID"));
        if (found.isEmpty()) {
            return Replies.failed(GroupEndpoints.UNKNOWN_GUID);
        }
        GroupRecord group = found.get();
        if (form.flag("clearExisting")) {
            group.clearActiveMembers();
        }
        boolean added = false;
        ArrayNode skippedIds = Replies.array();
        for (String uid : form.list("UIDs")) {
            Optional<UserRecord> user = directory.user(uid);
            if (user.isPresent() && group.addMember(uid)) {
                added = true;
            } else if (user.isPresent()) {
                skippedIds.add(Long.toString(user.get().cid()));
            } else {
                skippedIds.addNull();
            }
        }
        if (added) {
            return Replies.success("Users added successfully.");
        }
        return Replies.failed(
                Replies.STATUS_FAILED, "Users already part of group.", extras -> extras.set("data", skippedIds));
    }

    /**
     * Removes members. [V] A listed user who exists but is not a member (a banned user is not one)
     * aborts the whole call with nothing removed. When no listed user exists the 2018 server sends
     * no envelope at all; we answer the same "not part of group" failure.
     */
    private EmulatorResponse removeUsersFromGroup(FormFields form) {
        return changeAll(
                form,
                GroupRecord::isActiveMember,
                NOT_PART_OF_GROUP,
                GroupRecord::removeRow,
                "Users removed successfully.");
    }

    /**
     * Kicks members. [U] No reply sample exists; by our choice a kick is a removal (the user may be
     * added again) with removeUsersFromGroup's all-or-nothing rule.
     */
    private EmulatorResponse kickUsersFromGroup(FormFields form) {
        return changeAll(
                form,
                GroupRecord::isActiveMember,
                NOT_PART_OF_GROUP,
                GroupRecord::removeRow,
                "Users kicked successfully.");
    }

    /**
     * Bans members. [I] The schema's {@code isbanned} flag suggests a ban keeps the member row and
     * flags it. [U] By our choice every listed user must hold a row (banning again is harmless), with
     * removeUsersFromGroup's all-or-nothing rule; non-members can not be banned.
     */
    private EmulatorResponse banUsersFromGroup(FormFields form) {
        return changeAll(
                form,
                (group, uid) -> group.isActiveMember(uid) || group.isBanned(uid),
                NOT_PART_OF_GROUP,
                GroupRecord::ban,
                "Users banned successfully.");
    }

    /** Lifts bans, making the users members again. [U] Rules and messages are our choice, as for bans. */
    private EmulatorResponse unbanUsersFromGroup(FormFields form) {
        return changeAll(
                form,
                GroupRecord::isBanned,
                "Users not banned from group.",
                GroupRecord::unban,
                "Users unbanned successfully.");
    }

    /**
     * Lists the member rows of each known GUID in {@code GUIDs}. [U] No reply sample exists; by our
     * choice {@code data} maps each GUID (in request order, unknown ones left out) to its rows in
     * joining order, banned rows included with {@code isbanned} {@code "1"}. When no GUID is known the
     * call fails with {@code GUID does not exist.}.
     */
    private EmulatorResponse getGroupUserList(FormFields form) {
        ObjectNode data = Replies.object();
        for (String guid : form.list("GUIDs")) {
            directory.group(guid).ifPresent(group -> data.set(guid, memberRows(group)));
        }
        if (data.isEmpty()) {
            return Replies.failed(GroupEndpoints.UNKNOWN_GUID);
        }
        return Replies.success("Group users fetched successfully.", extras -> extras.set("data", data));
    }

    private ArrayNode memberRows(GroupRecord group) {
        ArrayNode rows = Replies.array();
        group.rows()
                .forEach((uid, state) -> directory
                        .user(uid)
                        .ifPresent(user -> rows.addObject()
                                .put("uid", user.uid())
                                .put("name", user.name())
                                .put("avatar", user.avatar())
                                .put("isbanned", state == MemberState.BANNED ? "1" : "0")));
        return rows;
    }

    /**
     * Applies one change to every known listed user, or to none: the call fails with {@code refusal}
     * when no listed user exists or when one of them is not {@code eligible}.
     */
    private EmulatorResponse changeAll(
            FormFields form,
            BiPredicate<GroupRecord, String> eligible,
            String refusal,
            BiConsumer<GroupRecord, String> change,
            String success) {
        Optional<GroupRecord> found = directory.group(form.trimmed("GUID"));
        if (found.isEmpty()) {
            return Replies.failed(GroupEndpoints.UNKNOWN_GUID);
        }
        GroupRecord group = found.get();
        List<String> uids = knownUids(form);
        if (uids.isEmpty() || !uids.stream().allMatch(uid -> eligible.test(group, uid))) {
            return Replies.failed(refusal);
        }
        uids.forEach(uid -> change.accept(group, uid));
        return Replies.success(success);
    }

    private List<String> knownUids(FormFields form) {
        return form.list("UIDs").stream()
                .distinct()
                .filter(uid -> directory.user(uid).isPresent())
                .toList();
    }
}
