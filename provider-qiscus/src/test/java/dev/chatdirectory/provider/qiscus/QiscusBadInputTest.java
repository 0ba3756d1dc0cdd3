package dev.chatdirectory.provider.qiscus;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.chatdirectory.ProviderConfig;
import dev.chatdirectory.RetrySettings;
import dev.chatdirectory.emulator.EmulatorRequest;
import dev.chatdirectory.emulator.qiscus.QiscusEmulator;
import dev.chatdirectory.testkit.fuzz.BadInputBackend;
import dev.chatdirectory.testkit.fuzz.BadInputFuzz;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;

/**
 * The fuzz kit's bad-input tests against the Qiscus emulator. Qiscus reads a user with {@code GET
 * user_profile?user_id=...}; its ids are letters, digits and {@code . - _ @}, so a tricky id such
 * as {@code a..b@c} travels in a query parameter.
 */
@DisplayName("Qiscus refuses bad input unsent and carries tricky input intact")
class QiscusBadInputTest extends BadInputFuzz {

    private static final String USER_PROFILE = QiscusEmulator.BASE_PATH + "/user_profile";

    @Override
    protected BadInputBackend backend() {
        QiscusEmulator emulator = new QiscusEmulator().start();
        Runnable reset = () -> {
            emulator.reset();
            emulator.createUser(QiscusEmulatorSupport.SYSTEM_USER, "ChatDirectory");
        };
        reset.run();
        // the configuration QiscusEmulatorSupport uses: its password secret and system user
        ProviderConfig config = ProviderConfig.builder()
                .endpoint(emulator.baseUrl())
                .credential("appId", emulator.appId())
                .credential("secret", emulator.secretKey())
                .credential("passwordSecret", QiscusEmulatorSupport.PASSWORD_SECRET)
                .property("systemUserId", QiscusEmulatorSupport.SYSTEM_USER)
                .retry(new RetrySettings(3, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(2)))
                .build();
        return BadInputBackend.builder(emulator.wireMock(), config, QiscusEmulatorSupport::open)
                .resetVendor(reset)
                .userIdRead(QiscusBadInputTest::userIdOfUserProfile)
                .closeAfterwards(emulator)
                .build();
    }

    private static Optional<String> userIdOfUserProfile(LoggedRequest request) {
        String url = request.getUrl();
        int query = url.indexOf('?');
        if (query < 0 || !url.substring(0, query).equals(USER_PROFILE)) {
            return Optional.empty();
        }
        List<String> ids =
                EmulatorRequest.decodeUrlEncoded(url.substring(query + 1)).getOrDefault("user_id", List.of());
        return ids.size() == 1 ? Optional.of(ids.get(0)) : Optional.empty();
    }
}
