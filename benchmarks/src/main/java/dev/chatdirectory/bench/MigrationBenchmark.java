package dev.chatdirectory.bench;

import dev.chatdirectory.ChatDirectories;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.RateLimitSettings;
import dev.chatdirectory.emulator.VendorEmulator;
import dev.chatdirectory.migrate.ApplyResult;
import dev.chatdirectory.migrate.EntityKind;
import dev.chatdirectory.migrate.Migration;
import dev.chatdirectory.migrate.MigrationOptions;
import dev.chatdirectory.model.GroupCreate;
import dev.chatdirectory.model.GroupType;
import dev.chatdirectory.model.MemberSpec;
import dev.chatdirectory.model.UserCreate;
import dev.chatdirectory.provider.memory.MemoryChatDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A whole migration (plan and apply, through the {@code migrate} module's public API) of a directory
 * of {@code scale} × (10,000 users, 1,000 groups, 50,000 memberships) from an in-memory source,
 * under {@code -Xmx256m}, to either an in-memory target (the ceiling: no network) or the CometChat
 * emulator through the CometChat adapter, behind a pass-through server that counts the requests.
 *
 * <p>The teardown prints wall time, items per second, the requests sent against the fewest the
 * target's calls allow (CometChat: one create per user and per group, one add-members call per 25
 * members of a group; reads not counted in that minimum), and with {@code rateLimit} > 0 requests a
 * second (the adapter's client-side limit, burst 1) the wall time against the limit's lower bound,
 * minimum writes / rate. The peak heap after any collection covers the source, the emulator and
 * the migration, all in this JVM.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx256m"})
public class MigrationBenchmark {

    private static final int COMETCHAT_BATCH = 25;

    @Param({"memory", "cometchat"})
    String target;

    @Param({"1", "4", "16"})
    int concurrency;

    /** 1 is the size; the default keeps a run within minutes on a small machine. */
    @Param({"0.02"})
    double scale;

    @Param({"0"})
    double rateLimit;

    private int users;
    private int groups;
    private int perGroup;
    private ChatDirectory source;
    private VendorEmulator<?> emulator;
    private CannedServer counter;
    private ChatDirectory targetDirectory;
    private Path journal;
    private HeapWatch heap;
    private ApplyResult result;
    private long elapsed;

    /** Fills the source, starts the target and the journal. */
    @Setup(Level.Trial)
    public void start() throws IOException {
        users = (int) Math.round(10_000 * scale);
        groups = Math.max(1, (int) Math.round(1_000 * scale));
        perGroup = Math.min(users, 50);
        source = MemoryChatDirectory.builder().build();
        for (int i = 0; i < users; i++) {
            source.users().create(UserCreate.builder("u" + i, "User " + i).build());
        }
        for (int g = 0; g < groups; g++) {
            String owner = "u" + (g % users);
            source.groups()
                    .create(GroupCreate.builder("g" + g, "Group " + g, GroupType.PRIVATE)
                            .ownerId(owner)
                            .build());
            List<MemberSpec> members = new ArrayList<>();
            for (int m = 1; members.size() < perGroup - 1; m++) {
                members.add(MemberSpec.participant("u" + ((g + m) % users)));
            }
            for (int from = 0; from < members.size(); from += 100) {
                source.members().add("g" + g, members.subList(from, Math.min(members.size(), from + 100)));
            }
        }
        if (target.equals("memory")) {
            targetDirectory = MemoryChatDirectory.builder().build();
        } else if (target.equals("cometchat")) {
            emulator = Vendor.COMETCHAT.startEmulator();
            counter = CannedServer.recording(emulator.rootUrl());
            counter.passThrough();
            targetDirectory = ChatDirectories.open(Vendor.COMETCHAT
                    .config(emulator, counter.rebase(emulator.baseUrl()))
                    .rateLimit(rateLimit > 0 ? new RateLimitSettings(rateLimit, 1) : RateLimitSettings.unlimited())
                    .build());
        } else {
            throw new IllegalArgumentException("target must be memory or cometchat: " + target);
        }
        journal = Files.createTempFile("migration-bench", ".db");
        Files.delete(journal);
        heap = HeapWatch.start();
    }

    /** {@return the result of planning and applying the whole migration} */
    @Benchmark
    public ApplyResult migrate() {
        long started = System.nanoTime();
        try (Migration migration = Migration.builder()
                .source(source)
                .target(targetDirectory)
                .journal(journal)
                .options(MigrationOptions.builder()
                        .concurrency(concurrency)
                        .acceptAllLosses()
                        .build())
                .build()) {
            migration.plan();
            result = migration.apply();
        }
        elapsed = System.nanoTime() - started;
        return result;
    }

    /** Prints the run's figures and stops everything. */
    @TearDown(Level.Trial)
    public void stop() throws IOException {
        heap.close();
        double seconds = elapsed / 1e9;
        long memberships = result.applied().getOrDefault(EntityKind.MEMBER, 0L);
        long items =
                result.applied().values().stream().mapToLong(Long::longValue).sum();
        StringBuilder line = new StringBuilder(String.format(
                "%n[migration] %s concurrency %d: %d users, %d groups, %d memberships applied (%d failed) in %.1f s ="
                        + " %.0f items/s, peak heap after GC %.1f MB",
                target,
                concurrency,
                result.applied().getOrDefault(EntityKind.USER, 0L),
                result.applied().getOrDefault(EntityKind.GROUP, 0L),
                memberships,
                result.failedTotal(),
                seconds,
                items / seconds,
                heap.peakMegabytes()));
        if (counter != null) {
            long minimumWrites = users + groups + (long) groups * ceilDiv(perGroup - 1, COMETCHAT_BATCH);
            long writes = counter.methods().entrySet().stream()
                    .filter(method -> !method.getKey().equals("GET"))
                    .mapToLong(Map.Entry::getValue)
                    .sum();
            line.append(String.format(
                    "; requests %s, writes %d vs minimum %d = %.2fx",
                    counter.methods(), writes, minimumWrites, writes / (double) minimumWrites));
            if (rateLimit > 0) {
                double bound = counter.requests() / rateLimit;
                double writeBound = minimumWrites / rateLimit;
                line.append(String.format(
                        "; rate limit %.0f/s: wall %.1f s vs lower bound %.1f s (minimum writes) = %.2fx,"
                                + " %.1f s for the requests sent",
                        rateLimit, seconds, writeBound, seconds / writeBound, bound));
            }
        }
        System.out.println(line);
        targetDirectory.close();
        if (counter != null) {
            counter.close();
            emulator.close();
        }
        Files.deleteIfExists(journal);
        for (String suffix : new String[] {"-wal", "-shm", "-journal"}) {
            Files.deleteIfExists(Path.of(journal + suffix));
        }
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
