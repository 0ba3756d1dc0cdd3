package dev.chatdirectory.emulator.qiscus;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One Qiscus user in the emulator's model; mutable, guarded by the emulator's lock.
 *
 * <p>Besides the fields the API shows, it keeps what the real backend keeps privately: the
 * password client SDKs log in with (Qiscus's "user key"), the token and the internal integer id
 * that {@code get_user_list} reports as {@code id}.
 */
final class QiscusUser {

    final long internalId;
    final String userId;
    final Instant createdAt;
    String username;
    String avatarUrl;
    ObjectNode extras;
    boolean active = true;
    String password;
    int passwordChanges;
    String token;
    Instant updatedAt;
    QiscusPresence presence;

    QiscusUser(long internalId, String userId, Instant createdAt) {
        this.internalId = internalId;
        this.userId = userId;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    /** Sets the password, counting the change when it replaces a different one. */
    void changePassword(String newPassword) {
        if (password != null && !password.equals(newPassword)) {
            passwordChanges++;
        }
        password = newPassword;
    }
}
