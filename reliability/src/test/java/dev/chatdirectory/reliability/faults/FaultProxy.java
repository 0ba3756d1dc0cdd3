package dev.chatdirectory.reliability.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.matching.RequestPattern;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * A recording proxy in front of one vendor emulator, where the fault matrix injects its faults.
 *
 * <p>A fault "before" the vendor is a WireMock stub that wins over the proxy stub, so the request
 * never reaches the emulator. A fault "after" the vendor lets the request through, the emulator
 * applies it, and a response transformer spoils the answer on its way back: that is the only place
 * a lost answer can be made, since a WireMock proxy turns a connection fault of its upstream into a
 * 500 of its own. A second server stands for "another host" that redirects point to.
 *
 * <p>Thread-safe; one fault at a time.
 */
final class FaultProxy implements AutoCloseable {

    private static final int PROXY_PRIORITY = 100;
    private static final int FAULT_PRIORITY = 1;

    private final WireMockServer server;
    private final WireMockServer otherHost;
    private final AnswerSpoiler spoiler = new AnswerSpoiler();
    private final URI vendorBaseUrl;
    private final WireMockServer vendor;
    private final List<StubMapping> stubs = new ArrayList<>();

    /**
     * Starts the proxy in front of an emulator.
     *
     * @param vendorBaseUrl the emulator's base URL (its path is kept)
     * @param vendor the emulator's WireMock server, whose journal tells which requests reached it
     */
    FaultProxy(URI vendorBaseUrl, WireMockServer vendor) {
        this.vendorBaseUrl = vendorBaseUrl;
        this.vendor = vendor;
        this.server = new WireMockServer(options()
                .dynamicPort()
                .bindAddress("127.0.0.1")
                .notifier(new Slf4jNotifier(false))
                // Slow and endless answers hold a thread each until they end.
                .containerThreads(48)
                .extensions(spoiler));
        server.start();
        server.stubFor(any(anyUrl())
                .atPriority(PROXY_PRIORITY)
                .willReturn(
                        aResponse().proxiedFrom(vendorBaseUrl.getScheme() + "://" + vendorBaseUrl.getRawAuthority())));
        this.otherHost = new WireMockServer(
                options().dynamicPort().bindAddress("127.0.0.1").notifier(new Slf4jNotifier(false)));
        otherHost.start();
    }

    /** {@return the URL a directory must use: the proxy plus the emulator's base path} */
    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.port() + vendorBaseUrl.getRawPath());
    }

    /** {@return the root of the other host, named by host name rather than address} */
    URI otherHostRoot() {
        return URI.create("http://localhost:" + otherHost.port());
    }

    /** {@return how many requests the proxy has seen} */
    int requestCount() {
        return server.countRequestsMatching(RequestPattern.everything()).getCount();
    }

    /** {@return how many requests reached the emulator} */
    int vendorRequestCount() {
        return vendor.countRequestsMatching(RequestPattern.everything()).getCount();
    }

    /** {@return how many requests the other host has seen} */
    int otherHostRequestCount() {
        return otherHost.countRequestsMatching(RequestPattern.everything()).getCount();
    }

    /** {@return the requests the proxy saw from index {@code from} on, oldest first, as "METHOD path"} */
    List<SentRequest> requestsSince(int from) {
        List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
        // WireMock lists the newest first.
        Collections.reverse(events);
        return events.subList(from, events.size()).stream()
                .map(e -> new SentRequest(
                        e.getRequest().getMethod().getName(), e.getRequest().getUrl()))
                .toList();
    }

    /**
     * Answers the first request matching the method and path with the response, before it reaches
     * the vendor; later requests pass.
     */
    void failOnceBefore(String method, Pattern path, ResponseDefinitionBuilder response) {
        String scenario = "fault-" + stubs.size() + "-" + System.nanoTime();
        stubs.add(server.stubFor(request(method, urlPathMatching(path.pattern()))
                .atPriority(FAULT_PRIORITY)
                .inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(response)
                .willSetStateTo("struck")));
    }

    /**
     * Lets the first request matching the method and path reach the vendor and replaces its answer;
     * with {@code thenEveryAnswer}, every later answer is replaced too (by that function).
     */
    void spoilOnceAfter(
            String method, Pattern path, UnaryOperator<Response> spoil, UnaryOperator<Response> thenEveryAnswer) {
        spoiler.plan.set(new Plan(method, path, spoil, thenEveryAnswer, new AtomicBoolean()));
    }

    /** {@return whether the planned fault struck} */
    boolean struck() {
        Plan plan = spoiler.plan.get();
        if (plan != null) {
            return plan.struck.get();
        }
        return server.getAllScenarios().getScenarios().stream()
                .anyMatch(s -> s.getState().equals("struck"));
    }

    /** Removes every fault. */
    void clearFaults() {
        spoiler.plan.set(null);
        stubs.forEach(server::removeStub);
        stubs.clear();
        server.resetScenarios();
    }

    @Override
    public void close() {
        server.stop();
        otherHost.stop();
    }

    /** One request as the proxy saw it. */
    record SentRequest(String method, String url) {

        String path() {
            int query = url.indexOf('?');
            return query < 0 ? url : url.substring(0, query);
        }

        @Override
        public String toString() {
            return method + " " + url;
        }
    }

    private record Plan(
            String method,
            Pattern path,
            UnaryOperator<Response> spoil,
            UnaryOperator<Response> thenEveryAnswer,
            AtomicBoolean struck) {}

    private static final class AnswerSpoiler implements ResponseTransformerV2 {

        private final AtomicReference<Plan> plan = new AtomicReference<>();

        @Override
        public Response transform(Response response, ServeEvent serveEvent) {
            Plan current = plan.get();
            if (current == null) {
                return response;
            }
            if (current.struck.get()) {
                return current.thenEveryAnswer == null ? response : current.thenEveryAnswer.apply(response);
            }
            SentRequest sent = new SentRequest(
                    serveEvent.getRequest().getMethod().getName(),
                    serveEvent.getRequest().getUrl());
            if (sent.method().equals(current.method)
                    && current.path.matcher(sent.path()).matches()
                    && current.struck.compareAndSet(false, true)) {
                return current.spoil.apply(response);
            }
            return response;
        }

        @Override
        public boolean applyGlobally() {
            return true;
        }

        @Override
        public String getName() {
            return "fault-matrix-answer-spoiler";
        }
    }
}
