package dev.chatdirectory.provider.atomchat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatdirectory.AlreadyExistsException;
import dev.chatdirectory.AuthenticationException;
import dev.chatdirectory.ChatDirectoryException;
import dev.chatdirectory.InvalidRequestException;
import dev.chatdirectory.NotFoundException;
import dev.chatdirectory.ProviderConfig;
import dev.chatdirectory.ProviderProtocolException;
import dev.chatdirectory.ProviderUnavailableException;
import dev.chatdirectory.RateLimitedException;
import dev.chatdirectory.http.HttpErrorResponse;
import dev.chatdirectory.http.JsonMappers;
import dev.chatdirectory.http.SecretRedactor;
import dev.chatdirectory.provider.atomchat.AtomChatProvider;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The AtomChat error mapper")
class AtomChatErrorMapperTest {

    private static final String KEY = "98765x00112233445566778899aabbccddeeff";

    private final AtomChatErrorMapper mapper = new AtomChatErrorMapper(
            AtomChatProvider.DESCRIPTOR,
            SecretRedactor.from(
                    ProviderConfig.builder().credential("apiKey", KEY).build(), AtomChatProvider.DESCRIPTOR),
            Clock.systemUTC(),
            JsonMappers.shared());

    private static HttpErrorResponse reply(int status, String status2001, String message) {
        return reply(
                status, Map.of(), "{\"failed\":{\"status\":\"" + status2001 + "\",\"message\":\"" + message + "\"}}");
    }

    private static HttpErrorResponse reply(int status, Map<String, List<String>> headers, String body) {
        return new HttpErrorResponse(status, headers, body);
    }

    @Nested
    @DisplayName("for failed envelopes with HTTP 200")
    class Envelopes {

        @Test
        @DisplayName("reads status and message, and names the provider, the HTTP status and the vendor code")
        void context() {
            ChatDirectoryException e = mapper.map(reply(200, "2001", "User already exists"));
            assertThat(e).isInstanceOf(AlreadyExistsException.class).hasMessageStartingWith("User already exists");
            assertThat(e.providerId()).contains("atomchat");
            assertThat(e.httpStatus()).isEqualTo(OptionalInt.of(200));
            assertThat(e.vendorCode()).contains("2001");
        }

        @Test
        @DisplayName("tells failures apart by message only, since every one has status 2001")
        void byMessage() {
            assertThat(mapper.map(reply(200, "2001", "GUID must be unique.")))
                    .isInstanceOf(AlreadyExistsException.class);
            assertThat(mapper.map(reply(200, "2001", "User not registered"))).isInstanceOf(NotFoundException.class);
            assertThat(mapper.map(reply(200, "2001", "GUID does not exist."))).isInstanceOf(NotFoundException.class);
            assertThat(mapper.map(reply(200, "1014", "User already unblocked.")))
                    .isInstanceOf(InvalidRequestException.class);
        }

        @Test
        @DisplayName("marks refusals of a membership batch so that batch operations can recover")
        void membershipRefusal() {
            ChatDirectoryException e = mapper.map(reply(200, "2001", "Users not part of group."));
            assertThat(e).isInstanceOf(InvalidRequestException.class);
            assertThat(AtomChatErrorMapper.isMembershipRefusal((InvalidRequestException) e))
                    .isTrue();
            assertThat(AtomChatErrorMapper.isMembershipRefusal(
                            (InvalidRequestException) mapper.map(reply(200, "2001", "GUID is not defined."))))
                    .isFalse();
        }

        @Test
        @DisplayName("maps 1010 and 1011 to AuthenticationException whatever the HTTP status")
        void authentication() {
            assertThat(mapper.map(reply(200, "1010", "Invalid API KEY"))).isInstanceOf(AuthenticationException.class);
            assertThat(mapper.map(reply(200, "1011", "Incorrect API KEY.")))
                    .isInstanceOf(AuthenticationException.class);
            assertThat(mapper.map(reply(401, "1010", "Invalid API KEY"))).isInstanceOf(AuthenticationException.class);
        }
    }

    @Nested
    @DisplayName("for other HTTP statuses")
    class Statuses {

        @Test
        @DisplayName("404 is a protocol error (AtomChat reports missing things with 200), 429 and 5xx as usual")
        void statuses() {
            assertThat(mapper.map(reply(404, "404", "Unknown endpoint"))).isInstanceOf(ProviderProtocolException.class);
            ChatDirectoryException limited =
                    mapper.map(reply(429, Map.of("Retry-After", List.of("7")), "{\"failed\":{\"status\":\"429\"}}"));
            assertThat(limited).isInstanceOf(RateLimitedException.class);
            assertThat(((RateLimitedException) limited).retryAfter()).contains(Duration.ofSeconds(7));
            assertThat(mapper.map(reply(502, Map.of(), "<html>bad gateway</html>")))
                    .isInstanceOf(ProviderUnavailableException.class);
        }

        @Test
        @DisplayName("a body that is not an envelope is mapped by status alone")
        void noEnvelope() {
            ChatDirectoryException e = mapper.map(reply(503, Map.of(), "not json"));
            assertThat(e).isInstanceOf(ProviderUnavailableException.class);
            assertThat(e.vendorCode()).isEqualTo(Optional.empty());
        }
    }

    @Test
    @DisplayName("never puts the API key in a message, whole or in the masked form some vendors echo")
    void redactsTheKey() {
        String echoed = KEY.substring(0, 5) + "****" + KEY.substring(KEY.length() - 5);
        for (HttpErrorResponse response : List.of(
                reply(200, "2001", "Key " + KEY + " is not allowed"),
                reply(200, "2001", "Key " + echoed + " is not allowed"),
                reply(200, "1010", "Invalid API KEY " + KEY),
                reply(500, "500", "crash " + KEY),
                reply(404, "404", KEY))) {
            ChatDirectoryException e = mapper.map(response);
            assertThat(e.getMessage()).doesNotContain(KEY).doesNotContain(echoed);
            assertThat(e.toString()).doesNotContain(KEY);
        }
    }
}
