/**
 * The Qiscus provider: {@link dev.chatdirectory.provider.qiscus.QiscusProvider}, id {@code qiscus},
 * over the Qiscus Chat SDK server ("REST") API v2.1.
 *
 * <h2>Configuration</h2>
 *
 * <ul>
 *   <li>{@code appId} and {@code secret} (secret): sent as {@code QISCUS-SDK-APP-ID} and {@code
 *       QISCUS-SDK-SECRET}, the documented spelling (the underscore variants are dropped by many
 *       proxies);
 *   <li>{@code passwordSecret} (secret) or {@link
 *       dev.chatdirectory.provider.qiscus.QiscusProvider.Builder#passwordSource}: where users'
 *       passwords come from, see below;
 *   <li>{@code systemUserId}: the existing Qiscus user who creates the rooms of groups created
 *       without an owner;
 *   <li>{@code defaultAvatarUrl}: the placeholder avatar Qiscus gives users without one;
 *   <li>the base URL is {@code https://api.qiscus.com/api/v2.1/rest} unless the configuration's
 *       endpoint replaces it (for example with an emulator's).
 * </ul>
 *
 * <h2>Users</h2>
 *
 * <ul>
 *   <li>Create checks {@code user_profile} first, because {@code login_or_register} is an upsert
 *       that would overwrite an existing user; a user registered by someone else between the two
 *       calls is overwritten, as Qiscus has no create-only call.
 *   <li>Update reads the user and sends the whole profile back through {@code login_or_register},
 *       the only way Qiscus updates a profile. Qiscus refuses an existing user without a password
 *       and replaces the password with the one sent, so the adapter sends the password the user's
 *       clients log in with, from a {@link dev.chatdirectory.provider.qiscus.PasswordSource}:
 *       derived with HMAC-SHA256 from {@code passwordSecret} (the application derives the same one
 *       for its client logins) or looked up by the application's own source. Users are created
 *       with that password too. Without a source, users are created with a password Qiscus
 *       generates, and updates fail with {@link dev.chatdirectory.ConfigurationException} before
 *       anything is sent; a new random password per update, which would log the user out, is
 *       never sent.
 *   <li>Qiscus cannot delete users: delete deactivates ({@code deactivate_users}), the id stays
 *       taken and {@link dev.chatdirectory.Capability#USER_DEACTIVATION} restores the user ({@code
 *       reactivate_users}); {@link dev.chatdirectory.Capability#USER_HARD_DELETE} is not declared.
 *       Deactivated users are not listed, and {@link
 *       dev.chatdirectory.Capability#USER_LIST_DEACTIVATED} is not declared: {@code get_user_list}
 *       documents no way to include them (its {@code show_all} flag is undocumented) and Qiscus
 *       gives no deactivation time.
 *   <li>Metadata is {@code extras}, the avatar {@code avatar_url}. Qiscus gives users without an
 *       avatar a placeholder and ignores empty values, so the placeholder reads as "no avatar" and
 *       clearing the avatar sets it.
 *   <li>Listing uses {@code get_user_list}: 1-based pages, the user id in each item's {@code
 *       email}, {@code meta.total_page} for the last page, oldest users first; all behind opaque
 *       cursors, which keep the page size they were issued for.
 *   <li>Qiscus has no e-mail, profile URL, role or search, so those capabilities are not declared.
 * </ul>
 *
 * <h2>Groups</h2>
 *
 * <ul>
 *   <li>A group is a Qiscus group room: members join only when added, so {@link
 *       dev.chatdirectory.Capability#GROUP_TYPE_PRIVATE} is its type. Channels, which anyone may
 *       join, are read as public groups but not created (a room cannot change between the two,
 *       and the channel call is get-or-create).
 *   <li>Group ids are the {@code room_id}s Qiscus assigns; {@link
 *       dev.chatdirectory.Capability#GROUP_CLIENT_IDS} is not declared (Qiscus keys only channels
 *       by a caller's id).
 *   <li>{@code create_room} needs a creator and at least one participant. With an owner, the owner
 *       creates the room and is its first member, and is remembered in the reserved member {@code
 *       "chatdirectory"} of {@code room_options}, since Qiscus never returns the creator. Without
 *       an owner, the {@code systemUserId} user creates the room and is removed at once, so the
 *       group starts empty; without that property such a create is refused before sending.
 *   <li>Metadata is the rest of {@code room_options} (a string holding a JSON object), the icon
 *       {@code room_avatar_url} (cleared to the placeholder avatar). Qiscus rooms have no
 *       description.
 *   <li>No Qiscus endpoint deletes a room or lists all rooms, and rooms have no owner transfer, so
 *       {@link dev.chatdirectory.Capability#GROUP_DELETE}, {@link
 *       dev.chatdirectory.Capability#GROUP_LIST} and {@link
 *       dev.chatdirectory.Capability#GROUP_OWNER_TRANSFER} are not declared.
 *   <li>1-on-1 rooms are not groups: looking one up finds nothing.
 *   <li>The groups of a user are the group rooms {@code get_user_rooms} lists for that user; with
 *       them, a whole directory is read user by user, although no endpoint lists all rooms.
 * </ul>
 *
 * <h2>Members, presence</h2>
 *
 * <ul>
 *   <li>Add and remove read the participants first, report users already in (or already out) as
 *       unchanged and send the rest at once; when Qiscus refuses a batch (one unknown user is
 *       enough), each user is sent alone, so unknown users fail with {@code NOT_FOUND} and the
 *       others are added.
 *   <li>A member's name is the participant's {@code username} ({@link
 *       dev.chatdirectory.Capability#MEMBER_NAME}); Qiscus reports no join time.
 *   <li>Qiscus rooms have no roles and no bans, and the server API has no presence (clients
 *       publish it over MQTT): {@link dev.chatdirectory.Capability#MEMBER_ROLES}, {@link
 *       dev.chatdirectory.Capability#MEMBER_BANS} and {@link dev.chatdirectory.Capability#PRESENCE}
 *       are not declared, and nothing is sent for them.
 * </ul>
 *
 * <h2>Errors</h2>
 *
 * <p>Qiscus answers {@code {"error": {"message": ..., "detailed_messages": [...]}, "status": N}}
 * without error codes: 401 and 403 are authentication failures, never retried; messages saying a
 * user or room was not found are {@link dev.chatdirectory.NotFoundException}; other 400s are
 * invalid requests. Qiscus documents no rate limit, so the client-side limiter is off by default;
 * 429 and 503 are still retried after {@code Retry-After}.
 */
package dev.chatdirectory.provider.qiscus;
