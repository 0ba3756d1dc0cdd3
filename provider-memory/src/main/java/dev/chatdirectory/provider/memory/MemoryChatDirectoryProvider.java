package dev.chatdirectory.provider.memory;

import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.ConfigurationException;
import dev.chatdirectory.ErrorContext;
import dev.chatdirectory.ProviderConfig;
import dev.chatdirectory.spi.ChatDirectoryProvider;
import dev.chatdirectory.spi.ProviderDescriptor;

/**
 * The service-loader entry of the in-memory provider, id {@code memory}.
 *
 * <p>Reads one optional property, {@code pageSize} (the default page size, 1 to 1000). Every
 * {@link #open} returns a new, empty directory. Thread-safe.
 */
public final class MemoryChatDirectoryProvider implements ChatDirectoryProvider {

    /** The provider id. */
    public static final String ID = "memory";

    /** Creates the provider; does no work. */
    public MemoryChatDirectoryProvider() {}

    @Override
    public ProviderDescriptor descriptor() {
        return MemoryChatDirectory.descriptor(
                MemoryChatDirectory.ALL_CAPABILITIES, MemoryChatDirectory.DEFAULT_PAGE_SIZE);
    }

    @Override
    public ChatDirectory open(ProviderConfig config) {
        MemoryChatDirectory.Builder builder = MemoryChatDirectory.builder();
        config.property("pageSize").ifPresent(value -> builder.defaultPageSize(parsePageSize(value)));
        return builder.build();
    }

    private static int parsePageSize(String value) {
        try {
            int size = Integer.parseInt(value.strip());
            if (size >= 1 && size <= MemoryChatDirectory.MAX_PAGE_SIZE) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below with the rule
        }
        throw new ConfigurationException(
                "property 'pageSize' must be a whole number from 1 to " + MemoryChatDirectory.MAX_PAGE_SIZE + ", was '"
                        + value + "'",
                ErrorContext.of(ID));
    }
}
