package dev.chatdirectory.testkit.proof;

import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.provider.memory.MemoryChatDirectory;
import dev.chatdirectory.testkit.ChatDirectoryContract;
import dev.chatdirectory.testkit.ContractBackend;
import dev.chatdirectory.testkit.ContractEnvironment;
import java.util.Set;

/**
 * The in-memory provider with every optional capability switched off: every gated test must prove
 * the refusal and be skipped with its reason, and none may fail. Run by {@link ContractKitProofTest}
 * through the Launcher, not by Surefire directly.
 */
class NoOptionalCapabilitiesContractFixture extends ChatDirectoryContract {

    @Override
    protected ContractBackend backend() {
        return MemoryBackend.withPresenceHook();
    }

    @Override
    protected ChatDirectory createDirectory(ContractEnvironment environment) {
        return MemoryChatDirectory.builder().capabilities(Set.of()).build();
    }
}
