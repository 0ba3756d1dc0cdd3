package dev.chatdirectory.provider.atomchat.internal;

import dev.chatdirectory.http.HttpChatDirectory;
import dev.chatdirectory.spi.ProviderDescriptor;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.http.HttpClient;
import java.util.List;

/**
 * A directory of one AtomChat app, reached with {@code directory.unwrap(AtomChatDirectory.class)};
 * {@code unwrap(HttpClient.class)} gives the JDK client it sends requests with.
 *
 * <p>Opened by {@link dev.chatdirectory.provider.atomchat.AtomChatProvider}, which wraps it in the
 * shared request checks. Thread-safe.
 */
@Singleton
public final class AtomChatDirectory extends HttpChatDirectory {

    @Inject
    private AtomChatDirectory(
            ProviderDescriptor descriptor,
            HttpClient httpClient,
            AtomChatUsers users,
            AtomChatApi api,
            AtomChatPresence presence,
            AtomChatGroups groups,
            AtomChatMembers members) {
        super(descriptor, httpClient, users, presence, groups, members, List.of(api));
    }
}
