package dev.chatdirectory.bench;

import dev.chatdirectory.ChatDirectories;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.model.UserQuery;
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
 * Streaming a large directory under {@code -Xmx96m}: every user of a generated listing (see {@link
 * GeneratedDirectoryServer}; nothing stored on either side) through the adapter's {@code
 * users().stream}, against a raw loop fetching the same pages with the JDK client and Jackson.
 *
 * <p>One walk per fork (single shot). The teardown prints the users counted, the rate, the
 * requests sent, and the peak heap left after any collection during the walk (a GC notification
 * listener), which is the walk's live set plus whatever the loopback server in the same JVM holds.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx96m"})
public class StreamingBenchmark {

    private static final int PAGE = 100;

    @Param({"COMETCHAT", "QISCUS", "ATOMCHAT"})
    Vendor vendor;

    @Param({"adapter", "raw"})
    String side;

    @Param({"1000000"})
    long users;

    private GeneratedDirectoryServer server;
    private ChatDirectory directory;
    private RawClient raw;
    private HeapWatch heap;
    private long counted;
    private long started;
    private long elapsed;

    /** Starts the generated listing and the client, and watches the heap after each collection. */
    @Setup(Level.Trial)
    public void start() {
        server = new GeneratedDirectoryServer(vendor, users);
        Map<String, String> credentials = vendor.stubCredentials();
        if (side.equals("adapter")) {
            directory = ChatDirectories.open(
                    vendor.config(credentials, server.baseUrl()).build());
        } else {
            raw = new RawClient(vendor, server.baseUrl(), credentials);
        }
        heap = HeapWatch.start();
        started = System.nanoTime();
    }

    /** {@return how many users the walk saw} */
    @Benchmark
    public long walk() {
        if (directory != null) {
            counted = directory.users().stream(
                            UserQuery.builder().pageSize(PAGE).build())
                    .filter(user -> !user.id().isEmpty())
                    .count();
        } else {
            long seen = 0;
            for (long page = 0; ; page++) {
                int items = (int) raw.page(page, PAGE).stream()
                        .filter(user -> !user.id().isEmpty())
                        .count();
                seen += items;
                if (items < PAGE || seen >= users) {
                    break;
                }
            }
            counted = seen;
        }
        elapsed = System.nanoTime() - started;
        return counted;
    }

    /** Prints the walk's figures and checks it saw every user. */
    @TearDown(Level.Trial)
    public void stop() {
        heap.close();
        double seconds = elapsed / 1e9;
        System.out.printf(
                "%n[streaming] %s %s: %d of %d users in %.1f s = %.0f users/s, %d requests, peak heap after GC %.1f MB,"
                        + " max heap %.0f MB%n",
                vendor,
                side,
                counted,
                users,
                seconds,
                counted / seconds,
                server.requests(),
                heap.peakMegabytes(),
                Runtime.getRuntime().maxMemory() / 1048576.0);
        if (directory != null) {
            directory.close();
        }
        server.close();
        if (counted != users) {
            throw new IllegalStateException("walked " + counted + " of " + users + " users");
        }
    }
}
