package dev.chatdirectory.cli;

import dev.chatdirectory.ChatDirectoryException;
import dev.chatdirectory.ConfigurationException;
import dev.chatdirectory.InvalidRequestException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/**
 * The {@code chatdirectory} command. Every subcommand takes {@code --help}, {@code --version} and
 * {@code --verbose}; every failure is one line on standard error and an {@link ExitCode}, with the
 * stack trace only under {@code --verbose}.
 */
@Command(
        name = "chatdirectory",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = ChatDirectoryCli.Version.class,
        description = "One API for the user directory of chat vendors: providers, listings, emulators and a demo.",
        subcommands = {
            ProvidersCommand.class,
            UsersCommand.class,
            GroupsCommand.class,
            MembersCommand.class,
            EmulateCommand.class,
            MigrateCommand.class,
            DemoCommand.class,
            CommandLine.HelpCommand.class
        })
public final class ChatDirectoryCli {

    private static final String VERBOSE = "--verbose";

    @Option(names = VERBOSE, scope = ScopeType.INHERIT, description = "Show the stack trace of a failure.")
    boolean verbose;

    /** The environment variables commands read configuration from; injected by tests. */
    private final Map<String, String> environment;

    private ChatDirectoryCli(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /**
     * Runs the command and exits with its status.
     *
     * @param args the command-line arguments
     */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** {@return the command line, reading the process's environment variables} */
    static CommandLine commandLine() {
        return commandLine(System.getenv());
    }

    /**
     * {@return the command line, reading configuration from the given environment variables instead
     * of the process's, for embedding and tests}
     */
    static CommandLine commandLine(Map<String, String> environment) {
        CommandLine cli = new CommandLine(new ChatDirectoryCli(environment))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(ChatDirectoryCli::usageError)
                .setExecutionExceptionHandler(ChatDirectoryCli::failure);
        documentExitCodes(cli);
        return cli;
    }

    /** {@return the environment variables of the command line a (sub)command belongs to} */
    static Map<String, String> environment(CommandSpec command) {
        return ((ChatDirectoryCli) command.root().userObject()).environment;
    }

    private static void documentExitCodes(CommandLine command) {
        Map<String, String> codes = new LinkedHashMap<>();
        for (String line : ExitCode.helpLines()) {
            int colon = line.indexOf(':');
            codes.put(line.substring(0, colon), line.substring(colon + 1));
        }
        command.getCommandSpec()
                .usageMessage()
                .exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(codes);
        command.getSubcommands().values().forEach(ChatDirectoryCli::documentExitCodes);
    }

    /** A mistake on the command line: what is wrong, and where help is, without the whole usage. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(command.getCommandSpec().qualifiedName() + ": " + e.getMessage());
        err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCode.USAGE;
    }

    private static int failure(Exception e, CommandLine command, ParseResult parsed) {
        int status;
        String message;
        if (e instanceof UsageException
                || e instanceof ConfigurationException
                || e instanceof InvalidRequestException) {
            status = ExitCode.USAGE;
            message = e.getMessage();
        } else if (e instanceof ChatDirectoryException) {
            // Typed library errors are for people: the message says what failed, never a secret.
            status = ExitCode.PROVIDER;
            message = e.getMessage();
        } else {
            status = ExitCode.INTERNAL;
            message =
                    "internal error: " + e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        boolean verbose = ((ChatDirectoryCli) command.getCommandSpec().root().userObject()).verbose;
        PrintWriter err = command.getErr();
        err.println("chatdirectory: " + message
                + (status == ExitCode.INTERNAL && !verbose ? " (rerun with --verbose for the stack trace)" : ""));
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return status;
    }

    /** Reports the version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = ChatDirectoryCli.class.getPackage().getImplementationVersion();
            return new String[] {"chatdirectory " + (version == null ? "(development build)" : version)};
        }
    }
}
