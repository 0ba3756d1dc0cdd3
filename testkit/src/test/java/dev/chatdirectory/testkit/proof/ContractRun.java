package dev.chatdirectory.testkit.proof;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * One run of a contract class through the JUnit Platform Launcher, with the outcome of every test
 * by its display names, e.g. {@code "users › a created user is returned as stored and read back by id"}.
 */
final class ContractRun {

    /** How a test ended. */
    enum Status {
        PASSED,
        SKIPPED,
        FAILED
    }

    /**
     * The outcome of one test.
     *
     * @param group the display name of its nested group, e.g. {@code users}
     * @param name the display name of the test
     * @param status how it ended
     * @param detail the skip reason or the failure message, empty when it passed
     */
    record Outcome(String group, String name, Status status, String detail) {
        @Override
        public String toString() {
            return group + " › " + name + ": " + status + (detail.isEmpty() ? "" : " (" + detail + ")");
        }
    }

    private final List<Outcome> outcomes;
    private final List<String> containerFailures;

    private ContractRun(List<Outcome> outcomes, List<String> containerFailures) {
        this.outcomes = List.copyOf(outcomes);
        this.containerFailures = List.copyOf(containerFailures);
    }

    /** Runs every test of a class and collects the outcomes. */
    static ContractRun of(Class<?> testClass) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(testClass))
                .build();
        Recorder recorder = new Recorder();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, recorder);
        return new ContractRun(recorder.outcomes, recorder.containerFailures);
    }

    List<Outcome> outcomes() {
        return outcomes;
    }

    /** Failures of containers (a class or nested group that could not run at all). */
    List<String> containerFailures() {
        return containerFailures;
    }

    List<Outcome> withStatus(Status status) {
        return outcomes.stream().filter(o -> o.status() == status).toList();
    }

    List<Outcome> inGroup(String group) {
        return outcomes.stream().filter(o -> o.group().equals(group)).toList();
    }

    Optional<Outcome> find(String group, String name) {
        return outcomes.stream()
                .filter(o -> o.group().equals(group) && o.name().equals(name))
                .findFirst();
    }

    /** Names of the failed tests as {@code group › name}. */
    List<String> failedNames() {
        return withStatus(Status.FAILED).stream()
                .map(o -> o.group() + " › " + o.name())
                .toList();
    }

    @Override
    public String toString() {
        return outcomes.stream().map(Outcome::toString).collect(Collectors.joining("\n"));
    }

    private static final class Recorder implements TestExecutionListener {
        private final List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        private final List<String> containerFailures = Collections.synchronizedList(new ArrayList<>());
        private TestPlan plan;

        @Override
        public void testPlanExecutionStarted(TestPlan testPlan) {
            this.plan = testPlan;
        }

        @Override
        public void executionSkipped(TestIdentifier identifier, String reason) {
            if (identifier.isTest()) {
                outcomes.add(new Outcome(group(identifier), identifier.getDisplayName(), Status.SKIPPED, reason));
            }
        }

        @Override
        public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
            String detail = result.getThrowable()
                    .map(t -> String.valueOf(t.getMessage()))
                    .orElse("");
            if (!identifier.isTest()) {
                if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                    containerFailures.add(identifier.getDisplayName() + ": " + result.getStatus() + " " + detail);
                }
                return;
            }
            Status status = switch (result.getStatus()) {
                case SUCCESSFUL -> Status.PASSED;
                case ABORTED -> Status.SKIPPED;
                case FAILED -> Status.FAILED;
            };
            outcomes.add(new Outcome(group(identifier), identifier.getDisplayName(), status, detail));
        }

        private String group(TestIdentifier test) {
            return plan.getParent(test).map(TestIdentifier::getDisplayName).orElse("");
        }
    }
}
