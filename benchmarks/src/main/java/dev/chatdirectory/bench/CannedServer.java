package dev.chatdirectory.bench;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * A loopback server that answers every request with bytes recorded once from a vendor emulator,
 * so the adapter and the raw client measured against it read the same answers from the same cheap
 * server.
 *
 * <p>While {@linkplain #recordAll() recording everything}, each request is forwarded to the
 * upstream emulator and its answer (status, content type, body) appended to the answers of the
 * request's key: method, path with query, and body. An adapter that sends the same request twice
 * in one operation and expects the second answer to differ (AtomChat reads a group's members before
 * and after adding) gets both answers in order. While {@linkplain #recordNew() recording new
 * requests only}, a known request is answered from its recordings without reaching the emulator,
 * so a raw client repeating an adapter's write gets the adapter's answer and not a vendor's
 * "already exists". After {@link #freeze()}, only recordings are served, each key cycling through
 * its answers, and anything else is a 599 that {@link #misses()} counts. With several threads
 * repeating an operation whose key has several answers, a call may get them out of order.
 *
 * <p>The JDK server speaks HTTP/1.1 only; it records which protocol each request came in with,
 * on how many connections, and whether it asked for an upgrade. Thread-safe.
 */
final class CannedServer implements AutoCloseable {

    private static final Set<String> HOP_BY_HOP =
            Set.of("host", "connection", "content-length", "upgrade", "http2-settings", "expect", "transfer-encoding");

    static {
        // Without TCP_NODELAY the JDK server writes headers and body as two segments and Nagle's
        // algorithm holds the second until the client's delayed ACK: about 40 ms on every call.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private record Answer(int status, String contentType, byte[] body) {}

    private enum Mode {
        PASS_THROUGH,
        RECORD_ALL,
        RECORD_NEW,
        FROZEN
    }

    private static final class Recording {
        private final List<Answer> answers = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final java.util.concurrent.atomic.AtomicLong served = new java.util.concurrent.atomic.AtomicLong();

        Answer next() {
            return answers.get((int) (served.getAndIncrement() % answers.size()));
        }
    }

    private final Map<String, Recording> answers = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> protocols = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> methods = new ConcurrentHashMap<>();
    private final Set<String> clients = ConcurrentHashMap.newKeySet();
    private final LongAdder requests = new LongAdder();
    private final LongAdder upgrades = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final HttpServer server;
    private final ExecutorService workers;
    private final URI upstream;
    private final HttpClient forwarder;
    private volatile Mode mode = Mode.RECORD_ALL;

    private CannedServer(URI upstream) {
        this.upstream = upstream;
        this.forwarder =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // More workers than the largest benchmark thread count, so the server never queues callers.
        workers = Executors.newFixedThreadPool(32, runnable -> {
            Thread thread = new Thread(runnable, "canned-server");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(workers);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Starts a recording server in front of an emulator.
     *
     * @param upstream the emulator's root URL (scheme, host and port)
     * @return the started server
     */
    static CannedServer recording(URI upstream) {
        return new CannedServer(upstream);
    }

    /** Forwards every request and records nothing: a request counter in front of the emulator. */
    void passThrough() {
        mode = Mode.PASS_THROUGH;
    }

    /** Forwards every request and appends its answer to the recordings (the initial mode). */
    void recordAll() {
        mode = Mode.RECORD_ALL;
    }

    /** Forwards and records only requests not recorded yet; known ones are served. */
    void recordNew() {
        mode = Mode.RECORD_NEW;
    }

    /** Stops forwarding: from now on only recorded answers are served, cycling per request. */
    void freeze() {
        mode = Mode.FROZEN;
        answers.values().forEach(recording -> recording.served.set(0));
    }

    /** {@return the root URL of this server, e.g. {@code http://127.0.0.1:40123}} */
    URI rootUrl() {
        return URI.create("http://" + server.getAddress().getHostString() + ":"
                + server.getAddress().getPort());
    }

    /**
     * Rebases an emulator URL (its base path kept) onto this server.
     *
     * @param emulatorUrl a URL on the emulator
     * @return the same path on this server
     */
    URI rebase(URI emulatorUrl) {
        return rootUrl().resolve(emulatorUrl.getRawPath());
    }

    /** {@return the requests received so far} */
    long requests() {
        return requests.sum();
    }

    /** {@return the requests received per HTTP method} */
    Map<String, Long> methods() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        methods.forEach((method, count) -> counts.put(method, count.sum()));
        return counts;
    }

    /** {@return the TCP connections requests came in on (distinct client ports)} */
    long connections() {
        return clients.size();
    }

    /** {@return the requests that carried an {@code Upgrade} header} */
    long upgrades() {
        return upgrades.sum();
    }

    /** {@return the requests answered with 599 because nothing was recorded for them} */
    long misses() {
        return misses.sum();
    }

    /** {@return the protocols requests came in with, and how many of each} */
    Map<String, Long> protocols() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        protocols.forEach((protocol, count) -> counts.put(protocol, count.sum()));
        return counts;
    }

    /** {@return the recorded request keys (method, path with query, body), sorted} */
    java.util.SortedSet<String> recordedKeys() {
        return new java.util.TreeSet<>(answers.keySet());
    }

    /**
     * Looks up a recorded answer.
     *
     * @param key the request key, as {@link #recordedKeys()} lists it
     * @return the recorded body, as UTF-8 text
     */
    java.util.Optional<String> answerBody(String key) {
        return java.util.Optional.ofNullable(answers.get(key))
                .map(recording -> new String(recording.answers.get(0).body(), StandardCharsets.UTF_8));
    }

    /** Forgets the request counters (not the recordings). */
    void resetCounters() {
        requests.reset();
        upgrades.reset();
        misses.reset();
        protocols.clear();
        clients.clear();
        methods.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.increment();
            clients.add(exchange.getRemoteAddress().toString());
            protocols
                    .computeIfAbsent(exchange.getProtocol(), p -> new LongAdder())
                    .increment();
            if (exchange.getRequestHeaders().containsKey("Upgrade")) {
                upgrades.increment();
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String key =
                    exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath()
                            + (exchange.getRequestURI().getRawQuery() == null
                                    ? ""
                                    : "?" + exchange.getRequestURI().getRawQuery())
                            + "\n" + new String(body, StandardCharsets.UTF_8);
            Recording recording = answers.get(key);
            Answer answer;

            methods.computeIfAbsent(exchange.getRequestMethod(), m -> new LongAdder())
                    .increment();
            if (mode == Mode.PASS_THROUGH) {
                answer = forward(exchange, body);
            } else if (mode == Mode.RECORD_ALL || (mode == Mode.RECORD_NEW && recording == null)) {
                answer = forward(exchange, body);
                answers.computeIfAbsent(key, k -> new Recording()).answers.add(answer);
            } else {
                answer = recording == null ? null : recording.next();
            }
            if (answer == null) {
                misses.increment();
                answer =
                        new Answer(599, "text/plain", ("nothing recorded for " + key).getBytes(StandardCharsets.UTF_8));
            }
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            if (answer.body().length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer.body());
                }
            }
        }
    }

    private Answer forward(HttpExchange exchange, byte[] body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        upstream.resolve(exchange.getRequestURI().toString()))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        Headers headers = exchange.getRequestHeaders();
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (!HOP_BY_HOP.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                header.getValue().forEach(value -> request.header(header.getKey(), value));
            }
        }
        try {
            HttpResponse<byte[]> response = forwarder.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            String contentType = response.headers().firstValue("Content-Type").orElse("application/json");
            return new Answer(response.statusCode(), contentType, response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while forwarding", e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
