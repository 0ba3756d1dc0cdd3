package dev.chatdirectory.provider.atomchat.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatdirectory.Capability;
import dev.chatdirectory.InvalidRequestException;
import dev.chatdirectory.MemberOperations;
import dev.chatdirectory.UnsupportedCapabilityException;
import dev.chatdirectory.http.AttemptRecord;
import dev.chatdirectory.http.CallSafety;
import dev.chatdirectory.http.HttpCallExecutor;
import dev.chatdirectory.model.BannedMember;
import dev.chatdirectory.model.BatchResult;
import dev.chatdirectory.model.FailureReason;
import dev.chatdirectory.model.ItemOutcome;
import dev.chatdirectory.model.Member;
import dev.chatdirectory.model.MemberQuery;
import dev.chatdirectory.model.MemberRole;
import dev.chatdirectory.model.MemberSpec;
import dev.chatdirectory.model.Page;
import dev.chatdirectory.model.PageRequest;
import dev.chatdirectory.spi.ProviderDescriptor;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Members and bans at AtomChat: getGroupUserList, addUsersToGroup, removeUsersFromGroup,
 * banUsersFromGroup and unbanUsersFromGroup.
 *
 * <p>AtomChat reports one outcome for a whole batch: addUsersToGroup succeeds when at least one
 * user was added and skips members and unknown UIDs silently (only when it adds nobody does it say,
 * per UID, which were members and which unknown), and removeUsersFromGroup refuses the
 * whole call when one listed user is not a member. So every batch first reads the member list,
 * sends only the users the call can change, and where the reply says too little reads the list
 * again to report each user truthfully (APPLIED, UNCHANGED or FAILED with the reason). Someone
 * else changing the same group between those reads and the call can make an outcome inaccurate,
 * for example a user added concurrently reported APPLIED instead of UNCHANGED; a removal refused
 * because of such a change is read and sent again, up to {@value #ATTEMPTS} times.
 *
 * <p>Ban, unban and the member list are documented without replies, so their outcomes are always
 * checked against the list read after the call. kickUsersFromGroup is not used: a kick is a
 * removal, and removeUsersFromGroup is the one whose replies are known. AtomChat has no member
 * roles: everyone is a participant. Members carry the name their row gives, if any; bans carry no
 * former role or join time (the rows have none). Thread-safe.
 */
@Singleton
final class AtomChatMembers implements MemberOperations {

    /** How often a removal refused because the member list changed meanwhile is tried. */
    static final int ATTEMPTS = 3;

    private final AtomChatApi api;
    private final HttpCallExecutor executor;
    private final AtomChatMapper wire;
    private final AtomChatUsers users;
    private final ProviderDescriptor descriptor;

    @Inject
    private AtomChatMembers(
            AtomChatApi api,
            HttpCallExecutor executor,
            AtomChatMapper wire,
            AtomChatUsers users,
            ProviderDescriptor descriptor) {
        this.api = api;
        this.executor = executor;
        this.wire = wire;
        this.users = users;
        this.descriptor = descriptor;
    }

    /**
     * Adds users. Banned users fail with BANNED and members are unchanged without being sent; the
     * others are sent with {@code clearExisting=false} (so the call can never replace the member
     * set). When AtomChat answers that it added nobody, its answer alone decides, user by user:
     * already in the group is UNCHANGED, unknown to AtomChat is NOT_FOUND. When it answers success
     * (at least one user added, the others skipped without a word) the list read afterwards tells
     * who was added; a user still missing then is NOT_FOUND when getUser does not know it. After a
     * lost answer, the repeat's "already in the group" is about users that were not members when
     * read, so they count as added by this call.
     */
    @Override
    public BatchResult add(String groupId, Collection<MemberSpec> members) {
        MemberRows before = rows(groupId);
        Outcomes outcomes = new Outcomes();
        List<String> candidates = new ArrayList<>();
        for (MemberSpec spec : members) {
            String userId = spec.userId();
            if (before.isBanned(userId)) {
                outcomes.failed(userId, FailureReason.BANNED, "banned from the group");
            } else if (before.isMember(userId)) {
                outcomes.unchanged(userId);
            } else {
                outcomes.pending(userId);
                candidates.add(userId);
            }
        }
        if (candidates.isEmpty()) {
            return outcomes.result();
        }
        // Adding is a set union, so repeating the call after a lost answer changes nothing more;
        // the record tells whether the repeat's "already in" may be this call's own change.
        AttemptRecord attempts = new AttemptRecord();
        JsonNode reply = executor.call(
                CallSafety.CONVERGENT_WRITE,
                attempts,
                () -> api.addUsersToGroup(members(groupId, candidates)
                        .and("clearExisting", "false")
                        .fields()));
        if (wire.addedNobody(reply)) {
            // No read may turn this into APPLIED: AtomChat says nobody was added, and why for each UID.
            List<Boolean> alreadyIn = wire.alreadyInGroup(reply, candidates.size());
            for (int i = 0; i < candidates.size(); i++) {
                if (alreadyIn.get(i) && attempts.answerLost()) {
                    outcomes.applied(candidates.get(i));
                } else if (alreadyIn.get(i)) {
                    outcomes.unchanged(candidates.get(i));
                } else {
                    outcomes.failed(candidates.get(i), FailureReason.NOT_FOUND, "no user with this id");
                }
            }
            return outcomes.result();
        }
        MemberRows after = rows(groupId);
        for (String userId : candidates) {
            if (after.isMember(userId)) {
                outcomes.applied(userId);
            } else if (after.isBanned(userId)) {
                outcomes.failed(userId, FailureReason.BANNED, "banned from the group");
            } else if (!users.exists(userId)) {
                outcomes.failed(userId, FailureReason.NOT_FOUND, "no user with this id");
            } else {
                outcomes.failed(userId, FailureReason.ERROR, "AtomChat did not add the user");
            }
        }
        return outcomes.result();
    }

    /**
     * Removes members. Only current members are sent (a banned user is not one, and removing must
     * not lift a ban), since AtomChat refuses the whole call for one non-member; the others are
     * unchanged. After a lost answer, users the lost attempt removed are applied: they were members
     * when the list was read.
     */
    @Override
    public BatchResult remove(String groupId, Collection<String> userIds) {
        Outcomes outcomes = new Outcomes();
        userIds.forEach(outcomes::unchanged);
        removeMembers(groupId, userIds, rows(groupId)).forEach(outcomes::applied);
        return outcomes.result();
    }

    @Override
    public Page<Member> list(String groupId, MemberQuery query) {
        return AtomChatPaging.slice(
                descriptor,
                "members:" + groupId,
                () -> {
                    MemberRows rows = rows(groupId);
                    return rows.members().stream()
                            .map(userId -> new Member(
                                    groupId, userId, MemberRole.PARTICIPANT, Optional.empty(), rows.name(userId)))
                            .toList();
                },
                pageSize(query.pageSize()),
                query.cursor());
    }

    @Override
    public ItemOutcome changeRole(String groupId, String userId, MemberRole role) {
        throw new UnsupportedCapabilityException(descriptor.id(), Capability.MEMBER_ROLES);
    }

    /**
     * Bans members: banned users are unchanged, non-members fail with NOT_A_MEMBER (NOT_FOUND when
     * getUser does not know them), and the members are sent and reported by the list read after
     * the call.
     */
    @Override
    public BatchResult ban(String groupId, Collection<String> userIds) {
        MemberRows before = rows(groupId);
        Outcomes outcomes = new Outcomes();
        List<String> candidates = new ArrayList<>();
        for (String userId : userIds) {
            if (before.isBanned(userId)) {
                outcomes.unchanged(userId);
            } else if (before.isMember(userId)) {
                outcomes.pending(userId);
                candidates.add(userId);
            } else {
                notAMember(outcomes, userId);
            }
        }
        if (candidates.isEmpty()) {
            return outcomes.result();
        }
        sendRefusable(() -> api.banUsersFromGroup(members(groupId, candidates).fields()));
        MemberRows after = rows(groupId);
        for (String userId : candidates) {
            if (after.isBanned(userId)) {
                outcomes.applied(userId);
            } else if (after.isMember(userId)) {
                outcomes.failed(userId, FailureReason.ERROR, "AtomChat still lists the user as a member");
            } else {
                outcomes.failed(userId, FailureReason.NOT_A_MEMBER, "no longer a member when the ban was sent");
            }
        }
        return outcomes.result();
    }

    /**
     * Lifts bans. AtomChat makes an unbanned user a member again; the portable API does not, so
     * users who are members after the unban are removed at once (for that moment they are members).
     * Users who are not banned are unchanged.
     */
    @Override
    public BatchResult unban(String groupId, Collection<String> userIds) {
        MemberRows before = rows(groupId);
        Outcomes outcomes = new Outcomes();
        List<String> candidates = new ArrayList<>();
        for (String userId : userIds) {
            if (before.isBanned(userId)) {
                outcomes.pending(userId);
                candidates.add(userId);
            } else {
                outcomes.unchanged(userId);
            }
        }
        if (candidates.isEmpty()) {
            return outcomes.result();
        }
        sendRefusable(() -> api.unbanUsersFromGroup(members(groupId, candidates).fields()));
        MemberRows after = rows(groupId);
        removeMembers(groupId, candidates, after);
        for (String userId : candidates) {
            if (after.isBanned(userId)) {
                outcomes.failed(userId, FailureReason.ERROR, "AtomChat still lists the user as banned");
            } else {
                outcomes.applied(userId);
            }
        }
        return outcomes.result();
    }

    @Override
    public Page<BannedMember> listBanned(String groupId, PageRequest request) {
        return AtomChatPaging.slice(
                descriptor,
                "banned:" + groupId,
                () -> rows(groupId).bannedUsers().stream()
                        .map(userId -> new BannedMember(groupId, userId, Optional.empty()))
                        .toList(),
                pageSize(request.pageSize()),
                request.cursor());
    }

    /**
     * Removes those of the users who are members, reading the list again and retrying when
     * AtomChat refuses the call because one of them stopped being a member meanwhile. A refusal
     * after a lost answer may be about the lost attempt's own removal: the users it names were
     * members when read, so those gone now count as removed.
     *
     * @return the users removed
     */
    private List<String> removeMembers(String groupId, Collection<String> userIds, MemberRows rows) {
        List<String> removed = new ArrayList<>();
        MemberRows current = rows;
        for (int attempt = 1; ; attempt++) {
            List<String> members = userIds.stream()
                    .filter(current::isMember)
                    .filter(id -> !removed.contains(id))
                    .toList();
            if (members.isEmpty()) {
                return removed;
            }
            AttemptRecord attempts = new AttemptRecord();
            try {
                // Removal is idempotent in effect; a repeat that finds the users gone is refused, not applied twice.
                executor.call(
                        CallSafety.CONVERGENT_WRITE,
                        attempts,
                        () -> api.removeUsersFromGroup(members(groupId, members).fields()));
                removed.addAll(members);
                return removed;
            } catch (InvalidRequestException e) {
                if (!AtomChatErrorMapper.isMembershipRefusal(e) || attempt == ATTEMPTS) {
                    throw e;
                }
            }
            current = rows(groupId);
            if (attempts.answerLost()) {
                MemberRows after = current;
                members.stream().filter(id -> !after.isMember(id)).forEach(removed::add);
            }
        }
    }

    /** Sends a ban or unban whose outcome the next read of the list decides, refusals included. */
    private void sendRefusable(Runnable call) {
        try {
            executor.run(CallSafety.IDEMPOTENT_WRITE, call);
        } catch (InvalidRequestException e) {
            if (!AtomChatErrorMapper.isMembershipRefusal(e)) {
                throw e;
            }
        }
    }

    private void notAMember(Outcomes outcomes, String userId) {
        if (users.exists(userId)) {
            outcomes.failed(userId, FailureReason.NOT_A_MEMBER, "only members can be banned");
        } else {
            outcomes.failed(userId, FailureReason.NOT_FOUND, "no user with this id");
        }
    }

    private MemberRows rows(String groupId) {
        return wire.memberRows(
                groupId,
                executor.read(
                        () -> api.getGroupUserList(Form.of("GUIDs", groupId).fields())));
    }

    private int pageSize(OptionalInt requested) {
        return requested.orElse(descriptor.limits().defaultPageSize());
    }

    private static Form members(String groupId, Collection<String> userIds) {
        return Form.of("GUID", groupId).andList("UIDs", userIds);
    }

    /** The outcomes of one batch, kept in request order while some are still being decided. */
    private static final class Outcomes {
        private final Map<String, ItemOutcome> byUser = new LinkedHashMap<>();

        void pending(String userId) {
            byUser.put(userId, null);
        }

        void applied(String userId) {
            byUser.put(userId, ItemOutcome.applied(userId));
        }

        void unchanged(String userId) {
            byUser.put(userId, ItemOutcome.unchanged(userId));
        }

        void failed(String userId, FailureReason reason, String message) {
            byUser.put(userId, ItemOutcome.failed(userId, reason, message));
        }

        BatchResult result() {
            return new BatchResult(List.copyOf(byUser.values()));
        }
    }
}
