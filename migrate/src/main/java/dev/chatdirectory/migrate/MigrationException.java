package dev.chatdirectory.migrate;

/**
 * A migration cannot start or go on: its journal belongs to another migration, is newer than
 * this code, cannot be written, or losses are not accepted. Subclasses say which.
 *
 * <p>Messages never contain credentials.
 */
public class MigrationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong
     * @param cause the cause, or {@code null}
     */
    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates the exception.
     *
     * @param message what went wrong
     */
    public MigrationException(String message) {
        super(message);
    }
}
