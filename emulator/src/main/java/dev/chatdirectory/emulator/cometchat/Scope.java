package dev.chatdirectory.emulator.cometchat;

import java.util.Locale;
import java.util.Optional;

/** A member's scope in a group; the declaration order is the precedence, highest last. */
enum Scope {
    PARTICIPANT,
    MODERATOR,
    ADMIN;

    /** Returns the wire name, e.g. {@code admin}. */
    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name; empty when it is not a scope. */
    static Optional<Scope> parse(String wire) {
        for (Scope scope : values()) {
            if (scope.wire().equals(wire)) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }

    /** Returns the higher of two scopes (admin &gt; moderator &gt; participant). */
    Scope max(Scope other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
