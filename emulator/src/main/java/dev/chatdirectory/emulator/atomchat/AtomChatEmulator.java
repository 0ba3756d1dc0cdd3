package dev.chatdirectory.emulator.atomchat;

import dev.chatdirectory.emulator.EmulatorRequest;
import dev.chatdirectory.emulator.EmulatorResponse;
import dev.chatdirectory.emulator.VendorEmulator;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;

/**
 * Emulator of the AtomChat (ex "CometChat on demand") Users/Groups REST API v2.
 *
 * <p>Every endpoint is {@code POST /api/v2/<camelCaseName>} with form fields (URL-encoded or
 * multipart) and an {@code api-key} header or form field. Replies are HTTP 200 with one top-level
 * {@code success} or {@code failed} object, business failures included; see the package
 * documentation for the endpoints served and the choices made where the vendor's behaviour is
 * unknown.
 *
 * <pre>{@code
 * try (AtomChatEmulator atomChat = new AtomChatEmulator().start()) {
 *     URI endpoint = atomChat.baseUrl();   // http://127.0.0.1:<port>/api/v2
 *     String apiKey = atomChat.apiKey();   // send as header "api-key"
 * }
 * }</pre>
 */
public final class AtomChatEmulator extends VendorEmulator<AtomChatEmulator> {

    /** Path prefix of every v2 endpoint. */
    public static final String BASE_PATH = "/api/v2";

    private static final Pattern KEY_SHAPE = Pattern.compile("([0-9]+)x[0-9a-f]{32}");
    private static final String API_KEY_FIELD = "api-key";

    private final String apiKey;
    private final AtomChatDirectory directory = new AtomChatDirectory();
    private final Map<String, Endpoint> endpoints;
    private volatile ListUsersPaging paging = ListUsersPaging.ROW_OFFSET;

    /** Creates an emulator on a free port with a generated API key. */
    public AtomChatEmulator() {
        this(0);
    }

    /**
     * Creates an emulator with a generated API key.
     *
     * @param port the port to bind, or 0 for a free one
     */
    public AtomChatEmulator(int port) {
        this(port, generateApiKey());
    }

    /**
     * Creates an emulator that accepts one API key.
     *
     * @param port the port to bind, or 0 for a free one
     * @param apiKey the key in the vendor's shape {@code <appId>x<32 lowercase hex>}
     * @throws IllegalArgumentException if the key does not have the vendor's shape
     */
    public AtomChatEmulator(int port, String apiKey) {
        super(AtomChatEmulator.class, "atomchat", port);
        Objects.requireNonNull(apiKey, "apiKey");
        if (!KEY_SHAPE.matcher(apiKey).matches()) {
            throw new IllegalArgumentException("an AtomChat API key looks like <appId>x<32 lowercase hex digits>");
        }
        this.apiKey = apiKey;
        Map<String, Endpoint> routes = new HashMap<>();
        new UserEndpoints(directory, () -> paging).registerOn(routes);
        new GroupEndpoints(directory).registerOn(routes);
        new MembershipEndpoints(directory).registerOn(routes);
        this.endpoints = Map.copyOf(routes);
    }

    /** Returns {@code http://127.0.0.1:<port>/api/v2}; endpoint names are appended after a slash. */
    @Override
    public URI baseUrl() {
        return URI.create(rootUrl() + BASE_PATH);
    }

    /** {@inheritDoc} */
    @Override
    public Map<String, String> credentials() {
        return Map.of("apiKey", apiKey());
    }

    /**
     * Test hook: returns the only API key the emulator accepts.
     *
     * @return the key, sent as header {@code api-key}
     */
    public String apiKey() {
        return apiKey;
    }

    /**
     * Test hook: returns the app id, the part of the API key before the {@code x}.
     *
     * @return the app id
     */
    public String appId() {
        return apiKey.substring(0, apiKey.indexOf('x'));
    }

    /**
     * Test hook: sets a user's presence status and last activity, as the chat widget would.
     *
     * @param uid an existing user's UID
     * @param status the stored status
     * @param lastActivity the last activity, reported in Unix seconds
     * @throws IllegalArgumentException if no such user exists
     */
    public void setPresence(String uid, AtomChatPresence status, Instant lastActivity) {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(lastActivity, "lastActivity");
        synchronized (directory) {
            existingUser(uid).setPresence(status, lastActivity.getEpochSecond());
        }
    }

    /**
     * Sets a user's presence: {@link AtomChatPresence#AVAILABLE} when online, {@link
     * AtomChatPresence#OFFLINE} otherwise; {@link #setPresence(String, AtomChatPresence, Instant)}
     * sets AtomChat's other statuses.
     *
     * @param uid an existing user's UID
     * @param online whether the user is connected
     * @param lastActiveAt the last activity, reported in Unix seconds
     * @throws IllegalArgumentException if no such user exists
     */
    @Override
    public void setPresence(String uid, boolean online, Instant lastActiveAt) {
        setPresence(uid, online ? AtomChatPresence.AVAILABLE : AtomChatPresence.OFFLINE, lastActiveAt);
    }

    /**
     * Test hook: sets a user's presence status with the emulator clock's current time as last activity.
     *
     * @param uid an existing user's UID
     * @param status the stored status
     * @throws IllegalArgumentException if no such user exists
     */
    public void setPresence(String uid, AtomChatPresence status) {
        setPresence(uid, status, clock().instant());
    }

    /**
     * Test hook: returns the email stored for a user. The vendor keeps it but no read endpoint
     * returns it, so this is the only way to check that an adapter sent it.
     *
     * @param uid a UID
     * @return the stored email (empty string when none was sent), or empty when no such user exists
     */
    public Optional<String> storedEmail(String uid) {
        synchronized (directory) {
            return directory.user(uid).map(UserRecord::email);
        }
    }

    /**
     * Test hook: chooses how listUsers reads {@code offset} and {@code limit}; the default is {@link
     * ListUsersPaging#ROW_OFFSET}. {@link #reset()} keeps the choice.
     *
     * @param paging the behaviour to emulate
     */
    public void useListUsersPaging(ListUsersPaging paging) {
        this.paging = Objects.requireNonNull(paging, "paging");
    }

    @Override
    protected void resetModel() {
        synchronized (directory) {
            directory.clear();
        }
    }

    /**
     * Routes one request: unknown paths and methods get a 404 (our choice), then the API key is
     * checked, then the endpoint answers.
     */
    @Override
    protected EmulatorResponse handle(EmulatorRequest request) {
        List<String> segments = request.segmentsAfter(BASE_PATH + "/");
        Endpoint endpoint =
                segments.size() == 1 && request.method().equals("POST") ? endpoints.get(segments.get(0)) : null;
        if (endpoint == null) {
            return Replies.unknownEndpoint(request.method(), request.path());
        }
        if (!authorised(request)) {
            return Replies.failed(Replies.STATUS_INVALID_KEY, "Invalid API KEY");
        }
        synchronized (directory) {
            return endpoint.handle(new FormFields(request));
        }
    }

    @Override
    protected EmulatorResponse rateLimited(int limit, Duration retryAfter, Instant resetAt) {
        return Replies.rateLimited(retryAfter);
    }

    /**
     * Starts an emulator from the command line and blocks until the process is killed.
     *
     * @param args optional port (default 0, a free port) and optional API key (default generated)
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        AtomChatEmulator emulator = args.length > 1 ? new AtomChatEmulator(port, args[1]) : new AtomChatEmulator(port);
        emulator.start();
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "atomchat-emulator-shutdown"));
        System.out.println("AtomChat v2 emulator listening on " + emulator.baseUrl());
        System.out.println("Send the header api-key: " + emulator.apiKey());
        new CountDownLatch(1).await();
    }

    /** Accepts the key from the header (any case) or, like the vendor's $_REQUEST lookup, a parameter. */
    private boolean authorised(EmulatorRequest request) {
        String sent = request.header(API_KEY_FIELD)
                .or(() -> request.formField(API_KEY_FIELD))
                .or(() -> request.queryParam(API_KEY_FIELD))
                .orElse("");
        return apiKey.equals(sent.trim());
    }

    private UserRecord existingUser(String uid) {
        return directory.user(uid).orElseThrow(() -> new IllegalArgumentException("no user with UID " + uid));
    }

    private static String generateApiKey() {
        SecureRandom random = new SecureRandom();
        byte[] secret = new byte[16];
        random.nextBytes(secret);
        return (10_000 + random.nextInt(90_000)) + "x" + HexFormat.of().formatHex(secret);
    }
}
