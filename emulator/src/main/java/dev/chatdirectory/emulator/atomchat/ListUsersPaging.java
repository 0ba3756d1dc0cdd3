package dev.chatdirectory.emulator.atomchat;

/**
 * How the emulated {@code listUsers} reads its {@code offset} and {@code limit} fields.
 *
 * <p>Whether today's AtomChat cloud still runs the 2018 router logic is unknown, so the emulator
 * implements the behaviour of the newest documentation by default and can be switched to the 2018
 * quirks to test that an adapter copes with both. In both modes the offset counts rows and users
 * come in creation order.
 */
public enum ListUsersPaging {
    /**
     * {@code offset} is a 0-based row offset (default 0) and {@code limit} the page size (default
     * 100; missing, zero, negative or non-numeric values mean 100), as docs.atomchat.com describes.
     */
    ROW_OFFSET {
        @Override
        int offset(FormFields form) {
            return Math.max(0, form.integer("offset", 0));
        }

        @Override
        int limit(FormFields form) {
            int requested = form.integer("limit", DEFAULT_LIMIT);
            return requested > 0 ? requested : DEFAULT_LIMIT;
        }
    },

    /**
     * The 2018 router: a missing or {@code "0"} offset becomes 1 (so the first user is never
     * returned), and any {@code limit} not greater than 100 becomes 100.
     */
    LEGACY_2018 {
        @Override
        int offset(FormFields form) {
            // PHP's empty() treats "0" like a missing value, which defaults to 1.
            int offset = form.integer("offset", 1);
            return offset > 0 ? offset : 1;
        }

        @Override
        int limit(FormFields form) {
            int requested = form.integer("limit", DEFAULT_LIMIT);
            return Math.max(requested, DEFAULT_LIMIT);
        }
    };

    private static final int DEFAULT_LIMIT = 100;

    /** Returns the number of rows to skip. */
    abstract int offset(FormFields form);

    /** Returns the maximum number of rows to return, always positive. */
    abstract int limit(FormFields form);
}
