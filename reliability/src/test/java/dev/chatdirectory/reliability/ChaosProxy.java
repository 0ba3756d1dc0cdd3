package dev.chatdirectory.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A fault-injecting HTTP proxy in front of a vendor emulator: forwards every request, and for the
 * calls its {@link ChaosFaults} picks, fails them before forwarding (reset, 500, 503, 429) or after
 * the emulator applied them (reset, an answer slower than the client's read timeout). It also
 * carries the crash point: at the chosen write it kills the migrating process, before or after
 * forwarding that write.
 *
 * <p>A proxy, not stubs on the emulator, because a fault after the vendor applied the request needs
 * the request to reach the vendor first.
 */
final class ChaosProxy implements AutoCloseable {

    /** Delay of a {@link ChaosFaults.Kind#SLOW} answer, within {@link #READ_TIMEOUT}. */
    static final Duration SLOW = Duration.ofMillis(150);

    /** The read timeout the migrating clients are configured with. */
    static final Duration READ_TIMEOUT = Duration.ofMillis(1_000);

    /** Delay of a {@link ChaosFaults.Kind#TIMEOUT_AFTER} answer, beyond {@link #READ_TIMEOUT}. */
    static final Duration TIMEOUT = Duration.ofMillis(1_300);

    private static final Set<String> HOP_BY_HOP = Set.of(
            "host",
            "content-length",
            "connection",
            "expect",
            "upgrade",
            "transfer-encoding",
            "accept-encoding",
            "content-encoding",
            "keep-alive");

    private final WireMockServer server;

    ChaosProxy(URI upstream, ChaosFaults faults, ChaosCrash crash) {
        Forwarder forwarder = new Forwarder(upstream, faults, crash);
        this.server = new WireMockServer(
                options().dynamicPort().bindAddress("127.0.0.1").extensions(forwarder));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(Forwarder.NAME)));
    }

    /** {@return the proxy's URL for an emulator URL: same path, the proxy's port} */
    URI in(URI emulatorUrl) {
        return URI.create("http://127.0.0.1:" + server.port() + emulatorUrl.getRawPath());
    }

    @Override
    public void close() {
        server.stop();
    }

    private static final class Forwarder implements ResponseDefinitionTransformerV2 {
        static final String NAME = "chaos-forwarder";

        private final URI upstream;
        private final ChaosFaults faults;
        private final ChaosCrash crash;
        private final HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();

        Forwarder(URI upstream, ChaosFaults faults, ChaosCrash crash) {
            this.upstream = upstream;
            this.faults = faults;
            this.crash = crash;
        }

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            Request request = event.getRequest();
            String method = request.getMethod().getName();
            String call = method + " " + request.getUrl() + " " + new String(request.getBody(), StandardCharsets.UTF_8);
            boolean write = !method.equals("GET");
            if (write && crash.isCrashWrite(method + " " + request.getUrl())) {
                if (crash.afterApplied()) {
                    forward(request);
                }
                crash.fire();
                return reset();
            }
            Optional<ChaosFaults.Kind> fault = faults.decide(call);
            if (fault.isEmpty()) {
                return forward(request).build();
            }
            return switch (fault.get()) {
                case RESET_BEFORE -> reset();
                case RESET_AFTER -> {
                    forward(request);
                    yield reset();
                }
                case HTTP_500 -> error(500).build();
                case HTTP_503 -> error(503).build();
                case HTTP_429 -> error(429).withHeader("Retry-After", "1").build();
                case SLOW ->
                    forward(request).withFixedDelay((int) SLOW.toMillis()).build();
                case TIMEOUT_AFTER ->
                    forward(request).withFixedDelay((int) TIMEOUT.toMillis()).build();
            };
        }

        private static ResponseDefinition reset() {
            return aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
        }

        private static ResponseDefinitionBuilder error(int status) {
            return aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":{\"message\":\"injected " + status + "\"}}");
        }

        private ResponseDefinitionBuilder forward(Request request) {
            HttpRequest.Builder out = HttpRequest.newBuilder(URI.create(upstream.toString() + request.getUrl()))
                    .timeout(Duration.ofSeconds(30));
            for (HttpHeader h : request.getHeaders().all()) {
                if (!HOP_BY_HOP.contains(h.key().toLowerCase(Locale.ROOT))) {
                    h.values().forEach(v -> out.header(h.key(), v));
                }
            }
            byte[] body = request.getBody();
            out.method(
                    request.getMethod().getName(),
                    body == null || body.length == 0
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            HttpResponse<byte[]> answer;
            try {
                answer = client.send(out.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            List<HttpHeader> headers = new ArrayList<>();
            answer.headers().map().forEach((name, values) -> {
                if (!name.startsWith(":") && !HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                    headers.add(new HttpHeader(name, values));
                }
            });
            return aResponse()
                    .withStatus(answer.statusCode())
                    .withHeaders(new HttpHeaders(headers))
                    .withBody(answer.body());
        }
    }
}
