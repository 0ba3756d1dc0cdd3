package dev.chatdirectory.bench;

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
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Per-call overhead of each adapter against a hand-written raw client (JDK {@code HttpClient} +
 * Jackson) on the same loopback server serving the same recorded bytes (see {@link
 * LoopbackFixture}): {@code get}, {@code list(100)}, {@code create} and a member batch of ten.
 *
 * <p>{@code side=raw} is the baseline of {@code side=adapter} for the same vendor and operation.
 * Latency: one thread, {@code -bm avgt} or {@code -bm sample}; throughput: {@code -bm thrpt -t 4}
 * and {@code -t 16}; allocation per call: {@code -prof gc} ({@code gc.alloc.rate.norm}). The
 * requests each call sent are printed after each trial ({@code requests/op}), because an adapter
 * that sends several requests for one operation pays for them here.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx1g"})
public class AdapterOverheadBenchmark {

    @Param({"ATOMCHAT", "COMETCHAT", "QISCUS"})
    Vendor vendor;

    @Param({"adapter", "raw"})
    String side;

    private LoopbackFixture fixture;
    private boolean adapter;

    /** Seeds the emulator, records every operation once, and serves only the recordings. */
    @Setup(Level.Trial)
    public void start() {
        fixture = LoopbackFixture.start(vendor);
        adapter = switch (side) {
            case "adapter" -> true;
            case "raw" -> false;
            default -> throw new IllegalArgumentException("side must be adapter or raw: " + side);
        };
    }

    /** Reports the requests per operation and the protocol the server saw, then stops. */
    @TearDown(Level.Trial)
    public void stop(BenchmarkParams params) {
        CannedServer server = fixture.server();
        System.out.printf(
                "%n[loopback] %s %s %s: %d requests on %d connections, %d with Upgrade, %d unrecorded, protocols %s%n",
                params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1),
                vendor,
                side,
                server.requests(),
                server.connections(),
                server.upgrades(),
                server.misses(),
                server.protocols());
        fixture.close();
        if (server.misses() > 0) {
            throw new IllegalStateException("requests without a recorded answer: " + server.misses());
        }
    }

    /** {@code users().get} of one existing user. */
    @Benchmark
    public Object get() {
        return adapter ? fixture.adapterGet() : fixture.rawGet();
    }

    /** {@code users().list} of a page of 100. */
    @Benchmark
    public Object list100() {
        return adapter ? fixture.adapterList() : fixture.rawList();
    }

    /** {@code users().create} of one user. */
    @Benchmark
    public Object create() {
        return adapter ? fixture.adapterCreate() : fixture.rawCreate();
    }

    /** {@code members().add} of ten users to a group. */
    @Benchmark
    public Object addMembers() {
        return adapter ? fixture.adapterAddMembers() : fixture.rawAddMembers();
    }
}
