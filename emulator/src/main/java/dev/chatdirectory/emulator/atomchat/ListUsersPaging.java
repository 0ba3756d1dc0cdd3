package dev.chatdirectory.emulator.atomchat;

/**
 * How the emulated {@code listUsers} reads its {@code offset} and {@code limit} fields.
 *
 * <p>Whether today's AtomChat cloud still runs the 2018 router logic is unknown, so the emulator
 * implements the behaviour of the newest documentation by default and can be switched to the 2018
 * quirks to test that an adapter copes with both.
 */
public enum ListUsersPaging {
    /**
     * {@code offset} is a 0-based row offset (default 0) and {@code limit} the page size (default
     * 100; missing, zero, negative or non-numeric values mean 100), as docs.atomchat.com describes.
     */
    ROW_OFFSET,

    /**
     * The 2018 router: a missing or {@code "0"} offset becomes 1 (so the first user is never
     * returned), and any {@code limit} not greater than 100 becomes 100; the offset is still used
     * as a row offset.
     */
    LEGACY_2018
}
