package dev.chatdirectory.bench;

import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.model.User;
import dev.chatdirectory.model.UserCreate;
import dev.chatdirectory.model.UserQuery;
import dev.chatdirectory.provider.memory.MemoryChatDirectory;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What walking a directory page by page costs against iterating the same users already in
 * memory: {@code stream()} through cursors, with several page sizes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PagingBenchmark {

    @Param({"7", "100", "1000"})
    int pageSize;

    private ChatDirectory directory;
    private List<User> all;

    /** Creates 10,000 users. */
    @Setup
    public void fill() {
        directory = MemoryChatDirectory.builder().build();
        for (int i = 0; i < 10_000; i++) {
            directory
                    .users()
                    .create(UserCreate.builder(String.format("user-%05d", i), "User " + i)
                            .build());
        }
        all = directory.users().stream(UserQuery.builder().pageSize(1000).build())
                .toList();
    }

    /** Baseline: counting the users of an in-memory list. */
    @Benchmark
    public long iterateList() {
        return all.stream().filter(u -> !u.id().isEmpty()).count();
    }

    /** Candidate: walking the directory with cursors. */
    @Benchmark
    public long streamPages() {
        return directory.users().stream(UserQuery.builder().pageSize(pageSize).build())
                .filter(u -> !u.id().isEmpty())
                .count();
    }
}
