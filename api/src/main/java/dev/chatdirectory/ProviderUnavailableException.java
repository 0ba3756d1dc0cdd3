package dev.chatdirectory;

import java.time.Duration;
import java.util.Optional;

/**
 * Raised when the provider cannot be reached or does not answer in time: HTTP 5xx, network
 * failures, timeouts and the overall call deadline.
 *
 * <p>A write that failed this way may or may not have been applied; read before retrying it.
 * {@link #retryAfter()} tells how long the vendor asked to wait, when it said so (HTTP 503).
 */
public class ProviderUnavailableException extends ChatDirectoryException {

    private static final long serialVersionUID = 1L;

    /** How long the vendor asked to wait, {@code null} when it did not say. */
    private final Duration retryAfter;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, for people
     * @param context where it came from
     */
    public ProviderUnavailableException(String message, ErrorContext context) {
        this(message, context, null, null);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what went wrong, for people
     * @param context where it came from
     * @param cause the underlying cause
     */
    public ProviderUnavailableException(String message, ErrorContext context, Throwable cause) {
        this(message, context, cause, null);
    }

    /**
     * Creates the exception with a cause and the wait the vendor asked for.
     *
     * @param message what went wrong, for people
     * @param context where it came from
     * @param cause the underlying cause, or {@code null}
     * @param retryAfter how long the vendor asked to wait, or {@code null}
     */
    public ProviderUnavailableException(String message, ErrorContext context, Throwable cause, Duration retryAfter) {
        super(message, context, cause);
        this.retryAfter = retryAfter;
    }

    /** {@return how long the vendor asked to wait before trying again, when it said so} */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * {@inheritDoc}
     *
     * @param context the copy's context
     * @return a new {@code ProviderUnavailableException}
     */
    @Override
    protected ProviderUnavailableException copy(ErrorContext context) {
        return new ProviderUnavailableException(detail(), context, getCause(), retryAfter);
    }
}
