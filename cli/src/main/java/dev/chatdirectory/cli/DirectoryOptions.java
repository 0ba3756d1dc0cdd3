package dev.chatdirectory.cli;

import dev.chatdirectory.ChatDirectories;
import dev.chatdirectory.ChatDirectory;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import picocli.CommandLine.Option;

/**
 * How a command opens a directory: from a properties file, or from environment variables and
 * system properties; {@code --provider} overrides the provider id.
 */
final class DirectoryOptions {

    @Option(
            names = "--config",
            description = "Properties file (chatdirectory.provider=..., chatdirectory.<id>.<key>=...)."
                    + " Default: environment variables and system properties.")
    Path config;

    @Option(names = "--provider", description = "Provider id, overriding the configured one.")
    String provider;

    ChatDirectory open() throws IOException {
        if (config != null) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(config, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            if (provider != null) {
                properties.setProperty("chatdirectory.provider", provider);
            }
            return ChatDirectories.open(properties);
        }
        if (provider != null) {
            System.setProperty("chatdirectory.provider", provider);
        }
        return ChatDirectories.openFromEnvironment();
    }
}
