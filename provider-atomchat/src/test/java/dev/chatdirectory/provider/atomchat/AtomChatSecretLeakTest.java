package dev.chatdirectory.provider.atomchat;

import dev.chatdirectory.testkit.ChatDirectoryContract;
import dev.chatdirectory.testkit.SecretLeakContract;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The AtomChat provider leaks no secret")
class AtomChatSecretLeakTest extends SecretLeakContract {

    @Override
    protected Class<? extends ChatDirectoryContract> contract() {
        return AtomChatContractTest.class;
    }
}
