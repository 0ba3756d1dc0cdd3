package dev.chatdirectory.provider.cometchat.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatdirectory.AuthenticationException;
import dev.chatdirectory.ChatDirectoryException;
import dev.chatdirectory.ConfigurationException;
import dev.chatdirectory.MemberOperations;
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
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Members and bans on CometChat's {@code /groups/{guid}/members} and {@code
 * /groups/{guid}/bannedusers} endpoints.
 *
 * <p>Adding is one call per batch (CometChat answers per UID, with 200 even when every UID
 * fails); removing, banning and unbanning are one call per user, as CometChat has no batch form
 * of them. Per-user outcomes follow CometChat's codes: {@code ERR_ALREADY_JOINED}, {@code
 * ERR_ALREADY_BANNED}, {@code ERR_NOT_A_BANNED_USER} and, for removal, {@code ERR_NOT_A_MEMBER}
 * are "already so"; a missing group ({@code ERR_GUID_NOT_FOUND}) or rejected credentials end the
 * whole batch with an exception; any other failure is that user's outcome.
 *
 * <p>Every write is convergent: repeated after a lost answer, it changes nothing further and is
 * answered "already so" for what the lost attempt did. The adapter does not read the group before
 * writing, so such an answer after a lost answer is {@code APPLIED_OR_UNCHANGED}: CometChat's
 * answer cannot tell the lost attempt's change from one made before. Thread-safe.
 */
final class CometChatMembers implements MemberOperations {

    private final CometChatApi api;
    private final HttpCallExecutor calls;
    private final CometChatMapper wire;
    private final CometChatPaging paging;
    private final CometChatErrorMapper errors;

    @Inject
    private CometChatMembers(
            CometChatApi api,
            HttpCallExecutor calls,
            CometChatMapper wire,
            CometChatPaging paging,
            CometChatErrorMapper errors) {
        this.api = api;
        this.calls = calls;
        this.wire = wire;
        this.paging = paging;
        this.errors = errors;
    }

    @Override
    public BatchResult add(String groupId, Collection<MemberSpec> members) {
        WireBodies.MemberLists body = new WireBodies.MemberLists(
                withRole(members, MemberRole.ADMIN),
                withRole(members, MemberRole.MODERATOR),
                withRole(members, MemberRole.PARTICIPANT));
        AttemptRecord attempts = new AttemptRecord();
        // CometChat answers a repeat per UID with ERR_ALREADY_JOINED and adds nobody twice.
        JsonNode data =
                wire.data(calls.call(CallSafety.CONVERGENT_WRITE, attempts, () -> api.addMembers(groupId, body)));
        List<ItemOutcome> outcomes = new ArrayList<>();
        for (MemberSpec spec : members) {
            String uid = spec.userId();
            Optional<JsonNode> result = wire.memberResult(data, bucket(spec.role()), uid);
            if (result.isEmpty()) {
                outcomes.add(
                        ItemOutcome.failed(uid, FailureReason.ERROR, "CometChat's answer has no result for this user"));
            } else if (wire.succeeded(result.get())) {
                outcomes.add(ItemOutcome.applied(uid));
            } else {
                outcomes.add(failedAddition(uid, result.get().get("error"), attempts));
            }
        }
        return new BatchResult(outcomes);
    }

    /** An existing member is "already so"; any other refusal is that user's failure. */
    private ItemOutcome failedAddition(String uid, JsonNode error, AttemptRecord attempts) {
        boolean alreadyMember = CometChatErrorMapper.vendorError(error)
                .code()
                .filter(CometChatCodes.ALREADY_JOINED::equals)
                .isPresent();
        return alreadyMember ? attempts.alreadySo(uid) : errors.failedItem(uid, error);
    }

    private static List<String> withRole(Collection<MemberSpec> members, MemberRole role) {
        List<String> uids = members.stream()
                .filter(m -> m.role() == role)
                .map(MemberSpec::userId)
                .toList();
        return uids.isEmpty() ? null : uids;
    }

    private static String bucket(MemberRole role) {
        return CometChatMapper.scope(role) + "s";
    }

    @Override
    public BatchResult remove(String groupId, Collection<String> userIds) {
        return perUser(userIds, uid -> {
            AttemptRecord attempts = new AttemptRecord();
            try {
                calls.call(CallSafety.CONVERGENT_WRITE, attempts, () -> api.kick(groupId, uid));
                return ItemOutcome.applied(uid);
            } catch (ChatDirectoryException e) {
                return alreadySoIf(e, attempts, uid, CometChatCodes.NOT_A_MEMBER, CometChatCodes.UID_NOT_FOUND);
            }
        });
    }

    @Override
    public Page<Member> list(String groupId, MemberQuery query) {
        CometChatPaging.Position position = paging.start("members:" + groupId, query.pageSize(), query.cursor());
        Map<String, Object> params = position.query();
        query.role().ifPresent(role -> params.put("scopes", CometChatMapper.scope(role)));
        JsonNode body = calls.read(() -> api.listMembers(groupId, params));
        return paging.page(position, body, wire.items(body, node -> wire.member(groupId, node)));
    }

    @Override
    public ItemOutcome changeRole(String groupId, String userId, MemberRole role) {
        AttemptRecord attempts = new AttemptRecord();
        try {
            calls.call(
                    CallSafety.CONVERGENT_WRITE,
                    attempts,
                    () -> api.changeScope(groupId, userId, new WireBodies.ScopeChange(CometChatMapper.scope(role))));
            return ItemOutcome.applied(userId);
        } catch (ChatDirectoryException e) {
            return alreadySoIf(e, attempts, userId, CometChatCodes.SAME_SCOPE);
        }
    }

    @Override
    public BatchResult ban(String groupId, Collection<String> userIds) {
        return perUser(userIds, uid -> {
            AttemptRecord attempts = new AttemptRecord();
            try {
                calls.call(CallSafety.CONVERGENT_WRITE, attempts, () -> api.ban(groupId, uid));
                return ItemOutcome.applied(uid);
            } catch (ChatDirectoryException e) {
                return alreadySoIf(e, attempts, uid, CometChatCodes.ALREADY_BANNED);
            }
        });
    }

    @Override
    public BatchResult unban(String groupId, Collection<String> userIds) {
        return perUser(userIds, uid -> {
            AttemptRecord attempts = new AttemptRecord();
            try {
                calls.call(CallSafety.CONVERGENT_WRITE, attempts, () -> api.unban(groupId, uid));
                return ItemOutcome.applied(uid);
            } catch (ChatDirectoryException e) {
                return alreadySoIf(e, attempts, uid, CometChatCodes.NOT_A_BANNED_USER, CometChatCodes.UID_NOT_FOUND);
            }
        });
    }

    @Override
    public Page<BannedMember> listBanned(String groupId, PageRequest request) {
        CometChatPaging.Position position = paging.start("banned:" + groupId, request.pageSize(), request.cursor());
        JsonNode body = calls.read(() -> api.listBanned(groupId, position.query()));
        return paging.page(position, body, wire.items(body, node -> wire.banned(groupId, node)));
    }

    /**
     * Returns "already so" for the given codes (unchanged, or applied-or-unchanged after a lost
     * answer) and rethrows anything else.
     */
    private static ItemOutcome alreadySoIf(
            ChatDirectoryException e, AttemptRecord attempts, String uid, String... codes) {
        for (String code : codes) {
            if (CometChatCodes.is(e, code)) {
                return attempts.alreadySo(uid);
            }
        }
        throw e;
    }

    /**
     * Runs one call per user; a failure that concerns the whole batch (no such group, rejected
     * credentials, wrong endpoint) is thrown, any other becomes that user's outcome.
     */
    private BatchResult perUser(Collection<String> userIds, Function<String, ItemOutcome> call) {
        List<ItemOutcome> outcomes = new ArrayList<>();
        for (String uid : userIds) {
            try {
                outcomes.add(call.apply(uid));
            } catch (ChatDirectoryException e) {
                if (e instanceof AuthenticationException
                        || e instanceof ConfigurationException
                        || CometChatCodes.is(e, CometChatCodes.GUID_NOT_FOUND)) {
                    throw e;
                }
                outcomes.add(errors.failedItem(uid, e));
            }
        }
        return new BatchResult(outcomes);
    }
}
