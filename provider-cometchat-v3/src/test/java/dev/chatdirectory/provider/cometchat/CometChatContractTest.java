package dev.chatdirectory.provider.cometchat;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.emulator.cometchat.CometChatEmulator;
import dev.chatdirectory.model.PresenceState;
import dev.chatdirectory.testkit.ContractBackend;
import dev.chatdirectory.testkit.ContractEnvironment;
import dev.chatdirectory.testkit.HttpChatDirectoryContract;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;

/**
 * The whole contract suite, resilience included, run through the kit's recording proxy against
 * the CometChat emulator; after every test, each request the adapter sent is checked against
 * CometChat's OpenAPI spec.
 *
 * <p>The emulator defines the roles the canonical users have ({@code vip}, {@code staff}), as an
 * app owner would in CometChat's dashboard: CometChat refuses users with undefined roles. The only
 * capability CometChat lacks is {@link dev.chatdirectory.Capability#USER_EMAIL}, so the e-mail
 * tests are skipped with that reason.
 */
@DisplayName("CometChat v3 contract")
class CometChatContractTest extends HttpChatDirectoryContract {

    @Override
    protected ContractBackend backend() {
        CometChatEmulator emulator = startEmulator();
        EmulatedCometChat.ROLES.forEach(emulator::defineRole);
        return ContractBackend.builder()
                .upstream(emulator.baseUrl())
                .credential("appId", emulator.appId())
                .credential("apiKey", emulator.apiKey())
                .presenceControl((directory, user, state, lastActiveAt) ->
                        emulator.setPresence(user, state == PresenceState.ONLINE, lastActiveAt))
                .closeAfterwards(emulator)
                .build();
    }

    /** Starts the emulator the run talks to. */
    CometChatEmulator startEmulator() {
        return new CometChatEmulator().start();
    }

    @Override
    protected ChatDirectory createDirectory(ContractEnvironment environment) {
        return new CometChatProvider().open(environment.config());
    }

    @AfterEach
    void requestsConformToCometChatSpec() {
        List<String> violations = environment().wireMock().findAll(anyRequestedFor(anyUrl())).stream()
                .flatMap(request -> CometChatSpec.violations(request).stream())
                .toList();
        if (!violations.isEmpty()) {
            throw new AssertionError(
                    "requests that break CometChat's OpenAPI spec:\n  " + String.join("\n  ", violations));
        }
    }
}
