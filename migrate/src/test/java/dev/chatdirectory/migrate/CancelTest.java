package dev.chatdirectory.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.provider.memory.MemoryChatDirectory;
import dev.chatdirectory.testkit.CanonicalDataSet;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A cancelled migration")
class CancelTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("stops after the requests in flight, reports progress, and a later run completes it")
    void cancelThenResume() {
        ChatDirectory source = MemoryChatDirectory.builder().build();
        CanonicalDataSet data = CanonicalDataSet.withRandomScope();
        Seeder.seed(source, data);
        ChatDirectory store = MemoryChatDirectory.builder().build();
        TargetProbe first = TargetProbe.counting(store);
        MigrationOptions options =
                MigrationOptions.builder().acceptAllLosses().concurrency(2).build();
        List<MigrationProgress> events = new CopyOnWriteArrayList<>();
        AtomicReference<Migration> running = new AtomicReference<>();

        try (Migration m = Migration.builder()
                .source(source)
                .target(first)
                .journal(dir.resolve("c.journal"))
                .options(options)
                .listener(p -> {
                    events.add(p);
                    if (p.phase() == Phase.USERS && p.done() == 3) {
                        running.get().cancel();
                    }
                })
                .build()) {
            running.set(m);
            ApplyResult result = m.apply();

            assertThat(result.cancelled()).isTrue();
            assertThat(result.succeeded()).isFalse();
        }
        int users = CanonicalDataSet.userKeys().size();
        assertThat(first.writes()).hasSizeBetween(3, 3 + options.concurrency());
        assertThat(events)
                .filteredOn(e -> e.phase() == Phase.USERS && e.done() > 0)
                .allSatisfy(e -> {
                    assertThat(e.total()).isEqualTo(users);
                    assertThat(e.ratePerSecond()).isPositive();
                    assertThat(e.eta()).isPresent();
                });

        TargetProbe second = TargetProbe.counting(store);
        try (Migration m = Migration.builder()
                .source(source)
                .target(second)
                .journal(dir.resolve("c.journal"))
                .options(options)
                .build()) {
            assertThat(m.apply().succeeded()).isTrue();
            assertThat(m.verify().clean()).isTrue();
        }
        assertThat(second.writes()).noneMatch(w -> first.writes().contains(w) && w.startsWith("create user"));
    }
}
