package dev.chatdirectory.emulator.cometchat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Starts one emulator per test class on a free port, resets it and fixes its clock before each
 * test, and offers helpers to create users and groups.
 */
abstract class EmulatorTestBase {

    /** 2021-12-01T10:20:15Z, the creation second of the reference's sample user. */
    static final long T0 = 1638354015L;

    static CometChatEmulator emulator;
    MutableClock clock;
    CometChatHttp api;

    @BeforeAll
    static void startEmulator() {
        emulator = new CometChatEmulator();
        emulator.start();
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @BeforeEach
    void resetEmulator() {
        clock = new MutableClock(Instant.ofEpochSecond(T0));
        emulator.useClock(clock);
        emulator.reset();
        api = new CometChatHttp(emulator.baseUrl(), emulator.apiKey());
    }

    /** Creates a user with the given UID and name, asserting success. */
    CometChatHttp.Response createUser(String uid, String name) {
        CometChatHttp.Response response = api.post("/users", "{\"uid\":\"" + uid + "\",\"name\":\"" + name + "\"}");
        if (response.status() != 200) {
            throw new AssertionError("create user failed: " + response.body());
        }
        return response;
    }

    /** Creates users {@code prefix1..prefixN}, one second apart. */
    void createUsers(String prefix, int count) {
        for (int i = 1; i <= count; i++) {
            createUser(prefix + i, "User " + i);
            clock.advance(Duration.ofSeconds(1));
        }
    }

    /** Creates a public group without owner, asserting success. */
    CometChatHttp.Response createGroup(String guid, String name) {
        return createGroup("{\"guid\":\"" + guid + "\",\"name\":\"" + name + "\",\"type\":\"public\"}");
    }

    /** Creates a group from a JSON body, asserting success. */
    CometChatHttp.Response createGroup(String json) {
        CometChatHttp.Response response = api.post("/groups", json);
        if (response.status() != 200) {
            throw new AssertionError("create group failed: " + response.body());
        }
        return response;
    }
}
