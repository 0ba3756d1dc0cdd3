package dev.chatdirectory.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The presence of one user at one moment.
 *
 * <p>Immutable and thread-safe.
 *
 * @param userId the user
 * @param state online, offline or unknown
 * @param lastActiveAt when the user was last active, when the provider knows
 * @param observedAt when the provider was asked
 */
public record Presence(String userId, PresenceState state, Optional<Instant> lastActiveAt, Instant observedAt) {

    /**
     * Creates a presence value.
     *
     * @throws NullPointerException if any argument is {@code null}
     * @param userId the user
     * @param state online, offline or unknown
     * @param lastActiveAt when the user was last active, when the provider knows
     * @param observedAt when the provider was asked
     */
    public Presence {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastActiveAt, "lastActiveAt");
        Objects.requireNonNull(observedAt, "observedAt");
    }

    /** {@return whether the user is online} */
    public boolean isOnline() {
        return state == PresenceState.ONLINE;
    }
}
