package dev.chatdirectory.reliability.secrets;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.chatdirectory.Capability;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.ProviderConfig;
import dev.chatdirectory.RateLimitSettings;
import dev.chatdirectory.RetrySettings;
import dev.chatdirectory.emulator.VendorEmulator;
import dev.chatdirectory.emulator.atomchat.AtomChatEmulator;
import dev.chatdirectory.emulator.cometchat.CometChatEmulator;
import dev.chatdirectory.emulator.qiscus.QiscusEmulator;
import dev.chatdirectory.migrate.ApplyResult;
import dev.chatdirectory.migrate.Migration;
import dev.chatdirectory.migrate.MigrationOptions;
import dev.chatdirectory.migrate.MigrationPlan;
import dev.chatdirectory.migrate.VerifyReport;
import dev.chatdirectory.model.GroupCreate;
import dev.chatdirectory.model.GroupQuery;
import dev.chatdirectory.model.GroupType;
import dev.chatdirectory.model.MemberQuery;
import dev.chatdirectory.model.MemberRole;
import dev.chatdirectory.model.MemberSpec;
import dev.chatdirectory.model.PageRequest;
import dev.chatdirectory.model.UserCreate;
import dev.chatdirectory.model.UserQuery;
import dev.chatdirectory.model.UserUpdate;
import dev.chatdirectory.provider.atomchat.AtomChatProvider;
import dev.chatdirectory.provider.cometchat.CometChatProvider;
import dev.chatdirectory.provider.qiscus.QiscusProvider;
import dev.chatdirectory.spi.ChatDirectoryProvider;
import dev.chatdirectory.testkit.ReliabilitySection;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The secrets sweep: realistic flows of every provider, the migration and the CLI, run with
 * distinctive secrets and failures forced (401, 400 and 500 answers echoing the key, connection
 * refused, time-outs, unreadable answers); then every log line at TRACE, exception (message, cause
 * chain, stack trace), {@code toString()} and raw payload, the migration journal (every table), the
 * verify reports, the CLI's output and every request URL the emulators saw are searched for the
 * secrets, as written, URL-encoded and in Base64.
 *
 * <p>Runs in its own surefire execution, whose system properties put {@code dev.chatdirectory} and
 * {@code feign} at TRACE into {@value #LOG_FILE_PROPERTY}. Writes the section {@code
 * 50-secrets.md} of docs/reliability.md once every search came back empty.
 */
@DisplayName("Secrets sweep: no secret in any log, exception, toString, journal, report, CLI output or URL")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecretsSweepTest {

    static final String LOG_FILE_PROPERTY = "org.slf4j.simpleLogger.logFile";

    private static final String ATOMCHAT_KEY = "51779x5ee9c0de5ec7e7a7c0ffee0123456789";
    private static final String COMETCHAT_KEY = "cc5weep0c0metchat0key0f00d0000d15c0";
    private static final String QISCUS_SECRET = "q5weep-qiscus-secret-4d2a90b7e1";
    private static final String QISCUS_PASSWORD_SECRET = "pw5weep-qiscus-password-secret-88";
    private static final String GROUP_PASSWORD = "grp-5weep-Pa55word-0be1";
    private static final String WRONG_KEY = "wrong-5weep-key-9a9a9a9a";

    private static final Haystack HAYSTACK = new Haystack();
    private static final Map<String, Long> FLOWS = new LinkedHashMap<>();
    private static final List<VendorEmulator<?>> EMULATORS = new ArrayList<>();
    private static boolean allClean = true;

    private static AtomChatEmulator atomChat;
    private static CometChatEmulator cometChat;
    private static QiscusEmulator qiscus;

    @TempDir
    static Path work;

    @BeforeAll
    static void startEmulators() {
        atomChat = started(new AtomChatEmulator(0, ATOMCHAT_KEY));
        cometChat = started(new CometChatEmulator(0, "sweepapp", COMETCHAT_KEY));
        // Every create answer carries the new user's auth token, asked for or not.
        cometChat.issueAuthTokensUnasked();
        qiscus = started(new QiscusEmulator(0, "sweep-app", QISCUS_SECRET));
        HAYSTACK.secrets("AtomChat API key", List.of(ATOMCHAT_KEY));
        HAYSTACK.secrets("CometChat API key", List.of(COMETCHAT_KEY));
        HAYSTACK.secrets("Qiscus secret key", List.of(QISCUS_SECRET));
        HAYSTACK.secrets("Qiscus password secret", List.of(QISCUS_PASSWORD_SECRET));
        HAYSTACK.secrets("group password", List.of(GROUP_PASSWORD));
        HAYSTACK.secrets("rejected API key", List.of(WRONG_KEY));
    }

    private static <E extends VendorEmulator<E>> E started(E emulator) {
        EMULATORS.add(emulator.start());
        return emulator;
    }

    @AfterAll
    static void writeSectionAndStop() {
        try {
            if (allClean && FLOWS.size() == 5) {
                ReliabilitySection.write("50-secrets.md", SecretsReport.render(HAYSTACK, FLOWS));
            }
        } finally {
            EMULATORS.forEach(VendorEmulator::close);
        }
    }

    // ------------------------------------------------------------------ the flows

    @Test
    @Order(1)
    @DisplayName("every provider's flows and forced failures leak nothing in exceptions, toString or raw payloads")
    void providers() {
        ProviderConfig atomChatConfig = config(atomChat.baseUrl(), Map.of("apiKey", ATOMCHAT_KEY));
        ProviderConfig cometChatConfig =
                config(cometChat.baseUrl(), Map.of("appId", cometChat.appId(), "apiKey", COMETCHAT_KEY));
        ProviderConfig qiscusConfig = config(
                qiscus.baseUrl(),
                Map.of("appId", qiscus.appId(), "secret", QISCUS_SECRET, "passwordSecret", QISCUS_PASSWORD_SECRET));
        long before = total();

        flow(new AtomChatProvider(), atomChatConfig, atomChat, "apiKey");
        flow(new CometChatProvider(), cometChatConfig, cometChat, "apiKey");
        flow(new QiscusProvider(), qiscusConfig, qiscus, "secret");

        HAYSTACK.secrets("CometChat auth token", cometChat.issuedAuthTokens());
        assertThat(cometChat.issuedAuthTokens())
                .as("auth tokens CometChat handed out")
                .isNotEmpty();
        List<String> qiscusPasswords = new ArrayList<>();
        for (String user : List.of("sweep-ana", "sweep-ben", "sweep-cho")) {
            qiscus.password(user).ifPresent(qiscusPasswords::add);
        }
        assertThat(qiscusPasswords).as("passwords the Qiscus users log in with").hasSize(3);
        HAYSTACK.secrets("Qiscus user password", qiscusPasswords);
        FLOWS.put("provider flows and forced failures (3 providers)", total() - before);
        assertNoLeaks();
    }

    private void flow(
            ChatDirectoryProvider provider, ProviderConfig config, VendorEmulator<?> emulator, String keyName) {
        String id = provider.descriptor().id();
        seen(id + " descriptor", provider.descriptor());
        seen(id + " provider", provider);
        seen(id + " config", config);
        seen(id + " config builder", config.toBuilder());
        try (ChatDirectory directory = provider.open(config)) {
            seen(id + " directory", directory);
            seen(id + " users facet", directory.users());
            List<String> users = List.of("sweep-ana", "sweep-ben", "sweep-cho");
            for (String user : users) {
                seen(
                        id + " create",
                        directory
                                .users()
                                .create(UserCreate.builder(user, "Ana " + user).build()));
            }
            seen(id + " get", directory.users().get(users.get(0)).orElseThrow());
            seen(
                    id + " update",
                    directory
                            .users()
                            .update(
                                    users.get(0),
                                    UserUpdate.builder().name("Ana B").build()));
            seen(id + " list", directory.users().list(UserQuery.all()));
            if (directory.provider().supports(Capability.PRESENCE)) {
                seen(id + " presence", directory.presence().get(users));
            }
            GroupCreate.Builder group = directory.provider().supports(Capability.GROUP_TYPE_PASSWORD)
                    ? GroupCreate.builder("sweep-vault", "Vault", GroupType.PASSWORD)
                            .password(GROUP_PASSWORD)
                    : GroupCreate.withoutId("Vault", GroupType.PRIVATE);
            var created = directory.groups().create(group.ownerId(users.get(0)).build());
            seen(id + " group create", created);
            seen(id + " group get", directory.groups().get(created.id()).orElseThrow());
            if (directory.provider().supports(Capability.GROUP_LIST)) {
                seen(id + " group list", directory.groups().list(GroupQuery.all()));
            }
            seen(id + " groups of member", directory.groups().listForMember(users.get(0), PageRequest.first()));
            seen(
                    id + " member add",
                    directory
                            .members()
                            .add(
                                    created.id(),
                                    List.of(
                                            MemberSpec.participant(users.get(1)),
                                            MemberSpec.participant(users.get(2)))));
            seen(id + " member list", directory.members().list(created.id(), MemberQuery.all()));
            if (directory.provider().supports(Capability.MEMBER_ROLES)) {
                seen(id + " role", directory.members().changeRole(created.id(), users.get(1), MemberRole.MODERATOR));
            }
            if (directory.provider().supports(Capability.MEMBER_BANS)) {
                seen(id + " ban", directory.members().ban(created.id(), List.of(users.get(2))));
                seen(id + " banned", directory.members().listBanned(created.id(), PageRequest.first()));
            }
            seen(id + " remove", directory.members().remove(created.id(), List.of(users.get(1))));
            thrown(
                    id + " unknown user update",
                    () -> directory
                            .users()
                            .update(
                                    "sweep-nobody",
                                    UserUpdate.builder().name("X").build()));
            thrown(
                    id + " duplicate create",
                    () -> directory
                            .users()
                            .create(UserCreate.builder(users.get(1), "Twice").build()));
            thrown(id + " invalid id", () -> directory.users().get(""));
        }
        forcedFailures(provider, config, emulator, keyName);
    }

    private void forcedFailures(
            ChatDirectoryProvider provider, ProviderConfig config, VendorEmulator<?> emulator, String keyName) {
        String id = provider.descriptor().id();
        String key = config.requireProperty(keyName);
        ProviderConfig impatient =
                config.toBuilder().callTimeout(Duration.ofMillis(300)).build();
        ProviderConfig wrongKey =
                config.toBuilder().credential(keyName, WRONG_KEY).build();
        ProviderConfig refused = config.toBuilder()
                .endpoint(URI.create("http://127.0.0.1:1/refused"))
                .build();
        // Some vendors echo the key they rejected; the envelope carries it in every vendor's message field.
        String echo = "{\"error\":{\"code\":\"ERR\",\"message\":\"key " + key + " rejected\"},\"status\":\"failed\","
                + "\"failed\":{\"message\":\"key " + key + " rejected\"},\"message\":\"key " + key + " rejected\"}";

        try (ChatDirectory rejected = provider.open(wrongKey)) {
            thrown(id + " 401 (rejected key)", () -> rejected.users().get("sweep-ana"));
            seen(id + " directory with rejected key", rejected);
        }
        try (ChatDirectory nobody = provider.open(refused)) {
            thrown(id + " connection refused", () -> nobody.users().get("sweep-ana"));
        }
        try (ChatDirectory directory = provider.open(config);
                ChatDirectory hasty = provider.open(impatient)) {
            withStub(
                    emulator,
                    json(401, echo),
                    () -> thrown(
                            id + " 401 echoing the key", () -> directory.users().get("sweep-ana")));
            withStub(
                    emulator,
                    json(400, echo),
                    () -> thrown(
                            id + " 400 echoing the key",
                            () -> directory
                                    .users()
                                    .create(UserCreate.builder("sweep-dan", "Dan")
                                            .build())));
            withStub(
                    emulator,
                    json(500, echo),
                    () -> thrown(
                            id + " 500 echoing the key", () -> directory.users().get("sweep-ana")));
            withStub(
                    emulator,
                    json(200, "{\"data\": \"" + key + "\", "),
                    () -> thrown(
                            id + " unreadable answer echoing the key",
                            () -> directory.users().get("sweep-ana")));
            withStub(
                    emulator,
                    json(200, "{}").withFixedDelay(2_000),
                    () -> thrown(id + " time-out", () -> hasty.users().get("sweep-ana")));
        }
    }

    @Test
    @Order(2)
    @DisplayName("a migration with group passwords leaks nothing in its plan, reports, journal or exceptions")
    void migration() throws Exception {
        AtomChatEmulator source = started(new AtomChatEmulator(0, ATOMCHAT_KEY));
        CometChatEmulator target = started(new CometChatEmulator(0, "sweeptarget", COMETCHAT_KEY));
        target.issueAuthTokensUnasked();
        ProviderConfig sourceConfig = config(source.baseUrl(), Map.of("apiKey", ATOMCHAT_KEY)).toBuilder()
                .provider("atomchat")
                .build();
        ProviderConfig targetConfig =
                config(target.baseUrl(), Map.of("appId", target.appId(), "apiKey", COMETCHAT_KEY)).toBuilder()
                        .provider("cometchat-v3")
                        .build();
        seedSource(sourceConfig);
        long before = total();
        Path journal = work.resolve("sweep.journal");
        MigrationOptions options = MigrationOptions.builder()
                .acceptAllLosses()
                .groupPassword("sweep-vault", GROUP_PASSWORD)
                .build();
        seen("migration options", options);
        try (ChatDirectory from = new AtomChatProvider().open(sourceConfig);
                ChatDirectory to = new CometChatProvider().open(targetConfig);
                Migration migration = Migration.builder()
                        .source(from, sourceConfig)
                        .target(to, targetConfig)
                        .journal(journal)
                        .options(options)
                        .build()) {
            seen("migration", migration);
            MigrationPlan plan = migration.plan();
            seen("migration plan", plan);
            HAYSTACK.search("report", "plan text", plan.toText());
            HAYSTACK.search("report", "loss report", plan.losses().toText());
            ApplyResult applied = migration.apply();
            seen("apply result", applied);
            assertThat(applied.succeeded())
                    .as("the migration applied: %s", applied)
                    .isTrue();
            VerifyReport verified = migration.verify();
            seen("verify report", verified);
            HAYSTACK.search("report", "verify text", verified.toText());
            HAYSTACK.search("report", "verify JSON", verified.toJson());
        }
        HAYSTACK.secrets("CometChat auth token", target.issuedAuthTokens());
        // The target's password group was created with the password: the vendor has it, the journal must not.
        assertThat(target.wireMock().getAllServeEvents().stream()
                        .anyMatch(e -> e.getRequest().getBodyAsString().contains(GROUP_PASSWORD)))
                .as("the group password sent to the target")
                .isTrue();
        journalTables(journal);
        try (ChatDirectory from = new AtomChatProvider().open(sourceConfig);
                ChatDirectory to = new CometChatProvider()
                        .open(targetConfig.toBuilder()
                                .credential("apiKey", WRONG_KEY)
                                .build());
                Migration failing = Migration.builder()
                        .source(from, sourceConfig)
                        .target(to, targetConfig)
                        .journal(work.resolve("failing.journal"))
                        .options(options)
                        .build()) {
            thrown("migration against a target rejecting its key", failing::apply);
        }
        FLOWS.put("migration AtomChat → CometChat with a password group", total() - before);
        assertNoLeaks();
    }

    private static void seedSource(ProviderConfig sourceConfig) {
        try (ChatDirectory source = new AtomChatProvider().open(sourceConfig)) {
            for (String user : List.of("mig-ana", "mig-ben", "mig-cho")) {
                source.users().create(UserCreate.builder(user, "User " + user).build());
            }
            source.groups()
                    .create(GroupCreate.builder("sweep-vault", "Vault", GroupType.PASSWORD)
                            .password(GROUP_PASSWORD)
                            .ownerId("mig-ana")
                            .build());
            source.members().add("sweep-vault", List.of(MemberSpec.participant("mig-ben")));
        }
    }

    private static void journalTables(Path journal) throws SQLException, IOException {
        // The journal and whatever SQLite keeps beside it (write-ahead log, shared memory).
        try (var files = Files.list(journal.getParent())) {
            for (Path file : files.filter(f -> f.getFileName()
                            .toString()
                            .startsWith(journal.getFileName().toString()))
                    .toList()) {
                HAYSTACK.search(
                        "file",
                        file.getFileName().toString(),
                        new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        int tables = 0;
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + journal);
                Statement statement = db.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            for (String table : names) {
                StringBuilder text = new StringBuilder();
                try (ResultSet rows = statement.executeQuery("SELECT * FROM \"" + table.replace("\"", "\"\"") + "\"")) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int c = 1; c <= columns; c++) {
                            byte[] value = rows.getBytes(c);
                            text.append(value == null ? "" : new String(value, StandardCharsets.UTF_8))
                                    .append('\t');
                        }
                        text.append('\n');
                    }
                }
                HAYSTACK.search("journal table", table, text.toString());
                tables++;
            }
        }
        assertThat(tables).as("tables in the journal").isPositive();
    }

    @Test
    @Order(3)
    @DisplayName("the CLI, run with --verbose, leaks nothing on stdout or stderr, stack traces included")
    void cli() throws Exception {
        AtomChatEmulator source = started(new AtomChatEmulator(0, ATOMCHAT_KEY));
        CometChatEmulator target = started(new CometChatEmulator(0, "sweepcli", COMETCHAT_KEY));
        target.issueAuthTokensUnasked();
        seedSource(config(source.baseUrl(), Map.of("apiKey", ATOMCHAT_KEY)));
        Path from = properties("from.properties", "atomchat", source.baseUrl(), Map.of("apiKey", ATOMCHAT_KEY));
        Path to = properties(
                "to.properties",
                "cometchat-v3",
                target.baseUrl(),
                Map.of("appId", target.appId(), "apiKey", COMETCHAT_KEY));
        Path qiscusFile = properties(
                "qiscus.properties",
                "qiscus",
                qiscus.baseUrl(),
                Map.of("appId", qiscus.appId(), "secret", QISCUS_SECRET, "passwordSecret", QISCUS_PASSWORD_SECRET));
        Path rejected = properties(
                "rejected.properties",
                "cometchat-v3",
                target.baseUrl(),
                Map.of("appId", target.appId(), "apiKey", WRONG_KEY));
        Path passwords = work.resolve("group-passwords.properties");
        Files.writeString(passwords, "sweep-vault=" + GROUP_PASSWORD + "\n");
        Path journal = work.resolve("cli.journal");
        long before = total();

        String[] migrate = {"--from", from.toString(), "--to", to.toString(), "--journal", journal.toString()};
        cli(
                0,
                concat(
                        new String[] {
                            "migrate", "plan", "--accept-loss", "all", "--group-passwords", passwords.toString()
                        },
                        migrate));
        cli(
                0,
                concat(
                        new String[] {
                            "migrate", "run", "--accept-loss", "all", "--group-passwords", passwords.toString()
                        },
                        migrate));
        cli(
                0,
                concat(
                        new String[] {"migrate", "verify", "--json", "--group-passwords", passwords.toString()},
                        migrate));
        cli(0, "users", "--config", qiscusFile.toString());
        cli(-1, "users", "--config", rejected.toString());
        cli(
                -1,
                concat(
                        new String[] {
                            "migrate",
                            "run",
                            "--accept-loss",
                            "all",
                            "--journal",
                            work.resolve("cli-failing.journal").toString()
                        },
                        new String[] {"--from", from.toString(), "--to", rejected.toString()}));
        HAYSTACK.secrets("CometChat auth token", target.issuedAuthTokens());
        journalTables(journal);
        FLOWS.put(
                "CLI: migrate plan, run, verify --json, users, and two failing commands, all --verbose",
                total() - before);
        assertNoLeaks();
    }

    private static void cli(int expectedStatus, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.log.dev.chatdirectory=trace",
                "-Dorg.slf4j.simpleLogger.log.feign=trace",
                "-Dguice_custom_class_loading=CHILD",
                "dev.chatdirectory.cli.ChatDirectoryCli",
                "--verbose"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(work, "cli", ".out");
        Path err = Files.createTempFile(work, "cli", ".err");
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS))
                .as("the CLI finished: %s", List.of(args))
                .isTrue();
        String stdout = Files.readString(out);
        String stderr = Files.readString(err);
        if (expectedStatus >= 0) {
            assertThat(process.exitValue())
                    .as("exit status of %s; stdout: %s; stderr ends: %s", List.of(args), stdout, tail(stderr))
                    .isEqualTo(expectedStatus);
        } else {
            assertThat(process.exitValue())
                    .as("exit status of the failing %s", List.of(args))
                    .isNotZero();
        }
        String name = String.join(" ", List.of(args).subList(0, Math.min(2, args.length)));
        HAYSTACK.search("CLI stdout", name, stdout);
        stderr.lines().forEach(line -> HAYSTACK.search("CLI stderr line", name, line));
    }

    @Test
    @Order(4)
    @DisplayName("no request URL any emulator saw carries a secret (query strings included)")
    void requestUrls() {
        long before = total();
        int requests = 0;
        for (VendorEmulator<?> emulator : EMULATORS) {
            for (ServeEvent event : emulator.wireMock().getAllServeEvents()) {
                HAYSTACK.search(
                        "request URL",
                        emulator.getClass().getSimpleName(),
                        event.getRequest().getAbsoluteUrl());
                requests++;
            }
        }
        assertThat(requests).as("requests the emulators saw").isGreaterThan(50);
        FLOWS.put("request URLs of every emulator", total() - before);
        assertNoLeaks();
    }

    @Test
    @Order(5)
    @DisplayName("the TRACE log of the whole sweep, wire bodies included, holds no secret")
    void traceLog() throws IOException {
        String file = System.getProperty(LOG_FILE_PROPERTY);
        assertThat(file)
                .as(LOG_FILE_PROPERTY + ", set by this test's surefire execution")
                .isNotBlank();
        List<String> lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
        assertThat(lines).as("request lines of Feign at TRACE").anyMatch(line -> line.contains("--->"));
        assertThat(lines).as("masked credential headers").anyMatch(line -> line.contains("****"));
        long before = total();
        lines.forEach(line -> HAYSTACK.search("log line", "TRACE log", line));
        FLOWS.put("TRACE log of the library (dev.chatdirectory and feign)", total() - before);
        assertNoLeaks();
    }

    // ------------------------------------------------------------------ helpers

    private static void assertNoLeaks() {
        List<String> leaks = HAYSTACK.leaks();
        if (!leaks.isEmpty()) {
            allClean = false;
        }
        assertThat(leaks).as("places a secret was found").isEmpty();
    }

    private static long total() {
        return HAYSTACK.counts().values().stream().mapToLong(c -> c[0]).sum();
    }

    private static ProviderConfig config(URI endpoint, Map<String, String> credentials) {
        ProviderConfig.Builder builder = ProviderConfig.builder()
                .endpoint(endpoint)
                .callTimeout(Duration.ofSeconds(10))
                .retry(new RetrySettings(2, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(1)))
                .rateLimit(RateLimitSettings.unlimited());
        credentials.forEach(builder::credential);
        return builder.build();
    }

    private static Path properties(String name, String provider, URI endpoint, Map<String, String> credentials)
            throws IOException {
        Properties properties = new Properties();
        properties.setProperty("chatdirectory.provider", provider);
        properties.setProperty("chatdirectory." + provider + ".endpoint", endpoint.toString());
        properties.setProperty("chatdirectory." + provider + ".retryMaxAttempts", "2");
        credentials.forEach((k, v) -> properties.setProperty("chatdirectory." + provider + "." + k, v));
        Path file = work.resolve(name);
        try (var out = Files.newBufferedWriter(file)) {
            properties.store(out, null);
        }
        return file;
    }

    private static void seen(String where, Object value) {
        HAYSTACK.search("toString", where, String.valueOf(value));
    }

    private static void thrown(String where, Runnable call) {
        Throwable failure = catchThrowable(call::run);
        assertThat(failure).as("the forced failure %s", where).isNotNull();
        HAYSTACK.exception(where, failure);
    }

    private static void withStub(VendorEmulator<?> emulator, ResponseDefinitionBuilder answer, Runnable call) {
        StubMapping stub =
                emulator.wireMock().stubFor(any(anyUrl()).atPriority(1).willReturn(answer));
        try {
            call.run();
        } finally {
            emulator.wireMock().removeStub(stub);
        }
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    private static String tail(String text) {
        return text.substring(Math.max(0, text.length() - 3000));
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
