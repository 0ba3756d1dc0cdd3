package dev.chatdirectory;

import dev.chatdirectory.model.Page;
import dev.chatdirectory.model.User;
import dev.chatdirectory.model.UserCreate;
import dev.chatdirectory.model.UserQuery;
import dev.chatdirectory.model.UserUpdate;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The users of a directory.
 *
 * <p>Implementations are thread-safe. Every method validates its arguments before sending
 * anything and throws {@link InvalidRequestException} naming the field and the rule; methods that
 * need a capability the provider lacks throw {@link UnsupportedCapabilityException}, also before
 * sending anything. Any method may throw {@link AuthenticationException}, {@link
 * PermissionDeniedException}, {@link RateLimitedException}, {@link ProviderUnavailableException}
 * or {@link ProviderProtocolException}.
 */
public interface UserOperations {

    /**
     * Creates a user.
     *
     * <p>Fields the request sets need the matching capability (e.g. {@link Capability#USER_METADATA}).
     *
     * @param request the user to create
     * @return the user as the provider stored it
     * @throws AlreadyExistsException if the id is taken (by an active or deactivated user)
     */
    User create(UserCreate request);

    /**
     * Looks a user up by id. Deleted and deactivated users are not found, on every provider (some
     * vendors answer "not found" for a deactivated user and nothing else); deactivated users are read
     * by listing with {@link dev.chatdirectory.model.UserQuery.Builder#includeDeactivated}.
     *
     * @param userId the user id
     * @return the user, or empty if there is none
     */
    Optional<User> get(String userId);

    /**
     * Changes the fields the update sets or clears, leaving the others alone.
     *
     * @param userId the user id
     * @param update the change
     * @return the user after the change
     * @throws NotFoundException if there is no such user
     */
    User update(String userId, UserUpdate update);

    /**
     * Deletes a user; idempotent.
     *
     * <p>With {@link Capability#USER_HARD_DELETE} the user is removed for good; without it the
     * user is deactivated (no longer found, listed only when a query includes deactivated users, id
     * still taken).
     *
     * <p>The result says whether this call deleted the user, also when the provider's answer to
     * its delete request was lost (connection reset, empty or truncated answer, 5xx after the
     * vendor applied it) and the request was repeated. A repeat that finds the user already gone
     * cannot tell whether the lost attempt deleted it or it was gone before; the result is then
     * {@code true}. So {@code false} is returned only when the provider answered that there was no
     * such user and no earlier attempt of this call can have deleted one: this call deleted
     * nothing. {@code true} means the user is gone and this call deleted it or, after a lost
     * answer only, may have.
     *
     * <p>This rule is preferred to an "outcome unknown" exception because the state the caller
     * asked for is reached either way: an exception would fail idempotent clean-ups on the rarest
     * network path, and the caller's natural reaction, deleting again, would answer {@code false},
     * the confident wrong answer the rule avoids. Callers that must know exactly (to count their
     * own deletions, say) read the user before deleting it.
     *
     * @param userId the user id
     * @return {@code true} if this call deleted the user (or may have, after a lost answer), {@code
     *     false} if there was none and nothing was deleted
     */
    boolean delete(String userId);

    /**
     * Deactivates a user: no longer found, listed only when a query includes deactivated users, and
     * restorable with {@link #reactivate}.
     *
     * <p>After a lost answer the result follows the rule of {@link #delete}: a repeat that finds
     * the user already deactivated returns {@code true}, since the lost attempt may have done it.
     *
     * @param userId the user id
     * @return {@code true} if the user was active and is now deactivated, {@code false} if it
     *     already was
     * @throws NotFoundException if there is no such user, active or not
     * @throws UnsupportedCapabilityException without {@link Capability#USER_DEACTIVATION}
     */
    boolean deactivate(String userId);

    /**
     * Reactivates a deactivated user.
     *
     * <p>After a lost answer the result follows the rule of {@link #delete}: a repeat that finds
     * the user already active returns {@code true}, since the lost attempt may have done it.
     *
     * @param userId the user id
     * @return {@code true} if the user was deactivated and is now active, {@code false} if it
     *     already was active
     * @throws NotFoundException if there is no such user, active or not
     * @throws UnsupportedCapabilityException without {@link Capability#USER_DEACTIVATION}
     */
    boolean reactivate(String userId);

    /**
     * Lists one page of users: the active ones, and the deactivated ones too when the query includes
     * them (each marked {@link User#deactivated()}, with the time).
     *
     * @param query filters, page size and cursor
     * @return the page
     * @throws InvalidRequestException if the page size exceeds the provider's maximum or the
     *     cursor was not issued by this provider
     * @throws UnsupportedCapabilityException if the query includes deactivated users without
     *     {@link Capability#USER_LIST_DEACTIVATED}, or uses a filter the provider lacks
     */
    Page<User> list(UserQuery query);

    /**
     * Streams every user matching the query, fetching pages lazily as the stream is consumed.
     *
     * <p>Memory use is one page. Each user appears once, provided the directory does not change
     * while it is walked.
     *
     * @param query filters and page size; its cursor, if any, is where the walk starts
     * @return a sequential stream
     */
    default Stream<User> stream(UserQuery query) {
        return Page.stream(query, this::list, UserQuery::withCursor);
    }
}
