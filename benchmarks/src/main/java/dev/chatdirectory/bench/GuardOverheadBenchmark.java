package dev.chatdirectory.bench;

import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.model.User;
import dev.chatdirectory.model.UserCreate;
import dev.chatdirectory.provider.memory.MemoryChatDirectory;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the shared request guard (validation and capability checks before every call) costs: a
 * lookup through the guarded directory against the same lookup on the raw in-memory directory.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GuardOverheadBenchmark {

    private ChatDirectory guarded;
    private ChatDirectory raw;

    /** Creates one directory with a thousand users. */
    @Setup
    public void fill() {
        guarded = MemoryChatDirectory.builder().build();
        raw = guarded.unwrap(MemoryChatDirectory.class);
        for (int i = 0; i < 1_000; i++) {
            guarded.users()
                    .create(UserCreate.builder(String.format("user-%04d", i), "User " + i)
                            .build());
        }
    }

    /** Baseline: the in-memory lookup alone. */
    @Benchmark
    public Optional<User> rawLookup() {
        return raw.users().get("user-0500");
    }

    /** Candidate: the same lookup through the guard. */
    @Benchmark
    public Optional<User> guardedLookup() {
        return guarded.users().get("user-0500");
    }
}
