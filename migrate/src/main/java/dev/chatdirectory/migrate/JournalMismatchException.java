package dev.chatdirectory.migrate;

/**
 * The journal records a migration between other directories (another provider, or another app or
 * endpoint of the same provider) than the one asked for; nothing is read or written.
 */
public class JournalMismatchException extends MigrationException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which side differs; never a credential
     */
    public JournalMismatchException(String message) {
        super(message);
    }
}
