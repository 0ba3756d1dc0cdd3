package dev.chatdirectory.provider.cometchat;

import dev.chatdirectory.testkit.ChatDirectoryContract;
import dev.chatdirectory.testkit.SecretLeakContract;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The CometChat provider leaks no secret")
class CometChatSecretLeakTest extends SecretLeakContract {

    @Override
    protected Class<? extends ChatDirectoryContract> contract() {
        return CometChatContractTest.class;
    }
}
