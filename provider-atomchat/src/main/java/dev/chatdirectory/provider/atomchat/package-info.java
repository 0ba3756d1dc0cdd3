/**
 * The AtomChat v2 provider of ChatDirectory: {@link dev.chatdirectory.provider.atomchat.AtomChatProvider},
 * registered for {@link java.util.ServiceLoader} under the id {@code atomchat}.
 *
 * <p>How the portable API maps onto AtomChat, where the vendor leaves a choice:
 *
 * <ul>
 *   <li>Every call is a {@code POST} with form fields; AtomChat answers business failures with
 *       HTTP 200 and a {@code failed} object, which become the API's exceptions by their message
 *       text ({@code User already exists} → {@link dev.chatdirectory.AlreadyExistsException},
 *       {@code User not registered} → {@link dev.chatdirectory.NotFoundException}, status 1010 →
 *       {@link dev.chatdirectory.AuthenticationException}, ...).
 *   <li>updateUser rewrites every profile field, so an update reads the user, applies the patch
 *       and sends the whole profile back; a change made by someone else between the read and the
 *       write is lost (last writer wins).
 *   <li>User listings carry no avatar or profile URL at AtomChat, so each listed user is read with
 *       getUser: a page costs one listUsers call plus one call per user.
 *   <li>Membership calls report one outcome for a whole batch, skip unknown users silently and
 *       refuse a removal outright when one listed user is not a member, so every batch reads the
 *       member list before (and where needed after) the call to report each user truthfully. A
 *       concurrent change to the same group between those reads and the call can make an outcome
 *       inaccurate.
 *   <li>Unbanning at AtomChat makes the user a member again; the portable API does not, so the
 *       adapter removes the user right after the unban (for a moment the user is a member).
 *   <li>Presence: a user counts as online when AtomChat reports {@code available}, {@code away} or
 *       {@code busy} and the last activity is under two minutes old (the vendor's own rule); a
 *       requested UID AtomChat leaves out is OFFLINE if the user exists, UNKNOWN otherwise.
 *   <li>AtomChat may compare ids without regard to case (a MySQL collation); a create that clashes
 *       that way fails with {@link dev.chatdirectory.AlreadyExistsException}.
 * </ul>
 */
package dev.chatdirectory.provider.atomchat;
