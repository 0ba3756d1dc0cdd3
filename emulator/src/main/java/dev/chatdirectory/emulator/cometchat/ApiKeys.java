package dev.chatdirectory.emulator.cometchat;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The app's REST API keys and their scope: {@code fullAccess} keys may call everything,
 * {@code authOnly} keys ("Auth Keys" in the dashboard) may only create users.
 */
final class ApiKeys {

    /** Scope of a presented key. */
    enum Access {
        FULL,
        AUTH_ONLY,
        UNKNOWN
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Set<String> fullAccess = new LinkedHashSet<>();
    private final Set<String> authOnly = new LinkedHashSet<>();

    synchronized void addFullAccess(String key) {
        fullAccess.add(key);
    }

    synchronized void addAuthOnly(String key) {
        authOnly.add(key);
    }

    synchronized Access access(String key) {
        if (fullAccess.contains(key)) {
            return Access.FULL;
        }
        return authOnly.contains(key) ? Access.AUTH_ONLY : Access.UNKNOWN;
    }

    /** Returns {@code hexChars} random lower-case hex digits, the shape of CometChat keys and ids. */
    static String randomHex(int hexChars) {
        byte[] bytes = new byte[(hexChars + 1) / 2];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes).substring(0, hexChars);
    }
}
