package dev.chatdirectory.spi;

import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.ProviderConfig;

/**
 * A vendor adapter: a tiny descriptor plus a factory of directories.
 *
 * <p>Providers are found with {@link java.util.ServiceLoader}: each adapter jar lists its
 * implementation in {@code META-INF/services/dev.chatdirectory.spi.ChatDirectoryProvider}. They
 * must have a public no-argument constructor that does no I/O, and work when constructed
 * directly, without the service loader. Implementations are thread-safe.
 *
 * <p>Adapter authors return directories wrapped with {@link GuardedChatDirectory#wrap}, which
 * validates every request and checks capabilities before the adapter sees it, and then prove the
 * adapter with the contract suite of {@code chatdirectory-testkit}.
 */
public interface ChatDirectoryProvider {

    /** {@return what this provider is and can do; never does I/O} */
    ProviderDescriptor descriptor();

    /**
     * Opens a directory.
     *
     * @param config credentials, endpoint, timeouts, retry and rate limit
     * @return a thread-safe directory; close it when done
     * @throws dev.chatdirectory.ConfigurationException if a required property is missing or malformed
     */
    ChatDirectory open(ProviderConfig config);
}
