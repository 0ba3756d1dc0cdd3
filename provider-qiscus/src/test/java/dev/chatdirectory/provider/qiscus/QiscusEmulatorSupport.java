package dev.chatdirectory.provider.qiscus;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.ProviderConfig;
import dev.chatdirectory.RetrySettings;
import dev.chatdirectory.emulator.qiscus.QiscusEmulator;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * Runs a test class against its own Qiscus emulator: reset before every test, with the system user
 * the configuration names, and a fresh directory that retries quickly.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class QiscusEmulatorSupport {

    static final String PASSWORD_SECRET = "test-password-secret-0123456789";
    static final String SYSTEM_USER = "chatdirectory.system";
    static final String BASE = QiscusEmulator.BASE_PATH;

    QiscusEmulator emulator;
    ChatDirectory directory;

    @BeforeAll
    void startEmulator() {
        emulator = new QiscusEmulator().start();
    }

    @AfterAll
    void stopEmulator() {
        emulator.close();
    }

    @BeforeEach
    void openDirectory() {
        emulator.reset();
        emulator.createUser(SYSTEM_USER, "ChatDirectory");
        directory = open(config().build());
    }

    @AfterEach
    void closeDirectory() {
        directory.close();
    }

    /** The configuration of the emulator, with a password secret, a system user and fast retries. */
    ProviderConfig.Builder config() {
        return ProviderConfig.builder()
                .endpoint(emulator.baseUrl())
                .credential("appId", emulator.appId())
                .credential("secret", emulator.secretKey())
                .credential("passwordSecret", PASSWORD_SECRET)
                .property("systemUserId", SYSTEM_USER)
                .retry(new RetrySettings(3, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(2)));
    }

    static ChatDirectory open(ProviderConfig config) {
        return QiscusProvider.builder().config(config).build();
    }

    /** The password the application derives for a user's client login. */
    static String derivedPassword(String userId) {
        return PasswordSource.hmacSha256(PASSWORD_SECRET).passwordFor(userId);
    }

    /** Every request the emulator received since the last reset, in order. */
    List<LoggedRequest> requests() {
        return emulator.wireMock().findAll(anyRequestedFor(anyUrl()));
    }

    /** Forgets the requests received so far. */
    void forgetRequests() {
        emulator.wireMock().resetRequests();
    }
}
