package dev.chatdirectory.testkit.fuzz;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.ChatDirectoryException;
import dev.chatdirectory.ProviderProtocolException;
import dev.chatdirectory.testkit.ReliabilitySection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Feeds an adapter's decoding with mutated realistic vendor bodies ({@link JsonMutator}) served
 * by WireMock, for each operation the subclass lists, and checks that each call ends in a result
 * or a typed {@link ChatDirectoryException}: never a {@code NullPointerException}, {@code
 * ClassCastException}, {@code StackOverflowError} or other untyped failure, never a hang (each
 * call must end within {@link #CALL_LIMIT}), and a body above the size cap ({@link #SIZE_CAP}) is
 * refused with {@link ProviderProtocolException}.
 *
 * <p>Subclass it in the adapter's test sources and implement the hooks. One dynamic test per
 * operation and kind of mutation, each over {@link FuzzRun#mutations()} bodies, deterministic: a
 * failure names the seed that replays it and shows the start of the body. After the run, the
 * figures go to the reliability section {@code 40-malformed-responses-<provider>.md}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class MalformedResponses {

    /** The response size cap the subclass must configure: 64 KiB, so that huge bodies stay cheap. */
    public static final long SIZE_CAP = 64 * 1024;

    /** The longest a call may take, retries included, before it counts as a hang. */
    public static final Duration CALL_LIMIT = Duration.ofSeconds(60);

    /**
     * The read and call timeout the subclass must configure: generous, as the stub answers at once
     * and a loaded build machine must not turn a slow first call into a failure, yet below {@link
     * #CALL_LIMIT}.
     */
    public static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private final ExecutorService caller = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "malformed-responses-caller");
        t.setDaemon(true);
        return t;
    });
    private final Tally tally = new Tally();
    private WireMockServer server;
    private ChatDirectory directory;
    private StubMapping mutatedStub;

    /** Creates the test. */
    protected MalformedResponses() {}

    /**
     * A vendor endpoint and the realistic answer it gives.
     *
     * @param method the HTTP method, or {@code ANY}
     * @param pathRegex a regular expression of the URL path
     * @param status the HTTP status
     * @param body the realistic JSON body
     */
    public record Stub(String method, String pathRegex, int status, String body) {
        /** Checks the parts. */
        public Stub {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(pathRegex, "pathRegex");
            Objects.requireNonNull(body, "body");
        }

        /**
         * {@return an endpoint answering HTTP 200 with the body}
         *
         * @param method the HTTP method, or {@code ANY}
         * @param pathRegex a regular expression of the URL path
         * @param body the realistic JSON body
         */
        public static Stub ok(String method, String pathRegex, String body) {
            return new Stub(method, pathRegex, 200, body);
        }
    }

    /**
     * An operation, the endpoint whose answer is mutated, the other endpoints it calls and the call.
     *
     * @param operation the operation, for people, e.g. {@code get user}
     * @param mutated the endpoint whose body is mutated
     * @param others endpoints answered with their realistic bodies
     * @param call the call through the directory
     */
    public record Scenario(String operation, Stub mutated, List<Stub> others, Consumer<ChatDirectory> call) {
        /** Checks and copies the parts. */
        public Scenario {
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(mutated, "mutated");
            others = List.copyOf(others);
            Objects.requireNonNull(call, "call");
        }
    }

    /** {@return the provider id, for the figures} */
    protected abstract String providerId();

    /** {@return the operations to feed with mutated bodies} */
    protected abstract List<Scenario> scenarios();

    /**
     * Opens a directory on the stub server, with a response size cap of {@link #SIZE_CAP}, no retries
     * and read and call timeouts of {@link #CALL_TIMEOUT}.
     *
     * @param baseUrl the server's root URL, e.g. {@code http://127.0.0.1:4711}
     * @return the directory
     */
    protected abstract ChatDirectory open(URI baseUrl);

    @BeforeAll
    void startServer() {
        server = new WireMockServer(
                options().dynamicPort().bindAddress("127.0.0.1").disableRequestJournal());
        server.start();
        directory = open(URI.create(server.baseUrl()));
    }

    @AfterAll
    void stopServerAndReport() {
        caller.shutdownNow();
        try {
            directory.close();
        } finally {
            server.stop();
        }
        writeSection();
    }

    /** {@return one test per operation and kind of mutation} */
    @TestFactory
    Stream<DynamicTest> mutatedBodies() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Scenario scenario : scenarios()) {
            for (JsonMutator.Kind kind : JsonMutator.Kind.values()) {
                tests.add(DynamicTest.dynamicTest(
                        scenario.operation() + ", "
                                + kind.name().toLowerCase(Locale.ROOT).replace('_', ' '),
                        () -> run(scenario, kind)));
            }
        }
        return tests.stream();
    }

    private void run(Scenario scenario, JsonMutator.Kind kind) throws InterruptedException {
        JsonMutator mutator = new JsonMutator(SIZE_CAP);
        String row = kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        server.resetAll();
        mutatedStub = null;
        for (Stub stub : scenario.others()) {
            server.stubFor(request(stub.method(), urlPathMatching(stub.pathRegex()))
                    .atPriority(5)
                    .willReturn(json(stub.status(), stub.body())));
        }
        // the realistic body itself must read: otherwise every mutation fails for another reason
        serve(scenario, scenario.mutated().body());
        Throwable unmutated = call(scenario);
        if (unmutated != null) {
            throw new AssertionError(
                    "the unmutated body of " + scenario.operation() + " does not read: " + unmutated, unmutated);
        }
        FuzzRun.forEachCase(scenario.operation() + " " + kind, FuzzRun.mutations(), random -> {
            String body = mutator.mutate(scenario.mutated().body(), kind, random);
            serve(scenario, body);
            Throwable outcome = call(scenario);
            boolean aboveCap = body.getBytes(StandardCharsets.UTF_8).length > SIZE_CAP;
            try {
                check(scenario, kind, body, aboveCap, outcome);
            } catch (AssertionError e) {
                tally.add(row, "defects");
                throw e;
            }
            tally.add(row, describe(outcome) + (aboveCap ? " (above the size cap)" : ""));
        });
    }

    /** Answers the scenario's mutated endpoint with the body, in place of the body it answered before. */
    private void serve(Scenario scenario, String body) {
        if (mutatedStub != null) {
            server.removeStub(mutatedStub);
        }
        Stub mutated = scenario.mutated();
        mutatedStub = server.stubFor(request(mutated.method(), urlPathMatching(mutated.pathRegex()))
                .atPriority(1)
                .willReturn(json(mutated.status(), body)));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    private Throwable call(Scenario scenario) throws InterruptedException {
        Future<?> result = caller.submit(() -> scenario.call().accept(directory));
        try {
            result.get(CALL_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            result.cancel(true);
            return e;
        }
    }

    private static String describe(Throwable outcome) {
        if (outcome == null) {
            return "result";
        }
        return outcome instanceof ProviderProtocolException
                ? "ProviderProtocolException"
                : outcome.getClass().getSimpleName();
    }

    private static void check(
            Scenario scenario, JsonMutator.Kind kind, String body, boolean aboveCap, Throwable outcome) {
        String what = scenario.operation() + " with a " + kind + " body (" + body.length() + " chars): "
                + body.substring(0, Math.min(body.length(), 300));
        if (outcome instanceof TimeoutException) {
            throw new AssertionError("hung beyond " + CALL_LIMIT + ": " + what);
        }
        if (outcome != null && !(outcome instanceof ChatDirectoryException)) {
            throw new AssertionError("untyped failure " + outcome + " for " + what, outcome);
        }
        if (aboveCap && !(outcome instanceof ProviderProtocolException)) {
            throw new AssertionError(
                    "a body above the size cap was not refused as a protocol error (" + describe(outcome) + ") for "
                            + what,
                    outcome);
        }
        if (kind == JsonMutator.Kind.TRUNCATED && outcome == null) {
            throw new AssertionError("a truncated body was read as a result for " + what);
        }
    }

    private void writeSection() {
        String provider = providerId();
        int operations = scenarios().size();
        String section = "## Malformed responses: " + provider + "\n\n"
                + "Generated by `" + getClass().getSimpleName() + "` (the kit's `MalformedResponses`) with seed "
                + FuzzRun.seed() + ": " + operations + " operations, each fed " + FuzzRun.mutations()
                + " mutated realistic bodies per kind of mutation (`-D" + FuzzRun.MUTATIONS_PROPERTY
                + "`; run larger with `-D" + FuzzRun.MUTATIONS_PROPERTY + "=200`). Allowed: a result or a typed"
                + " `ChatDirectoryException`; a truncated body or one above the " + SIZE_CAP / 1024
                + " KiB size cap must give `ProviderProtocolException`; every call must end within "
                + CALL_LIMIT.toSeconds()
                + " s. Operations: "
                + String.join(
                        ", ", scenarios().stream().map(Scenario::operation).toList())
                + ".\n\n" + tally.table("mutation") + "\nDefects found in this run: " + tally.total("defects") + ".\n";
        ReliabilitySection.write("40-malformed-responses-" + provider + ".md", section);
    }
}
