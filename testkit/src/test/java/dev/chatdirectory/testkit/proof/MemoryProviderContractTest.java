package dev.chatdirectory.testkit.proof;

import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.provider.memory.MemoryChatDirectoryProvider;
import dev.chatdirectory.testkit.ChatDirectoryContract;
import dev.chatdirectory.testkit.ContractBackend;
import dev.chatdirectory.testkit.ContractEnvironment;

/**
 * The contract run against the in-memory reference provider, opened the way an application opens
 * it; every test must pass and none may be skipped.
 */
class MemoryProviderContractTest extends ChatDirectoryContract {

    @Override
    protected ContractBackend backend() {
        return MemoryBackend.withPresenceHook();
    }

    @Override
    protected ChatDirectory createDirectory(ContractEnvironment environment) {
        return new MemoryChatDirectoryProvider().open(environment.config());
    }
}
