package dev.chatdirectory.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.matching.RequestPattern;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.chatdirectory.ProviderConfig;
import dev.chatdirectory.RateLimitSettings;
import dev.chatdirectory.RetrySettings;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a contract run gives the directory under test: the URL of the kit's recording proxy, the
 * backend's credentials, a ready {@link ProviderConfig} and the count of requests the proxy saw.
 *
 * <p>The kit starts one WireMock server per test class on a free loopback port. With an upstream
 * (see {@link ContractBackend#upstream()}) it forwards every request there; without one it answers
 * 502. Either way it records every request, which is how the suite proves that validation and
 * capability checks send nothing. Fault-injection stubs registered on {@link #wireMock()} with a
 * priority number below {@link #PROXY_PRIORITY} win over the proxy.
 *
 * <p>Thread-safe; the request counts are meaningful while tests of one class run one at a time,
 * which the suite enforces.
 */
public final class ContractEnvironment {

    /** Priority of the catch-all proxy stub; lower numbers win. */
    public static final int PROXY_PRIORITY = 100;

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(20);
    private static final RetrySettings FAST_RETRIES =
            new RetrySettings(3, Duration.ofMillis(10), Duration.ofMillis(100), Duration.ofSeconds(2));

    private final ContractBackend backend;
    private final WireMockServer server;
    private final AnswerLoss answerLoss;
    private final URI baseUrl;
    private final ProviderConfig config;

    private ContractEnvironment(
            ContractBackend backend, WireMockServer server, AnswerLoss answerLoss, URI baseUrl, ProviderConfig config) {
        this.backend = backend;
        this.server = server;
        this.answerLoss = answerLoss;
        this.baseUrl = baseUrl;
        this.config = config;
    }

    private ContractEnvironment(ContractBackend backend, WireMockServer server, AnswerLoss answerLoss) {
        this.backend = backend;
        this.server = server;
        this.answerLoss = answerLoss;
        String root = "http://127.0.0.1:" + server.port();
        this.baseUrl = URI.create(root + backend.upstream().map(URI::getRawPath).orElse(""));
        ProviderConfig.Builder builder = ProviderConfig.builder()
                .endpoint(baseUrl)
                .connectTimeout(CONNECT_TIMEOUT)
                .readTimeout(READ_TIMEOUT)
                .callTimeout(CALL_TIMEOUT)
                .retry(FAST_RETRIES)
                .rateLimit(RateLimitSettings.unlimited());
        backend.credentials().forEach(builder::credential);
        this.config = builder.build();
    }

    /**
     * Starts the recording proxy for a backend.
     *
     * @param backend where to forward requests
     * @return the running environment; {@link #close()} it after the test class
     */
    static ContractEnvironment start(ContractBackend backend) {
        AnswerLoss answerLoss = new AnswerLoss();
        WireMockServer server = new WireMockServer(options()
                .dynamicPort()
                .bindAddress("127.0.0.1")
                .notifier(new Slf4jNotifier(false))
                .proxyTimeout((int) READ_TIMEOUT.toMillis() * 2)
                .containerThreads(12)
                .extensions(answerLoss));
        server.start();
        Optional<URI> upstream = backend.upstream();
        if (upstream.isPresent()) {
            URI u = upstream.get();
            server.stubFor(any(anyUrl())
                    .atPriority(PROXY_PRIORITY)
                    .willReturn(aResponse().proxiedFrom(u.getScheme() + "://" + u.getRawAuthority())));
        } else {
            server.stubFor(any(anyUrl())
                    .atPriority(PROXY_PRIORITY)
                    .willReturn(aResponse()
                            .withStatus(502)
                            .withHeader("Content-Type", "text/plain; charset=utf-8")
                            .withBody("ChatDirectory contract kit: this backend has no upstream server")));
        }
        return new ContractEnvironment(backend, server, answerLoss);
    }

    /** {@return the URL the directory must send its requests to: the proxy, plus the upstream's path} */
    public URI baseUrl() {
        return baseUrl;
    }

    /** {@return the credentials of the backend, as provider properties} */
    public Map<String, String> credentials() {
        return backend.credentials();
    }

    /** {@return the backend's presence hook, if it has one} */
    public Optional<PresenceControl> presenceControl() {
        return backend.presenceControl();
    }

    /** {@return whether requests reach a real (emulated) vendor server} */
    public boolean hasUpstream() {
        return backend.upstream().isPresent();
    }

    /**
     * Returns a configuration for the directory under test: endpoint = {@link #baseUrl()}, the
     * backend's credentials, short timeouts (connect 2 s, read 5 s, call 20 s), fast retries (3
     * attempts, 10 to 100 ms backoff) and no client-side rate limit. No provider id is set; add
     * one with {@code config().toBuilder().provider(id)} for discovery.
     *
     * @return the configuration
     */
    public ProviderConfig config() {
        return config;
    }

    /**
     * Returns this environment with another configuration (same proxy and backend), e.g. with a
     * shorter call deadline for a resilience test.
     *
     * @param changed the configuration to hand to {@link ChatDirectoryContract#createDirectory}
     * @return the derived environment
     */
    ContractEnvironment withConfig(ProviderConfig changed) {
        return new ContractEnvironment(backend, server, answerLoss, baseUrl, changed);
    }

    /** {@return the upstream the proxy forwards to, if there is one} */
    Optional<URI> upstream() {
        return backend.upstream();
    }

    /**
     * Makes the proxy lose its answer to the {@code nth} request from now, after forwarding the
     * request to the upstream and receiving the upstream's answer: the vendor has processed the
     * request, and the adapter never learns how. Other answers pass.
     *
     * @param nth which request, counting from 1
     * @param how how the answer is lost
     */
    void loseAnswer(int nth, LostAnswer how) {
        answerLoss.lose(nth, how);
    }

    /** {@return whether the answer planned with {@link #loseAnswer} has been lost} */
    boolean answerLost() {
        return answerLoss.struck();
    }

    /** Stops losing answers. */
    void keepAnswers() {
        answerLoss.cancel();
    }

    /** {@return how many requests the proxy has seen since the current test started} */
    public int requestCount() {
        return server.countRequestsMatching(RequestPattern.everything()).getCount();
    }

    /** {@return the requests the proxy has seen since the current test started, oldest first, as "METHOD url"} */
    public List<String> requests() {
        // WireMock lists the newest first.
        List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
        Collections.reverse(events);
        return events.stream()
                .map(e -> e.getRequest().getMethod() + " " + e.getRequest().getUrl())
                .toList();
    }

    /**
     * Returns the WireMock server behind the proxy, for adapter-specific fault injection and request
     * inspection; the kit resets its request journal before every test.
     *
     * @return the server
     */
    public WireMockServer wireMock() {
        return server;
    }

    /** Forgets the requests seen so far; called before every test. */
    void resetRequests() {
        server.resetRequests();
    }

    /** Stops the proxy and closes the backend's resources; called after the test class. */
    void close() {
        RuntimeException failure = null;
        try {
            server.stop();
        } catch (RuntimeException e) {
            failure = e;
        }
        for (AutoCloseable resource : backend.resources()) {
            try {
                resource.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("closing backend resource " + resource + " failed", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Describes the environment; credential values are never shown. */
    @Override
    public String toString() {
        return "ContractEnvironment[baseUrl=" + baseUrl + ", backend=" + backend + "]";
    }
}
