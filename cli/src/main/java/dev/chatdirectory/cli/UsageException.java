package dev.chatdirectory.cli;

/**
 * A mistake the person running the command can fix, found after the command line was parsed: a
 * configuration file that cannot be read, a port that is taken. Reported in one line with {@link
 * ExitCode#USAGE}.
 */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }

    UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
