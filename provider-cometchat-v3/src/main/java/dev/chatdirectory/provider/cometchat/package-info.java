/**
 * The CometChat REST API v3 provider, id {@code cometchat-v3}: users, presence, groups, group
 * members and bans of one CometChat app, through {@link
 * dev.chatdirectory.provider.cometchat.CometChatProvider}.
 *
 * <p>Configuration: {@code appId} and {@code region} ({@code us}, {@code eu} or {@code in}) name
 * the app's host {@code https://{appId}.api-{region}.cometchat.io/v3}; {@code apiKey} is a REST API
 * key with {@code fullAccess} scope (secret). An {@code endpoint} replaces the host and base path,
 * e.g. for the CometChat emulator; {@code region} is then not needed.
 *
 * <p>Everything vendor-specific (the Feign interface, wire bodies, mapping, error codes, the Guice
 * module) lives in the {@code internal} package and is not part of the API.
 */
package dev.chatdirectory.provider.cometchat;
