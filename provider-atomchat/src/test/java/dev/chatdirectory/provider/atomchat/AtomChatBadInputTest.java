package dev.chatdirectory.provider.atomchat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.chatdirectory.emulator.EmulatorRequest;
import dev.chatdirectory.emulator.atomchat.AtomChatEmulator;
import dev.chatdirectory.testkit.fuzz.BadInputBackend;
import dev.chatdirectory.testkit.fuzz.BadInputFuzz;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;

/**
 * The fuzz kit's bad-input tests against the AtomChat emulator. AtomChat takes every id in a form
 * field of a POST, so a tricky id is read back from the {@code UID} field of {@code getUser}.
 */
@DisplayName("AtomChat refuses bad input unsent and carries tricky input intact")
class AtomChatBadInputTest extends BadInputFuzz {

    @Override
    protected BadInputBackend backend() {
        AtomChatEmulator emulator = new AtomChatEmulator().start();
        return BadInputBackend.builder(
                        emulator.wireMock(),
                        Directories.config(emulator.baseUrl(), emulator.apiKey()),
                        new AtomChatProvider()::open)
                .resetVendor(emulator::reset)
                .userIdRead(AtomChatBadInputTest::uidOfGetUser)
                .closeAfterwards(emulator)
                .build();
    }

    private static Optional<String> uidOfGetUser(LoggedRequest request) {
        if (!request.getUrl().equals(AtomChatEmulator.BASE_PATH + "/getUser")) {
            return Optional.empty();
        }
        List<String> uids =
                EmulatorRequest.decodeUrlEncoded(request.getBodyAsString()).getOrDefault("UID", List.of());
        return uids.size() == 1 ? Optional.of(uids.get(0)) : Optional.empty();
    }
}
