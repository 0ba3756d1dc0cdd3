package dev.chatdirectory.testkit;

import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.model.PresenceState;
import java.time.Instant;

/**
 * Sets a user's presence at the backend, as the user's own chat connection would; the public API
 * cannot, because presence is read-only there.
 *
 * <p>An HTTP adapter's backend implements it with its emulator's test hook and ignores the
 * directory; the in-memory provider, whose state lives in the directory itself, reaches its hook
 * through {@link ChatDirectory#unwrap(Class)}.
 */
@FunctionalInterface
public interface PresenceControl {

    /**
     * Makes a user appear online or offline to the directory.
     *
     * @param directory the directory under test, for providers whose state lives in it
     * @param userId the user, created by the test
     * @param state the presence to report from now on
     * @param lastActiveAt when the user was last active
     */
    void setPresence(ChatDirectory directory, String userId, PresenceState state, Instant lastActiveAt);
}
