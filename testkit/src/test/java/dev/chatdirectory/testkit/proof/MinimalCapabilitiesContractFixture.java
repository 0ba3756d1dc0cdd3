package dev.chatdirectory.testkit.proof;

import dev.chatdirectory.Capability;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.provider.memory.MemoryChatDirectory;
import dev.chatdirectory.testkit.ChatDirectoryContract;
import dev.chatdirectory.testkit.ContractBackend;
import dev.chatdirectory.testkit.ContractEnvironment;
import java.util.Set;

/**
 * The in-memory provider with only public groups (ids assigned by the provider), group listing and
 * presence: the tests of every other capability must prove the refusal and be skipped with the
 * reason, and none may fail. Run by {@link ContractKitProofTest} through the Launcher.
 */
class MinimalCapabilitiesContractFixture extends ChatDirectoryContract {

    /** The capabilities this provider declares. */
    static final Set<Capability> DECLARED =
            Set.of(Capability.GROUP_TYPE_PUBLIC, Capability.GROUP_LIST, Capability.PRESENCE);

    @Override
    protected ContractBackend backend() {
        return MemoryBackend.withPresenceHook();
    }

    @Override
    protected ChatDirectory createDirectory(ContractEnvironment environment) {
        return MemoryChatDirectory.builder().capabilities(DECLARED).build();
    }
}
