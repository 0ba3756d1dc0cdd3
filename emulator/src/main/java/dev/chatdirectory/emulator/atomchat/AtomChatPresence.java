package dev.chatdirectory.emulator.atomchat;

import java.util.Locale;

/**
 * A user's stored presence status, as in the {@code cometchat_status.status} column of AtomChat.
 *
 * <p>The vendor counts a user as online when the status is neither {@link #INVISIBLE} nor {@link
 * #OFFLINE} and the last activity is recent; the emulator only stores and reports both values and
 * leaves that rule to the adapter.
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
