package dev.chatdirectory.testkit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Proves that secrets never leak: runs a whole contract class through the JUnit Platform, then
 * searches every exception the directories threw (expected ones included), every value they
 * returned and a log file for the secrets.
 *
 * <p>Typical use, in an adapter's test sources, with SLF4J's simple logger writing the library's
 * TRACE logs to a file (surefire {@code systemPropertyVariables}: {@code
 * org.slf4j.simpleLogger.log.dev.chatdirectory=trace}, {@code
 * org.slf4j.simpleLogger.logFile=target/contract-trace.log}):
 *
 * <pre>{@code
 * SecretLeakCheck.Report report = SecretLeakCheck.run(CometChatContractTest.class);
 * assertThat(report.testsFailed()).isZero();
 * assertThat(report.secrets()).isNotEmpty();
 * assertThat(report.leaks(Path.of("target/contract-trace.log"))).isEmpty();
 * }</pre>
 *
 * <p>Not thread-safe: run one check at a time.
 */
public final class SecretLeakCheck {

    private SecretLeakCheck() {}

    /**
     * Runs a contract class and reports what happened.
     *
     * @param contract the contract class to run, e.g. an adapter's contract test
     * @return the counts and the texts of every exception thrown by the directories during the run
     */
    public static Report run(Class<? extends ChatDirectoryContract> contract) {
        int recordedBefore = ThrownExceptions.texts().size();
        int returnedBefore = ThrownExceptions.results().size();
        Counter counter = new Counter();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(
                LauncherDiscoveryRequestBuilder.request()
                        .selectors(selectClass(contract))
                        .build(),
                counter);
        List<String> texts = ThrownExceptions.texts();
        List<String> results = ThrownExceptions.results();
        return new Report(
                counter.succeeded,
                counter.failed,
                counter.skipped,
                List.copyOf(counter.failures),
                List.copyOf(texts.subList(Math.min(recordedBefore, texts.size()), texts.size())),
                List.copyOf(results.subList(Math.min(returnedBefore, results.size()), results.size())),
                ThrownExceptions.secrets());
    }

    /**
     * What a run did and what it threw.
     *
     * @param testsSucceeded tests that passed
     * @param testsFailed tests that failed
     * @param testsSkipped tests that were skipped or aborted
     * @param failures display names and messages of the failed tests
     * @param exceptionTexts messages, {@code toString()}s and contexts of every exception the
     *     directories threw, causes included
     * @param resultTexts {@code toString()}s of every value the directories' facets returned
     * @param secrets the values of the credentials the provider declares secret, as configured
     *     for the run
     */
    public record Report(
            long testsSucceeded,
            long testsFailed,
            long testsSkipped,
            List<String> failures,
            List<String> exceptionTexts,
            List<String> resultTexts,
            Set<String> secrets) {

        /**
         * Returns every place one of the run's own secrets was found.
         *
         * @param logFile the log of the run, or {@code null} to check exceptions and returned values only
         * @return one entry per leak, empty when there is none
         */
        public List<String> leaks(Path logFile) {
            return leaks(secrets, logFile);
        }

        /**
         * Returns every place a secret was found: in an exception text, a returned value or a line
         * of the log file.
         *
         * @param secrets the values that must never appear
         * @param logFile the log of the run, or {@code null} to check exceptions and returned values only
         * @return one entry per leak, empty when there is none
         */
        public List<String> leaks(Collection<String> secrets, Path logFile) {
            Objects.requireNonNull(secrets, "secrets");
            List<String> found = new ArrayList<>();
            search("exception", exceptionTexts, secrets, found);
            search("result", resultTexts, secrets, found);
            if (logFile != null) {
                search("log", logLines(logFile), secrets, found);
            }
            return found;
        }

        private static void search(String where, List<String> texts, Collection<String> secrets, List<String> found) {
            for (String text : texts) {
                for (String secret : secrets) {
                    if (text.contains(secret)) {
                        found.add(where + ": " + text.replace(secret, "<SECRET>"));
                    }
                }
            }
        }
    }

    /**
     * Reads a log file.
     *
     * @param logFile the file
     * @return its lines
     * @throws UncheckedIOException if it cannot be read
     */
    public static List<String> logLines(Path logFile) {
        try {
            return Files.readAllLines(logFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read log file " + logFile, e);
        }
    }

    private static final class Counter implements TestExecutionListener {
        private long succeeded;
        private long failed;
        private long skipped;
        private final List<String> failures = new ArrayList<>();

        @Override
        public void executionSkipped(TestIdentifier test, String reason) {
            if (test.isTest()) {
                skipped++;
            }
        }

        @Override
        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            if (!test.isTest()) {
                if (result.getStatus() == TestExecutionResult.Status.FAILED) {
                    failed++;
                    failures.add(test.getDisplayName() + ": "
                            + result.getThrowable().map(String::valueOf).orElse(""));
                }
                return;
            }
            switch (result.getStatus()) {
                case SUCCESSFUL -> succeeded++;
                case ABORTED -> skipped++;
                case FAILED -> {
                    failed++;
                    failures.add(test.getDisplayName() + ": "
                            + result.getThrowable().map(String::valueOf).orElse(""));
                }
            }
        }
    }
}
