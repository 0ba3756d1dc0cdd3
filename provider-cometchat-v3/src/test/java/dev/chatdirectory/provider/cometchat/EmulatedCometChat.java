package dev.chatdirectory.provider.cometchat;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.ProviderConfig;
import dev.chatdirectory.RateLimitSettings;
import dev.chatdirectory.RetrySettings;
import dev.chatdirectory.emulator.cometchat.CometChatEmulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A CometChat emulator for the adapter's own tests, with the roles the tests use defined, and
 * directories opened against it with short timeouts, fast retries and no client-side rate limit.
 */
final class EmulatedCometChat implements AutoCloseable {

    /** Roles the tests and the contract kit's canonical users have, besides {@code default}. */
    static final List<String> ROLES = List.of("vip", "staff", "manager");

    private final CometChatEmulator emulator = new CometChatEmulator();
    /** Requests taken out of the journal by a reset that the spec has not checked yet. */
    private final List<LoggedRequest> unchecked = new ArrayList<>();

    EmulatedCometChat() {
        emulator.start();
        defineRoles();
    }

    CometChatEmulator emulator() {
        return emulator;
    }

    /** Forgets every user, group and request, and defines the roles again. */
    void reset() {
        unchecked.addAll(requests());
        emulator.reset();
        defineRoles();
    }

    private void defineRoles() {
        ROLES.forEach(emulator::defineRole);
    }

    /** {@return a configuration pointing at the emulator} */
    ProviderConfig config() {
        return ProviderConfig.builder()
                .endpoint(emulator.baseUrl())
                .credential("appId", emulator.appId())
                .credential("apiKey", emulator.apiKey())
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(5))
                .callTimeout(Duration.ofSeconds(20))
                .retry(new RetrySettings(3, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(2)))
                .rateLimit(RateLimitSettings.unlimited())
                .build();
    }

    /** {@return a new directory on the emulator} */
    ChatDirectory open() {
        return new CometChatProvider().open(config());
    }

    /** {@return every request the emulator received since the last reset, oldest first} */
    List<LoggedRequest> requests() {
        return emulator.wireMock().findAll(anyRequestedFor(anyUrl()));
    }

    /** {@return the one request received since the last reset of the journal} */
    LoggedRequest onlyRequest() {
        List<LoggedRequest> requests = requests();
        if (requests.size() != 1) {
            throw new AssertionError("expected exactly one request, got " + requests.size() + ": "
                    + requests.stream()
                            .map(r -> r.getMethod() + " " + r.getUrl())
                            .toList());
        }
        return requests.get(0);
    }

    /**
     * Checks every request received since the last check, resets included, against CometChat's
     * OpenAPI spec, apart from the deviations it lists.
     *
     * @throws AssertionError naming each request and what is wrong with it
     */
    void assertRequestsConformToSpec() {
        forgetRequests();
        List<LoggedRequest> sent = List.copyOf(unchecked);
        unchecked.clear();
        List<String> violations =
                sent.stream().flatMap(r -> CometChatSpec.violations(r).stream()).toList();
        if (!violations.isEmpty()) {
            throw new AssertionError(
                    "requests that break CometChat's OpenAPI spec:\n  " + String.join("\n  ", violations));
        }
    }

    /** Takes the requests received so far out of the journal (they are still checked), keeping the vendor state. */
    void forgetRequests() {
        unchecked.addAll(requests());
        emulator.wireMock().resetRequests();
    }

    @Override
    public void close() {
        emulator.close();
    }
}
