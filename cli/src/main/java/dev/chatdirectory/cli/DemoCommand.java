package dev.chatdirectory.cli;

import dev.chatdirectory.ChatDirectories;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.ProviderConfig;
import dev.chatdirectory.emulator.VendorEmulator;
import dev.chatdirectory.migrate.ApplyResult;
import dev.chatdirectory.migrate.Migration;
import dev.chatdirectory.migrate.MigrationOptions;
import dev.chatdirectory.migrate.MigrationPlan;
import dev.chatdirectory.migrate.VerifyReport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The project's main job, offline: starts an emulator of one vendor filled with a realistic
 * directory, migrates it to another vendor's emulator (or the memory provider), and shows the
 * plan with its loss report, the progress, and the verification.
 */
@Command(
        name = "demo",
        description = "Migrates a sample directory between two vendor emulators, offline: plan and loss"
                + " report, live progress, verification. 'demo swap' runs one app on every provider.",
        subcommands = DemoSwapCommand.class)
final class DemoCommand implements Callable<Integer> {

    /** How big the sample directory is. */
    enum Size {
        SMALL(200, 10),
        FULL(2_000, 100);

        final int users;
        final int groups;

        Size(int users, int groups) {
            this.users = users;
            this.groups = groups;
        }
    }

    @Spec
    CommandSpec spec;

    @Option(
            names = "--from",
            paramLabel = "PROVIDER",
            defaultValue = "atomchat",
            description = "Source: atomchat, cometchat-v3, qiscus or memory (default ${DEFAULT-VALUE}).")
    String from;

    @Option(
            names = "--to",
            paramLabel = "PROVIDER",
            defaultValue = "cometchat-v3",
            description = "Target: atomchat, cometchat-v3, qiscus or memory (default ${DEFAULT-VALUE}).")
    String to;

    @Option(
            names = "--size",
            paramLabel = "SIZE",
            defaultValue = "full",
            description = "small (200 users, 10 groups) or full (2,000 users, 100 groups; default).")
    Size size;

    @Override
    public Integer call() throws Exception {
        DemoEndpoint source = endpoint("--from", from);
        DemoEndpoint target = endpoint("--to", to);
        if (source.providerId().equals(target.providerId())) {
            throw new ParameterException(spec.commandLine(), "--from and --to must name different providers");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<VendorEmulator<?>> running = new ArrayList<>();
        try (ChatDirectory sourceDirectory = source.open(running, out);
                ChatDirectory targetDirectory = target.open(running, out)) {
            out.printf(
                    "Filling the %s source with %d users and %d groups...%n",
                    source.providerId(), size.users, size.groups);
            out.flush();
            Table.wrap(MigrationDemoData.seed(sourceDirectory, size.users, size.groups), 80, 2)
                    .forEach(out::println);
            Path journal = Files.createTempDirectory("chatdirectory-demo").resolve("migration.journal");
            try (ProgressDisplay progress = ProgressDisplay.on(err, Terminal::isTerminal);
                    Migration migration = Migration.builder()
                            .source(sourceDirectory)
                            .target(targetDirectory)
                            .journal(journal)
                            .options(
                                    MigrationOptions.builder().acceptAllLosses().build())
                            .listener(progress)
                            .build()) {
                out.println();
                out.println("The plan (a dry run: nothing written yet):");
                MigrationPlan plan = migration.plan();
                progress.close();
                out.print(MigrationText.plan(plan));
                out.println();
                Table.wrap(
                                "The demo accepts the losses listed above; 'migrate run' refuses to start"
                                        + " until you accept them with --accept-loss.",
                                80,
                                0)
                        .forEach(out::println);
                out.println();
                out.println("Migrating...");
                out.flush();
                ApplyResult result = migration.apply();
                progress.close();
                out.print(MigrationText.apply(result));
                out.println();
                VerifyReport report = migration.verify();
                out.print(MigrationText.fitted(report.toText()));
                out.println();
                out.println("Journal: " + journal);
                out.println("Run it again with the same journal and nothing is written; see 'migrate --help'.");
                out.flush();
                return report.clean() && result.succeeded() ? ExitCode.OK : ExitCode.DIFFERENCES;
            }
        } finally {
            running.forEach(VendorEmulator::close);
        }
    }

    private DemoEndpoint endpoint(String option, String name) {
        String id = name.toLowerCase(Locale.ROOT);
        if (id.equals("memory")) {
            return new DemoEndpoint("memory", null);
        }
        for (EmulatedVendor vendor : EmulatedVendor.values()) {
            if (vendor.providerId().equals(id) || vendor.cliName().equals(id)) {
                return new DemoEndpoint(vendor.providerId(), vendor);
            }
        }
        throw new ParameterException(
                spec.commandLine(), option + " must be atomchat, cometchat-v3, qiscus or memory, was '" + name + "'");
    }

    /** One side of the demo: the memory provider, or a vendor's emulator started for the run. */
    private record DemoEndpoint(String providerId, EmulatedVendor vendor) {

        ChatDirectory open(List<VendorEmulator<?>> running, PrintWriter out) {
            if (vendor == null) {
                return ChatDirectories.open(
                        ProviderConfig.builder().provider("memory").build());
            }
            VendorEmulator<?> emulator = vendor.start(0);
            running.add(emulator);
            out.printf("Started the %s emulator at %s%n", vendor.cliName(), emulator.baseUrl());
            return ChatDirectories.open(vendor.config(emulator));
        }
    }
}
