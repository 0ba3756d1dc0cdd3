package dev.chatdirectory.emulator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Base of every vendor emulator: a WireMock server whose catch-all stub hands each request to a
 * stateful vendor model.
 *
 * <p>Life cycle: {@link #start()} binds a free port (or the port given to the constructor) on the
 * loopback address (or the one given to {@link #host(InetAddress)}) and
 * returns the emulator as its own type, {@link #close()} stops the server. The vendor state survives
 * until {@link #reset()}.
 *
 * <p>Every emulator has the same presence hook, {@link #setPresence(String, boolean, Instant)}:
 * presence comes from the users' chat connections at every vendor, never from the REST API, so a
 * test sets it here, for example in a contract kit backend:
 *
 * <pre>{@code
 * .presenceControl((directory, user, state, at) -> emulator.setPresence(user, state == PresenceState.ONLINE, at))
 * }</pre>
 *
 * <p>Faults are injected with ordinary WireMock stubs on {@link #wireMock()}: any stub with a
 * priority below {@link #MODEL_PRIORITY} wins over the model, so a test can answer a chosen
 * request with a 503, a connection reset or a delay and let every other request reach the model.
 *
 * <p>Thread-safety: requests are served concurrently by Jetty, but the vendor model is entered
 * under one lock, so subclasses may keep plain collections.
 */
public abstract class VendorEmulator<E extends VendorEmulator<E>> implements AutoCloseable {

    /** Priority of the catch-all stub that routes requests to the model (lower numbers win). */
    public static final int MODEL_PRIORITY = 100;

    private final Class<E> self;
    private final String transformerName;
    private final int requestedPort;
    private final Object lock = new Object();
    private volatile Clock clock = Clock.systemUTC();
    private WireMockServer server;
    private RateLimit rateLimit;
    private InetAddress host = InetAddress.getLoopbackAddress();

    /**
     * Creates an emulator that will listen on the given port.
     *
     * @param self the concrete emulator class, which {@link #start()} returns
     * @param vendor short vendor name used for the WireMock transformer, e.g. {@code cometchat}
     * @param port the port to bind, or 0 for a free one
     * @throws ClassCastException if this emulator is not an instance of {@code self}
     */
    protected VendorEmulator(Class<E> self, String vendor, int port) {
        // Fails here, not at start(), when a subclass names a class it is not.
        this.self = Objects.requireNonNull(self, "self");
        self.cast(this);
        this.transformerName = "chatdirectory-" + Objects.requireNonNull(vendor, "vendor");
        this.requestedPort = port;
    }

    /**
     * Sets the address the server will listen on: the loopback address (the default) keeps the
     * emulator private to this machine; another local address, or the wildcard {@code 0.0.0.0},
     * lets other machines reach it.
     *
     * @param address a local address of this machine, or a wildcard address
     * @return this emulator, for chaining
     * @throws IllegalStateException if it is already running
     * @throws NullPointerException if the address is {@code null}
     */
    public final synchronized E host(InetAddress address) {
        if (server != null) {
            throw new IllegalStateException("emulator already started");
        }
        this.host = Objects.requireNonNull(address, "address");
        return self.cast(this);
    }

    /**
     * Starts the server.
     *
     * @return this emulator, for chaining, e.g. {@code var emulator = new CometChatEmulator().start();}
     * @throws IllegalStateException if it is already running
     */
    public final synchronized E start() {
        if (server != null) {
            throw new IllegalStateException("emulator already started");
        }
        WireMockServer wm = new WireMockServer(
                options().port(requestedPort).bindAddress(host.getHostAddress()).extensions(new ModelTransformer()));
        wm.start();
        this.server = wm;
        routeEverythingToModel();
        return self.cast(this);
    }

    /** Stops the server; the emulator can not be restarted. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop();
        }
    }

    /** Returns the port the server listens on. */
    public int port() {
        return running().port();
    }

    /**
     * Returns {@code http://<host>:<port>} without any vendor base path: the address given to
     * {@link #host(InetAddress)}, or {@code 127.0.0.1}, which also reaches a wildcard one.
     */
    public URI rootUrl() {
        InetAddress reachable = host.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : host;
        String literal = reachable.getHostAddress();
        return URI.create(
                "http://" + (reachable instanceof Inet6Address ? "[" + literal + "]" : literal) + ":" + port());
    }

    /** Returns the URL an adapter uses as its endpoint (root URL plus the vendor's base path). */
    public abstract URI baseUrl();

    /**
     * Returns the credentials this emulator accepts, keyed by the property names of the matching
     * ChatDirectory provider (e.g. {@code apiKey}), ready for {@code ProviderConfig.Builder.credential}.
     *
     * @return the credentials
     */
    public abstract Map<String, String> credentials();

    /**
     * Sets a user's presence, as the user's own chat connection would; the vendors' REST APIs
     * cannot.
     *
     * @param userId an existing user's id
     * @param online whether the user is connected
     * @param lastActiveAt when the user was last active, reported where the vendor reports it
     * @throws IllegalArgumentException if there is no such user
     */
    public abstract void setPresence(String userId, boolean online, Instant lastActiveAt);

    /** Returns the WireMock server, to inject faults or count and inspect the requests it saw. */
    public WireMockServer wireMock() {
        return running();
    }

    /**
     * Simulates the vendor's rate limit: at most {@code limit} requests per fixed window; requests
     * beyond it are answered with the vendor's 429 response.
     *
     * @param limit requests allowed per window, at least 1
     * @param window length of a window
     */
    public void simulateRateLimit(int limit, Duration window) {
        if (limit < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("limit must be >= 1 and window positive");
        }
        synchronized (lock) {
            rateLimit = new RateLimit(limit, window);
        }
    }

    /** Stops rate-limit simulation. */
    public void stopRateLimit() {
        synchronized (lock) {
            rateLimit = null;
        }
    }

    /** Replaces the clock used for timestamps and rate-limit windows (for tests). */
    public void useClock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Returns the clock the model uses. */
    protected Clock clock() {
        return clock;
    }

    /** Forgets every user, group and membership, stops rate limiting and removes fault stubs. */
    public void reset() {
        synchronized (lock) {
            rateLimit = null;
            resetModel();
        }
        if (server != null) {
            routeEverythingToModel();
        }
    }

    private void routeEverythingToModel() {
        server.resetToDefaultMappings();
        server.stubFor(
                any(anyUrl()).atPriority(MODEL_PRIORITY).willReturn(aResponse().withTransformers(transformerName)));
        server.resetRequests();
    }

    /** Clears the vendor model; called under the model lock. */
    protected abstract void resetModel();

    /**
     * Answers one request from the vendor model; called under the model lock.
     *
     * @param request the decoded request
     * @return the vendor's answer
     */
    protected abstract EmulatorResponse handle(EmulatorRequest request);

    /**
     * Builds the vendor's answer to a request over the simulated rate limit.
     *
     * @param limit the window's request limit
     * @param retryAfter time until the window resets
     * @param resetAt when the window resets
     * @return the vendor's 429 (or equivalent) response
     */
    protected abstract EmulatorResponse rateLimited(int limit, Duration retryAfter, Instant resetAt);

    /**
     * Headers the vendor adds to every answer while a rate limit is simulated; none by default.
     *
     * @param limit the window's request limit
     * @param remaining requests left in the window
     * @return headers to add
     */
    protected Map<String, String> rateLimitHeaders(int limit, int remaining) {
        return Map.of();
    }

    private WireMockServer running() {
        WireMockServer s = server;
        if (s == null) {
            throw new IllegalStateException("emulator not started");
        }
        return s;
    }

    private EmulatorResponse serve(EmulatorRequest request) {
        synchronized (lock) {
            RateLimit limit = rateLimit;
            if (limit != null) {
                Instant now = clock.instant();
                if (!limit.tryAcquire(now)) {
                    Instant resetAt = limit.windowEnd();
                    Duration wait = Duration.between(now, resetAt);
                    return rateLimited(limit.limit, wait, resetAt);
                }
                EmulatorResponse response = handle(request);
                for (Map.Entry<String, String> h :
                        rateLimitHeaders(limit.limit, limit.remaining()).entrySet()) {
                    response = response.withHeader(h.getKey(), h.getValue());
                }
                return response;
            }
            return handle(request);
        }
    }

    private static EmulatorRequest decode(Request request) {
        String url = request.getUrl();
        int q = url.indexOf('?');
        String rawPath = q < 0 ? url : url.substring(0, q);
        String path = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        Map<String, List<String>> query = EmulatorRequest.decodeUrlEncoded(q < 0 ? "" : url.substring(q + 1));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpHeader header : request.getHeaders().all()) {
            headers.put(header.key(), header.values());
        }
        String contentType = request.contentTypeHeader() == null
                        || request.contentTypeHeader().mimeTypePart() == null
                ? ""
                : request.contentTypeHeader().mimeTypePart().toLowerCase(Locale.ROOT);
        String body = request.getBodyAsString();
        Map<String, List<String>> form = new LinkedHashMap<>();
        if (contentType.startsWith("application/x-www-form-urlencoded")) {
            form = EmulatorRequest.decodeUrlEncoded(body);
        } else if (contentType.startsWith("multipart/") && request.getParts() != null) {
            for (Request.Part part : request.getParts()) {
                form.computeIfAbsent(part.getName(), k -> new ArrayList<>())
                        .add(part.getBody().asString());
            }
        }
        return new EmulatorRequest(request.getMethod().getName(), path, query, headers, form, body);
    }

    private final class ModelTransformer implements ResponseDefinitionTransformerV2 {
        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            EmulatorResponse response = serve(decode(serveEvent.getRequest()));
            ResponseDefinitionBuilder builder = ResponseDefinitionBuilder.responseDefinition()
                    .withStatus(response.status())
                    .withBody(response.body());
            response.headers().forEach(builder::withHeader);
            return builder.build();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return transformerName;
        }
    }

    private static final class RateLimit {
        private final int limit;
        private final Duration window;
        private Instant windowStart;
        private int used;

        RateLimit(int limit, Duration window) {
            this.limit = limit;
            this.window = window;
        }

        boolean tryAcquire(Instant now) {
            if (windowStart == null || !now.isBefore(windowStart.plus(window))) {
                windowStart = now;
                used = 0;
            }
            if (used >= limit) {
                return false;
            }
            used++;
            return true;
        }

        Instant windowEnd() {
            return windowStart.plus(window);
        }

        int remaining() {
            return Math.max(0, limit - used);
        }
    }
}
