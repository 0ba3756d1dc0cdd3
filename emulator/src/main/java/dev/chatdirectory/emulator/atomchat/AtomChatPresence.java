package dev.chatdirectory.emulator.atomchat;

import java.util.Locale;

/**
 * A user's stored presence status, as in the {@code cometchat_status.status} column of AtomChat.
 *
 * <p>getUserStatus reports the stored status and the last activity as they are, whatever the time
 * since that activity: the vendor's own buddy lists also look at how recent it is, but that rule
 * is not part of this reply, so the emulator does not apply it either.
 */
public enum AtomChatPresence {
    /** Online and reachable. */
    AVAILABLE,
    /** Online but away. */
    AWAY,
    /** Online but busy. */
    BUSY,
    /** Online but shown as offline to others. */
    INVISIBLE,
    /** Offline. */
    OFFLINE;

    /**
     * Returns the value sent on the wire, e.g. {@code available}.
     *
     * @return the lower-case wire value
     */
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
