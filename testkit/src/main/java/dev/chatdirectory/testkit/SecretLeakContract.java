package dev.chatdirectory.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Proves that no secret leaks from a provider: runs its whole contract with the library's logs
 * at TRACE written to a file, then searches every log line, every exception message (expected
 * ones included) and every returned value for the credentials the provider declares secret and
 * for the secrets the backend handed out during the run ({@link #secretsHandedOut()}).
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

    /**
     * Names the secrets the backend handed out during the run, such as the login tokens some
     * vendors put in create answers; called after the run, they are searched for like the
     * configured credentials.
     *
     * @return the secrets; none by default
     */
    protected Collection<String> secretsHandedOut() {
        return List.of();
    }

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
        Set<String> secrets = new LinkedHashSet<>(report.secrets());
        secrets.addAll(secretsHandedOut());
        assertThat(report.leaks(secrets, log)).as("places a secret leaked").isEmpty();
    }
}
