/**
 * Emulator of the CometChat REST API v3 ("Chat APIs"): users, presence, groups, group members and
 * bans, with CometChat's paths, {@code apikey} authentication, envelopes, Laravel-style validation
 * messages, error codes, pagination and quirks.
 *
 * <p>The only public type is {@link dev.chatdirectory.emulator.cometchat.CometChatEmulator}; the
 * other classes split it into a vendor model ({@code CometChatStore} and its records), routing
 * ({@code CometChatRouter}), endpoint handlers, request validation ({@code Validation}) and wire
 * rendering ({@code WireFormat}).
 *
 * <p>Facts are taken from the project's CometChat v3 reference ({@code shared/vendors/cometchat-v3.md})
 * and CometChat's OpenAPI export. Where the reference marks a fact as inferred, the code says so
 * in a comment tagged {@code [I]}.
 */
package dev.chatdirectory.emulator.cometchat;
