package dev.chatdirectory.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatdirectory.migrate.EntityKind;
import dev.chatdirectory.model.User;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One invocation of each benchmark's setup and work, without timing: the fixtures answer, both
 * sides of each comparison do the same work, and nothing reaches a server without a recording.
 */
@DisplayName("The benchmarks")
class BenchmarkSetupTest {

    @Nested
    @DisplayName("adapter overhead")
    class Overhead {

        @ParameterizedTest(name = "{0}")
        @EnumSource(Vendor.class)
        @DisplayName("replays the recorded answers to the adapter and the raw client alike")
        void replaysToBothSides(Vendor vendor) {
            try (LoopbackFixture fixture = LoopbackFixture.start(vendor)) {
                assertThat(fixture.adapterGet())
                        .map(User::id)
                        .contains(fixture.rawGet().id());
                assertThat(fixture.adapterList())
                        .extracting(User::id)
                        .containsExactlyInAnyOrderElementsOf(fixture.rawList().stream()
                                .map(RawClient.RawUser::id)
                                .toList());
                assertThat(fixture.adapterCreate().id()).isEqualTo("bench-new");
                assertThat(fixture.adapterAddMembers().outcomes()).hasSize(LoopbackFixture.BATCH);
                fixture.rawCreate();
                fixture.rawAddMembers();
                assertThat(fixture.server().misses()).isZero();
                assertThat(fixture.server().requests()).isGreaterThanOrEqualTo(8);
            }
        }
    }

    @Nested
    @DisplayName("streaming")
    class Streaming {

        @ParameterizedTest(name = "{0} {1}")
        @EnumSource(Vendor.class)
        @DisplayName("walks every generated user through the adapter and the raw loop")
        void walksEveryUser(Vendor vendor) {
            for (String side : List.of("adapter", "raw")) {
                StreamingBenchmark benchmark = new StreamingBenchmark();
                benchmark.vendor = vendor;
                benchmark.side = side;
                benchmark.users = 250;
                benchmark.start();
                assertThat(benchmark.walk()).as(side).isEqualTo(250);
                benchmark.stop();
            }
        }
    }

    @Nested
    @DisplayName("cold start")
    class ColdStart {

        @ParameterizedTest(name = "{0}")
        @EnumSource(Vendor.class)
        @DisplayName("reads the user through the adapter, the raw client and the breakdown")
        void readsTheUser(Vendor vendor) throws Exception {
            for (String side : List.of("adapter", "raw", "breakdown")) {
                ColdStartBenchmark benchmark = new ColdStartBenchmark();
                benchmark.vendor = vendor;
                benchmark.side = side;
                benchmark.start();
                Object user = benchmark.firstCall();
                benchmark.stop();
                assertThat(user.toString()).as(side).contains("user-0042");
            }
        }
    }

    @Nested
    @DisplayName("migration")
    class MigrationRun {

        @Test
        @DisplayName("migrates every user and group to the emulator without a failure")
        void migratesEverything() throws Exception {
            MigrationBenchmark benchmark = new MigrationBenchmark();
            benchmark.target = "cometchat";
            benchmark.concurrency = 2;
            benchmark.scale = 0.002;
            benchmark.start();
            var result = benchmark.migrate();
            benchmark.stop();
            assertThat(result.failedTotal()).isZero();
            assertThat(result.applied()).containsEntry(EntityKind.USER, 20L).containsEntry(EntityKind.GROUP, 2L);
        }
    }
}
