package dev.chatdirectory.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.sun.net.httpserver.HttpServer;
import dev.chatdirectory.ChatDirectories;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.provider.atomchat.internal.AtomChatApi;
import dev.chatdirectory.provider.cometchat.internal.CometChatApi;
import dev.chatdirectory.provider.qiscus.internal.QiscusApi;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
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
 * Cold start: in a fresh JVM per fork, the time from {@code ChatDirectories.open} to the first
 * completed {@code users().get}, against a raw client (new {@code HttpClient}, new {@code
 * ObjectMapper}, one request, one parse) reading the same bytes from the same loopback server. The
 * server is a bare JDK {@code HttpServer} with the vendor's recorded answer in a string (no
 * emulator, no Jackson), started before the measurement so neither side pays for it.
 *
 * <p>{@code side=breakdown} measures the same adapter call after warming, one after the other,
 * the parts it is built from, and prints each step's time and loaded classes: Jackson (a mapper
 * and a parse), Guice (an empty injector), Feign (the vendor interface through Feign's contract),
 * the JDK HTTP client (a request), then what the adapter still costs on top. Every fork prints a
 * {@code [coldstart]} line with the classes the measured call loaded.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(
        value = 5,
        jvmArgsAppend = {"-Xshare:auto"})
public class ColdStartBenchmark {

    private static final String USER = "user-0042";

    /** The vendors' answers to a read of {@value #USER}, as the emulators recorded them. */
    private static final Map<Vendor, String> ANSWERS = Map.of(
            Vendor.ATOMCHAT,
            "{\"success\":{\"status\":\"2000\",\"message\":\"User details accessed successfully\",\"data\":{\"user\":"
                    + "{\"uid\":\"user-0042\",\"name\":\"User 42\",\"link\":\"\",\"avatar\":\"\",\"friends\":\"\","
                    + "\"role\":\"default\",\"credits\":\"0\",\"cid\":\"43\",\"lastactivity\":\"0\"}}}}",
            Vendor.COMETCHAT,
            "{\"data\":{\"uid\":\"user-0042\",\"name\":\"User 42\",\"status\":\"offline\",\"role\":\"default\","
                    + "\"createdAt\":1796502374}}",
            Vendor.QISCUS,
            "{\"results\":{\"user\":{\"user_id\":\"user-0042\",\"username\":\"User 42\",\"avatar_url\":"
                    + "\"https://example.com/avatar.png\",\"extras\":{},\"active\":true}},\"status\":200}");

    @Param({"ATOMCHAT", "COMETCHAT", "QISCUS"})
    Vendor vendor;

    @Param({"adapter", "raw", "breakdown"})
    String side;

    private HttpServer server;
    private URI baseUrl;
    private long classesBefore;
    private final Map<String, String> steps = new LinkedHashMap<>();

    /** Starts the canned server. */
    @Setup(Level.Trial)
    public void start() throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        byte[] answer = ANSWERS.get(vendor).getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        });
        server.start();
        baseUrl = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + vendor.basePath());
        classesBefore = loadedClasses();
    }

    /** Prints what the measured call loaded and stops the server. */
    @TearDown(Level.Trial)
    public void stop() {
        System.out.printf(
                "%n[coldstart] %s %s: %d classes loaded by the call%s%n",
                vendor, side, loadedClasses() - classesBefore, steps.isEmpty() ? "" : "; steps " + steps);
        server.stop(0);
    }

    /** {@return the first user read by a fresh JVM} */
    @Benchmark
    public Object firstCall() {
        return switch (side) {
            case "adapter" -> adapterCall();
            case "raw" -> new RawClient(vendor, baseUrl, credentials()).get(USER);
            case "breakdown" -> breakdown();
            default -> throw new IllegalArgumentException("side must be adapter, raw or breakdown: " + side);
        };
    }

    private Object adapterCall() {
        try (ChatDirectory directory =
                ChatDirectories.open(vendor.config(credentials(), baseUrl).build())) {
            return directory.users().get(USER).orElseThrow();
        }
    }

    private Object breakdown() {
        step("jackson", () -> {
            try {
                return new ObjectMapper().readTree(ANSWERS.get(vendor));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        step("guice", () -> Guice.createInjector(new AbstractModule() {}));
        step(
                "feign",
                () -> new feign.Contract.Default()
                        .parseAndValidateMetadata(
                                switch (vendor) {
                                    case ATOMCHAT -> AtomChatApi.class;
                                    case COMETCHAT -> CometChatApi.class;
                                    case QISCUS -> QiscusApi.class;
                                }));
        step("jdk-http", () -> new RawClient(vendor, baseUrl, credentials()).get(USER));
        return step("adapter", this::adapterCall);
    }

    private Object step(String name, java.util.function.Supplier<Object> work) {
        long classes = loadedClasses();
        long start = System.nanoTime();
        Object result = work.get();
        steps.put(
                name,
                String.format("%.1f ms/%d classes", (System.nanoTime() - start) / 1e6, loadedClasses() - classes));
        return result;
    }

    private Map<String, String> credentials() {
        return vendor.stubCredentials();
    }

    private static long loadedClasses() {
        return ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
    }
}
