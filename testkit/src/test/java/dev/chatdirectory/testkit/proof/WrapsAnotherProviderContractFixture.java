package dev.chatdirectory.testkit.proof;

import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.ProviderConfig;
import dev.chatdirectory.provider.memory.MemoryChatDirectoryProvider;
import dev.chatdirectory.spi.ChatDirectoryProvider;
import dev.chatdirectory.spi.ForwardingChatDirectory;
import dev.chatdirectory.spi.GuardedChatDirectory;
import dev.chatdirectory.spi.ProviderDescriptor;
import dev.chatdirectory.testkit.ChatDirectoryContract;
import dev.chatdirectory.testkit.ContractBackend;
import dev.chatdirectory.testkit.ContractEnvironment;

/**
 * A provider of its own ({@code wrapped-memory}) built on another provider's directory, as a
 * caching or auditing provider would be. Every test outside discovery must pass, the error tests
 * included, which require every exception to name {@code wrapped-memory} and not the {@code
 * memory} directory underneath. It is not registered with {@code ServiceLoader} (that would make
 * it the one vendor provider of every other run here), so the discovery tests fail.
 */
class WrapsAnotherProviderContractFixture extends ChatDirectoryContract {

    /** A provider that serves another provider's directory under its own id. */
    static final class WrappingProvider implements ChatDirectoryProvider {
        private final ChatDirectoryProvider inner = new MemoryChatDirectoryProvider();
        private final ProviderDescriptor descriptor = renamed(inner.descriptor(), "wrapped-memory");

        private static ProviderDescriptor renamed(ProviderDescriptor d, String id) {
            return ProviderDescriptor.builder(id)
                    .displayName("Wrapped " + d.displayName())
                    .capabilities(d.capabilities())
                    .credentials(d.credentials())
                    .userIds(d.userIds())
                    .groupIds(d.groupIds())
                    .limits(d.limits())
                    .unrecoverableCreates(d.unrecoverableCreates())
                    .build();
        }

        @Override
        public ProviderDescriptor descriptor() {
            return descriptor;
        }

        @Override
        public ChatDirectory open(ProviderConfig config) {
            ChatDirectory wrapper = new ForwardingChatDirectory(inner.open(config)) {
                @Override
                public ProviderDescriptor provider() {
                    return descriptor;
                }
            };
            return GuardedChatDirectory.wrap(descriptor, wrapper);
        }
    }

    @Override
    protected ContractBackend backend() {
        return MemoryBackend.withPresenceHook();
    }

    @Override
    protected ChatDirectory createDirectory(ContractEnvironment environment) {
        return new WrappingProvider().open(environment.config());
    }
}
