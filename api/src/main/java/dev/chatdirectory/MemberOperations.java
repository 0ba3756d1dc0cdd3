package dev.chatdirectory;

import dev.chatdirectory.model.BannedMember;
import dev.chatdirectory.model.BatchResult;
import dev.chatdirectory.model.ItemOutcome;
import dev.chatdirectory.model.Member;
import dev.chatdirectory.model.MemberQuery;
import dev.chatdirectory.model.MemberRole;
import dev.chatdirectory.model.MemberSpec;
import dev.chatdirectory.model.Page;
import dev.chatdirectory.model.PageRequest;
import java.util.Collection;
import java.util.stream.Stream;

/**
 * The members and bans of groups.
 *
 * <p>Batch methods report one {@link ItemOutcome} per user, in request order: applied, unchanged
 * (already so) or failed with a reason; a partial failure never hides behind one flag. Batches
 * larger than the provider's batch size are split into several calls. They throw {@link
 * NotFoundException} only when the group itself does not exist.
 *
 * <p>Outcomes say what this call did, also after a lost answer: when a request was repeated
 * because its answer was lost after the provider may have applied it, a user the repeat finds
 * already so is {@link dev.chatdirectory.model.OutcomeStatus#APPLIED APPLIED} where the provider
 * knew the state before the first attempt, and {@link
 * dev.chatdirectory.model.OutcomeStatus#APPLIED_OR_UNCHANGED APPLIED_OR_UNCHANGED} where it cannot
 * know; never {@code UNCHANGED} for a change this call may have made.
 *
 * <p>Implementations are thread-safe. Arguments are validated and capabilities checked before
 * anything is sent, as for {@link UserOperations}; the same provider errors may be thrown.
 */
public interface MemberOperations {

    /**
     * Adds users to a group. A role other than {@link MemberRole#PARTICIPANT} needs {@link
     * Capability#MEMBER_ROLES}. Users who are already members are reported unchanged and keep
     * their role; unknown users fail with {@link dev.chatdirectory.model.FailureReason#NOT_FOUND},
     * banned users with {@link dev.chatdirectory.model.FailureReason#BANNED}.
     *
     * @param groupId the group
     * @param members the users and their roles, without duplicate user ids
     * @return one outcome per user
     * @throws NotFoundException if the group does not exist
     */
    BatchResult add(String groupId, Collection<MemberSpec> members);

    /**
     * Removes users from a group. Users who are not members are reported unchanged.
     *
     * @param groupId the group
     * @param userIds the users, without duplicates
     * @return one outcome per user
     * @throws NotFoundException if the group does not exist
     */
    BatchResult remove(String groupId, Collection<String> userIds);

    /**
     * Lists one page of a group's members.
     *
     * @param groupId the group
     * @param query role filter, page size and cursor
     * @return the page
     * @throws NotFoundException if the group does not exist
     */
    Page<Member> list(String groupId, MemberQuery query);

    /**
     * Streams every member of a group, fetching pages lazily.
     *
     * @param groupId the group
     * @param query role filter and page size
     * @return a sequential stream
     * @throws NotFoundException if the group does not exist (when the stream is consumed)
     */
    default Stream<Member> stream(String groupId, MemberQuery query) {
        return Page.stream(query, q -> list(groupId, q), MemberQuery::withCursor);
    }

    /**
     * Changes the role of a member; needs {@link Capability#MEMBER_ROLES}.
     *
     * @param groupId the group
     * @param userId the member
     * @param role the new role
     * @return applied, or unchanged if the member already had the role
     * @throws NotFoundException if the group does not exist or the user is not a member
     */
    ItemOutcome changeRole(String groupId, String userId, MemberRole role);

    /**
     * Bans members from a group: they stop being members and cannot be added back until
     * unbanned; needs {@link Capability#MEMBER_BANS}. Users already banned are reported
     * unchanged; users who are not members fail with {@link
     * dev.chatdirectory.model.FailureReason#NOT_A_MEMBER}.
     *
     * @param groupId the group
     * @param userIds the members to ban, without duplicates
     * @return one outcome per user
     * @throws NotFoundException if the group does not exist
     */
    BatchResult ban(String groupId, Collection<String> userIds);

    /**
     * Lifts bans; needs {@link Capability#MEMBER_BANS}. Unbanned users do not become members
     * again. Users who are not banned are reported unchanged.
     *
     * @param groupId the group
     * @param userIds the users, without duplicates
     * @return one outcome per user
     * @throws NotFoundException if the group does not exist
     */
    BatchResult unban(String groupId, Collection<String> userIds);

    /**
     * Lists one page of a group's banned users; needs {@link Capability#MEMBER_BANS}.
     *
     * @param groupId the group
     * @param request page size and cursor
     * @return the page
     * @throws NotFoundException if the group does not exist
     */
    Page<BannedMember> listBanned(String groupId, PageRequest request);

    /**
     * Streams every banned user of a group, fetching pages lazily; needs {@link
     * Capability#MEMBER_BANS}.
     *
     * @param groupId the group
     * @param request page size
     * @return a sequential stream
     */
    default Stream<BannedMember> streamBanned(String groupId, PageRequest request) {
        return Page.stream(request, r -> listBanned(groupId, r), PageRequest::withCursor);
    }
}
