package dev.chatdirectory.cli;

import dev.chatdirectory.ChatDirectories;
import dev.chatdirectory.ChatDirectory;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
            paramLabel = "FILE",
            description = "Properties file (chatdirectory.provider=..., chatdirectory.<id>.<key>=...), UTF-8"
                    + " or ISO-8859-1. Default: environment variables and system properties.")
    Path config;

    @Option(names = "--provider", paramLabel = "ID", description = "Provider id, overriding the configured one.")
    String provider;

    ChatDirectory open() {
        if (config != null) {
            Properties properties = read(config);
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

    /**
     * Reads a properties file the way {@code java.util.PropertyResourceBundle} does: as UTF-8, or
     * as ISO-8859-1 (the traditional encoding of properties files) when it is not valid UTF-8.
     *
     * @throws UsageException naming the file and what is wrong with it
     */
    static Properties read(Path file) {
        if (Files.isDirectory(file)) {
            throw new UsageException("config file " + file + " is a directory, not a properties file");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UsageException("config file " + file + " does not exist");
        } catch (AccessDeniedException e) {
            throw new UsageException("config file " + file + " cannot be read: permission denied");
        } catch (IOException e) {
            throw new UsageException(
                    "config file " + file + " cannot be read: " + e.getClass().getSimpleName(), e);
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(decode(bytes)));
        } catch (IllegalArgumentException e) {
            // Properties reports a bad backslash-u escape this way, with no line number.
            throw new UsageException("config file " + file + " is malformed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UsageException(
                    "config file " + file + " cannot be read: " + e.getClass().getSimpleName(), e);
        }
        return properties;
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }
}
