/**
 * The AtomChat v2 wire: the Feign interface ({@code AtomChatApi}), the envelope decoder and error
 * mapper that turn {@code success} / {@code failed} replies into results and the API's
 * exceptions, the JSON-to-model mapper, the paging of listUsers, the facets of {@link
 * dev.chatdirectory.provider.atomchat.internal.AtomChatDirectory} and its Guice module.
 *
 * <p>Not an API: everything here may change between releases. The one public type meant for
 * users is {@link dev.chatdirectory.provider.atomchat.internal.AtomChatDirectory}, reached with
 * {@link dev.chatdirectory.ChatDirectory#unwrap(Class)}.
 */
package dev.chatdirectory.provider.atomchat.internal;
