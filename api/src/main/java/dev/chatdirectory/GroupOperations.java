package dev.chatdirectory;

import dev.chatdirectory.model.Group;
import dev.chatdirectory.model.GroupCreate;
import dev.chatdirectory.model.GroupQuery;
import dev.chatdirectory.model.GroupUpdate;
import dev.chatdirectory.model.Page;
import dev.chatdirectory.model.PageRequest;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The groups of a directory.
 *
 * <p>Implementations are thread-safe. Arguments are validated and capabilities checked before
 * anything is sent, as for {@link UserOperations}; the same provider errors may be thrown.
 */
public interface GroupOperations {

    /**
     * Creates a group.
     *
     * <p>The type needs its capability ({@link dev.chatdirectory.model.GroupType#capability()}); a
     * client-chosen id needs {@link Capability#GROUP_CLIENT_IDS}; description, icon, metadata
     * and owner need theirs. An owner becomes a member of the group, an admin where members have
     * roles.
     *
     * @param request the group to create
     * @return the group as the provider stored it, with its id
     * @throws AlreadyExistsException if the id is taken
     * @throws NotFoundException if the owner does not exist
     */
    Group create(GroupCreate request);

    /**
     * Looks a group up by id.
     *
     * @param groupId the group id
     * @return the group, or empty if there is none
     */
    Optional<Group> get(String groupId);

    /**
     * Changes the fields the update sets or clears; needs {@link Capability#GROUP_UPDATE}.
     *
     * @param groupId the group id
     * @param update the change
     * @return the group after the change
     * @throws NotFoundException if there is no such group
     */
    Group update(String groupId, GroupUpdate update);

    /**
     * Deletes a group and its memberships; idempotent; needs {@link Capability#GROUP_DELETE}.
     *
     * <p>After a lost answer the result follows the rule of {@link UserOperations#delete}: a
     * repeat that finds the group gone returns {@code true}, since the lost attempt may have
     * deleted it, and {@code false} means this call deleted nothing.
     *
     * @param groupId the group id
     * @return {@code true} if this call deleted the group (or may have, after a lost answer), {@code
     *     false} if there was none and nothing was deleted
     */
    boolean delete(String groupId);

    /**
     * Makes another user the owner; needs {@link Capability#GROUP_OWNER_TRANSFER}. The new owner
     * becomes an admin member if it was not one.
     *
     * @param groupId the group id
     * @param newOwnerId the user who will own the group
     * @return the group after the change
     * @throws NotFoundException if the group or the user does not exist
     */
    Group transferOwnership(String groupId, String newOwnerId);

    /**
     * Lists one page of groups; needs {@link Capability#GROUP_LIST}.
     *
     * @param query filters, page size and cursor
     * @return the page
     */
    Page<Group> list(GroupQuery query);

    /**
     * Streams every group matching the query, fetching pages lazily; needs {@link
     * Capability#GROUP_LIST}.
     *
     * @param query filters and page size; its cursor, if any, is where the walk starts
     * @return a sequential stream
     */
    default Stream<Group> stream(GroupQuery query) {
        return Page.stream(query, this::list, GroupQuery::withCursor);
    }

    /**
     * Lists one page of the groups a user is a member of; needs {@link Capability#GROUPS_OF_MEMBER}.
     *
     * <p>This is how a directory whose groups cannot all be listed (no {@link
     * Capability#GROUP_LIST}) is still read in full: walk the users and ask each for its groups.
     * It returns groups rather than memberships with the user's role because only some vendors
     * say the role in this read; the role of every member comes from {@link
     * MemberOperations#list}, which a copy of a group reads anyway. It takes no filters, because
     * not every vendor can filter it.
     *
     * <p>A user's groups are exactly the groups {@link MemberOperations#list} lists the user in, of
     * every type; a ban ends a membership, so groups the user is banned from are not listed. The
     * order is the provider's.
     *
     * @param userId the user
     * @param request page size and cursor
     * @return the page; empty for a user who is a member of no group
     * @throws NotFoundException if there is no such user, or the user is deactivated (as for {@link
     *     UserOperations#get}): an unknown id is an error, not a user without groups, so that a typo
     *     or a user deleted meanwhile does not pass for one
     */
    Page<Group> listForMember(String userId, PageRequest request);

    /**
     * Streams every group a user is a member of, fetching pages lazily; needs {@link
     * Capability#GROUPS_OF_MEMBER}.
     *
     * @param userId the user
     * @param request page size; its cursor, if any, is where the walk starts
     * @return a sequential stream
     * @throws NotFoundException if there is no such user (when the stream is consumed)
     */
    default Stream<Group> streamForMember(String userId, PageRequest request) {
        return Page.stream(request, r -> listForMember(userId, r), PageRequest::withCursor);
    }
}
