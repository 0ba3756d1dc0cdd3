package dev.chatdirectory.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatdirectory.Capability;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.model.GroupQuery;
import dev.chatdirectory.provider.memory.MemoryChatDirectory;
import dev.chatdirectory.testkit.CanonicalDataSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("A migration that crashes")
class ResumeTest {

    /** Crash points per target kind and crash mode; -Dmigrate.crash.points=40 for a longer run. */
    private static final int POINTS = Integer.getInteger("migrate.crash.points", 10);

    /** Writes of an uninterrupted canonical migration into memory, at least. */
    private static final int WRITES = 38;

    private static final long SEED = Long.getLong("migrate.crash.seed", 20240611L);

    @TempDir
    Path dir;

    static Stream<Arguments> crashPoints() {
        Random random = new Random(SEED);
        List<Arguments> out = new ArrayList<>();
        for (boolean assignedIds : new boolean[] {false, true}) {
            for (TargetProbe.CrashMode mode : TargetProbe.CrashMode.values()) {
                for (int i = 0; i < POINTS; i++) {
                    out.add(Arguments.of(
                            assignedIds ? "server-assigned" : "client-chosen", mode, random.nextInt(WRITES)));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} group ids, {1} at write {2}")
    @MethodSource("crashPoints")
    @DisplayName("resumes: each entity is created exactly once and the result verifies clean")
    void resumes(String ids, TargetProbe.CrashMode mode, int crashAfter) {
        ChatDirectory source = MemoryChatDirectory.builder().build();
        CanonicalDataSet data = CanonicalDataSet.withRandomScope();
        Seeder.seed(source, data);
        ChatDirectory store = ids.equals("server-assigned")
                ? MemoryChatDirectory.builder()
                        .capabilities(EnumSet.complementOf(EnumSet.of(Capability.GROUP_CLIENT_IDS)))
                        .build()
                : MemoryChatDirectory.builder().build();
        MigrationOptions options =
                MigrationOptions.builder().acceptAllLosses().concurrency(3).build();

        TargetProbe crashing = TargetProbe.crashingAfter(store, crashAfter, mode);
        try (Migration m = migration(source, crashing, options)) {
            assertThatThrownBy(m::apply).isInstanceOf(TargetProbe.SimulatedCrash.class);
        }
        TargetProbe resumed = TargetProbe.counting(store);
        try (Migration m = migration(source, resumed, options)) {
            ApplyResult result = m.apply();
            assertThat(result.succeeded()).as(result.failures().toString()).isTrue();
            VerifyReport report = m.verify();
            assertThat(report.clean()).as(report.toText()).isTrue();
        }

        Map<String, Integer> creates = new TreeMap<>(crashing.createsReachingTarget());
        resumed.createsReachingTarget().forEach((k, v) -> creates.merge(k, v, Integer::sum));
        assertThat(creates)
                .allSatisfy((entity, count) -> assertThat(count).as(entity).isEqualTo(1));
        assertThat(creates)
                .hasSize(CanonicalDataSet.userKeys().size()
                        + CanonicalDataSet.groupKeys().size());
        assertThat(store.groups().stream(GroupQuery.all()).count())
                .isEqualTo(CanonicalDataSet.groupKeys().size());
    }

    @Test
    @DisplayName(
            "in a target that assigns group ids and keeps no marker holds an uncertain group back instead of duplicating it")
    void uncertainGroupHeldBack() {
        ChatDirectory source = MemoryChatDirectory.builder().build();
        CanonicalDataSet data = CanonicalDataSet.withRandomScope();
        Seeder.seed(source, data);
        ChatDirectory store = MemoryChatDirectory.builder()
                .capabilities(EnumSet.complementOf(EnumSet.of(Capability.GROUP_CLIENT_IDS, Capability.GROUP_METADATA)))
                .build();
        MigrationOptions options =
                MigrationOptions.builder().acceptAllLosses().concurrency(1).build();
        int users = CanonicalDataSet.userKeys().size();

        TargetProbe crashing = TargetProbe.crashingAfter(store, users, TargetProbe.CrashMode.ANSWER_LOST);
        try (Migration m = migration(source, crashing, options)) {
            assertThatThrownBy(m::apply).isInstanceOf(TargetProbe.SimulatedCrash.class);
        }
        TargetProbe resumed = TargetProbe.counting(store);
        try (Migration m = migration(source, resumed, options)) {
            ApplyResult result = m.apply();

            assertThat(result.plan().tally(EntityKind.GROUP).blocked()).isEqualTo(1);
            assertThat(m.verify().clean()).isFalse();
        }
        assertThat(store.groups().stream(GroupQuery.all()).count())
                .isEqualTo(CanonicalDataSet.groupKeys().size());
    }

    private Migration migration(ChatDirectory source, ChatDirectory target, MigrationOptions options) {
        return Migration.builder()
                .source(source)
                .target(target)
                .journal(dir.resolve("m.journal"))
                .options(options)
                .build();
    }
}
