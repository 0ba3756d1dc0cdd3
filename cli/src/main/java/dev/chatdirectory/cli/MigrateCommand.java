package dev.chatdirectory.cli;

import dev.chatdirectory.ChatDirectories;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.ConfigPrefix;
import dev.chatdirectory.ProviderConfig;
import dev.chatdirectory.migrate.ApplyResult;
import dev.chatdirectory.migrate.IdMapping;
import dev.chatdirectory.migrate.LossKind;
import dev.chatdirectory.migrate.Migration;
import dev.chatdirectory.migrate.MigrationException;
import dev.chatdirectory.migrate.MigrationOptions;
import dev.chatdirectory.migrate.MigrationPlan;
import dev.chatdirectory.migrate.MigrationStatus;
import dev.chatdirectory.migrate.UnacceptedLossException;
import dev.chatdirectory.migrate.VerifyReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Moves a directory from one provider to another with the {@code migrate} module: {@code plan}
 * (a dry run with the loss report), {@code run} (plan, then write; resumable), {@code verify}, and
 * {@code status}, which reads the journal alone.
 */
@Command(
        name = "migrate",
        description = "Migrates a directory between providers: plan (dry run), run (resumable), verify, and"
                + " status (from the journal alone).",
        subcommands = {
            MigrateCommand.Plan.class,
            MigrateCommand.Run.class,
            MigrateCommand.Verify.class,
            MigrateCommand.Status.class
        })
final class MigrateCommand {

    /** The options every migrate subcommand shares: the two directories, the journal, the output. */
    static final class Endpoints {

        /** Where the source's configuration lives in the environment: CHATDIRECTORY_SOURCE_*. */
        static final ConfigPrefix SOURCE = ConfigPrefix.scoped("source");

        /** Where the target's configuration lives in the environment: CHATDIRECTORY_TARGET_*. */
        static final ConfigPrefix TARGET = ConfigPrefix.scoped("target");

        @Spec(Spec.Target.MIXEE)
        CommandSpec command;

        @Option(
                names = "--from",
                paramLabel = "FILE",
                description =
                        "Properties file of the source (chatdirectory.provider=..., chatdirectory.<id>.<key>=...)."
                                + " Without it: CHATDIRECTORY_SOURCE_PROVIDER and CHATDIRECTORY_SOURCE_<ID>_<KEY>"
                                + " environment variables.")
        Path from;

        @Option(
                names = "--to",
                paramLabel = "FILE",
                description = "Properties file of the target. Without it: CHATDIRECTORY_TARGET_PROVIDER and"
                        + " CHATDIRECTORY_TARGET_<ID>_<KEY> environment variables.")
        Path to;

        @Option(
                names = "--journal",
                paramLabel = "FILE",
                defaultValue = "migration.journal",
                description = "SQLite journal of this migration; the same file resumes it (default ${DEFAULT-VALUE}).")
        Path journal;

        @Option(names = "--json", description = "Print JSON for machines instead of text.")
        boolean json;

        private int concurrency = 4;

        private Set<LossKind> acceptedLosses = EnumSet.noneOf(LossKind.class);

        @Option(
                names = "--concurrency",
                paramLabel = "N",
                defaultValue = "4",
                description = "Writes in flight at once, 1 to 64 (default ${DEFAULT-VALUE}).")
        void concurrency(int value) {
            if (value < 1 || value > 64) {
                throw new ParameterException(command.commandLine(), "--concurrency must be 1 to 64, was " + value);
            }
            concurrency = value;
        }

        @Option(
                names = "--accept-loss",
                paramLabel = "KINDS",
                split = ",",
                description = "Loss kinds to accept (comma separated), or 'all'. Kinds: ${COMPLETION-CANDIDATES}.",
                completionCandidates = LossKindNames.class)
        void acceptLoss(List<String> kinds) {
            Set<LossKind> accepted = EnumSet.noneOf(LossKind.class);
            for (String kind : kinds) {
                if (kind.equalsIgnoreCase("all")) {
                    accepted.addAll(EnumSet.allOf(LossKind.class));
                    continue;
                }
                try {
                    accepted.add(LossKind.valueOf(
                            kind.trim().toUpperCase(Locale.ROOT).replace('-', '_')));
                } catch (IllegalArgumentException e) {
                    throw new ParameterException(
                            command.commandLine(),
                            "--accept-loss: unknown loss kind '" + kind + "'; kinds: "
                                    + String.join(", ", new LossKindNames()) + ", or all");
                }
            }
            acceptedLosses = accepted;
        }

        @Option(
                names = "--id-map",
                paramLabel = "FILE",
                description = "Properties file mapping source ids to target ids (user.<id>=..., group.<id>=...).")
        Path idMap;

        @Option(
                names = "--group-passwords",
                paramLabel = "FILE",
                description = "Properties file of passwords for password groups (<source group id>=<password>);"
                        + " a source never reveals them.")
        Path groupPasswords;

        MigrationOptions options() {
            MigrationOptions.Builder options =
                    MigrationOptions.builder().concurrency(concurrency).acceptLosses(acceptedLosses);
            if (idMap != null) {
                options.idMapping(IdMapping.fromFile(idMap));
            }
            if (groupPasswords != null) {
                Properties passwords = DirectoryOptions.read(groupPasswords);
                passwords.stringPropertyNames().forEach(id -> options.groupPassword(id, passwords.getProperty(id)));
            }
            return options.build();
        }

        /** {@return bars on a terminal, else plain lines on the command's standard error} */
        ProgressDisplay progress() {
            return ProgressDisplay.on(command.commandLine().getErr(), Terminal::isTerminal);
        }

        /** Opens both directories and the journal, runs the action, and closes all three. */
        int migrate(MigrationAction action, ProgressDisplay progress) throws Exception {
            ProviderConfig source = config("--from", from, SOURCE);
            ProviderConfig target = config("--to", to, TARGET);
            try (progress;
                    ChatDirectory sourceDirectory = ChatDirectories.open(source);
                    ChatDirectory targetDirectory = ChatDirectories.open(target);
                    Migration migration = Migration.builder()
                            .source(sourceDirectory, source)
                            .target(targetDirectory, target)
                            .journal(journal)
                            .options(options())
                            .listener(progress)
                            .build()) {
                return action.run(migration, command.commandLine().getOut());
            }
        }

        /** Reads one side from its properties file or, without one, from the environment under its prefix. */
        private ProviderConfig config(String option, Path file, ConfigPrefix prefix) {
            if (file != null) {
                Properties properties = DirectoryOptions.read(file);
                String providerId = ProviderConfig.providerIdIn(properties)
                        .orElseThrow(() -> new UsageException(
                                option + " file " + file + " names no provider: add chatdirectory.provider=<id>"));
                return ProviderConfig.fromProperties(properties, providerId);
            }
            Map<String, String> environment = ChatDirectoryCli.environment(command);
            String providerId = ProviderConfig.providerIdIn(environment, prefix)
                    .orElseThrow(() -> new UsageException("no " + option + " file and no " + prefix.providerVariable()
                            + " variable: give " + option + " FILE, or set " + prefix.providerVariable() + " and "
                            + prefix.environmentPrefix() + "<ID>_<KEY> variables"));
            return ProviderConfig.fromEnvironment(environment, prefix, providerId);
        }
    }

    /** What a subcommand does with an open migration. */
    @FunctionalInterface
    interface MigrationAction {
        int run(Migration migration, PrintWriter out) throws Exception;
    }

    /** The loss kinds, as {@code --accept-loss} takes them. */
    static final class LossKindNames extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        LossKindNames() {
            for (LossKind kind : LossKind.values()) {
                add(optionName(kind));
            }
        }
    }

    /** {@return the name {@code --accept-loss} takes for a loss kind, e.g. {@code member-role}} */
    static String optionName(LossKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The refusal of a run whose plan loses what was not accepted, in the command's own terms. */
    private static String unacceptedLosses(UnacceptedLossException e) {
        String kinds = e.unaccepted().stream()
                .map(MigrateCommand::optionName)
                .sorted()
                .collect(java.util.stream.Collectors.joining(","));
        return "the plan loses " + kinds + ", which is not accepted; nothing was written. See the losses with"
                + " 'migrate plan', then run again with --accept-loss " + kinds + " (or --accept-loss all)";
    }

    @Command(name = "plan", description = "Reads both directories and prints what a run would write and lose.")
    static final class Plan implements Callable<Integer> {
        @Mixin
        Endpoints endpoints;

        @Override
        public Integer call() throws Exception {
            ProgressDisplay progress = endpoints.progress();
            return endpoints.migrate(
                    (migration, out) -> {
                        MigrationPlan plan = migration.plan();
                        progress.close();
                        out.println(endpoints.json ? MigrationText.planJson(plan) : MigrationText.plan(plan));
                        out.flush();
                        return ExitCode.OK;
                    },
                    progress);
        }
    }

    @Command(
            name = "run",
            description = "Plans, then writes; resumes from the journal after a crash or Ctrl-C; a finished"
                    + " migration sends nothing.")
    static final class Run implements Callable<Integer> {

        /** How long Ctrl-C waits for requests in flight, so a hung vendor cannot keep the process alive. */
        private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(60);

        @Mixin
        Endpoints endpoints;

        @Option(names = "--dry-run", description = "Plan only: print what would be written, write nothing.")
        boolean dryRun;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = endpoints.command.commandLine().getErr();
            CountDownLatch finished = new CountDownLatch(1);
            ProgressDisplay progress = endpoints.progress();
            try {
                return endpoints.migrate(
                        (migration, out) -> {
                            if (dryRun) {
                                MigrationPlan plan = migration.plan();
                                progress.close();
                                out.println(endpoints.json ? MigrationText.planJson(plan) : MigrationText.plan(plan));
                                out.flush();
                                return ExitCode.OK;
                            }
                            Thread onInterrupt = new Thread(() -> cancelAndWait(migration, finished));
                            Runtime.getRuntime().addShutdownHook(onInterrupt);
                            ApplyResult result;
                            try {
                                result = migration.apply();
                            } catch (UnacceptedLossException e) {
                                progress.close();
                                throw new UsageException(unacceptedLosses(e), e);
                            } finally {
                                removeHook(onInterrupt);
                            }
                            progress.close();
                            out.println(endpoints.json ? MigrationText.applyJson(result) : MigrationText.apply(result));
                            out.flush();
                            if (result.cancelled()) {
                                err.println("chatdirectory: stopped; this command resumes from the journal: "
                                        + resumeCommand());
                                err.flush();
                            }
                            return result.succeeded() ? ExitCode.OK : ExitCode.PROVIDER;
                        },
                        progress);
            } finally {
                finished.countDown();
            }
        }

        /**
         * What Ctrl-C (or SIGTERM) runs: the JVM exits when its shutdown hooks return, so this one
         * waits until the cancelled run has journaled its last answers, printed the resume command
         * and closed the journal.
         */
        private static void cancelAndWait(Migration migration, CountDownLatch finished) {
            migration.cancel();
            try {
                if (!finished.await(SHUTDOWN_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                    System.err.println("chatdirectory: stopped without waiting longer for requests in flight;"
                            + " the journal resumes them");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private String resumeCommand() {
            List<String> words = new ArrayList<>(List.of("chatdirectory"));
            words.addAll(endpoints.command.root().commandLine().getParseResult().originalArgs());
            return words.stream().map(Run::shellQuoted).collect(Collectors.joining(" "));
        }

        private static String shellQuoted(String word) {
            return word.matches("[A-Za-z0-9_./:=,@%+-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
        }

        private static void removeHook(Thread hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is exiting (Ctrl-C): the hook has cancelled the run and waits for it.
            }
        }
    }

    @Command(
            name = "verify",
            description = "Compares the target with the source, entity by entity; exit status 1 when"
                    + " anything unexpected differs.")
    static final class Verify implements Callable<Integer> {
        @Mixin
        Endpoints endpoints;

        @Override
        public Integer call() throws Exception {
            return endpoints.migrate(
                    (migration, out) -> {
                        VerifyReport report = migration.verify();
                        out.println(endpoints.json ? report.toJson() : report.toText());
                        out.flush();
                        return report.clean() ? ExitCode.OK : ExitCode.DIFFERENCES;
                    },
                    ProgressDisplay.NONE);
        }
    }

    @Command(
            name = "status",
            description = "Reads the journal alone (neither provider is opened): the two providers, items by"
                    + " kind and state, failures with their reasons, and whether the migration is complete.")
    static final class Status implements Callable<Integer> {

        @Spec
        CommandSpec command;

        @Option(
                names = "--journal",
                paramLabel = "FILE",
                defaultValue = "migration.journal",
                description = "SQLite journal of the migration (default ${DEFAULT-VALUE}).")
        Path journal;

        @Option(names = "--json", description = "Print JSON for machines instead of text.")
        boolean json;

        @Override
        public Integer call() {
            MigrationStatus status;
            try {
                status = Migration.status(journal);
            } catch (MigrationException e) {
                // Only the journal was read, so whatever failed is the file named by --journal.
                throw new UsageException(e.getMessage(), e);
            }
            PrintWriter out = command.commandLine().getOut();
            out.print(json ? MigrationText.statusJson(status) + "\n" : MigrationText.status(status, journal));
            out.flush();
            return ExitCode.OK;
        }
    }
}
