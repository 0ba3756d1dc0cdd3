package dev.chatdirectory.provider.cometchat.internal;

import dev.chatdirectory.http.HttpChatDirectory;
import dev.chatdirectory.spi.ProviderDescriptor;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.util.List;

/**
 * A CometChat v3 directory: the four facets over one Feign client, call executor and JDK {@link
 * HttpClient}. Opened through {@code CometChatProvider}, which wraps it in the shared request
 * checks. Thread-safe.
 */
public final class CometChatDirectory extends HttpChatDirectory {

    @Inject
    private CometChatDirectory(
            ProviderDescriptor descriptor,
            CometChatUsers users,
            CometChatPresence presence,
            CometChatGroups groups,
            CometChatMembers members,
            CometChatApi api,
            HttpClient httpClient) {
        super(descriptor, httpClient, users, presence, groups, members, List.of(api));
    }
}
