package dev.chatdirectory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.chatdirectory.ChatDirectories;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.emulator.VendorEmulator;
import dev.chatdirectory.migrate.EntityKind;
import dev.chatdirectory.migrate.MigrationStatus;
import dev.chatdirectory.migrate.MigrationStatus.ItemState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code migrate} in its own JVM, as a person does, and stops that JVM the hard way: the
 * journal on disk is all a resumed run has. Both directories are emulators in this JVM, reached
 * over HTTP by the child, so this test sees every request the child sent.
 */
@DisplayName("migrate run in its own process")
class MigrateProcessTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Users in the source: with the target's delay, enough for a run of a few seconds. */
    private static final int USERS = 150;

    private static final int GROUPS = USERS / 10;

    /** Added to every target answer, so that the run is still writing when it is killed. */
    private static final int TARGET_DELAY_MILLIS = 25;

    private static final long PROCESS_TIMEOUT_SECONDS = 120;

    @Test
    @DisplayName("killed with kill -9 while creating users, the same command resumes: verify clean,"
            + " every CometChat user and group created exactly once")
    void killedAndResumedOnClientChosenIds(@TempDir Path dir) throws Exception {
        try (VendorEmulator<?> source = EmulatedVendor.ATOMCHAT.start(0);
                VendorEmulator<?> target = EmulatedVendor.COMETCHAT.start(0)) {
            Migration migration = new Migration(dir, source, EmulatedVendor.ATOMCHAT, target, EmulatedVendor.COMETCHAT);
            Map<String, Function<ServeEvent, Optional<String>>> creates = Map.of(
                    "user", event -> created(event, "/v3/users", "uid"),
                    "group", event -> created(event, "/v3/groups", "guid"));

            migration.runUntil(target, creates.get("user"), 30, Process::destroyForcibly);
            assertThat(countCreates(target, creates.get("user")))
                    .as("killed while creating users")
                    .isLessThan(USERS);
            MigrationStatus killed = dev.chatdirectory.migrate.Migration.status(migration.journal());
            assertThat(killed.complete()).isFalse();
            assertThat(killed.items().get(EntityKind.USER).get(ItemState.APPLIED)
                            + killed.items().get(EntityKind.USER).get(ItemState.IN_FLIGHT))
                    .as("users the killed run sent, by the journal it left")
                    .isPositive();

            migration.runToEnd("run").assertStatus(ExitCode.OK);
            migration.runToEnd("verify").assertStatus(ExitCode.OK).assertOutContains("differences: 0");
            assertThat(dev.chatdirectory.migrate.Migration.status(migration.journal())
                            .complete())
                    .isTrue();

            assertCreatedOnce(target, creates.get("user"), USERS);
            assertCreatedOnce(target, creates.get("group"), GROUPS);
        }
    }

    @Test
    @DisplayName("killed with kill -9 while creating Qiscus rooms (server-assigned ids), the same command"
            + " resumes: verify clean, every user and room created exactly once")
    void killedAndResumedOnServerAssignedIds(@TempDir Path dir) throws Exception {
        try (VendorEmulator<?> source = EmulatedVendor.ATOMCHAT.start(0);
                VendorEmulator<?> target = EmulatedVendor.QISCUS.start(0)) {
            Migration migration = new Migration(dir, source, EmulatedVendor.ATOMCHAT, target, EmulatedVendor.QISCUS);
            Function<ServeEvent, Optional<String>> userCreates =
                    event -> created(event, "/api/v2.1/rest/login_or_register", "user_id");
            Function<ServeEvent, Optional<String>> roomCreates =
                    event -> created(event, "/api/v2.1/rest/create_room", "room_name");

            migration.runUntil(target, roomCreates, 3, Process::destroyForcibly);
            assertThat(countCreates(target, roomCreates))
                    .as("killed while creating rooms")
                    .isLessThan(GROUPS);

            migration.runToEnd("run").assertStatus(ExitCode.OK);
            migration.runToEnd("verify").assertStatus(ExitCode.OK).assertOutContains("differences: 0");

            assertCreatedOnce(target, userCreates, USERS);
            assertCreatedOnce(target, roomCreates, GROUPS);
        }
    }

    @Test
    @DisplayName("stopped by SIGTERM (as Ctrl-C), it journals what is in flight, prints the command that"
            + " resumes and exits 143; that command finishes the job with no duplicate")
    void stoppedBySignalAndResumed(@TempDir Path dir) throws Exception {
        try (VendorEmulator<?> source = EmulatedVendor.ATOMCHAT.start(0);
                VendorEmulator<?> target = EmulatedVendor.COMETCHAT.start(0)) {
            Migration migration = new Migration(dir, source, EmulatedVendor.ATOMCHAT, target, EmulatedVendor.COMETCHAT);
            Function<ServeEvent, Optional<String>> userCreates = event -> created(event, "/v3/users", "uid");

            Finished stopped = migration.runUntil(target, userCreates, 30, Process::destroy);

            stopped.assertStatus(ExitCode.TERMINATED).assertOutContains("stopped before every item was tried");
            assertThat(stopped.err())
                    .contains("chatdirectory: stopped; this command resumes from the journal: chatdirectory migrate"
                            + " run " + String.join(" ", migration.endpoints))
                    .doesNotContain("\tat ");
            assertThat(countCreates(target, userCreates)).isLessThan(USERS);

            migration.runToEnd("run").assertStatus(ExitCode.OK);
            migration.runToEnd("verify").assertStatus(ExitCode.OK).assertOutContains("differences: 0");
            assertCreatedOnce(target, userCreates, USERS);
        }
    }

    /** One migration between two running emulators, run by child processes with one journal. */
    private static final class Migration {

        private final Path dir;
        private final List<String> endpoints;
        private int runs;

        Migration(
                Path dir,
                VendorEmulator<?> source,
                EmulatedVendor sourceVendor,
                VendorEmulator<?> target,
                EmulatedVendor targetVendor)
                throws IOException {
            this.dir = dir;
            try (ChatDirectory directory = ChatDirectories.open(sourceVendor.config(source))) {
                SampleDirectory.seed(directory, USERS);
            }
            target.wireMock().setGlobalFixedDelay(TARGET_DELAY_MILLIS);
            this.endpoints = List.of(
                    "--from",
                    properties(dir.resolve("from.properties"), sourceVendor, source)
                            .toString(),
                    "--to",
                    properties(dir.resolve("to.properties"), targetVendor, target)
                            .toString(),
                    "--journal",
                    dir.resolve("migration.journal").toString(),
                    "--accept-loss",
                    "all");
        }

        /** Starts {@code chatdirectory migrate <subcommand>} with the same options every time. */
        Process start(String subcommand) throws IOException {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    ChatDirectoryCli.class.getName(),
                    "migrate",
                    subcommand));
            command.addAll(endpoints);
            int run = ++runs;
            return new ProcessBuilder(command)
                    .redirectOutput(dir.resolve("out-" + run + ".txt").toFile())
                    .redirectError(dir.resolve("err-" + run + ".txt").toFile())
                    .start();
        }

        Path journal() {
            return dir.resolve("migration.journal");
        }

        Finished runToEnd(String subcommand) throws Exception {
            Process process = start(subcommand);
            if (!process.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("migrate " + subcommand + " did not end within " + PROCESS_TIMEOUT_SECONDS
                        + " s; stderr: " + read("err-" + runs + ".txt"));
            }
            return finished(process);
        }

        /**
         * Starts {@code migrate run}, stops it once the target has received some creates, and
         * takes the target's delay away for what follows.
         */
        Finished runUntil(
                VendorEmulator<?> target,
                Function<ServeEvent, Optional<String>> create,
                int creates,
                Consumer<Process> stop)
                throws Exception {
            Process process = start("run");
            awaitCreates(target, create, creates, process);
            stop.accept(process);
            assertThat(process.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS))
                    .isTrue();
            target.wireMock().setGlobalFixedDelay(0);
            return finished(process);
        }

        /** The outcome of the last process started, which has ended. */
        Finished finished(Process process) {
            return new Finished(process.exitValue(), read("out-" + runs + ".txt"), read("err-" + runs + ".txt"));
        }

        private String read(String name) {
            try {
                return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A child process that ended. */
    private record Finished(int status, String out, String err) {

        Finished assertStatus(int expected) {
            assertThat(status)
                    .as("exit status; stdout:%n%s%nstderr:%n%s", out, err)
                    .isEqualTo(expected);
            return this;
        }

        Finished assertOutContains(String text) {
            assertThat(out).contains(text);
            return this;
        }
    }

    static Path properties(Path file, EmulatedVendor vendor, VendorEmulator<?> emulator) throws IOException {
        List<String> lines = new ArrayList<>();
        String prefix = "chatdirectory." + vendor.providerId() + ".";
        lines.add("chatdirectory.provider=" + vendor.providerId());
        lines.add(prefix + "endpoint=" + emulator.baseUrl());
        vendor.properties(emulator).forEach((key, value) -> lines.add(prefix + key + "=" + value));
        return Files.write(file, lines, StandardCharsets.UTF_8);
    }

    /** The id a create request names, if the event is a POST to that path with a JSON body. */
    private static Optional<String> created(ServeEvent event, String path, String field) {
        var request = event.getRequest();
        if (!request.getMethod().getName().equals("POST")
                || !request.getUrl().split("\\?")[0].equals(path)) {
            return Optional.empty();
        }
        try {
            JsonNode body = JSON.readTree(request.getBodyAsString());
            return Optional.ofNullable(body.get(field)).map(JsonNode::asText);
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    private static long countCreates(VendorEmulator<?> target, Function<ServeEvent, Optional<String>> create) {
        return target.wireMock().getAllServeEvents().stream()
                .map(create)
                .flatMap(Optional::stream)
                .count();
    }

    private static void awaitCreates(
            VendorEmulator<?> target, Function<ServeEvent, Optional<String>> create, int count, Process running)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PROCESS_TIMEOUT_SECONDS);
        while (countCreates(target, create) < count) {
            assertThat(running.isAlive())
                    .as(
                            "migrate run ended (status %s) before %d creates",
                            running.isAlive() ? "" : running.exitValue(), count)
                    .isTrue();
            assertThat(System.nanoTime()).as("waiting for %d creates", count).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private static void assertCreatedOnce(
            VendorEmulator<?> target, Function<ServeEvent, Optional<String>> create, int expected) {
        Map<String, Long> requestsById = target.wireMock().getAllServeEvents().stream()
                .map(create)
                .flatMap(Optional::stream)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(requestsById).hasSize(expected);
        assertThat(requestsById)
                .as("create requests per id")
                .allSatisfy((id, requests) -> assertThat(requests).as(id).isEqualTo(1L));
    }
}
