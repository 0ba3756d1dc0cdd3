/**
 * Emulator of the AtomChat Users/Groups REST API v2 ({@link
 * dev.chatdirectory.emulator.atomchat.AtomChatEmulator}).
 *
 * <p>Served endpoints, all {@code POST /api/v2/<name>}: createUser, getUser, updateUser,
 * deleteUser, listUsers, getUserStatus, addFriends, deleteFriends, createGroup, updateGroup,
 * deleteGroup, getGroupList, addUsersToGroup, removeUsersFromGroup, kickUsersFromGroup,
 * banUsersFromGroup, unbanUsersFromGroup and getGroupUserList. Messaging, blocking, credits and
 * call history are outside the directory and answer like unknown endpoints.
 *
 * <p>Vendor facts follow {@code shared/vendors/atomchat.md}: HTTP 200 for business failures,
 * {@code status} as a JSON string ({@code "2000"}, {@code "2001"}, {@code "1010"} for a bad key),
 * the vendor's exact message strings, updateUser rewriting every profile field, partial success of
 * addUsersToGroup and the all-or-nothing rule of removeUsersFromGroup. Where the vendor's behaviour
 * is unknown the emulator makes these choices of its own:
 *
 * <ul>
 *   <li>An unknown path, endpoint name or a method other than POST gets HTTP 404 with a {@code
 *       failed} envelope whose status is {@code "404"} (the 2018 server sends an empty 200).
 *   <li>A simulated rate limit (AtomChat documents none) gets HTTP 429 with {@code Retry-After} in
 *       seconds and a {@code failed} envelope whose status is {@code "429"}.
 *   <li>listUsers reads {@code offset} as a 0-based row offset by default; {@link
 *       dev.chatdirectory.emulator.atomchat.ListUsersPaging#LEGACY_2018} switches to the 2018
 *       router's quirks. Rows come in creation order.
 *   <li>New users are {@code offline} with {@code lastactivity} {@code "0"} (never seen) until a
 *       test sets their presence; getUserStatus leaves unknown UIDs out and reports {@code
 *       conversations} as {@code "0"}.
 *   <li>updateGroup patches {@code name}, {@code type} and {@code password}; kick removes the
 *       membership row, ban flags it ({@code isbanned} {@code "1"}, not a member, can not be
 *       re-added), unban clears the flag; getGroupUserList returns {@code data} keyed by GUID.
 *   <li>createGroup rejects a {@code type} outside 0-4 with {@code Invalid group type.} and stores
 *       {@code createdby} as the owner ({@code "0"} when absent) without making it a member. Every
 *       other group call answers a missing GUID like an unknown one: {@code GUID does not exist.}.
 *   <li>addUsersToGroup and addFriends honour {@code clearExisting} (the 2018 code ignores it);
 *       friend lists hold no repeats.
 *   <li>deleteUser also drops the user's membership rows and its place in friend lists; deleteGroup
 *       drops the group's membership rows.
 * </ul>
 */
package dev.chatdirectory.emulator.atomchat;
