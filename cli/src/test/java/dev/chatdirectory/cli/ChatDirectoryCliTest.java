package dev.chatdirectory.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatdirectory.ChatDirectories;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.emulator.VendorEmulator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

@DisplayName("The chatdirectory command")
class ChatDirectoryCliTest {

    private static final String SECRET = "cli-test-api-key-3f9a1c7e5b2d";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = ChatDirectoryCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    @DisplayName("lists every provider on the class path with its capabilities, as JSON")
    void providersAsJson() throws Exception {
        assertThat(run("providers", "--json")).isZero();

        JsonNode providers = new ObjectMapper().readTree(out.toString());
        List<String> ids = new ArrayList<>();
        providers.forEach(p -> ids.add(p.get("id").asText()));
        assertThat(ids).containsExactlyInAnyOrder("memory", "atomchat", "cometchat-v3", "qiscus");
        providers.forEach(p -> assertThat(p.get("capabilities")).isNotEmpty());
    }

    @Test
    @DisplayName("lists credentials apart from ordinary settings, and the creates a lost answer leaves unknown")
    void providersSeparateCredentialsFromSettings() throws Exception {
        assertThat(run("providers", "--json")).isZero();

        JsonNode providers = new ObjectMapper().readTree(out.toString());
        JsonNode memory = null;
        JsonNode qiscus = null;
        for (JsonNode p : providers) {
            memory = p.get("id").asText().equals("memory") ? p : memory;
            qiscus = p.get("id").asText().equals("qiscus") ? p : qiscus;
        }
        assertThat(memory.get("credentials")).isEmpty();
        assertThat(memory.get("settings").findValuesAsText("name")).containsExactly("pageSize");
        assertThat(qiscus.get("credentials").findValuesAsText("name"))
                .containsExactly("appId", "secret", "passwordSecret");
        assertThat(qiscus.get("settings").findValuesAsText("name")).containsExactly("systemUserId", "defaultAvatarUrl");
        assertThat(qiscus.get("unrecoverableCreates").get(0).asText()).isEqualTo("GROUP");

        out.getBuffer().setLength(0);
        assertThat(run("providers")).isZero();
        assertThat(out.toString())
                .contains("memory (In-memory reference provider): credentials []; settings [pageSize?];")
                .contains("creates not checkable after a lost answer: [GROUP]");
    }

    @Test
    @DisplayName("prints the capability matrix as a table for people")
    void providersAsTable() {
        assertThat(run("providers")).isZero();

        assertThat(out.toString())
                .contains("capability")
                .contains("MEMBER_BANS")
                .contains("qiscus")
                .contains("apiKey (secret)");
    }

    @Test
    @DisplayName("runs the demo offline: the same code works on every provider, unsupported steps are refused")
    void demo() throws Exception {
        assertThat(run("demo", "swap", "--users", "6", "--json")).isZero();

        JsonNode results = new ObjectMapper().readTree(out.toString());
        assertThat(names(results)).containsExactly("memory", "atomchat", "cometchat-v3", "qiscus");
        results.forEach(provider -> provider.forEach(step ->
                assertThat(step.get("outcome").asText()).as(step.toString()).isIn("OK", "UNSUPPORTED")));
        results.get("memory")
                .forEach(step -> assertThat(step.get("outcome").asText()).isEqualTo("OK"));
        assertThat(results.at("/qiscus/read presence/outcome").asText()).isEqualTo("UNSUPPORTED");
        assertThat(results.at("/cometchat-v3/walk users in pages of 7/detail").asText())
                .isEqualTo("6 users seen once each");
        assertThat(results.at("/atomchat/list members/detail").asText()).isEqualTo("6 members");
    }

    @Test
    @DisplayName("prints the demo for people within 80 terminal columns, agreement stated once")
    void demoFitsEightyColumns() {
        assertThat(run("demo", "swap", "--users", "6")).isZero();

        assertThat(out.toString().lines())
                .allSatisfy(line -> assertThat(Table.width(line)).as(line).isLessThanOrEqualTo(80));
        assertThat(out.toString())
                .contains("  list members: 6 members\n")
                .contains("read presence: offline, offline, offline; qiscus: refused (no PRESENCE)");
    }

    @Test
    @DisplayName("demo migrates a sample AtomChat directory to CometChat, verifies it clean, within 80 columns")
    void migrationDemo() {
        assertThat(run("demo", "--size", "small")).isZero();

        assertThat(out.toString())
                .contains("200 users")
                .contains("The plan (a dry run: nothing written yet):")
                .containsPattern("user +200 +0")
                .contains("GROUP_PASSWORD")
                .contains("differences: 0")
                .contains("Journal: ");
        assertThat(out.toString().lines())
                .allSatisfy(line -> assertThat(Table.width(line)).as(line).isLessThanOrEqualTo(80));
    }

    @Test
    @DisplayName("demo refuses a provider it cannot start, and the same provider on both sides")
    void migrationDemoUsage() {
        assertThat(run("demo", "--to", "slack")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("--to must be atomchat, cometchat-v3, qiscus or memory");
        assertThat(run("demo", "--from", "qiscus", "--to", "qiscus")).isEqualTo(ExitCode.USAGE);
    }

    @Test
    @DisplayName("lists users of a directory configured by a properties file")
    void usersFromProperties(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("app.properties");
        Files.writeString(config, "chatdirectory.provider=memory\n", StandardCharsets.UTF_8);

        assertThat(run("users", "--config", config.toString(), "--json")).isZero();

        assertThat(new ObjectMapper().readTree(out.toString())).isEmpty();
    }

    @Test
    @DisplayName("reports a configuration problem in one line, with exit status 2, instead of a stack trace")
    void configurationError(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("app.properties");
        Files.writeString(config, "chatdirectory.provider=nope\n", StandardCharsets.UTF_8);

        assertThat(run("groups", "--config", config.toString())).isEqualTo(2);

        assertThat(err.toString())
                .startsWith("chatdirectory: no provider with id 'nope'")
                .contains("memory")
                .doesNotContain("\tat ");
    }

    @Test
    @DisplayName("refuses an unknown vendor to emulate")
    void unknownVendor() {
        assertThat(run("emulate", "whatsapp")).isEqualTo(2);
        assertThat(err.toString()).contains("ATOMCHAT, COMETCHAT, QISCUS").contains("whatsapp");
    }

    @ParameterizedTest(name = "{0} --help")
    @ValueSource(strings = {"providers", "users", "groups", "members", "emulate", "demo", "migrate"})
    @DisplayName("every subcommand explains itself with --help, exit codes included")
    void helpOnEverySubcommand(String subcommand) {
        assertThat(run(subcommand, "--help")).isZero();

        assertThat(out.toString())
                .startsWith("Usage: chatdirectory " + subcommand)
                .contains("--verbose")
                .contains("Exit codes:")
                .contains("Usage or configuration error");
        assertThat(err.toString()).isEmpty();
    }

    @ParameterizedTest(name = "migrate {0} --help")
    @ValueSource(strings = {"plan", "run", "verify", "status"})
    @DisplayName("every migrate subcommand explains itself with --help")
    void helpOnMigrateSubcommands(String subcommand) {
        assertThat(run("migrate", subcommand, "--help")).isZero();

        assertThat(out.toString())
                .startsWith("Usage: chatdirectory migrate " + subcommand)
                .contains("--journal")
                .contains("Exit codes:");
        assertThat(err.toString()).isEmpty();
    }

    @Nested
    @DisplayName("reports each failure in one line with a documented exit status, never a stack trace")
    class Failures {

        private void assertOneLineFailure(int status, int expected, String... fragments) {
            assertThat(status).isEqualTo(expected);
            assertThat(err.toString())
                    .contains(fragments)
                    .doesNotContain("\tat ")
                    .doesNotContain("Exception:");
            assertThat(err.toString().lines().count()).as(err.toString()).isLessThanOrEqualTo(2);
        }

        @Test
        @DisplayName("a config file that does not exist")
        void missingConfig(@TempDir Path dir) {
            Path missing = dir.resolve("missing.properties");
            assertOneLineFailure(
                    run("users", "--config", missing.toString()),
                    ExitCode.USAGE,
                    "chatdirectory: config file " + missing + " does not exist");
        }

        @Test
        @DisplayName("a directory given as config file")
        void directoryAsConfig(@TempDir Path dir) {
            assertOneLineFailure(run("groups", "--config", dir.toString()), ExitCode.USAGE, "is a directory");
        }

        @Test
        @DisplayName("a config file with a malformed backslash-u escape")
        void malformedEscape(@TempDir Path dir) throws Exception {
            Path config = dir.resolve("app.properties");
            Files.writeString(config, "chatdirectory.provider=memory\nname=Zo\\u00zz\n", StandardCharsets.UTF_8);
            assertOneLineFailure(
                    run("users", "--config", config.toString()), ExitCode.USAGE, "config file", "is malformed");
        }

        @Test
        @DisplayName("a negative --limit, before anything is opened")
        void negativeLimit() {
            assertOneLineFailure(
                    run("users", "--provider", "memory", "--limit", "-1"),
                    ExitCode.USAGE,
                    "chatdirectory users: --limit must be 0 or more, was -1",
                    "Try 'chatdirectory users --help'");
        }

        @Test
        @DisplayName("members of a group that does not exist: the provider's answer, exit 3")
        void membersOfUnknownGroup() {
            assertOneLineFailure(
                    run("members", "no-such-group", "--provider", "memory"), ExitCode.PROVIDER, "no-such-group");
        }

        @Test
        @DisplayName("members without a group")
        void membersWithoutGroup() {
            assertOneLineFailure(
                    run("members", "--provider", "memory"), ExitCode.USAGE, "Missing required parameter: 'GROUP'");
        }

        @Test
        @DisplayName("a --page-size of 0")
        void zeroPageSize() {
            assertOneLineFailure(
                    run("groups", "--provider", "memory", "--page-size", "0"),
                    ExitCode.USAGE,
                    "--page-size must be 1 or more, was 0");
        }

        @Test
        @DisplayName("an unknown option on a subcommand")
        void unknownOption() {
            assertOneLineFailure(run("users", "--colour"), ExitCode.USAGE, "Unknown option: '--colour'");
        }

        @ParameterizedTest(name = "--port {0}")
        @ValueSource(strings = {"-1", "65536", "http"})
        @DisplayName("a --port out of range or not a number")
        void badPort(String port) {
            assertOneLineFailure(run("emulate", "qiscus", "--port", port), ExitCode.USAGE, "--port");
        }

        @Test
        @DisplayName("a --host that does not resolve")
        void unknownHost() {
            assertOneLineFailure(
                    run("emulate", "qiscus", "--host", "no-such-host.invalid"),
                    ExitCode.USAGE,
                    "chatdirectory emulate: --host: unknown host 'no-such-host.invalid'");
        }

        @Test
        @DisplayName("a --host that is not an address of this machine")
        void foreignHost() {
            assertOneLineFailure(
                    run("emulate", "qiscus", "--host", "192.0.2.1"),
                    ExitCode.USAGE,
                    "chatdirectory emulate: --host: 192.0.2.1 is not an address of this machine");
        }

        @Test
        @DisplayName("a --port another program listens on")
        void busyPort() throws Exception {
            try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = taken.getLocalPort();
                int status = assertTimeoutPreemptively(
                        Duration.ofSeconds(30), () -> run("emulate", "atomchat", "--port", String.valueOf(port)));
                assertOneLineFailure(status, ExitCode.USAGE, "port " + port + " is already in use");
            }
        }

        @Test
        @DisplayName("a provider that cannot be reached: its address and the cause, not the key")
        void unreachable(@TempDir Path dir) throws Exception {
            int closedPort;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                closedPort = socket.getLocalPort();
            }
            Path config = dir.resolve("app.properties");
            Files.writeString(
                    config,
                    String.join(
                            "\n",
                            "chatdirectory.provider=cometchat-v3",
                            "chatdirectory.cometchat-v3.endpoint=http://127.0.0.1:" + closedPort + "/v3",
                            "chatdirectory.cometchat-v3.appId=app1",
                            "chatdirectory.cometchat-v3.region=eu",
                            "chatdirectory.cometchat-v3.apiKey=" + SECRET,
                            "chatdirectory.cometchat-v3.retry.maxAttempts=1"),
                    StandardCharsets.UTF_8);

            assertOneLineFailure(
                    run("users", "--config", config.toString()),
                    ExitCode.PROVIDER,
                    "127.0.0.1:" + closedPort,
                    "connection refused");
            assertThat(err.toString()).doesNotContain(SECRET);
        }

        @Test
        @DisplayName("with --verbose, the stack trace follows the line")
        void verbose(@TempDir Path dir) {
            assertThat(run("users", "--verbose", "--config", dir.resolve("none").toString()))
                    .isEqualTo(ExitCode.USAGE);
            assertThat(err.toString()).startsWith("chatdirectory: config file").contains("\tat ");
        }
    }

    @Nested
    @DisplayName("reads a properties file")
    class ConfigFiles {

        @Test
        @DisplayName("as UTF-8")
        void utf8(@TempDir Path dir) throws Exception {
            Path config = dir.resolve("utf8.properties");
            Files.writeString(config, "name=Zoë 山田\n", StandardCharsets.UTF_8);

            assertThat(DirectoryOptions.read(config).getProperty("name")).isEqualTo("Zoë 山田");
        }

        @Test
        @DisplayName("as ISO-8859-1 when it is not UTF-8, as Java's own properties files are")
        void latin1(@TempDir Path dir) throws Exception {
            Path config = dir.resolve("latin1.properties");
            Files.write(config, "name=Zoë Ångström\n".getBytes(StandardCharsets.ISO_8859_1));

            assertThat(DirectoryOptions.read(config).getProperty("name")).isEqualTo("Zoë Ångström");
        }
    }

    /** An {@code emulate} command running in the background, until it is stopped. */
    private record BackgroundEmulate(CommandLine cli, StringWriter out, Future<Integer> status, ExecutorService thread)
            implements AutoCloseable {

        /** The configuration lines it printed. */
        List<String> properties() {
            return out.toString()
                    .lines()
                    .filter(line -> line.startsWith("chatdirectory."))
                    .toList();
        }

        /** Stops it as Ctrl-C does; returns its exit status. */
        int stop() throws Exception {
            ((EmulateCommand) cli.getSubcommands().get("emulate").getCommand()).stop();
            return status.get(10, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            thread.shutdownNow();
        }
    }

    private BackgroundEmulate emulate(String... args) throws Exception {
        CommandLine cli = ChatDirectoryCli.commandLine();
        StringWriter emulatorOut = new StringWriter();
        cli.setOut(new PrintWriter(emulatorOut, true));
        cli.setErr(new PrintWriter(err, true));
        ExecutorService thread = Executors.newSingleThreadExecutor();
        Future<Integer> status = thread.submit(() -> cli.execute(args));
        BackgroundEmulate running = new BackgroundEmulate(cli, emulatorOut, status, thread);
        try {
            await(() -> emulatorOut.toString().contains("Press Ctrl-C"), status);
        } catch (Exception | AssertionError e) {
            running.close();
            throw e;
        }
        return running;
    }

    @Test
    @DisplayName("emulate prints a configuration that works verbatim, with seeded users to list")
    void emulatePrintsPasteableConfiguration(@TempDir Path dir) throws Exception {
        try (BackgroundEmulate emulate = emulate("emulate", "qiscus", "--seed", "12")) {
            List<String> properties = emulate.properties();
            assertThat(emulate.out().toString()).contains("Seeded 12 users and 2 groups.");
            assertThat(properties)
                    .contains("chatdirectory.provider=qiscus")
                    .anyMatch(line -> line.startsWith("chatdirectory.qiscus.endpoint=http://127.0.0.1:"))
                    .anyMatch(line -> line.startsWith("chatdirectory.qiscus.passwordSecret="));
            Path config = dir.resolve("app.properties");
            Files.write(config, properties, StandardCharsets.UTF_8);

            assertThat(run("users", "--config", config.toString(), "--json")).isZero();
            JsonNode users = new ObjectMapper().readTree(out.toString());
            assertThat(users).hasSize(12);
            assertThat(users.get(0).get("id").asText()).isEqualTo("user-00001");

            out.getBuffer().setLength(0);
            // Qiscus cannot list all rooms: its groups are found through a member
            assertThat(run("groups", "--config", config.toString(), "--member", "user-00001", "--json"))
                    .isZero();
            String firstGroup =
                    new ObjectMapper().readTree(out.toString()).get(0).get("id").asText();
            out.getBuffer().setLength(0);
            assertThat(run("members", firstGroup, "--config", config.toString(), "--json"))
                    .isZero();
            JsonNode members = new ObjectMapper().readTree(out.toString());
            assertThat(members)
                    .extracting(m -> m.get("userId").asText())
                    .containsExactlyInAnyOrder(IntStream.rangeClosed(1, 10)
                            .mapToObj(i -> String.format(Locale.ROOT, "user-%05d", i))
                            .toArray(String[]::new));
            out.getBuffer().setLength(0);
            assertThat(run("members", firstGroup, "--config", config.toString(), "--limit", "3"))
                    .isZero();
            assertThat(out.toString()).contains("3 member(s) of " + firstGroup).contains("user-00001");

            assertThat(emulate.stop()).isZero();
        }
    }

    @Test
    @DisplayName("emulate --host 0.0.0.0 listens on every interface and prints a configuration that works here")
    void emulateOnEveryInterface(@TempDir Path dir) throws Exception {
        try (BackgroundEmulate emulate = emulate("emulate", "atomchat", "--host", "0.0.0.0", "--seed", "3")) {
            assertThat(emulate.out().toString()).contains("It listens on every interface");
            List<String> properties = emulate.properties();
            assertThat(properties)
                    .anyMatch(line -> line.startsWith("chatdirectory.atomchat.endpoint=http://127.0.0.1:"));
            Path config = Files.write(dir.resolve("app.properties"), properties, StandardCharsets.UTF_8);

            assertThat(run("users", "--config", config.toString(), "--json")).isZero();
            assertThat(new ObjectMapper().readTree(out.toString())).hasSize(3);

            assertThat(emulate.stop()).isZero();
        }
    }

    private static void await(BooleanSupplier condition, Future<Integer> running) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (running.isDone()) {
                throw new AssertionError("emulate ended early with status " + running.get());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("emulate did not print its configuration within 30 s");
            }
            Thread.sleep(20);
        }
    }

    @Nested
    @DisplayName("migrate")
    class Migrate {

        private Path properties(Path dir, String name, EmulatedVendor vendor, VendorEmulator<?> emulator)
                throws Exception {
            List<String> lines = new ArrayList<>();
            lines.add("chatdirectory.provider=" + vendor.providerId());
            lines.add("chatdirectory." + vendor.providerId() + ".endpoint=" + emulator.baseUrl());
            vendor.properties(emulator)
                    .forEach((key, value) ->
                            lines.add("chatdirectory." + vendor.providerId() + "." + key + "=" + value));
            return Files.write(dir.resolve(name), lines, StandardCharsets.UTF_8);
        }

        @Test
        @DisplayName("plans, runs, verifies clean, and a second run writes nothing; a changed target fails verify")
        void planRunVerify(@TempDir Path dir) throws Exception {
            try (VendorEmulator<?> atomchat = EmulatedVendor.ATOMCHAT.start(0);
                    VendorEmulator<?> cometchat = EmulatedVendor.COMETCHAT.start(0)) {
                try (ChatDirectory source = ChatDirectories.open(EmulatedVendor.ATOMCHAT.config(atomchat))) {
                    SampleDirectory.seed(source, 12);
                }
                String from = properties(dir, "from.properties", EmulatedVendor.ATOMCHAT, atomchat)
                        .toString();
                String to = properties(dir, "to.properties", EmulatedVendor.COMETCHAT, cometchat)
                        .toString();
                String journal = dir.resolve("m.journal").toString();
                String[] endpoints = {"--from", from, "--to", to, "--journal", journal};

                assertThat(run(concat("migrate", "plan", endpoints))).isZero();
                assertThat(out.toString()).containsPattern("user +12 ").contains("at most");

                out.getBuffer().setLength(0);
                assertThat(run(concat("migrate", "run", endpoints))).isZero();
                assertThat(out.toString()).containsPattern("user +12 +0").endsWith("done\n\n");

                out.getBuffer().setLength(0);
                assertThat(run(concat("migrate", "verify", endpoints))).isZero();
                assertThat(out.toString()).contains("differences: 0");

                out.getBuffer().setLength(0);
                assertThat(run(concat("migrate", "run", endpoints))).isZero();
                assertThat(out.toString()).containsPattern("user +0 +0").containsPattern("member +0 +0");

                try (ChatDirectory target = ChatDirectories.open(EmulatedVendor.COMETCHAT.config(cometchat))) {
                    target.users().delete("user-00003");
                }
                out.getBuffer().setLength(0);
                assertThat(run(concat("migrate", "verify", endpoints))).isEqualTo(ExitCode.DIFFERENCES);
                assertThat(out.toString()).contains("user-00003");
            }
        }

        @Test
        @DisplayName("plan lists the losses; run without --accept-loss refuses in one line, exit 2, writing nothing")
        void runRefusesUnacceptedLosses(@TempDir Path dir) throws Exception {
            try (VendorEmulator<?> cometchat = EmulatedVendor.COMETCHAT.start(0);
                    VendorEmulator<?> qiscus = EmulatedVendor.QISCUS.start(0)) {
                try (ChatDirectory source = ChatDirectories.open(EmulatedVendor.COMETCHAT.config(cometchat))) {
                    SampleDirectory.seed(source, 12);
                    // CometChat gives every user a role, and Qiscus keeps no user roles
                }
                String[] endpoints = {
                    "--from",
                    properties(dir, "from.properties", EmulatedVendor.COMETCHAT, cometchat)
                            .toString(),
                    "--to",
                    properties(dir, "to.properties", EmulatedVendor.QISCUS, qiscus)
                            .toString(),
                    "--journal",
                    dir.resolve("m.journal").toString()
                };

                assertThat(run(concat("migrate", "plan", endpoints))).isZero();
                assertThat(out.toString()).containsPattern("user +USER_ROLE +12");

                qiscus.wireMock().resetRequests();
                err.getBuffer().setLength(0);
                int status = run(concat("migrate", "run", endpoints));

                assertThat(status).isEqualTo(ExitCode.USAGE);
                assertThat(err.toString())
                        .contains("--accept-loss")
                        .containsIgnoringCase("user-role")
                        .doesNotContain("\tat ");
                // progress lines of the plan precede it on standard error; the refusal is one line
                assertThat(err.toString().lines().filter(line -> line.startsWith("chatdirectory")))
                        .as(err.toString())
                        .singleElement(as(InstanceOfAssertFactories.STRING))
                        .contains("nothing was written");
                assertThat(qiscus.wireMock().getAllServeEvents())
                        .as("requests other than reads sent to the target")
                        .filteredOn(e -> !e.getRequest().getMethod().getName().equals("GET"))
                        .isEmpty();
            }
        }

        /** Seeds 12 users in the AtomChat emulator; returns the options of a migration to CometChat. */
        private String[] seededAtomChatToCometChat(
                Path dir, VendorEmulator<?> atomchat, VendorEmulator<?> cometchat, String journal) throws Exception {
            try (ChatDirectory source = ChatDirectories.open(EmulatedVendor.ATOMCHAT.config(atomchat))) {
                SampleDirectory.seed(source, 12);
            }
            return new String[] {
                "--from",
                properties(dir, "from.properties", EmulatedVendor.ATOMCHAT, atomchat)
                        .toString(),
                "--to",
                properties(dir, "to.properties", EmulatedVendor.COMETCHAT, cometchat)
                        .toString(),
                "--journal",
                journal,
                "--accept-loss",
                "all"
            };
        }

        @Test
        @DisplayName("status reads the journal alone: planned, then complete, with the providers stopped")
        void status(@TempDir Path dir) throws Exception {
            String journal = dir.resolve("m.journal").toString();
            try (VendorEmulator<?> atomchat = EmulatedVendor.ATOMCHAT.start(0);
                    VendorEmulator<?> cometchat = EmulatedVendor.COMETCHAT.start(0)) {
                String[] endpoints = seededAtomChatToCometChat(dir, atomchat, cometchat, journal);
                assertThat(run(concat("migrate", "plan", endpoints))).isZero();
                out.getBuffer().setLength(0);
                assertThat(run("migrate", "status", "--journal", journal)).isZero();
                assertThat(out.toString())
                        .startsWith("migration atomchat -> cometchat-v3\njournal: " + journal + "\n")
                        .containsPattern("\nuser +12 +0 +0 +0 +0 +0 +0 +0\n")
                        .containsPattern("\nmember +12 +0 +0 +0 +0 +0 +0 +0\n")
                        .contains("not complete: 26 item(s) to write");
                assertThat(out.toString().lines())
                        .allSatisfy(
                                line -> assertThat(Table.width(line)).as(line).isLessThanOrEqualTo(80));

                assertThat(run(concat("migrate", "run", endpoints))).isZero();
            }
            out.getBuffer().setLength(0);
            err.getBuffer().setLength(0);
            assertThat(run("migrate", "status", "--journal", journal, "--json")).isZero();

            JsonNode status = new ObjectMapper().readTree(out.toString());
            assertThat(status.get("sourceProvider").asText()).isEqualTo("atomchat");
            assertThat(status.get("targetProvider").asText()).isEqualTo("cometchat-v3");
            assertThat(status.at("/items/USER/APPLIED").asLong()).isEqualTo(12);
            assertThat(status.at("/items/GROUP/APPLIED").asLong()).isEqualTo(2);
            assertThat(status.at("/items/USER/PLANNED").asLong()).isZero();
            assertThat(status.get("problems")).isEmpty();
            assertThat(status.get("complete").asBoolean()).isTrue();
            assertThat(err.toString()).isEmpty();
        }

        @Test
        @DisplayName("status lists a failed item with its reason, the key redacted, and says the run is not complete")
        void statusOfFailedItem(@TempDir Path dir) throws Exception {
            String journal = dir.resolve("m.journal").toString();
            String apiKey;
            try (VendorEmulator<?> atomchat = EmulatedVendor.ATOMCHAT.start(0);
                    VendorEmulator<?> cometchat = EmulatedVendor.COMETCHAT.start(0)) {
                String[] endpoints = seededAtomChatToCometChat(dir, atomchat, cometchat, journal);
                apiKey = EmulatedVendor.COMETCHAT.properties(cometchat).get("apiKey");
                cometchat
                        .wireMock()
                        .stubFor(post(urlPathEqualTo("/v3/users"))
                                .withRequestBody(containing("\"user-00003\""))
                                .atPriority(1)
                                .willReturn(aResponse()
                                        .withStatus(400)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody("{\"error\":{\"code\":\"ERR_BAD_REQUEST\",\"message\":"
                                                + "\"refused for key " + apiKey + "\"}}")));
                assertThat(run(concat("migrate", "run", endpoints))).isEqualTo(ExitCode.PROVIDER);
            }
            out.getBuffer().setLength(0);
            assertThat(run("migrate", "status", "--journal", journal)).isZero();

            assertThat(out.toString())
                    .containsPattern("\nuser +0 +0 +11 +0 +1 +0 +0 +0\n")
                    .contains("failed: user user-00003: InvalidRequestException: refused for key ****\n")
                    .contains("failed: member group-0001 / user-00003: NOT_FOUND")
                    .contains("not complete: 2 item(s) to write")
                    .doesNotContain(apiKey);
        }

        @Test
        @DisplayName("status refuses a journal that does not exist, and a file that is not a journal, leaving it")
        void statusOfNoJournal(@TempDir Path dir) throws Exception {
            Path missing = dir.resolve("none.journal");
            assertThat(run("migrate", "status", "--journal", missing.toString()))
                    .isEqualTo(ExitCode.USAGE);
            assertThat(err.toString()).isEqualTo("chatdirectory: no migration journal at " + missing + "\n");
            assertThat(missing).doesNotExist();

            Path text = Files.writeString(dir.resolve("notes.txt"), "not a journal\n", StandardCharsets.UTF_8);
            err.getBuffer().setLength(0);
            assertThat(run("migrate", "status", "--journal", text.toString())).isEqualTo(ExitCode.USAGE);
            assertThat(err.toString()).isEqualTo("chatdirectory: " + text + " is not a migration journal\n");
            assertThat(Files.readString(text)).isEqualTo("not a journal\n");
        }

        private int runWith(Map<String, String> environment, String... args) {
            CommandLine cli = ChatDirectoryCli.commandLine(environment);
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            return cli.execute(args);
        }

        private Map<String, String> variables(String scope, EmulatedVendor vendor, VendorEmulator<?> emulator) {
            String prefix = "CHATDIRECTORY_" + scope + "_"
                    + vendor.providerId().toUpperCase(Locale.ROOT).replace('-', '_') + "_";
            Map<String, String> variables = new HashMap<>();
            variables.put("CHATDIRECTORY_" + scope + "_PROVIDER", vendor.providerId());
            variables.put(prefix + "ENDPOINT", emulator.baseUrl().toString());
            vendor.properties(emulator)
                    .forEach((key, value) -> variables.put(prefix + key.toUpperCase(Locale.ROOT), value));
            return variables;
        }

        @Test
        @DisplayName("without --from and --to, reads each side from CHATDIRECTORY_SOURCE_* and"
                + " CHATDIRECTORY_TARGET_* variables; a file still wins for its side")
        void endpointsFromEnvironment(@TempDir Path dir) throws Exception {
            try (VendorEmulator<?> atomchat = EmulatedVendor.ATOMCHAT.start(0);
                    VendorEmulator<?> cometchat = EmulatedVendor.COMETCHAT.start(0);
                    VendorEmulator<?> unused = EmulatedVendor.QISCUS.start(0)) {
                try (ChatDirectory source = ChatDirectories.open(EmulatedVendor.ATOMCHAT.config(atomchat))) {
                    SampleDirectory.seed(source, 12);
                }
                Map<String, String> environment = new HashMap<>(variables("SOURCE", EmulatedVendor.ATOMCHAT, atomchat));
                environment.putAll(variables("TARGET", EmulatedVendor.COMETCHAT, cometchat));
                String journal = dir.resolve("m.journal").toString();

                assertThat(runWith(environment, "migrate", "plan", "--journal", journal))
                        .as(err::toString)
                        .isZero();
                assertThat(out.toString()).containsPattern("user +12 ");
                out.getBuffer().setLength(0);
                assertThat(run("migrate", "status", "--journal", journal)).isZero();
                assertThat(out.toString()).startsWith("migration atomchat -> cometchat-v3\n");

                // A file for one side beats that side's variables: here they name an emulator with no users.
                environment.putAll(variables("SOURCE", EmulatedVendor.QISCUS, unused));
                out.getBuffer().setLength(0);
                String from = properties(dir, "from.properties", EmulatedVendor.ATOMCHAT, atomchat)
                        .toString();
                assertThat(runWith(environment, "migrate", "plan", "--from", from, "--journal", journal))
                        .as(err::toString)
                        .isZero();
                assertThat(out.toString()).containsPattern("user +12 ");
            }
        }

        @Test
        @DisplayName("without --to and its variable, says in one line which file or variables to give")
        void noTargetAnywhere(@TempDir Path dir) throws Exception {
            Path from = Files.writeString(dir.resolve("from.properties"), "chatdirectory.provider=memory\n");

            assertThat(runWith(
                            Map.of("CHATDIRECTORY_PROVIDER", "memory"), "migrate", "plan", "--from", from.toString()))
                    .isEqualTo(ExitCode.USAGE);

            assertThat(err.toString())
                    .isEqualTo("chatdirectory: no --to file and no CHATDIRECTORY_TARGET_PROVIDER variable: give --to"
                            + " FILE, or set CHATDIRECTORY_TARGET_PROVIDER and CHATDIRECTORY_TARGET_<ID>_<KEY>"
                            + " variables\n");
            assertThat(dir.resolve("migration.journal")).doesNotExist();
        }

        @Test
        @DisplayName("refuses an unknown loss kind and a missing --from file before opening anything")
        void usageErrors(@TempDir Path dir) {
            assertThat(runWith(
                            Map.of(),
                            "migrate",
                            "plan",
                            "--from",
                            dir.resolve("a").toString()))
                    .isEqualTo(ExitCode.USAGE);
            assertThat(err.toString()).contains("config file " + dir.resolve("a") + " does not exist");
            assertThat(run("migrate", "run", "--from", "a", "--to", "b", "--accept-loss", "ban,nope"))
                    .isEqualTo(ExitCode.USAGE);
            assertThat(err.toString()).contains("unknown loss kind 'nope'").contains("member-role");
        }

        private String[] concat(String command, String subcommand, String[] options) {
            List<String> all = new ArrayList<>(List.of(command, subcommand));
            all.addAll(List.of(options));
            return all.toArray(String[]::new);
        }
    }
}
