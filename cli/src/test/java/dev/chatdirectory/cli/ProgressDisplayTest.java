package dev.chatdirectory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatdirectory.migrate.MigrationProgress;
import dev.chatdirectory.migrate.Phase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Migration progress")
class ProgressDisplayTest {

    private static MigrationProgress progress(Phase phase, long done, long total) {
        return new MigrationProgress(phase, done, total, 0, 20.0, Optional.of(Duration.ofSeconds(3)));
    }

    @Nested
    @DisplayName("is drawn as bars only at a terminal")
    class Decision {

        @Test
        @DisplayName("no console (output piped on JDK 17 to 21): no terminal")
        void noConsole() {
            assertThat(Terminal.decide(false, Optional.empty())).isFalse();
        }

        @Test
        @DisplayName("a console on a JDK without Console.isTerminal (17 to 21): a terminal")
        void consoleBeforeJdk22() {
            assertThat(Terminal.decide(true, Optional.empty())).isTrue();
        }

        @Test
        @DisplayName("a console that says it is not a terminal (JDK 22+, output piped): no terminal")
        void pipedOnJdk22() {
            assertThat(Terminal.decide(true, Optional.of(false))).isFalse();
        }

        @Test
        @DisplayName("a console that says it is a terminal (JDK 22+): a terminal")
        void terminalOnJdk22() {
            assertThat(Terminal.decide(true, Optional.of(true))).isTrue();
        }

        @Test
        @DisplayName("without a terminal, plain lines on the command's standard error; with one, bars")
        void choice() {
            StringWriter err = new StringWriter();
            try (ProgressDisplay lines = ProgressDisplay.on(new PrintWriter(err, true), () -> false)) {
                lines.onProgress(progress(Phase.USERS, 4, 10));
                assertThat(lines).isInstanceOf(MigrationProgressLines.class);
            }
            assertThat(err.toString()).isEqualTo("users         4/10  20/s  eta 3s\n");

            try (ProgressDisplay bars = ProgressDisplay.on(new PrintWriter(err, true), () -> true)) {
                assertThat(bars).isInstanceOf(MigrationProgressBars.class);
            }
        }
    }

    @Test
    @DisplayName("draws one bar per phase with its count, within 80 columns")
    void barPerPhase() {
        List<String> renders = new CopyOnWriteArrayList<>();
        MigrationProgressBars bars = new MigrationProgressBars(() -> new ProgressBarBuilder()
                .setConsumer(new DelegatingProgressBarConsumer(renders::add, MigrationProgressBars.COLUMNS)));

        bars.onProgress(progress(Phase.USERS, 0, 10));
        bars.onProgress(progress(Phase.USERS, 10, 10));
        bars.onProgress(progress(Phase.MEMBERS, 0, 40));
        bars.onProgress(progress(Phase.MEMBERS, 25, 40));
        bars.close();
        bars.close();

        assertThat(renders).anyMatch(line -> line.startsWith("users") && line.contains("10/10"));
        assertThat(renders).anyMatch(line -> line.startsWith("members") && line.contains("25/40"));
        assertThat(renders)
                .allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(80));
    }
}
