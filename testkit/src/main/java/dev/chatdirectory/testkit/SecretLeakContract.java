package dev.chatdirectory.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Proves that no secret leaks from a provider: runs its whole contract with the library's logs
 * at TRACE written to a file, then searches every log line and every exception message (expected
 * ones included) for the credentials the provider declares secret.
 *
 * <p>Subclass it in the provider's tests, return the contract class, and let SLF4J's simple
 * logger write the library's logs to a file through surefire's {@code systemPropertyVariables}:
 * {@code org.slf4j.simpleLogger.log.dev.chatdirectory=trace} and {@code
 * org.slf4j.simpleLogger.logFile=${project.build.directory}/contract-trace.log}.
 */
public abstract class SecretLeakContract {

    /** Allows subclasses. */
    protected SecretLeakContract() {}

    /**
     * Names the contract to run.
     *
     * @return the provider's contract test class
     */
    protected abstract Class<? extends ChatDirectoryContract> contract();

    @Test
    @DisplayName("no secret appears in any log line or exception message of a whole contract run at TRACE")
    void noSecretLeaks() {
        String configured = System.getProperty("org.slf4j.simpleLogger.logFile");
        assertThat(configured)
                .as("org.slf4j.simpleLogger.logFile, so that the run's log lines can be searched")
                .isNotBlank()
                .isNotIn("System.out", "System.err");
        Path log = Path.of(configured);

        SecretLeakCheck.Report report = SecretLeakCheck.run(contract());

        assertThat(report.failures()).as("failed contract tests").isEmpty();
        assertThat(report.testsSucceeded()).as("contract tests that ran").isPositive();
        assertThat(report.secrets())
                .as("secret credentials configured for the run")
                .isNotEmpty();
        assertThat(report.exceptionTexts()).as("exceptions seen during the run").isNotEmpty();
        assertThat(Files.exists(log)).as("log file %s", log).isTrue();
        List<String> lines = SecretLeakCheck.logLines(log);
        assertThat(lines)
                .as("request lines logged at TRACE (is dev.chatdirectory at trace?)")
                .anyMatch(line -> line.contains("--->"));
        assertThat(lines).as("masked credentials in the log").anyMatch(line -> line.contains("****"));
        assertThat(report.leaks(log)).as("places a secret leaked").isEmpty();
    }
}
