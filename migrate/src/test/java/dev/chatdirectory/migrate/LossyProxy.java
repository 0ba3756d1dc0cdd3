package dev.chatdirectory.migrate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * A WireMock proxy in front of an emulator that loses the answer to one chosen write after the
 * emulator applied it: the request is forwarded and processed, and the adapter gets a connection
 * reset instead of the answer. It works like the contract kit's answer loss, which has to sit in a
 * proxy because a fault injected in the emulator itself would stop the request before the model.
 *
 * <p>Thread-safe.
 */
final class LossyProxy implements AutoCloseable {

    private final WireMockServer server;
    private final Loss loss;

    private LossyProxy(WireMockServer server, Loss loss) {
        this.server = server;
        this.loss = loss;
    }

    /** Starts a proxy forwarding every request to the root URL of an emulator. */
    static LossyProxy start(URI upstreamRoot) {
        Loss loss = new Loss();
        WireMockServer server = new WireMockServer(options()
                .dynamicPort()
                .bindAddress("127.0.0.1")
                .notifier(new Slf4jNotifier(false))
                .extensions(loss));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom(upstreamRoot.toString())));
        return new LossyProxy(server, loss);
    }

    /** {@return the proxy's URL for an emulator URL (same path)} */
    URI url(URI emulatorUrl) {
        return URI.create("http://127.0.0.1:" + server.port() + emulatorUrl.getRawPath());
    }

    /**
     * Resets the connection instead of answering the {@code nth} request from now (counting from
     * 1) among those the filter accepts, after the upstream processed it.
     *
     * @param nth which matching request
     * @param writes accepts "METHOD path" of the requests counted
     */
    void loseAnswer(int nth, Predicate<String> writes) {
        loss.plan.set(new Plan(nth, writes, new AtomicInteger()));
    }

    /** {@return the request whose answer was lost, as "METHOD path", if it came} */
    java.util.Optional<String> lost() {
        return java.util.Optional.ofNullable(loss.struck.get());
    }

    @Override
    public void close() {
        server.stop();
    }

    private record Plan(int nth, Predicate<String> writes, AtomicInteger seen) {}

    private static final class Loss implements ResponseTransformerV2 {
        private final AtomicReference<Plan> plan = new AtomicReference<>();
        private final AtomicReference<String> struck = new AtomicReference<>();

        @Override
        public Response transform(Response response, ServeEvent serveEvent) {
            Plan current = plan.get();
            String request = serveEvent.getRequest().getMethod().getName() + " "
                    + URI.create(serveEvent.getRequest().getUrl()).getPath();
            if (current == null
                    || !current.writes().test(request)
                    || current.seen().incrementAndGet() != current.nth()) {
                return response;
            }
            struck.set(request);
            return Response.Builder.like(response)
                    .but()
                    .fault(Fault.CONNECTION_RESET_BY_PEER)
                    .build();
        }

        @Override
        public boolean applyGlobally() {
            return true;
        }

        @Override
        public String getName() {
            return "migration-answer-loss";
        }
    }
}
