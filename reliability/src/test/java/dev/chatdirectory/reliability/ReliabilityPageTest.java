package dev.chatdirectory.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Writes {@code docs/reliability.md} from the sections the reliability tests of every module wrote in
 * this build ({@code <module>/target/reliability/*.md}, see the kit's {@code ReliabilitySection}).
 *
 * <p>Runs in its own surefire execution after this module's tests, and this module builds after every
 * other, so every section it finds belongs to a test that passed. A build that wrote no section (a
 * single module built alone, tests skipped) leaves the page as it is.
 */
@DisplayName("docs/reliability.md")
class ReliabilityPageTest {

    private static final String HEADER = """
            # Reliability

            Written by the build, do not edit: every module's reliability tests write their section to \
            `<module>/target/reliability/`, and the `reliability` module, built last, combines them here \
            (`ReliabilityPageTest`). A section exists only when its tests passed in that build. Each section \
            says how it is sized and which property runs it larger.
            """;

    @Test
    @DisplayName("is rewritten from the sections written in this build, in their order")
    void rewritten() throws IOException {
        // surefire runs in the module's directory; the repository root holds the modules
        Path root = Path.of("").toAbsolutePath().getParent();
        List<Path> sections = sections(root);
        assumeTrue(!sections.isEmpty(), "no module wrote a reliability section in this build");

        StringBuilder page = new StringBuilder(HEADER);
        for (Path section : sections) {
            page.append('\n')
                    .append(Files.readString(section, StandardCharsets.UTF_8).stripTrailing())
                    .append('\n');
        }
        Path file = root.resolve("docs/reliability.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, page, StandardCharsets.UTF_8);

        String written = Files.readString(file, StandardCharsets.UTF_8);
        for (Path section : sections) {
            assertThat(written)
                    .contains(Files.readString(section, StandardCharsets.UTF_8)
                            .lines()
                            .findFirst()
                            .orElseThrow());
        }
    }

    private static List<Path> sections(Path root) throws IOException {
        try (Stream<Path> modules = Files.list(root)) {
            return modules.map(module -> module.resolve("target/reliability"))
                    .filter(Files::isDirectory)
                    .flatMap(ReliabilityPageTest::markdownIn)
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString())
                            .thenComparing(Path::toString))
                    .toList();
        }
    }

    private static Stream<Path> markdownIn(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".md")).toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
