package dev.chatdirectory.emulator.cometchat;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The three CometChat group types. */
enum GroupType {
    PUBLIC,
    PRIVATE,
    PASSWORD;

    /** Wire names of every type, for {@code in} validation. */
    static final List<String> WIRE_NAMES = List.of("public", "private", "password");

    /** Returns the wire name, e.g. {@code public}. */
    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name; empty when it is not a type. */
    static Optional<GroupType> parse(String wire) {
        for (GroupType type : values()) {
            if (type.wire().equals(wire)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
