package dev.chatdirectory.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One section of {@code docs/reliability.md}, written by the test that measured it.
 *
 * <p>A reliability test (fault matrix, chaos migration, fuzzing, secrets sweep, concurrency) renders
 * what it did and found as Markdown and writes it with {@link #write}; the {@code reliability} module,
 * which builds after every other module, combines the sections of all modules into the page, ordered
 * by file name. The file names therefore start with a two-digit order, e.g.
 * {@code 10-fault-matrix-qiscus.md}. Only tests that passed get this far in a build, so a section states
 * figures of a passing run.
 *
 * <p>Sections go to {@code target/reliability} under the working directory (the module, under Maven),
 * or to the directory named by the system property {@value #DIRECTORY_PROPERTY}. Thread-safe: a section
 * is written to a temporary file and moved into place, so a reader never sees half of one.
 */
public final class ReliabilitySection {

    /** The system property naming the directory sections are written to. */
    public static final String DIRECTORY_PROPERTY = "chatdirectory.reliability.dir";

    private static final Pattern FILE_NAME = Pattern.compile("[0-9]{2}-[a-z0-9]+(?:-[a-z0-9]+)*\\.md");

    private ReliabilitySection() {}

    /**
     * Writes one section, replacing a section of the same name written before.
     *
     * @param fileName the section's file name: two digits of order, a hyphen, lower-case words joined
     *     by hyphens, {@code .md}
     * @param markdown the section, starting with its {@code ## } heading
     * @return the file written
     * @throws IllegalArgumentException if the file name does not follow the rule above or the text
     *     does not start with a second-level heading
     * @throws UncheckedIOException if the file cannot be written
     */
    public static Path write(String fileName, String markdown) {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(markdown, "markdown");
        if (!FILE_NAME.matcher(fileName).matches()) {
            throw new IllegalArgumentException(
                    "fileName must be two digits, a hyphen, lower-case words joined by hyphens and .md: " + fileName);
        }
        if (!markdown.startsWith("## ")) {
            throw new IllegalArgumentException("a section must start with its '## ' heading");
        }
        Path dir = directory();
        try {
            Files.createDirectories(dir);
            Path temporary = Files.createTempFile(dir, fileName, ".tmp");
            Files.writeString(temporary, markdown.endsWith("\n") ? markdown : markdown + "\n", StandardCharsets.UTF_8);
            return Files.move(
                    temporary,
                    dir.resolve(fileName),
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reliability section " + fileName + " to " + dir, e);
        }
    }

    /**
     * The directory sections are written to.
     *
     * @return the value of {@value #DIRECTORY_PROPERTY}, else {@code target/reliability}
     */
    public static Path directory() {
        return Path.of(System.getProperty(DIRECTORY_PROPERTY, "target/reliability"));
    }
}
