package dev.chatdirectory.emulator.cometchat;

import java.util.ArrayList;
import java.util.List;

/**
 * The login tokens create answers hand out, kept across resets so that a leak test can search a
 * whole run for them. Thread-safe.
 */
final class AuthTokens {

    private final List<String> issued = new ArrayList<>();
    private boolean unasked;

    /** Makes every create answer carry a token, asked for or not. */
    synchronized void issueUnasked() {
        unasked = true;
    }

    /**
     * Returns whether a create answer carries a token.
     *
     * @param asked whether the request sent {@code withAuthToken: true}
     */
    synchronized boolean issues(boolean asked) {
        return asked || unasked;
    }

    /**
     * Issues a token in the documented shape: the UID, {@code _}, the creation second, then 30 hex
     * digits ({@code superhero6_16383540156641d37a023c75d26f4c22a21ff126}).
     *
     * @param uid the new user's UID
     * @param now the creation second
     * @return the token
     */
    synchronized String issue(String uid, long now) {
        String token = uid + "_" + now + ApiKeys.randomHex(30);
        issued.add(token);
        return token;
    }

    /** Returns every token issued so far, oldest first. */
    synchronized List<String> issued() {
        return List.copyOf(issued);
    }
}
