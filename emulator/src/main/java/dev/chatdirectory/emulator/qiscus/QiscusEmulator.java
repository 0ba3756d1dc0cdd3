package dev.chatdirectory.emulator.qiscus;

import dev.chatdirectory.emulator.EmulatorRequest;
import dev.chatdirectory.emulator.EmulatorResponse;
import dev.chatdirectory.emulator.VendorEmulator;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * A stateful fake of the Qiscus Chat SDK server API v2.1 ({@code /api/v2.1/rest/}): users, rooms
 * and room participants, with Qiscus's authentication headers, envelopes and quirks.
 *
 * <p>Every request must carry the app id and secret key, as {@code QISCUS-SDK-APP-ID} / {@code
 * QISCUS-SDK-SECRET} (documented) or {@code QISCUS_SDK_APP_ID} / {@code QISCUS_SDK_SECRET} (sent
 * by Qiscus's Go client and the 2018 docs); header names are case-insensitive. Anything else is
 * answered with a 401 error envelope [INF, reference section 1.3].
 *
 * <p>Routes the v2.1 server API does not have, such as presence, roles, bans or room deletion,
 * answer a 404 error envelope. Qiscus documents no rate limit; the simulation started with {@link
 * #simulateRateLimit} answers 429 with {@code Retry-After} and the error envelope (the emulator's
 * own convention).
 *
 * <p>Typical use in a test:
 *
 * <pre>{@code
 * try (QiscusEmulator qiscus = new QiscusEmulator().start()) {
 *     MyAdapter adapter = new MyAdapter(qiscus.baseUrl(), qiscus.appId(), qiscus.secretKey());
 *     ...
 * }
 * }</pre>
 */
public final class QiscusEmulator extends VendorEmulator<QiscusEmulator> {

    /** The path every endpoint lives under. */
    public static final String BASE_PATH = "/api/v2.1/rest";

    /** The documented app-id header; {@code QISCUS_SDK_APP_ID} is accepted too. */
    public static final String APP_ID_HEADER = "QISCUS-SDK-APP-ID";

    /** The documented secret-key header; {@code QISCUS_SDK_SECRET} is accepted too. */
    public static final String SECRET_HEADER = "QISCUS-SDK-SECRET";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String appId;
    private final String secretKey;
    private final QiscusStore store;
    private final QiscusRouter router = new QiscusRouter();

    /** Creates an emulator on a free port with a generated app id and secret key. */
    public QiscusEmulator() {
        this(0);
    }

    /**
     * Creates an emulator with a generated app id and secret key.
     *
     * @param port the port to bind, or 0 for a free one
     */
    public QiscusEmulator(int port) {
        this(port, "emulator-" + randomHex(4), randomHex(16));
    }

    /**
     * Creates an emulator with the given credentials.
     *
     * @param port the port to bind, or 0 for a free one
     * @param appId the app id clients must send
     * @param secretKey the secret key clients must send (Qiscus's are 32 hex characters)
     */
    public QiscusEmulator(int port, String appId, String secretKey) {
        super(QiscusEmulator.class, "qiscus", port);
        this.appId = requireText(appId, "appId");
        this.secretKey = requireText(secretKey, "secretKey");
        this.store = new QiscusStore(() -> clock().instant());
        new UserEndpoints(store).register(router);
        new RoomEndpoints(store).register(router);
        new ParticipantEndpoints(store).register(router);
    }

    /**
     * Starts the emulator on the port given to the constructor, then prints its base URL and
     * credentials and serves until the process is killed.
     *
     * @param args optional: the port (default 0, a free port), then an app id and a secret key
     * @throws InterruptedException if the serving thread is interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        QiscusEmulator emulator =
                args.length > 2 ? new QiscusEmulator(port, args[1], args[2]) : new QiscusEmulator(port);
        emulator.start();
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "qiscus-emulator-shutdown"));
        System.out.println("Qiscus server API v2.1 emulator listening on " + emulator.baseUrl());
        System.out.println(APP_ID_HEADER + ": " + emulator.appId());
        System.out.println(SECRET_HEADER + ": " + emulator.secretKey());
        new CountDownLatch(1).await();
    }

    /** Returns the root URL plus {@code /api/v2.1/rest}, the base an adapter appends endpoint names to. */
    @Override
    public URI baseUrl() {
        return URI.create(rootUrl() + BASE_PATH);
    }

    /** {@inheritDoc} */
    @Override
    public Map<String, String> credentials() {
        return Map.of("appId", appId(), "secret", secretKey());
    }

    // ---- test hooks --------------------------------------------------------------------------

    /** Test hook: returns the app id clients must send. */
    public String appId() {
        return appId;
    }

    /** Test hook: returns the secret key clients must send. */
    public String secretKey() {
        return secretKey;
    }

    /** Test hook: returns the two authentication headers in their documented spelling. */
    public Map<String, String> authHeaders() {
        return Map.of(APP_ID_HEADER, appId, SECRET_HEADER, secretKey);
    }

    /**
     * Test hook: creates a user directly in the model, as {@code login_or_register} would without a
     * password (a random one is generated).
     *
     * @param userId the user id; same character rule as the API
     * @param username the display name
     * @throws IllegalArgumentException if the id is invalid or already taken
     */
    public void createUser(String userId, String username) {
        if (!UserEndpoints.isValidUserId(userId)) {
            throw new IllegalArgumentException("invalid Qiscus user id: " + userId);
        }
        requireText(username, "username");
        synchronized (store) {
            if (store.user(userId).isPresent()) {
                throw new IllegalArgumentException("user already exists: " + userId);
            }
            store.createUser(userId, username);
        }
    }

    /**
     * Test hook: sets a user's realtime presence, as a Qiscus client would publish it over MQTT.
     * The server API never exposes it (there is no presence endpoint); it lets tests check that an
     * adapter does not pretend otherwise.
     *
     * @param userId an existing user id
     * @param online whether the user is connected
     * @param lastActiveAt when the user was last seen
     * @throws IllegalArgumentException if the user does not exist
     */
    @Override
    public void setPresence(String userId, boolean online, Instant lastActiveAt) {
        QiscusPresence presence = new QiscusPresence(online, lastActiveAt);
        synchronized (store) {
            existingUser(userId).presence = presence;
        }
    }

    /**
     * Test hook: returns the presence last set with {@link #setPresence}.
     *
     * @param userId an existing user id
     * @return the presence, empty when never set
     * @throws IllegalArgumentException if the user does not exist
     */
    public Optional<QiscusPresence> presence(String userId) {
        synchronized (store) {
            return Optional.ofNullable(existingUser(userId).presence);
        }
    }

    /**
     * Test hook: returns a user's current password (the "user key" client SDKs log in with).
     *
     * @param userId a user id
     * @return the password, empty when the user does not exist
     */
    public Optional<String> password(String userId) {
        synchronized (store) {
            return store.user(userId).map(user -> user.password);
        }
    }

    /**
     * Test hook: tells whether a client logging in with this password would succeed.
     *
     * @param userId a user id
     * @param candidate the password to check
     * @return true when the user exists and the password is its current one
     */
    public boolean passwordMatches(String userId, String candidate) {
        synchronized (store) {
            return store.user(userId)
                    .map(user -> MessageDigest.isEqual(bytes(user.password), bytes(candidate)))
                    .orElse(false);
        }
    }

    /**
     * Test hook: counts how often a user's password was replaced by a different one since the
     * user was created. An adapter that updates profiles must keep this at zero, or it logs the
     * user's clients out.
     *
     * @param userId an existing user id
     * @return the number of password changes
     * @throws IllegalArgumentException if the user does not exist
     */
    public int passwordChangeCount(String userId) {
        synchronized (store) {
            return existingUser(userId).passwordChanges;
        }
    }

    /**
     * Test hook: returns the user ids of a room's participants in join order.
     *
     * @param roomId a room id as the API shows it
     * @return the participants
     * @throws IllegalArgumentException if the room does not exist
     */
    public List<String> participants(String roomId) {
        synchronized (store) {
            return store.room(roomId)
                    .map(room -> List.copyOf(room.participants))
                    .orElseThrow(() -> new IllegalArgumentException("unknown room: " + roomId));
        }
    }

    // ---- VendorEmulator ----------------------------------------------------------------------

    /** Forgets every user and room and restarts the id sequences; the credentials stay. */
    @Override
    protected void resetModel() {
        synchronized (store) {
            store.clear();
        }
    }

    /**
     * Routes first and authenticates second, as Phoenix (Qiscus's backend framework) does: an
     * unknown route is a 404 whatever the credentials [INF].
     */
    @Override
    protected EmulatorResponse handle(EmulatorRequest request) {
        Optional<QiscusRouter.Endpoint> endpoint =
                endpointName(request.path()).flatMap(name -> router.find(request.method(), name));
        if (endpoint.isEmpty()) {
            return QiscusJson.error(404, "route not found", List.of(request.method() + " " + request.path()));
        }
        if (!authenticated(request)) {
            return QiscusJson.error(401, "unauthorized", List.of("invalid app id or secret key"));
        }
        synchronized (store) {
            try {
                return QiscusJson.success(endpoint.get().handle(QiscusParams.of(request)));
            } catch (QiscusApiException refusal) {
                return QiscusJson.error(refusal);
            }
        }
    }

    /** Answers 429 with {@code Retry-After} in whole seconds, rounded up, and the error envelope. */
    @Override
    protected EmulatorResponse rateLimited(int limit, Duration retryAfter, Instant resetAt) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return QiscusJson.error(429, "too many requests", List.of("rate limit of " + limit + " requests exceeded"))
                .withHeader("Retry-After", Long.toString(seconds));
    }

    private static Optional<String> endpointName(String path) {
        if (!path.startsWith(BASE_PATH + "/")) {
            return Optional.empty();
        }
        String rest = path.substring(BASE_PATH.length() + 1);
        // One trailing slash is tolerated, as by Phoenix's router; deeper paths are not routes.
        String name = rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest;
        return name.isEmpty() || name.contains("/") ? Optional.empty() : Optional.of(name);
    }

    private boolean authenticated(EmulatorRequest request) {
        Optional<String> sentAppId = request.header(APP_ID_HEADER).or(() -> request.header("QISCUS_SDK_APP_ID"));
        Optional<String> sentSecret = request.header(SECRET_HEADER).or(() -> request.header("QISCUS_SDK_SECRET"));
        return sentAppId.filter(appId::equals).isPresent()
                && sentSecret
                        .filter(secret -> MessageDigest.isEqual(bytes(secret), bytes(secretKey)))
                        .isPresent();
    }

    private QiscusUser existingUser(String userId) {
        return store.user(userId).orElseThrow(() -> new IllegalArgumentException("unknown user: " + userId));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String requireText(String value, String name) {
        if (Objects.requireNonNull(value, name).isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    private static String randomHex(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return HexFormat.of().formatHex(buffer);
    }
}
