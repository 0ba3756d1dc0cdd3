package dev.chatdirectory.emulator.cometchat;

import dev.chatdirectory.emulator.EmulatorRequest;
import dev.chatdirectory.emulator.EmulatorResponse;
import dev.chatdirectory.emulator.VendorEmulator;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;

/**
 * Emulator of the CometChat REST API v3 for users, presence, groups, group members and bans.
 *
 * <p>Clients use {@link #baseUrl()} ({@code http://127.0.0.1:<port>/v3}) in place of
 * {@code https://{appId}.api-{region}.cometchat.io/v3}; the host is not checked, so the app id is
 * informational. Every call needs the {@code apikey} header with {@link #apiKey()} (a fullAccess
 * key); keys registered with {@link #addAuthOnlyKey()} may only create users.
 *
 * <p>Behaviour follows the project's CometChat v3 reference: lower-cased UIDs and GUIDs,
 * Laravel-style validation details, {@code ERR_*} codes and statuses, soft and permanent user
 * deletion, bucketed bulk (de)activation, newest-first lists with {@code meta.pagination} and a
 * cursor, and per-UID results when adding members. Presence is not settable over REST; tests drive
 * it with {@link #setPresence(String, boolean, Instant)}.
 *
 * <p>With {@link #simulateRateLimit(int, Duration)}, every answer carries {@code X-Rate-Limit} and
 * {@code X-Rate-Limit-Remaining}, and requests over the limit get 429 {@code ERR_TOO_MANY_REQUESTS}
 * with {@code Retry-After} (seconds) and {@code X-Rate-Limit-Reset} (epoch seconds), the header
 * names of CometChat's rate-limit page.
 */
public final class CometChatEmulator extends VendorEmulator<CometChatEmulator> {

    private final String appId;
    private final String apiKey;
    private final ApiKeys keys = new ApiKeys();
    private final AuthTokens tokens = new AuthTokens();
    /** Guards the app against test hooks running while a request is served. */
    private final Object modelLock = new Object();

    private CometChatApp app;

    /** Creates an emulator on a free port with a generated app id and fullAccess API key. */
    public CometChatEmulator() {
        this(0, ApiKeys.randomHex(16), ApiKeys.randomHex(32));
    }

    /**
     * Creates an emulator on the given port with a generated app id and fullAccess API key.
     *
     * @param port the port to listen on, 0 for a free one
     */
    public CometChatEmulator(int port) {
        this(port, ApiKeys.randomHex(16), ApiKeys.randomHex(32));
    }

    /**
     * Creates an emulator with chosen coordinates.
     *
     * @param port the port to listen on, 0 for a free one
     * @param appId the app id to report (CometChat puts it in the host name; not checked)
     * @param apiKey the fullAccess REST API key clients must send in the {@code apikey} header
     */
    public CometChatEmulator(int port, String appId, String apiKey) {
        super(CometChatEmulator.class, "cometchat", port);
        this.appId = Objects.requireNonNull(appId, "appId");
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        if (apiKey.isBlank()) {
            throw new IllegalArgumentException("apiKey must not be blank");
        }
        keys.addFullAccess(apiKey);
        this.app = new CometChatApp(keys, tokens, clock().instant().getEpochSecond());
    }

    /** Returns the root URL plus CometChat's base path {@code /v3}. */
    @Override
    public URI baseUrl() {
        return URI.create(rootUrl() + CometChatRouter.BASE_PATH);
    }

    /** {@inheritDoc} */
    @Override
    public Map<String, String> credentials() {
        return Map.of("appId", appId(), "apiKey", apiKey());
    }

    /** Test hook: returns the app id the emulator reports. */
    public String appId() {
        return appId;
    }

    /** Test hook: returns the valid fullAccess REST API key. */
    public String apiKey() {
        return apiKey;
    }

    /**
     * Test hook: registers a new authOnly key ("Auth Key"), which may create users and gets 403
     * {@code AUTH_ERR_NO_ACCESS} on every other endpoint.
     *
     * @return the generated 32-character key
     */
    public String addAuthOnlyKey() {
        String key = ApiKeys.randomHex(32);
        keys.addAuthOnly(key);
        return key;
    }

    /**
     * Test hook: makes every create answer carry the new user's {@code authToken}, as it does when
     * the request asks with {@code withAuthToken: true}, so a test can prove that a client keeps no
     * token, asked for or not, in what it returns or logs. Survives {@link #reset()}.
     */
    public void issueAuthTokensUnasked() {
        tokens.issueUnasked();
    }

    /**
     * Test hook: every {@code authToken} the emulator has handed out, across resets, so a leak test
     * can search for them.
     *
     * @return the tokens, oldest first
     */
    public List<String> issuedAuthTokens() {
        return tokens.issued();
    }

    /**
     * Test hook: defines a role, as done in the CometChat dashboard. Users may only be given
     * existing roles; every app has the role {@code default}.
     *
     * @param role the role name
     */
    public void defineRole(String role) {
        Objects.requireNonNull(role, "role");
        synchronized (modelLock) {
            app.store().defineRole(role);
        }
    }

    /**
     * Sets a user's presence, which CometChat otherwise derives from SDK connections: online
     * reports {@code status: "available"}, offline {@code status: "offline"}; both report {@code
     * lastActiveAt}.
     *
     * @param uid the user's UID (case-insensitive)
     * @param online whether the user is connected
     * @param lastActiveAt the last activity; reported in whole epoch seconds
     * @throws IllegalArgumentException if there is no such user
     */
    @Override
    public void setPresence(String uid, boolean online, Instant lastActiveAt) {
        Objects.requireNonNull(lastActiveAt, "lastActiveAt");
        synchronized (modelLock) {
            UserRecord user = existingUser(uid);
            user.online = online;
            user.lastActiveAt = lastActiveAt.getEpochSecond();
        }
    }

    private UserRecord existingUser(String uid) {
        String id = Objects.requireNonNull(uid, "uid").toLowerCase(Locale.ROOT);
        return app.store().findUser(id).orElseThrow(() -> new IllegalArgumentException("no user " + id));
    }

    /** Replaces the app with an empty one; API keys and registered authOnly keys are kept. */
    @Override
    protected void resetModel() {
        synchronized (modelLock) {
            app = new CometChatApp(keys, tokens, clock().instant().getEpochSecond());
        }
    }

    /** Routes the request to the CometChat endpoint it names, at the current second of {@link #clock()}. */
    @Override
    protected EmulatorResponse handle(EmulatorRequest request) {
        synchronized (modelLock) {
            return app.dispatch(request, clock().instant().getEpochSecond());
        }
    }

    /**
     * Answers 429 {@code ERR_TOO_MANY_REQUESTS} with {@code Retry-After} in whole seconds (rounded
     * up, at least 1) and {@code X-Rate-Limit-Reset} as epoch seconds (rounded up), plus the
     * per-response limit headers.
     */
    @Override
    protected EmulatorResponse rateLimited(int limit, Duration retryAfter, Instant resetAt) {
        long retrySeconds = Math.max(1, retryAfter.plusNanos(999_999_999L).getSeconds());
        long resetEpoch = resetAt.getEpochSecond() + (resetAt.getNano() > 0 ? 1 : 0);
        EmulatorResponse response = Errors.tooManyRequests()
                .toResponse()
                .withHeader("Retry-After", Long.toString(retrySeconds))
                .withHeader("X-Rate-Limit-Reset", Long.toString(resetEpoch));
        for (Map.Entry<String, String> header : rateLimitHeaders(limit, 0).entrySet()) {
            response = response.withHeader(header.getKey(), header.getValue());
        }
        return response;
    }

    /** Returns {@code X-Rate-Limit} and {@code X-Rate-Limit-Remaining}, the older documented names [C]. */
    @Override
    protected Map<String, String> rateLimitHeaders(int limit, int remaining) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Rate-Limit", Integer.toString(limit));
        headers.put("X-Rate-Limit-Remaining", Integer.toString(remaining));
        return headers;
    }

    /**
     * Runs the emulator standalone until the process is killed.
     *
     * @param args optional: port (default 0 = free port), app id, fullAccess API key
     * @throws InterruptedException if interrupted while serving
     */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        String appId = args.length > 1 ? args[1] : ApiKeys.randomHex(16);
        String apiKey = args.length > 2 ? args[2] : ApiKeys.randomHex(32);
        CometChatEmulator emulator = new CometChatEmulator(port, appId, apiKey);
        emulator.start();
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "cometchat-emulator-shutdown"));
        System.out.println("CometChat v3 emulator listening on " + emulator.baseUrl());
        System.out.println("appId:  " + emulator.appId());
        System.out.println("apikey: " + emulator.apiKey() + "  (send as the 'apikey' header; fullAccess scope)");
        new CountDownLatch(1).await();
    }
}
