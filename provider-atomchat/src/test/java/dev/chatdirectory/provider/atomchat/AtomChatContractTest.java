package dev.chatdirectory.provider.atomchat;

import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.emulator.atomchat.AtomChatEmulator;
import dev.chatdirectory.model.PresenceState;
import dev.chatdirectory.testkit.ContractBackend;
import dev.chatdirectory.testkit.ContractEnvironment;
import dev.chatdirectory.testkit.HttpChatDirectoryContract;
import org.junit.jupiter.api.DisplayName;

/** The whole ChatDirectory contract, resilience included, against the AtomChat emulator. */
@DisplayName("AtomChat contract")
class AtomChatContractTest extends HttpChatDirectoryContract {

    @Override
    protected ContractBackend backend() {
        AtomChatEmulator emulator = new AtomChatEmulator().start();
        return ContractBackend.builder()
                .upstream(emulator.baseUrl())
                .credential("apiKey", emulator.apiKey())
                .presenceControl(
                        (directory, user, state, at) -> emulator.setPresence(user, state == PresenceState.ONLINE, at))
                .closeAfterwards(emulator)
                .build();
    }

    @Override
    protected ChatDirectory createDirectory(ContractEnvironment environment) {
        return new AtomChatProvider().open(environment.config());
    }
}
