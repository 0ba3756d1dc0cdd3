package dev.chatdirectory.cli;

/**
 * The exit statuses of {@code chatdirectory}, listed in {@code --help} and the README so that
 * scripts can tell a mistake in the command from a provider that failed.
 */
final class ExitCode {

    /** The command did what it was asked. */
    static final int OK = 0;

    /** {@code migrate verify} found the target differing from the source beyond declared losses. */
    static final int DIFFERENCES = 1;

    /**
     * The command line or the configuration is wrong: an unknown option, a value out of range, a
     * missing, unreadable or malformed configuration file, an unknown provider, a busy port, a
     * {@code --journal} that does not exist or is not a migration journal.
     */
    static final int USAGE = 2;

    /** The provider refused the request or could not be reached. */
    static final int PROVIDER = 3;

    /**
     * {@code migrate run} was stopped by Ctrl-C (SIGINT): it journaled the requests in flight and
     * printed the command that resumes. The JVM reports the signal as 128 + its number, so SIGTERM
     * (e.g. {@code kill}) gives {@link #TERMINATED} the same way.
     */
    static final int INTERRUPTED = 130;

    /** As {@link #INTERRUPTED}, stopped by SIGTERM. */
    static final int TERMINATED = 143;

    /** A defect in chatdirectory itself; {@code --verbose} shows the stack trace to report. */
    static final int INTERNAL = 70;

    private ExitCode() {}

    /** The lines {@code --help} shows under "Exit codes". */
    static String[] helpLines() {
        return new String[] {
            OK + ":Success.",
            DIFFERENCES + ":migrate verify: the target differs from the source beyond declared losses.",
            USAGE + ":Usage or configuration error (bad option or value, unreadable config file, busy port,"
                    + " missing journal).",
            PROVIDER + ":The provider refused the request or could not be reached.",
            INTERRUPTED + ":Stopped by Ctrl-C (" + TERMINATED + " by SIGTERM); the same command resumes.",
            INTERNAL + ":Internal error; rerun with --verbose and report the stack trace."
        };
    }
}
