package dev.chatdirectory.reliability.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.chatdirectory.ChatDirectoryException;
import dev.chatdirectory.UnsupportedCapabilityException;
import dev.chatdirectory.model.BatchResult;
import dev.chatdirectory.model.OutcomeStatus;
import dev.chatdirectory.reliability.faults.Expectation.Safety;
import dev.chatdirectory.reliability.faults.FaultProxy.SentRequest;
import dev.chatdirectory.testkit.ReliabilitySection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The fault matrix: every HTTP provider against its emulator, every operation, every fault struck
 * into the operation's principal request once. Each cell first runs the operation on a fixture of
 * its own with no fault (which counts its requests and finds the principal one), then on a fresh
 * fixture with the fault, and asserts the outcome the fault and the call's safety call for
 * ({@link Expectation}), the exact number of requests, which of them reached the vendor, the time
 * against the call deadline, and the vendor's state: a write applied once or not at all.
 *
 * <p>The providers run side by side (JUnit's parallel execution, enabled for this module in {@code
 * junit-platform.properties} with every other test in the same thread as before), each provider's cells
 * one at a time, since a cell counts the requests its proxy saw. The table of every cell is written as the section {@code 10-fault-matrix.md} of
 * docs/reliability.md once all cells passed.
 */
@DisplayName("Fault matrix: every provider × operation × fault, against the emulators")
class FaultMatrixTest {

    /** Slack for scheduling on a loaded machine, beyond the call deadline; well below a slow answer's delay. */
    private static final Duration SLACK = Duration.ofMillis(1_500);

    private static final List<Fault> FAULTS = List.of(Fault.values());
    private static final List<Vendor> VENDORS = new ArrayList<>();
    private static final Map<String, Map<String, Map<Fault, String>>> TABLE = new LinkedHashMap<>();
    private static final AtomicInteger FAILURES = new AtomicInteger();
    private static final AtomicInteger CELLS = new AtomicInteger();

    @BeforeAll
    static void startVendors() {
        VENDORS.add(Vendor.atomChat());
        VENDORS.add(Vendor.cometChat());
        VENDORS.add(Vendor.qiscus());
    }

    @AfterAll
    static void writeTableAndStop() {
        try {
            if (FAILURES.get() == 0 && CELLS.get() > 0) {
                ReliabilitySection.write("10-fault-matrix.md", FaultMatrixReport.render(TABLE, CELLS.get()));
            }
        } finally {
            VENDORS.forEach(Vendor::close);
        }
    }

    /** AtomChat's cells, one at a time, beside the other providers' (each has its emulator and proxy). */
    @Nested
    @DisplayName("atomchat")
    @Execution(ExecutionMode.CONCURRENT)
    class AtomChat {
        @TestFactory
        @Execution(ExecutionMode.SAME_THREAD)
        @DisplayName("each cell ends in success after an allowed retry or the right typed exception")
        Stream<DynamicNode> cells() {
            return rows(VENDORS.get(0));
        }
    }

    /** CometChat's cells, one at a time. */
    @Nested
    @DisplayName("cometchat-v3")
    @Execution(ExecutionMode.CONCURRENT)
    class CometChat {
        @TestFactory
        @Execution(ExecutionMode.SAME_THREAD)
        @DisplayName("each cell ends in success after an allowed retry or the right typed exception")
        Stream<DynamicNode> cells() {
            return rows(VENDORS.get(1));
        }
    }

    /** Qiscus's cells, one at a time. */
    @Nested
    @DisplayName("qiscus")
    @Execution(ExecutionMode.CONCURRENT)
    class Qiscus {
        @TestFactory
        @Execution(ExecutionMode.SAME_THREAD)
        @DisplayName("each cell ends in success after an allowed retry or the right typed exception")
        Stream<DynamicNode> cells() {
            return rows(VENDORS.get(2));
        }
    }

    private static Stream<DynamicNode> rows(Vendor vendor) {
        return vendor.operations().stream().map(operation -> row(vendor, operation));
    }

    private static DynamicNode row(Vendor vendor, MatrixOperation operation) {
        String name = vendor.id() + " · " + operation.name();
        if (!vendor.supports(operation)) {
            return dynamicTest(name + " · not supported: refused before sending", () -> unsupported(vendor, operation));
        }
        Stream<DynamicNode> cells = FAULTS.stream()
                .filter(fault -> applies(fault, operation))
                .map(fault -> dynamicTest(name + " · " + fault, () -> counted(() -> cell(vendor, operation, fault))));
        return dynamicContainer(name, cells);
    }

    /** The slow look-up can only follow a guarded create. */
    private static boolean applies(Fault fault, MatrixOperation operation) {
        return fault != Fault.SLOW_LOOKUP_AFTER_RESET || operation.safety() == Safety.GUARDED;
    }

    private static void counted(ThrowingRunnable cell) throws Throwable {
        CELLS.incrementAndGet();
        try {
            cell.run();
        } catch (Throwable t) {
            FAILURES.incrementAndGet();
            throw t;
        }
    }

    private static void unsupported(Vendor vendor, MatrixOperation operation) {
        Scenario scenario = operation.scenario().prepare(vendor.fixtures());
        int before = vendor.proxy().requestCount();

        Throwable thrown = catchThrowable(() -> scenario.run(vendor.directoryFor(Fault.RESET_BEFORE)));

        assertThat(thrown).isInstanceOf(UnsupportedCapabilityException.class);
        assertThat(((UnsupportedCapabilityException) thrown).capabilities())
                .contains(operation.needs().orElseThrow());
        assertThat(vendor.proxy().requestCount() - before).as("requests sent").isZero();
        record(vendor, operation, null, null);
        Assumptions.abort(vendor.id() + " does not declare " + operation.needs().orElseThrow()
                + ": refused with UnsupportedCapabilityException, nothing sent");
    }

    private static void cell(Vendor vendor, MatrixOperation operation, Fault fault) {
        FaultProxy proxy = vendor.proxy();
        var directory = vendor.directoryFor(fault);
        Duration deadline = fault.needsShortDeadline() ? Vendor.SHORT_DEADLINE : Vendor.DEADLINE;

        // With every answer delivered: how many requests, which one is the principal.
        Scenario clean = operation.scenario().prepare(vendor.fixtures());
        int start = proxy.requestCount();
        long cleanStart = System.nanoTime();
        Object cleanResult = clean.run(directory);
        Duration cleanElapsed = Duration.ofNanos(System.nanoTime() - cleanStart);
        List<SentRequest> cleanSent = proxy.requestsSince(start);
        clean.checkResult(cleanResult, false);
        clean.checkState(true);
        int principal = principal(operation, cleanSent);
        int lookUp = 0;
        if (operation.safety() == Safety.GUARDED) {
            int beforeLookUp = proxy.requestCount();
            clean.lookUp(directory);
            lookUp = proxy.requestCount() - beforeLookUp;
        }
        Expectation expected = Expectation.of(
                fault, operation.safety(), cleanSent.size(), principal, lookUp, operation.repeatAnswered());

        // With the fault.
        Scenario faulted = operation.scenario().prepare(vendor.fixtures());
        int before = proxy.requestCount();
        int vendorBefore = proxy.vendorRequestCount();
        int otherHostBefore = proxy.otherHostRequestCount();
        fault.install(proxy, operation.method(), operation.path());
        long started = System.nanoTime();
        Object result = null;
        Throwable thrown;
        try {
            result = faulted.run(directory);
            thrown = null;
        } catch (RuntimeException e) {
            thrown = e;
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        boolean struck = proxy.struck();
        proxy.clearFaults();
        List<SentRequest> sent = proxy.requestsSince(before);
        int reachedVendor = proxy.vendorRequestCount() - vendorBefore;

        String story = "requests without the fault: " + cleanSent + "; with it: " + sent + "; thrown: " + thrown;
        assertThat(struck)
                .as("the fault struck the principal request; %s", story)
                .isTrue();
        String outcome;
        if (expected.succeeds()) {
            assertThat(thrown).as("the operation's exception; %s", story).isNull();
            faulted.checkResult(result, true);
            outcome = "✓";
        } else if (operation.failsPerItem()) {
            assertThat(thrown).as("the operation's exception; %s", story).isNull();
            assertThat(((BatchResult) result).outcomes())
                    .as("outcomes; %s", story)
                    .singleElement()
                    .satisfies(o -> assertThat(o.id()).isEqualTo(faulted.item().orElseThrow()))
                    .satisfies(o -> assertThat(o.status()).isEqualTo(OutcomeStatus.FAILED));
            outcome = "item failed";
        } else {
            assertThat(thrown).as("the operation's exception; %s", story).isInstanceOf(expected.exception());
            assertThat(((ChatDirectoryException) thrown).providerId()).contains(vendor.id());
            outcome = shortName(expected.exception());
        }
        assertThat(sent).as("requests sent; %s", story).hasSize(expected.requests());
        assertThat(sent.stream().filter(r -> isPrincipal(operation, r)))
                .as("attempts of the principal request; %s", story)
                .hasSize(expected.principalAttempts());
        assertThat(reachedVendor)
                .as("requests that reached the vendor (the faulted one %s); %s", fault.stage(), story)
                .isEqualTo(fault.stage() == Fault.Stage.BEFORE ? sent.size() - 1 : sent.size());
        assertThat(proxy.otherHostRequestCount() - otherHostBefore)
                .as("requests that followed a redirect to another host")
                .isZero();
        // An operation may make several calls, each with a deadline of its own: the faulted call is
        // bounded by its deadline (retries and waits included), the others take as long as without the fault.
        assertThat(elapsed)
                .as(
                        "time taken, %s without the fault and the call deadline being %s; %s",
                        cleanElapsed, deadline, story)
                .isLessThan(cleanElapsed.plus(deadline).plus(SLACK));
        if (fault == Fault.RATE_LIMITED_WITH_RETRY_AFTER) {
            assertThat(elapsed)
                    .as("time taken, Retry-After being %d s", Fault.RETRY_AFTER_SECONDS)
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(Fault.RETRY_AFTER_SECONDS));
        }
        faulted.checkState(expected.applied());
        record(vendor, operation, fault, outcome + " " + sent.size());
    }

    /** The position, from 1, of the principal request among the requests of a clean run. */
    private static int principal(MatrixOperation operation, List<SentRequest> sent) {
        for (int i = 0; i < sent.size(); i++) {
            if (isPrincipal(operation, sent.get(i))) {
                assertThat(sent.subList(i + 1, sent.size()).stream().filter(r -> isPrincipal(operation, r)))
                        .as("principal requests after the first, without a fault: %s", sent)
                        .isEmpty();
                return i + 1;
            }
        }
        throw new AssertionError("the operation sent no " + operation.method() + " " + operation.path() + ": " + sent);
    }

    private static boolean isPrincipal(MatrixOperation operation, SentRequest request) {
        return request.method().equals(operation.method())
                && operation.path().matcher(request.path()).matches();
    }

    private static String shortName(Class<?> type) {
        return type.getSimpleName().replace("Exception", "").replace("Provider", "");
    }

    private static synchronized void record(Vendor vendor, MatrixOperation operation, Fault fault, String outcome) {
        Map<Fault, String> row = TABLE.computeIfAbsent(vendor.id(), k -> new LinkedHashMap<>())
                .computeIfAbsent(operation.name(), k -> new LinkedHashMap<>());
        if (fault != null) {
            row.put(fault, outcome);
        }
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Throwable;
    }
}
