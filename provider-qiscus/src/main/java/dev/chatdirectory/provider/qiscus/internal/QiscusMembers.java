package dev.chatdirectory.provider.qiscus.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatdirectory.AuthenticationException;
import dev.chatdirectory.Capability;
import dev.chatdirectory.ChatDirectoryException;
import dev.chatdirectory.InvalidRequestException;
import dev.chatdirectory.MemberOperations;
import dev.chatdirectory.NotFoundException;
import dev.chatdirectory.PermissionDeniedException;
import dev.chatdirectory.UnsupportedCapabilityException;
import dev.chatdirectory.http.AttemptRecord;
import dev.chatdirectory.http.CallSafety;
import dev.chatdirectory.http.ErrorMapper;
import dev.chatdirectory.http.HttpCallExecutor;
import dev.chatdirectory.http.PageCursor;
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
import dev.chatdirectory.provider.qiscus.internal.QiscusApi.Participants;
import dev.chatdirectory.spi.ProviderDescriptor;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Room participants: {@code add_room_participants}, {@code remove_room_participants} and {@code
 * get_room_participants}. Qiscus rooms have no roles and no bans.
 *
 * <p>Qiscus's answers do not say who was already a participant, and one unknown user makes it
 * refuse a whole batch, so a batch first reads the participants (users already in are reported
 * unchanged and not sent), then sends the others at once; if Qiscus refuses that batch, each user
 * is sent alone, so that every user gets its own outcome. Users Qiscus leaves out of its {@code
 * participants_added} answer were in the room already (added by someone else since the read) and
 * are reported unchanged.
 *
 * <p>Participants marked {@code "active": false} are deactivated users: they stay in the room (and
 * can be removed) but are not listed, as at the other providers.
 */
final class QiscusMembers implements MemberOperations {

    private final QiscusApi api;
    private final HttpCallExecutor calls;
    private final QiscusMapper mapper;
    private final ErrorMapper errors;
    private final ProviderDescriptor descriptor;

    @Inject
    private QiscusMembers(
            QiscusApi api,
            HttpCallExecutor calls,
            QiscusMapper mapper,
            ErrorMapper errors,
            ProviderDescriptor descriptor) {
        this.api = api;
        this.calls = calls;
        this.mapper = mapper;
        this.errors = errors;
        this.descriptor = descriptor;
    }

    @Override
    public BatchResult add(String groupId, Collection<MemberSpec> members) {
        Set<String> current = participants(groupId);
        List<String> joining = members.stream()
                .map(MemberSpec::userId)
                .filter(id -> !current.contains(id))
                .toList();
        Map<String, ItemOutcome> joined = join(groupId, joining);
        return new BatchResult(members.stream()
                .map(MemberSpec::userId)
                .map(id -> current.contains(id) ? ItemOutcome.unchanged(id) : joined.get(id))
                .toList());
    }

    @Override
    public BatchResult remove(String groupId, Collection<String> userIds) {
        Set<String> current = participants(groupId);
        List<String> leaving = userIds.stream().filter(current::contains).toList();
        if (!leaving.isEmpty()) {
            // Removing a participant twice changes nothing.
            calls.call(CallSafety.IDEMPOTENT_WRITE, () -> api.removeParticipants(new Participants(groupId, leaving)));
        }
        return new BatchResult(userIds.stream()
                .map(id -> leaving.contains(id) ? ItemOutcome.applied(id) : ItemOutcome.unchanged(id))
                .toList());
    }

    /**
     * Reads one page of {@code get_room_participants}, leaving out deactivated participants.
     * Whether Qiscus sends a {@code meta} object here is [UNK], so a page shorter than asked for is
     * the last one; the length counted is Qiscus's, before deactivated participants are left out.
     */
    @Override
    public Page<Member> list(String groupId, MemberQuery query) {
        PageCursor at = PageCursor.resumePage(descriptor, "members:" + groupId, query.cursor(), query.pageSize());
        int size = at.pageSize();
        JsonNode participants = participantPage(groupId, at.position(), size);
        List<Member> items = new ArrayList<>(participants.size());
        participants.forEach(participant -> {
            if (mapper.active(participant)) {
                items.add(mapper.member(groupId, participant));
            }
        });
        return Page.of(
                items, participants.size() >= size ? at.at(at.position() + 1).encode() : null);
    }

    @Override
    public ItemOutcome changeRole(String groupId, String userId, MemberRole role) {
        throw new UnsupportedCapabilityException(descriptor.id(), Capability.MEMBER_ROLES);
    }

    @Override
    public BatchResult ban(String groupId, Collection<String> userIds) {
        throw new UnsupportedCapabilityException(descriptor.id(), Capability.MEMBER_BANS);
    }

    @Override
    public BatchResult unban(String groupId, Collection<String> userIds) {
        throw new UnsupportedCapabilityException(descriptor.id(), Capability.MEMBER_BANS);
    }

    @Override
    public Page<BannedMember> listBanned(String groupId, PageRequest request) {
        throw new UnsupportedCapabilityException(descriptor.id(), Capability.MEMBER_BANS);
    }

    /**
     * Returns the user ids of every participant, reading pages of the largest size until a short
     * one; a room that does not exist gives {@link NotFoundException}.
     */
    private Set<String> participants(String groupId) {
        int size = descriptor.limits().maxPageSize();
        Set<String> ids = new LinkedHashSet<>();
        for (long page = 1; ; page++) {
            List<String> pageIds = mapper.userIds(participantPage(groupId, page, size));
            if (!ids.addAll(pageIds) && !pageIds.isEmpty()) {
                throw errors.protocolError(
                        "get_room_participants repeated page " + (page - 1) + " as page " + page, null);
            }
            if (pageIds.size() < size) {
                return ids;
            }
        }
    }

    private JsonNode participantPage(String groupId, long page, int size) {
        return mapper.array(mapper.results(calls.read(() -> api.participants(groupId, page, size))), "participants");
    }

    /**
     * Adds users who are not participants yet, at once; when Qiscus refuses the batch (one unknown
     * user is enough), user by user, so that each gets its own outcome.
     */
    private Map<String, ItemOutcome> join(String groupId, List<String> joining) {
        Map<String, ItemOutcome> outcomes = new LinkedHashMap<>();
        if (joining.isEmpty()) {
            return outcomes;
        }
        try {
            Set<String> added = addAll(groupId, joining);
            joining.forEach(
                    id -> outcomes.put(id, added.contains(id) ? ItemOutcome.applied(id) : ItemOutcome.unchanged(id)));
        } catch (NotFoundException | InvalidRequestException refused) {
            if (joining.size() == 1) {
                outcomes.put(joining.get(0), failure(joining.get(0), refused));
            } else {
                joining.forEach(id -> outcomes.put(id, addAlone(groupId, id)));
            }
        }
        return outcomes;
    }

    /**
     * Adds users who were not participants when the room was read, and returns those this call
     * added: the ones Qiscus reports in {@code participants_added}, which leaves out users in the
     * room already. The participants form a set, so adding them again has no further effect and the
     * call may be repeated after a transient failure; after a lost answer the repeat's {@code
     * participants_added} leaves out the users the lost attempt added, so then every user sent
     * counts as added by this call.
     */
    private Set<String> addAll(String groupId, List<String> userIds) {
        AttemptRecord attempts = new AttemptRecord();
        JsonNode answer = calls.call(
                CallSafety.CONVERGENT_WRITE, attempts, () -> api.addParticipants(new Participants(groupId, userIds)));
        Set<String> added =
                new LinkedHashSet<>(mapper.userIds(mapper.array(mapper.results(answer), "participants_added")));
        return attempts.answerLost() ? new LinkedHashSet<>(userIds) : added;
    }

    private ItemOutcome addAlone(String groupId, String userId) {
        try {
            return addAll(groupId, List.of(userId)).contains(userId)
                    ? ItemOutcome.applied(userId)
                    : ItemOutcome.unchanged(userId);
        } catch (AuthenticationException | PermissionDeniedException e) {
            throw e;
        } catch (ChatDirectoryException e) {
            return failure(userId, e);
        }
    }

    /**
     * Turns Qiscus's refusal to add one user into its outcome. The room was just read, so "not
     * found" means the user; Qiscus sends no error codes, so a full room is recognised by its
     * message [UNK].
     */
    private static ItemOutcome failure(String userId, ChatDirectoryException e) {
        String message = e.getMessage();
        if (e instanceof NotFoundException) {
            return ItemOutcome.failed(userId, FailureReason.NOT_FOUND, "no Qiscus user with this id");
        }
        if (e instanceof InvalidRequestException) {
            boolean full = message.toLowerCase(Locale.ROOT).contains("maximum");
            return ItemOutcome.failed(userId, full ? FailureReason.LIMIT_EXCEEDED : FailureReason.REJECTED, message);
        }
        return ItemOutcome.failed(userId, FailureReason.ERROR, message);
    }
}
