package dev.chatdirectory.provider.qiscus;

import dev.chatdirectory.testkit.ChatDirectoryContract;
import dev.chatdirectory.testkit.SecretLeakContract;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The Qiscus provider leaks no secret")
class QiscusSecretLeakTest extends SecretLeakContract {

    @Override
    protected Class<? extends ChatDirectoryContract> contract() {
        return QiscusContractTest.class;
    }
}
