package dev.chatdirectory.provider.qiscus;

import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.emulator.qiscus.QiscusEmulator;
import dev.chatdirectory.testkit.ContractBackend;
import dev.chatdirectory.testkit.ContractEnvironment;
import dev.chatdirectory.testkit.HttpChatDirectoryContract;
import org.junit.jupiter.api.DisplayName;

/**
 * The contract suite against the Qiscus emulator, through the kit's recording proxy. The
 * configuration carries a password secret (so users can be updated) and a system user (so groups
 * can be created without an owner); Qiscus has no presence, so the backend offers no presence hook.
 */
@DisplayName("The Qiscus provider honours the ChatDirectory contract")
class QiscusContractTest extends HttpChatDirectoryContract {

    private static final String SYSTEM_USER = "chatdirectory.system";

    @Override
    protected ContractBackend backend() {
        QiscusEmulator emulator = new QiscusEmulator().start();
        emulator.createUser(SYSTEM_USER, "ChatDirectory");
        ContractBackend.Builder backend = ContractBackend.builder().upstream(emulator.baseUrl());
        emulator.credentials().forEach(backend::credential);
        return backend.credential("passwordSecret", "contract-password-secret-0123")
                .credential("systemUserId", SYSTEM_USER)
                .closeAfterwards(emulator)
                .build();
    }

    @Override
    protected ChatDirectory createDirectory(ContractEnvironment environment) {
        return new QiscusProvider().open(environment.config());
    }
}
