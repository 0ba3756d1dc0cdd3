package dev.chatdirectory.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static dev.chatdirectory.testkit.ChatDirectoryAssertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.ProviderProtocolException;
import dev.chatdirectory.ProviderUnavailableException;
import dev.chatdirectory.model.User;
import dev.chatdirectory.model.UserCreate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The resilience tests of HTTP providers: the kit injects 429, 503, connection resets, slow and
 * malformed answers at its proxy, in front of the vendor, and counts what the adapter sends.
 *
 * <p>Faults hit the first request of an operation whatever its path, so the tests need no
 * knowledge of the vendor: each compares the requests an operation sends when all goes well
 * with what it sends when the fault is injected.
 */
abstract class ResilienceContract extends ContractSupport {

    private static final int FAULT_PRIORITY = 1;
    private static final Duration SHORT_DEADLINE = Duration.ofSeconds(1);
    private static final int SLOW_ANSWER_MILLIS = 4_000;

    private final ChatDirectoryContract contract;
    private final List<StubMapping> faults = new ArrayList<>();

    ResilienceContract(ChatDirectoryContract contract) {
        super(contract);
        this.contract = contract;
    }

    @BeforeEach
    void requireUpstream() {
        org.junit.jupiter.api.Assertions.assertTrue(
                environment().hasUpstream(),
                "the resilience group needs a vendor server: override backend() with an upstream");
    }

    @AfterEach
    void removeFaults() {
        faults.forEach(environment().wireMock()::removeStub);
        faults.clear();
        environment().wireMock().resetScenarios();
    }

    /** Answers the first request matching the pattern with the response, then lets requests through. */
    private void failFirst(MappingBuilder pattern, ResponseDefinitionBuilder response) {
        faults.add(environment()
                .wireMock()
                .stubFor(pattern.atPriority(FAULT_PRIORITY)
                        .inScenario("fault-" + faults.size())
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(response)
                        .willSetStateTo("fault-injected")));
    }

    /** Answers every request with the response. */
    private void failAll(ResponseDefinitionBuilder response) {
        faults.add(environment()
                .wireMock()
                .stubFor(any(anyUrl()).atPriority(FAULT_PRIORITY).willReturn(response)));
    }

    private int requestsOf(Runnable operation) {
        int before = environment().requestCount();
        operation.run();
        return environment().requestCount() - before;
    }

    private <T> T timed(Supplier<T> operation, List<Duration> elapsed) {
        long start = System.nanoTime();
        try {
            return operation.get();
        } finally {
            elapsed.add(Duration.ofNanos(System.nanoTime() - start));
        }
    }

    @Test
    @DisplayName("a 429 with Retry-After is waited out and the read then succeeds, with exactly one more request")
    void rateLimitedReadIsWaitedOut() {
        String id = createUser("zoe").id();
        int normal = requestsOf(() -> users().get(id));
        failFirst(any(anyUrl()), aResponse().withStatus(429).withHeader("Retry-After", "1"));

        List<Duration> elapsed = new ArrayList<>();
        int before = environment().requestCount();
        Optional<User> user = timed(() -> users().get(id), elapsed);

        assertThat(user).as("the user read after the 429").isPresent();
        assertThat(environment().requestCount() - before)
                .as("requests with one 429")
                .isEqualTo(normal + 1);
        assertThat(elapsed.get(0))
                .as("time spent, Retry-After being 1 s")
                .isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    @DisplayName("a 503 on a read is retried, with exactly one more request")
    void unavailableReadIsRetried() {
        String id = createUser("zoe").id();
        int normal = requestsOf(() -> users().get(id));
        failFirst(any(anyUrl()), aResponse().withStatus(503));

        int before = environment().requestCount();
        Optional<User> user = users().get(id);

        assertThat(user).as("the user read after the 503").isPresent();
        assertThat(environment().requestCount() - before)
                .as("requests with one 503")
                .isEqualTo(normal + 1);
    }

    @Test
    @DisplayName("a 429 on a create is retried (the vendor refused it): one more request, the user created once")
    void rateLimitedCreateIsRetried() {
        int normal = requestsOf(() -> users().create(data().user("yamada", provider())));
        failFirst(post(anyUrl()), aResponse().withStatus(429).withHeader("Retry-After", "1"));
        failFirst(put(anyUrl()), aResponse().withStatus(429).withHeader("Retry-After", "1"));
        UserCreate request = data().user("zoe", provider());
        int before = environment().requestCount();

        User created = users().create(request);

        assertThat(environment().requestCount() - before)
                .as("requests with one 429")
                .isEqualTo(normal + 1);
        assertThat(created.id()).isEqualTo(request.id());
        assertThat(users().get(request.id())).isPresent();
    }

    @Test
    @DisplayName(
            "a connection reset on a create is not blindly repeated: the user is looked up before the create is sent again")
    void resetCreateIsNotBlindlyRepeated() {
        String existing = createUser("yamada").id();
        int lookup = requestsOf(() -> users().get(existing));
        int normal = requestsOf(() -> users().create(data().user("dorde", provider())));
        failFirst(post(anyUrl()), aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        failFirst(put(anyUrl()), aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        UserCreate request = data().user("zoe", provider());
        int before = environment().requestCount();

        Throwable thrown = catchThrowable(() -> users().create(request));

        List<LoggedRequest> sent = requestsSince(before);
        int reset = firstWrite(sent);
        assertThat(reset)
                .as("index of the create request in %s", environment().requests())
                .isNotNegative();
        for (int i = reset + 1; i < sent.size(); i++) {
            if (sameRequest(sent.get(i), sent.get(reset))) {
                boolean checked = sent.subList(reset + 1, i).stream().anyMatch(r -> !sameRequest(r, sent.get(reset)));
                assertThat(checked)
                        .as(
                                "a request between the reset create and its repeat (a check): %s",
                                environment().requests())
                        .isTrue();
            }
        }
        assertThat(thrown).as("the create after one reset").isNull();
        assertThat(sent.size())
                .as(
                        "requests: the normal create (%d), the reset one and one look-up (%d): %s",
                        normal, lookup, environment().requests())
                .isEqualTo(normal + 1 + lookup);
        assertThat(users().get(request.id())).as("the user after the create").isPresent();
    }

    @Test
    @DisplayName("an answer slower than the call deadline fails in time with ProviderUnavailableException, sent once")
    void slowAnswerHitsTheDeadline() {
        String id = createUser("zoe").id();
        try (ChatDirectory impatient = ThrownExceptions.recording(contract.createDirectory(environment()
                .withConfig(environment().config().toBuilder()
                        .callTimeout(SHORT_DEADLINE)
                        .build())))) {
            failAll(aResponse().withStatus(200).withBody("{}").withFixedDelay(SLOW_ANSWER_MILLIS));
            List<Duration> elapsed = new ArrayList<>();
            int before = environment().requestCount();

            Throwable thrown =
                    catchThrowable(() -> timed(() -> impatient.users().get(id), elapsed));

            assertThat(thrown).isInstanceOf(ProviderUnavailableException.class);
            assertThat(((ProviderUnavailableException) thrown).providerId()).contains(providerId());
            assertThat(elapsed.get(0))
                    .as("time to fail with a %s deadline", SHORT_DEADLINE)
                    .isLessThan(Duration.ofMillis(SLOW_ANSWER_MILLIS - 1_000));
            assertThat(environment().requestCount() - before)
                    .as("requests sent")
                    .isEqualTo(1);
        }
    }

    @Test
    @DisplayName("a malformed JSON body gives ProviderProtocolException, without a retry")
    void malformedBodyIsAProtocolError() {
        String id = createUser("zoe").id();
        failFirst(
                any(anyUrl()),
                aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"data\": {\"uid\": "));
        int before = environment().requestCount();

        Throwable thrown = catchThrowable(() -> users().get(id));

        assertThat(thrown).isInstanceOf(ProviderProtocolException.class);
        assertThat(((ProviderProtocolException) thrown).providerId()).contains(providerId());
        assertThat(environment().requestCount() - before).as("requests sent").isEqualTo(1);
    }

    /** Writes whose answer is lost after the vendor applied them still report what they did. */
    @Nested
    @DisplayName("answers lost after the vendor applied a write")
    class LostAnswers extends LostAnswerContract {
        LostAnswers() {
            super(contract);
        }
    }

    private List<LoggedRequest> requestsSince(int before) {
        List<ServeEvent> events = new ArrayList<>(environment().wireMock().getAllServeEvents());
        Collections.reverse(events);
        return events.subList(before, events.size()).stream()
                .map(ServeEvent::getRequest)
                .toList();
    }

    private static int firstWrite(List<LoggedRequest> requests) {
        for (int i = 0; i < requests.size(); i++) {
            String method = requests.get(i).getMethod().getName();
            if (method.equals("POST") || method.equals("PUT")) {
                return i;
            }
        }
        return -1;
    }

    private static boolean sameRequest(LoggedRequest a, LoggedRequest b) {
        return a.getMethod().equals(b.getMethod())
                && a.getUrl().equals(b.getUrl())
                && a.getBodyAsString().equals(b.getBodyAsString());
    }
}
