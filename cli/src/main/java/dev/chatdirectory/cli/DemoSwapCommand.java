package dev.chatdirectory.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatdirectory.ChatDirectories;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.ChatDirectoryException;
import dev.chatdirectory.ProviderConfig;
import dev.chatdirectory.emulator.VendorEmulator;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Starts the three vendor emulators in-process and runs the same application code against them
 * and the in-memory provider: the project's main promise, switching vendor by configuration,
 * shown offline without any vendor account.
 */
@Command(
        name = "swap",
        description = "Runs one application, unchanged, against the in-memory provider and the AtomChat,"
                + " CometChat and Qiscus emulators (offline), and shows what each provider did.")
final class DemoSwapCommand implements Callable<Integer> {

    /** The terminal width the text output fits. */
    private static final int COLUMNS = 80;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--users",
            defaultValue = "25",
            description = "Users to create per provider (default ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--json", description = "Print JSON for machines instead of a table.")
    boolean json;

    @Option(names = "--no-progress", description = "Do not draw progress bars.")
    boolean noProgress;

    @Override
    public Integer call() throws Exception {
        if (users < 6) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--users must be at least 6");
        }
        PrintWriter out = spec.commandLine().getOut();
        Map<String, ProviderConfig> targets = new LinkedHashMap<>();
        targets.put("memory", ProviderConfig.builder().provider("memory").build());
        List<VendorEmulator<?>> emulators = new ArrayList<>();
        try {
            for (EmulatedVendor vendor : EmulatedVendor.values()) {
                VendorEmulator<?> emulator = vendor.start(0);
                emulators.add(emulator);
                targets.put(vendor.providerId(), vendor.config(emulator));
                if (!json) {
                    out.printf("Started the %s emulator at %s%n", vendor.cliName(), emulator.baseUrl());
                }
            }
            Map<String, List<DemoApplication.Step>> results = new LinkedHashMap<>();
            for (Map.Entry<String, ProviderConfig> target : targets.entrySet()) {
                results.put(target.getKey(), runOn(target.getKey(), target.getValue()));
            }
            print(out, results);
            boolean failed = results.values().stream()
                    .flatMap(List::stream)
                    .anyMatch(s -> s.outcome() == DemoApplication.Outcome.FAILED);
            return failed ? ExitCode.PROVIDER : ExitCode.OK;
        } finally {
            emulators.forEach(VendorEmulator::close);
        }
    }

    private List<DemoApplication.Step> runOn(String providerId, ProviderConfig config) {
        ChatDirectory opened;
        try {
            opened = ChatDirectories.open(config);
        } catch (ChatDirectoryException e) {
            return DemoApplication.notOpened(e);
        }
        try (ChatDirectory directory = opened) {
            // Progress bars are for people at a terminal; piped output stays clean.
            if (noProgress || json || !Terminal.isTerminal()) {
                return new DemoApplication(directory, users, i -> {}).run();
            }
            try (ProgressBar bar = new ProgressBarBuilder()
                    .setTaskName(String.format("%-13s", providerId))
                    .setInitialMax(users)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(100)
                    .continuousUpdate()
                    .build()) {
                return new DemoApplication(directory, users, bar::stepTo).run();
            }
        }
    }

    /**
     * What one step did: the detail most providers share first, then each other detail with the
     * providers it belongs to, so that agreement reads as one phrase.
     */
    private static String details(Map<String, List<DemoApplication.Step>> results, List<String> providers, int step) {
        Map<String, List<String>> byDetail = new LinkedHashMap<>();
        for (String provider : providers) {
            byDetail.computeIfAbsent(detail(results.get(provider).get(step)), d -> new ArrayList<>())
                    .add(provider);
        }
        String common = byDetail.entrySet().stream()
                .max(java.util.Comparator.comparingInt(e -> e.getValue().size()))
                .orElseThrow()
                .getKey();
        List<String> parts = new ArrayList<>(List.of(common));
        byDetail.forEach((detail, names) -> {
            if (!detail.equals(common)) {
                parts.add(String.join(", ", names) + ": " + detail);
            }
        });
        return String.join("; ", parts);
    }

    private static String detail(DemoApplication.Step step) {
        return switch (step.outcome()) {
            case OK -> step.detail();
            case UNSUPPORTED -> "refused (" + step.detail() + ")";
            case FAILED -> "FAILED " + step.detail();
        };
    }

    private void print(PrintWriter out, Map<String, List<DemoApplication.Step>> results) throws Exception {
        List<String> providers = new ArrayList<>(results.keySet());
        List<String> stepNames = DemoApplication.stepNames();
        if (json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode root = mapper.createObjectNode();
            results.forEach((provider, steps) -> {
                ObjectNode node = root.putObject(provider);
                steps.forEach(s -> node.putObject(s.name())
                        .put("outcome", s.outcome().name())
                        .put("detail", s.detail()));
            });
            out.println(mapper.writeValueAsString(root));
            out.flush();
            return;
        }
        out.println();
        List<String> header = new ArrayList<>(List.of("step"));
        header.addAll(providers);
        Table table = new Table(header);
        for (int i = 0; i < stepNames.size(); i++) {
            List<String> row = new ArrayList<>(List.of(stepNames.get(i)));
            for (String provider : providers) {
                row.add(
                        switch (results.get(provider).get(i).outcome()) {
                            case OK -> "ok";
                            case UNSUPPORTED -> "refused";
                            case FAILED -> "FAILED";
                        });
            }
            table.row(row);
        }
        table.print(out);
        out.println();
        out.println("What each step did (on every provider, unless one is named):");
        for (int i = 0; i < stepNames.size(); i++) {
            String line = "  " + stepNames.get(i) + ": " + details(results, providers, i);
            Table.wrap(line, COLUMNS, 6).forEach(out::println);
        }
        out.println();
        Table.wrap(
                        "Same code, four providers: only the configuration differed. Refused steps were"
                                + " refused before anything was sent, because the provider does not declare"
                                + " that capability.",
                        COLUMNS,
                        0)
                .forEach(out::println);
        out.flush();
    }
}
