package dev.chatdirectory.emulator.qiscus;

import java.time.Instant;
import java.util.Objects;

/**
 * A user's realtime presence as Qiscus clients publish it over MQTT (topic {@code u/<userId>/s},
 * payload {@code "1:<millis>"} or {@code "0:<millis>"}).
 *
 * <p>The Qiscus server API has no presence endpoint, so the emulator never serves this over HTTP;
 * tests set and read it through {@link QiscusEmulator#setPresence} and {@link
 * QiscusEmulator#presence} to check that an adapter reports presence as unsupported instead of
 * inventing it.
 *
 * @param online whether the user is connected
 * @param lastActiveAt when the user was last seen (the timestamp of the MQTT payload)
 */
public record QiscusPresence(boolean online, Instant lastActiveAt) {

    /** Creates a presence, rejecting a missing timestamp. */
    public QiscusPresence {
        Objects.requireNonNull(lastActiveAt, "lastActiveAt");
    }
}
