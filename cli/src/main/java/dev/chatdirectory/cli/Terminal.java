package dev.chatdirectory.cli;

import java.io.Console;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * Whether a person is watching: progress bars redraw one line with carriage returns, which only a
 * terminal shows as intended; in a pipe or a log they become noise.
 */
final class Terminal {

    private Terminal() {}

    /**
     * {@return whether the process runs at a terminal}
     *
     * <p>{@code System.console() != null} alone is not enough: from JDK 22 the console exists even
     * when output is piped, and only {@code Console.isTerminal()} (JDK 22+, hence reflection while
     * the code targets 17) says whether it is a terminal. The JDK reports on standard input and
     * output, not on standard error where the bars are drawn: the closest pure-Java signal.
     */
    static boolean isTerminal() {
        Console console = System.console();
        return decide(console != null, console == null ? Optional.empty() : reportedTerminal(console));
    }

    /**
     * The decision, apart from the JDK: no console means no terminal; a console that can say whether
     * it is a terminal (JDK 22+) is believed; one that cannot (JDK 17 to 21) exists only at a
     * terminal.
     *
     * @param consolePresent whether {@code System.console()} returned a console
     * @param isTerminal what {@code Console.isTerminal()} answered, empty where the JDK lacks it
     */
    static boolean decide(boolean consolePresent, Optional<Boolean> isTerminal) {
        return consolePresent && isTerminal.orElse(true);
    }

    private static Optional<Boolean> reportedTerminal(Console console) {
        Method isTerminal;
        try {
            isTerminal = Console.class.getMethod("isTerminal");
        } catch (NoSuchMethodException beforeJdk22) {
            return Optional.empty();
        }
        try {
            return Optional.of((Boolean) isTerminal.invoke(console));
        } catch (ReflectiveOperationException | RuntimeException e) {
            // A console that cannot answer is not trusted to redraw lines.
            return Optional.of(false);
        }
    }
}
