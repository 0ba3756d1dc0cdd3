package dev.chatdirectory.provider.qiscus.internal;

import java.util.Objects;
import java.util.Optional;

/**
 * Who creates the rooms of groups created without an owner: the {@code systemUserId} property.
 *
 * @param systemUserId an existing Qiscus user, typically the application's admin or bot account
 */
record RoomCreator(Optional<String> systemUserId) {

    RoomCreator {
        Objects.requireNonNull(systemUserId, "systemUserId");
    }
}
