package dev.chatdirectory.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.ProviderConfig;
import dev.chatdirectory.migrate.internal.IdTranslator;
import dev.chatdirectory.model.UserCreate;
import dev.chatdirectory.model.UserQuery;
import dev.chatdirectory.provider.memory.MemoryChatDirectory;
import dev.chatdirectory.spi.IdRule;
import dev.chatdirectory.spi.ProviderDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Ids and the journal")
class IdsAndJournalTest {

    private static final IdRule LOWER = IdRule.of("[a-z0-9_-]+", 12, "lowercase letters, digits, - and _");

    @TempDir
    Path dir;

    /** A memory target that accepts only short lowercase ids, like a strict vendor. */
    private static TargetProbe strictTarget(ChatDirectory store) {
        ProviderDescriptor d = store.provider();
        return TargetProbe.describedAs(
                store, d.toBuilder().userIds(LOWER).groupIds(LOWER).build());
    }

    private Migration migration(ChatDirectory source, ChatDirectory target, MigrationOptions options) {
        return Migration.builder()
                .source(source)
                .target(target)
                .journal(dir.resolve("ids.journal"))
                .options(options)
                .build();
    }

    @Nested
    @DisplayName("translation")
    class Translation {

        @Test
        @DisplayName("is reversible and readable")
        void reversible() {
            IdTranslator t = new IdTranslator(IdMapping.none());
            IdTranslator.Result r = t.translate(EntityKind.USER, "Al.ce_1", IdRule.of("[a-z0-9_-]+", 100, "x"));

            assertThat(r.targetId()).isEqualTo("_al_46_ce__1");
            assertThat(IdTranslator.decode(r.targetId())).isEqualTo("Al.ce_1");
        }

        @Test
        @DisplayName("reports collisions and over-long ids in the plan and writes nothing for them")
        void collisionsHeldBack() {
            ChatDirectory source = MemoryChatDirectory.builder().build();
            source.users().create(UserCreate.builder("Alice", "Upper").build());
            source.users().create(UserCreate.builder("_alice", "Lower").build());
            source.users()
                    .create(UserCreate.builder("averyveryverylongid", "Long").build());
            source.users().create(UserCreate.builder("bob", "Bob").build());
            ChatDirectory store = MemoryChatDirectory.builder().build();
            TargetProbe target = strictTarget(store);

            try (Migration m = migration(
                    source, target, MigrationOptions.builder().acceptAllLosses().build())) {
                ApplyResult result = m.apply();

                assertThat(result.plan().idProblems())
                        .extracting(IdProblem::sourceId, IdProblem::kind)
                        .containsExactlyInAnyOrder(
                                org.assertj.core.groups.Tuple.tuple("Alice", IdProblem.Kind.COLLISION),
                                org.assertj.core.groups.Tuple.tuple("_alice", IdProblem.Kind.COLLISION),
                                org.assertj.core.groups.Tuple.tuple("averyveryverylongid", IdProblem.Kind.TOO_LONG));
                assertThat(result.plan().tally(EntityKind.USER).blocked()).isEqualTo(3);
            }
            assertThat(target.writes()).containsExactly("create user bob");
        }

        @Test
        @DisplayName("uses a user mapping that resolves a collision")
        void mappingResolves() {
            ChatDirectory source = MemoryChatDirectory.builder().build();
            source.users().create(UserCreate.builder("Alice", "Upper").build());
            source.users().create(UserCreate.builder("_alice", "Lower").build());
            ChatDirectory store = MemoryChatDirectory.builder().build();
            MigrationOptions options = MigrationOptions.builder()
                    .acceptAllLosses()
                    .idMapping(IdMapping.of(Map.of("Alice", "alice-upper"), Map.of()))
                    .build();

            try (Migration m = migration(source, strictTarget(store), options)) {
                ApplyResult result = m.apply();

                assertThat(result.plan().idProblemCount()).isZero();
                assertThat(m.verify().clean()).isTrue();
            }
            assertThat(store.users().stream(UserQuery.all()).map(u -> u.id()))
                    .containsExactlyInAnyOrder("alice-upper", "_alice");
        }
    }

    @Nested
    @DisplayName("the journal")
    class TheJournal {

        @Test
        @DisplayName("refuses a migration to another target than the one it records")
        void refusesOtherTarget() {
            ChatDirectory source = MemoryChatDirectory.builder().build();
            ChatDirectory target = MemoryChatDirectory.builder().build();
            ProviderConfig a = ProviderConfig.builder()
                    .provider("memory")
                    .property("pageSize", "10")
                    .build();
            ProviderConfig b = ProviderConfig.builder()
                    .provider("memory")
                    .property("pageSize", "20")
                    .build();
            Path journal = dir.resolve("run.journal");
            Migration.builder()
                    .source(source)
                    .target(target, a)
                    .journal(journal)
                    .build()
                    .close();

            assertThatThrownBy(() -> Migration.builder()
                            .source(source)
                            .target(target, b)
                            .journal(journal)
                            .build())
                    .isInstanceOf(JournalMismatchException.class)
                    .hasMessageContaining("to memory");
        }

        @Test
        @DisplayName("never records a secret setting")
        void noSecretsInJournal() throws Exception {
            ChatDirectory source = MemoryChatDirectory.builder().build();
            source.users().create(UserCreate.builder("u1", "User").build());
            ChatDirectory target = MemoryChatDirectory.builder().build();
            ProviderConfig config = ProviderConfig.builder()
                    .provider("memory")
                    .credential("apiKey", "SUPER-SECRET-KEY-123")
                    .build();
            Path journal = dir.resolve("secret.journal");
            try (Migration m = Migration.builder()
                    .source(source, config)
                    .target(target, config)
                    .journal(journal)
                    .options(MigrationOptions.builder().acceptAllLosses().build())
                    .build()) {
                m.apply();
            }
            for (Path f : Files.list(dir).toList()) {
                assertThat(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .doesNotContain("SUPER-SECRET-KEY-123");
            }
        }

        @Test
        @DisplayName("refuses a journal written by a newer schema")
        void refusesNewerSchema() throws Exception {
            Path journal = dir.resolve("new.journal");
            ChatDirectory source = MemoryChatDirectory.builder().build();
            Migration.builder()
                    .source(source)
                    .target(source)
                    .journal(journal)
                    .build()
                    .close();
            try (var c = DriverManager.getConnection("jdbc:sqlite:" + journal)) {
                c.createStatement().execute("INSERT INTO schema_version(version) VALUES (99)");
            }

            assertThatThrownBy(() -> Migration.builder()
                            .source(source)
                            .target(source)
                            .journal(journal)
                            .build())
                    .isInstanceOf(MigrationException.class)
                    .hasMessageContaining("schema version 99");
        }
    }
}
