package dev.chatdirectory.testkit;

import dev.chatdirectory.Capability;
import dev.chatdirectory.spi.ProviderDescriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Records, while the contract runs, which capabilities gated each test and how it ended, and
 * writes the provider's capability matrix when the contract class finishes: for every capability,
 * whether the provider declares it and how many of its tests passed, failed or were skipped.
 *
 * <p>The matrix goes to {@code target/capability-matrix/<provider>.json} and {@code .md}; the
 * directory can be changed with the JUnit configuration parameter (or system property) {@value
 * #DIRECTORY_PARAMETER}.
 * Tests of one contract class run on one thread, which is what the thread-local relies on.
 */
final class CapabilityMatrix implements BeforeEachCallback, TestWatcher, AfterAllCallback {

    /** Configuration parameter naming the directory the matrix is written to. */
    static final String DIRECTORY_PARAMETER = "chatdirectory.capabilityMatrix.dir";

    private static final ThreadLocal<Set<Capability>> GATES =
            ThreadLocal.withInitial(() -> EnumSet.noneOf(Capability.class));
    private static final ThreadLocal<ProviderDescriptor> PROVIDER = new ThreadLocal<>();
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(CapabilityMatrix.class);

    /** Notes that the running test is gated by a capability of the provider. */
    static void gate(ProviderDescriptor provider, Capability capability) {
        PROVIDER.set(provider);
        GATES.get().add(capability);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        GATES.get().clear();
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        record(context, Result.PASSED);
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        record(context, Result.FAILED);
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        record(context, Result.SKIPPED);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (outermost(context) != context) {
            return; // a nested group finished; the contract class has not
        }
        Tally tally = context.getStore(NAMESPACE).get(Tally.class, Tally.class);
        if (tally != null && tally.provider != null) {
            write(
                    tally,
                    Path.of(context.getConfigurationParameter(DIRECTORY_PARAMETER)
                            .orElse("target/capability-matrix")));
        }
    }

    private void record(ExtensionContext context, Result result) {
        ProviderDescriptor provider = PROVIDER.get();
        if (provider == null) {
            return;
        }
        Tally tally =
                outermost(context).getStore(NAMESPACE).getOrComputeIfAbsent(Tally.class, k -> new Tally(), Tally.class);
        tally.provider = provider;
        for (Capability capability : GATES.get()) {
            tally.counts.computeIfAbsent(capability, c -> new int[3])[result.ordinal()]++;
        }
    }

    private static ExtensionContext outermost(ExtensionContext context) {
        ExtensionContext current = context;
        Optional<ExtensionContext> parent = current.getParent();
        while (parent.isPresent() && parent.get().getTestClass().isPresent()) {
            current = parent.get();
            parent = current.getParent();
        }
        return current;
    }

    private static void write(Tally tally, Path dir) {
        String id = tally.provider.id();
        StringBuilder json = new StringBuilder("{\n  \"provider\": \"" + id + "\",\n  \"capabilities\": {\n");
        StringBuilder md = new StringBuilder(
                "| capability | " + id + " | tests passed | failed | skipped |\n|---|---|---|---|---|\n");
        Capability[] all = Capability.values();
        for (int i = 0; i < all.length; i++) {
            Capability capability = all[i];
            int[] counts = tally.counts.getOrDefault(capability, new int[3]);
            boolean declared = tally.provider.supports(capability);
            String status = !declared ? "unsupported" : counts[Result.FAILED.ordinal()] > 0 ? "failing" : "supported";
            json.append(String.format(
                    "    \"%s\": {\"declared\": %b, \"status\": \"%s\", \"passed\": %d, \"failed\": %d, \"skipped\": %d}%s%n",
                    capability.name(),
                    declared,
                    status,
                    counts[0],
                    counts[1],
                    counts[2],
                    i < all.length - 1 ? "," : ""));
            md.append(String.format(
                    "| %s | %s | %d | %d | %d |%n", capability.name(), status, counts[0], counts[1], counts[2]));
        }
        json.append("  }\n}\n");
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(id + ".json"), json, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(id + ".md"), md, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the capability matrix to " + dir, e);
        }
    }

    private enum Result {
        PASSED,
        FAILED,
        SKIPPED
    }

    /** The counts of one contract class run; kept in the outermost class's store. */
    private static final class Tally {
        private ProviderDescriptor provider;
        private final Map<Capability, int[]> counts = new EnumMap<>(Capability.class);
    }
}
