package dev.chatdirectory.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A reliability section")
class ReliabilitySectionTest {

    @TempDir
    Path directory;

    @BeforeEach
    void writeToTheTemporaryDirectory() {
        System.setProperty(ReliabilitySection.DIRECTORY_PROPERTY, directory.toString());
    }

    @AfterEach
    void restore() {
        System.clearProperty(ReliabilitySection.DIRECTORY_PROPERTY);
    }

    @Test
    @DisplayName("is written under its name, ending in a new line, and replaces the one written before")
    void writtenAndReplaced() throws IOException {
        ReliabilitySection.write("20-chaos.md", "## Chaos\n\nfirst");
        Path file = ReliabilitySection.write("20-chaos.md", "## Chaos\n\nsecond");

        assertThat(file).isEqualTo(directory.resolve("20-chaos.md"));
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("## Chaos\n\nsecond\n");
        try (var files = Files.list(directory)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    @DisplayName("refuses a name without its order or with upper case, and text without its heading")
    void refusesBadNamesAndText() {
        assertThatThrownBy(() -> ReliabilitySection.write("chaos.md", "## Chaos"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two digits");
        assertThatThrownBy(() -> ReliabilitySection.write("20-Chaos.md", "## Chaos"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReliabilitySection.write("20-../x.md", "## Chaos"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReliabilitySection.write("20-chaos.md", "Chaos"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("heading");
    }
}
