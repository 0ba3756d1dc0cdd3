package dev.chatdirectory.provider.cometchat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatdirectory.emulator.cometchat.CometChatEmulator;
import dev.chatdirectory.testkit.ChatDirectoryContract;
import dev.chatdirectory.testkit.SecretLeakContract;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;

/**
 * Runs the whole CometChat contract against an emulator that answers every create with the new
 * user's {@code authToken}, and proves that neither the API key nor any of those tokens appears in
 * a log line, an exception or a returned model.
 */
@DisplayName("The CometChat provider leaks no secret")
class CometChatSecretLeakTest extends SecretLeakContract {

    /** The emulators the run started. */
    private static final List<CometChatEmulator> EMULATORS = new CopyOnWriteArrayList<>();

    @Override
    protected Class<? extends ChatDirectoryContract> contract() {
        return WithAuthTokens.class;
    }

    @Override
    protected Collection<String> secretsHandedOut() {
        List<String> tokens = EMULATORS.stream()
                .flatMap(emulator -> emulator.issuedAuthTokens().stream())
                .toList();
        assertThat(tokens).as("auth tokens in the run's create answers").isNotEmpty();
        return tokens;
    }

    /** The contract, with an auth token in every create answer (the adapter never asks for one). */
    @DisplayName("CometChat v3 contract, every created user answered with an auth token")
    static class WithAuthTokens extends CometChatContractTest {

        @Override
        CometChatEmulator startEmulator() {
            CometChatEmulator emulator = super.startEmulator();
            emulator.issueAuthTokensUnasked();
            EMULATORS.add(emulator);
            return emulator;
        }
    }
}
