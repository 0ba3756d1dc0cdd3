package dev.chatdirectory.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code chatdirectory} command. */
@Command(
        name = "chatdirectory",
        mixinStandardHelpOptions = true,
        versionProvider = ChatDirectoryCli.Version.class,
        description = "One API for the user directory of chat vendors: providers, listings, emulators and a demo.",
        subcommands = {
            ProvidersCommand.class,
            UsersCommand.class,
            GroupsCommand.class,
            EmulateCommand.class,
            DemoCommand.class,
            CommandLine.HelpCommand.class
        })
public final class ChatDirectoryCli {

    private ChatDirectoryCli() {}

    /**
     * Runs the command and exits with its status.
     *
     * @param args the command-line arguments
     */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** {@return the command line, for embedding and tests} */
    static CommandLine commandLine() {
        return new CommandLine(new ChatDirectoryCli())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, commandLine, parseResult) -> {
                    // Typed library errors are for people: the message says what to fix.
                    if (e instanceof dev.chatdirectory.ChatDirectoryException) {
                        commandLine.getErr().println("chatdirectory: " + e.getMessage());
                        return 2;
                    }
                    throw e;
                });
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
