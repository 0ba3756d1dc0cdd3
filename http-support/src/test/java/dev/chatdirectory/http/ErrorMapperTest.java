package dev.chatdirectory.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatdirectory.AlreadyExistsException;
import dev.chatdirectory.AuthenticationException;
import dev.chatdirectory.ChatDirectoryException;
import dev.chatdirectory.InvalidRequestException;
import dev.chatdirectory.NotFoundException;
import dev.chatdirectory.PermissionDeniedException;
import dev.chatdirectory.ProviderProtocolException;
import dev.chatdirectory.ProviderUnavailableException;
import dev.chatdirectory.RateLimitedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("The base error mapper")
class ErrorMapperTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final String KEY = "very-secret-key-0123456789";

    private final ErrorMapper mapper =
            new ErrorMapper("vendor", SecretRedactor.of(List.of(KEY)), Clock.fixed(NOW, ZoneOffset.UTC));

    private static HttpErrorResponse response(int status, Map<String, List<String>> headers, String body) {
        return new HttpErrorResponse(status, headers, body);
    }

    @ParameterizedTest(name = "HTTP {0} becomes {1}")
    @CsvSource({
        "400, InvalidRequestException",
        "422, InvalidRequestException",
        "401, AuthenticationException",
        "403, PermissionDeniedException",
        "404, NotFoundException",
        "409, AlreadyExistsException",
        "429, RateLimitedException",
        "500, ProviderUnavailableException",
        "503, ProviderUnavailableException",
        "302, ProviderProtocolException"
    })
    @DisplayName("maps by HTTP status")
    void mapsByStatus(int status, String type) {
        ChatDirectoryException e = mapper.map(response(status, Map.of(), ""));

        assertThat(e.getClass().getSimpleName()).isEqualTo(type);
        assertThat(e.providerId()).contains("vendor");
        assertThat(e.httpStatus()).hasValue(status);
    }

    @Test
    @DisplayName("keeps the vendor code and redacted message a subclass parses")
    void vendorEnvelope() {
        ErrorMapper vendor = new ErrorMapper("vendor", SecretRedactor.of(List.of(KEY)), Clock.systemUTC()) {
            @Override
            protected VendorError parse(HttpErrorResponse response) {
                return VendorError.of("ERR_X", "bad " + KEY, "uid");
            }
        };

        ChatDirectoryException e = vendor.map(response(400, Map.of(), "{}"));

        assertThat(e).isInstanceOfSatisfying(InvalidRequestException.class, invalid -> {
            assertThat(invalid.field()).contains("uid");
            assertThat(invalid.vendorCode()).contains("ERR_X");
        });
        assertThat(e.getMessage()).contains("bad ****").doesNotContain(KEY);
    }

    @Test
    @DisplayName("never repeats the vendor's text on authentication failures")
    void authenticationWithoutVendorText() {
        ErrorMapper vendor = new ErrorMapper("vendor", SecretRedactor.none(), Clock.systemUTC()) {
            @Override
            protected VendorError parse(HttpErrorResponse response) {
                return VendorError.of("AUTH", "The key very-********ey does not exist", null);
            }
        };

        assertThat(vendor.map(response(401, Map.of(), "")))
                .isInstanceOf(AuthenticationException.class)
                .hasMessageNotContaining("very-");
    }

    @Test
    @DisplayName("falls back to the status when the envelope parser fails")
    void parserFailure() {
        ErrorMapper vendor = new ErrorMapper("vendor", SecretRedactor.none(), Clock.systemUTC()) {
            @Override
            protected VendorError parse(HttpErrorResponse response) {
                throw new IllegalStateException("boom");
            }
        };

        assertThat(vendor.map(response(404, Map.of(), "<html>"))).isInstanceOf(NotFoundException.class);
    }

    @Nested
    @DisplayName("reads how long to wait")
    class RetryAfter {

        @Test
        @DisplayName("from Retry-After seconds")
        void seconds() {
            assertThat(mapper.retryAfter(response(429, Map.of("Retry-After", List.of("15")), "")))
                    .contains(Duration.ofSeconds(15));
        }

        @Test
        @DisplayName("from a Retry-After HTTP date")
        void httpDate() {
            assertThat(mapper.retryAfter(
                            response(503, Map.of("retry-after", List.of("Sat, 21 Nov 2026 12:00:30 GMT")), "")))
                    .contains(Duration.ofSeconds(30));
        }

        @Test
        @DisplayName("from an epoch reset header in either spelling")
        void epochReset() {
            long reset = NOW.getEpochSecond() + 42;
            assertThat(mapper.retryAfter(response(429, Map.of("X-Rate-Limit-Reset", List.of("" + reset)), "")))
                    .contains(Duration.ofSeconds(42));
            assertThat(mapper.retryAfter(response(429, Map.of("X-RateLimit-Reset", List.of("" + reset)), "")))
                    .contains(Duration.ofSeconds(42));
        }

        @Test
        @DisplayName("not at all from nonsense")
        void nonsense() {
            assertThat(mapper.retryAfter(response(429, Map.of("Retry-After", List.of("soon")), "")))
                    .isEmpty();
            assertThat(mapper.retryAfter(response(429, Map.of("Retry-After", List.of("-3")), "")))
                    .isEmpty();
        }

        @ParameterizedTest(name = "{0}: {1}")
        @CsvSource(
                delimiter = ';',
                value = {
                    "Retry-After; 0; PT0S",
                    "Retry-After; ' 15 '; PT15S",
                    "Retry-After; 000000000000000000000015; PT15S",
                    "Retry-After; 99999999999999999; longest",
                    "Retry-After; 9223372036854775807; longest",
                    "Retry-After; 99999999999999999999999999999999; longest",
                    "Retry-After; 'Sat, 21 Nov 2026 11:59:00 GMT'; PT0S",
                    "Retry-After; 'Fri, 31 Dec 9999 23:59:59 GMT'; longest",
                    "X-Rate-Limit-Reset; 1795262340; PT0S",
                    "X-Rate-Limit-Reset; 99999999999999999; longest",
                    "X-Rate-Limit-Reset; 9223372036854775807; longest",
                    "X-RateLimit-Reset; 99999999999999999999999999999999; longest",
                    "X-RateLimit-Reset; 15; PT15S"
                })
        @DisplayName("from hostile or odd values without throwing, as zero when past and capped when huge")
        void hostileValues(String header, String value, String expected) {
            Duration wait = expected.equals("longest") ? ErrorMapper.LONGEST_WAIT : Duration.parse(expected);

            assertThat(mapper.retryAfter(response(429, Map.of(header, List.of(value)), "")))
                    .contains(wait);
            assertThat(mapper.map(response(429, Map.of(header, List.of(value)), "")))
                    .isInstanceOfSatisfying(
                            RateLimitedException.class,
                            e -> assertThat(e.retryAfter()).contains(wait));
        }

        @ParameterizedTest(name = "{0}: {1}")
        @CsvSource(
                delimiter = ';',
                value = {
                    "Retry-After; -3",
                    "Retry-After; soon",
                    "Retry-After; 1.5",
                    "Retry-After; +5",
                    "Retry-After; ''",
                    "Retry-After; ٣",
                    "Retry-After; 'Sat, 31 Feb 2026 12:00:00 GMT'",
                    "X-Rate-Limit-Reset; -9223372036854775808",
                    "X-Rate-Limit-Reset; 1.7e9",
                    "X-RateLimit-Reset; tomorrow"
                })
        @DisplayName("not at all from negative numbers, fractions, non-ASCII digits or garbage")
        void garbage(String header, String value) {
            assertThat(mapper.retryAfter(response(429, Map.of(header, List.of(value)), "")))
                    .isEmpty();
            assertThat(mapper.map(response(429, Map.of(header, List.of(value)), "")))
                    .isInstanceOf(RateLimitedException.class);
        }

        @Test
        @DisplayName("and puts it on the rate-limited and unavailable exceptions")
        void onExceptions() {
            assertThat(mapper.map(response(429, Map.of("Retry-After", List.of("3")), "")))
                    .isInstanceOfSatisfying(
                            RateLimitedException.class,
                            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(3)));
            assertThat(mapper.map(response(503, Map.of("Retry-After", List.of("4")), "")))
                    .isInstanceOfSatisfying(
                            ProviderUnavailableException.class,
                            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(4)));
        }
    }

    @Test
    @DisplayName("builds protocol errors naming the provider, redacted")
    void protocolError() {
        ProviderProtocolException e = mapper.protocolError("missing 'uid' near " + KEY, null);

        assertThat(e.getMessage()).contains("vendor").contains("missing 'uid'").doesNotContain(KEY);
        assertThat(e.providerId()).contains("vendor");
    }

    @Test
    @DisplayName("maps unknown statuses to protocol errors rather than guessing")
    void unknownStatus() {
        assertThat(mapper.map(response(418, Map.of(), ""))).isInstanceOf(ProviderProtocolException.class);
        assertThat(mapper.map(response(409, Map.of(), ""))).isInstanceOf(AlreadyExistsException.class);
        assertThat(mapper.map(response(403, Map.of(), ""))).isInstanceOf(PermissionDeniedException.class);
    }
}
