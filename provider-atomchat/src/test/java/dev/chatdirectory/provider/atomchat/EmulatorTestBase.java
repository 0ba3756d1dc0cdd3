package dev.chatdirectory.provider.atomchat;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.emulator.atomchat.AtomChatEmulator;
import dev.chatdirectory.model.GroupCreate;
import dev.chatdirectory.model.GroupType;
import dev.chatdirectory.model.UserCreate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/** Runs a test class against one AtomChat emulator, reset before every test, with a fresh directory. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EmulatorTestBase {

    protected AtomChatEmulator emulator;
    protected ChatDirectory directory;

    @BeforeAll
    void startEmulator() {
        emulator = new AtomChatEmulator().start();
    }

    @AfterAll
    void stopEmulator() {
        emulator.close();
    }

    @BeforeEach
    void openDirectory() {
        emulator.reset();
        directory = Directories.open(emulator.baseUrl(), emulator.apiKey());
    }

    @AfterEach
    void closeDirectory() {
        directory.close();
    }

    protected void createUsers(String... ids) {
        for (String id : ids) {
            directory.users().create(UserCreate.builder(id, "Name of " + id).build());
        }
    }

    protected void createGroup(String id) {
        directory
                .groups()
                .create(GroupCreate.builder(id, "Group " + id, GroupType.PUBLIC).build());
    }

    /** Forgets the requests seen so far, so that a test can count those of one operation. */
    protected void forgetRequests() {
        emulator.wireMock().resetRequests();
    }

    /** {@return the requests recorded since the last {@link #forgetRequests()}, oldest first} */
    protected List<LoggedRequest> requests() {
        return emulator.wireMock().findAll(anyRequestedFor(anyUrl()));
    }

    /** {@return the requests to one AtomChat endpoint since the last {@link #forgetRequests()}, oldest first} */
    protected List<LoggedRequest> requestsTo(String endpoint) {
        return emulator.wireMock()
                .findAll(postRequestedFor(urlPathEqualTo(AtomChatEmulator.BASE_PATH + "/" + endpoint)));
    }
}
