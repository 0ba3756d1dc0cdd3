package dev.chatdirectory.http;

import dev.chatdirectory.AlreadyExistsException;
import dev.chatdirectory.AuthenticationException;
import dev.chatdirectory.ChatDirectoryException;
import dev.chatdirectory.ErrorContext;
import dev.chatdirectory.InvalidRequestException;
import dev.chatdirectory.NotFoundException;
import dev.chatdirectory.PermissionDeniedException;
import dev.chatdirectory.ProviderProtocolException;
import dev.chatdirectory.ProviderUnavailableException;
import dev.chatdirectory.RateLimitedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Turns a vendor's error response into the API's exception hierarchy.
 *
 * <p>The base class maps by HTTP status (400 invalid request, 401 authentication, 403 permission,
 * 404 not found, 409 already exists, 429 rate limited with {@code Retry-After}, 5xx unavailable)
 * and reads {@code Retry-After} (seconds or HTTP date) and the {@code X-Rate-Limit-Reset} /
 * {@code X-RateLimit-Reset} epoch headers. A vendor subclass parses its error envelope in {@link
 * #parse} and, where the vendor's code says more than the status, overrides {@link #classify}.
 * Messages are redacted and never repeat a vendor's text on authentication failures, since some
 * vendors echo the key back.
 *
 * <p>Thread-safe; subclasses must stay stateless.
 */
public class ErrorMapper {

    /**
     * The longest wait {@link #retryAfter} reports, about 292 years: a vendor asking for longer
     * (or sending a number too large to read) is reported as asking for this, which every caller
     * can still convert to milliseconds or nanoseconds without overflow.
     */
    public static final Duration LONGEST_WAIT = Duration.ofNanos(Long.MAX_VALUE);

    private static final int MAX_VENDOR_MESSAGE = 300;

    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    /** An IMF-fixdate; strict, so that a day that does not exist is garbage rather than rounded. */
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.RFC_1123_DATE_TIME.withResolverStyle(ResolverStyle.STRICT);

    /** 2001-09-09: an epoch reset before this is read as seconds left (see {@link #parseEpochReset}). */
    private static final long EARLIEST_EPOCH_RESET = 1_000_000_000L;

    private final String providerId;
    private final SecretRedactor redactor;
    private final Clock clock;

    /**
     * Creates a mapper.
     *
     * @param providerId the provider id put in every exception's context
     * @param redactor removes secrets from vendor messages
     * @param clock reads "now" for HTTP-date and epoch reset headers
     */
    public ErrorMapper(String providerId, SecretRedactor redactor, Clock clock) {
        this.providerId = Objects.requireNonNull(providerId, "providerId");
        this.redactor = Objects.requireNonNull(redactor, "redactor");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** {@return the provider id this mapper reports} */
    public final String providerId() {
        return providerId;
    }

    /**
     * Maps an error response.
     *
     * @param response the vendor's response
     * @return the exception to throw
     */
    public final ChatDirectoryException map(HttpErrorResponse response) {
        VendorError error;
        try {
            error = parse(response);
        } catch (RuntimeException e) {
            error = VendorError.none();
        }
        ErrorContext context =
                ErrorContext.of(providerId, response.status(), error.code().orElse(null));
        return classify(response, error, context);
    }

    /**
     * Reads the vendor's error envelope; must not throw (return {@link VendorError#none()} when
     * the body is not the expected envelope).
     *
     * @param response the vendor's response
     * @return what the envelope says
     */
    protected VendorError parse(HttpErrorResponse response) {
        return VendorError.none();
    }

    /**
     * Chooses the exception; the default maps by HTTP status.
     *
     * @param response the vendor's response
     * @param error what the envelope says
     * @param context provider, status and vendor code for the exception
     * @return the exception
     */
    protected ChatDirectoryException classify(HttpErrorResponse response, VendorError error, ErrorContext context) {
        int status = response.status();
        return switch (status) {
            case 400, 422 ->
                new InvalidRequestException(
                        error.field().orElse(null), describe(error, "the request was rejected as invalid"), context);
            case 401 -> new AuthenticationException(providerId + " rejected the credentials", context);
            case 403 -> new PermissionDeniedException(describe(error, "the operation is not allowed"), context);
            case 404 -> new NotFoundException(describe(error, "not found"), context);
            case 409 -> new AlreadyExistsException(describe(error, "already exists"), context);
            case 429 ->
                new RateLimitedException(
                        describe(error, "rate limit exceeded"),
                        context,
                        retryAfter(response).orElse(null));
            default ->
                status >= 500
                        ? new ProviderUnavailableException(
                                describe(error, "the provider failed with HTTP " + status),
                                context,
                                null,
                                retryAfter(response).orElse(null))
                        : new ProviderProtocolException(describe(error, "unexpected HTTP status " + status), context);
        };
    }

    /**
     * Returns the vendor's message, redacted and shortened, or a fallback.
     *
     * @param error what the envelope says
     * @param fallback what to say when the vendor said nothing
     * @return the message
     */
    protected final String describe(VendorError error, String fallback) {
        String message = error.message().filter(m -> !m.isBlank()).orElse(fallback);
        message = redactor.redact(message);
        return message.length() > MAX_VENDOR_MESSAGE ? message.substring(0, MAX_VENDOR_MESSAGE) + "..." : message;
    }

    /**
     * Reads how long the vendor asked to wait: {@code Retry-After} in seconds or as an HTTP date,
     * else an {@code X-Rate-Limit-Reset} or {@code X-RateLimit-Reset} epoch-seconds header.
     *
     * <p>Headers are input from the network and read defensively: a time already past is a wait
     * of zero; a wait beyond {@link #LONGEST_WAIT}, including a number too large for a {@code
     * long} or a reset beyond the range of {@link Instant}, is {@link #LONGEST_WAIT}; a negative
     * number, a fraction or any other text is ignored. Never throws.
     *
     * @param response the vendor's response
     * @return the wait, empty when the vendor did not say or said nonsense
     */
    public final Optional<Duration> retryAfter(HttpErrorResponse response) {
        Optional<Duration> fromRetryAfter = response.header("Retry-After").flatMap(this::parseRetryAfter);
        if (fromRetryAfter.isPresent()) {
            return fromRetryAfter;
        }
        return response.header("X-Rate-Limit-Reset")
                .or(() -> response.header("X-RateLimit-Reset"))
                .flatMap(this::parseEpochReset);
    }

    /**
     * Returns the exception for a response that cannot be understood.
     *
     * @param detail what was wrong, for people (redacted here)
     * @param cause the parsing failure, or {@code null}
     * @return the exception
     */
    public final ProviderProtocolException protocolError(String detail, Throwable cause) {
        return new ProviderProtocolException(
                "unreadable response from " + providerId + ": " + redactor.redact(detail),
                ErrorContext.of(providerId),
                cause);
    }

    private Optional<Duration> parseRetryAfter(String value) {
        String text = value.strip();
        OptionalLong seconds = digits(text);
        if (seconds.isPresent()) {
            return Optional.of(
                    seconds.getAsLong() >= LONGEST_WAIT.getSeconds()
                            ? LONGEST_WAIT
                            : Duration.ofSeconds(seconds.getAsLong()));
        }
        try {
            return Optional.of(until(ZonedDateTime.parse(text, HTTP_DATE).toInstant()));
        } catch (DateTimeParseException notDate) {
            return Optional.empty();
        }
    }

    private Optional<Duration> parseEpochReset(String value) {
        OptionalLong number = digits(value.strip());
        if (number.isEmpty()) {
            return Optional.empty();
        }
        long seconds = number.getAsLong();
        if (seconds < EARLIEST_EPOCH_RESET) {
            // Which reading the vendor means is uncertain (CometChat documents an epoch, some APIs
            // send the seconds left); a value this small cannot be a reset a server meant as a
            // date, and reading it as seconds left waits rather than retrying at once.
            return Optional.of(Duration.ofSeconds(seconds));
        }
        return Optional.of(
                seconds > Instant.MAX.getEpochSecond() ? LONGEST_WAIT : until(Instant.ofEpochSecond(seconds)));
    }

    /** A whole number of ASCII digits, saturating at {@link Long#MAX_VALUE}; empty for anything else. */
    private static OptionalLong digits(String text) {
        if (!DIGITS.matcher(text).matches()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(text));
        } catch (NumberFormatException tooLong) {
            return OptionalLong.of(Long.MAX_VALUE);
        }
    }

    /** The wait until an instant: zero when it has passed, at most {@link #LONGEST_WAIT}. */
    private Duration until(Instant at) {
        Duration wait = Duration.between(clock.instant(), at);
        if (wait.isNegative()) {
            return Duration.ZERO;
        }
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }
}
