package dev.chatdirectory;

import java.time.Duration;
import java.util.Optional;

/**
 * Raised when the provider's rate limit was hit and the configured retries did not get through.
 *
 * <p>{@link #retryAfter()} tells how long the vendor asked to wait, when it said so.
 */
public class RateLimitedException extends ChatDirectoryException {

    private static final long serialVersionUID = 1L;

    /** How long the vendor asked to wait, {@code null} when it did not say. */
    private final Duration retryAfter;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, for people
     * @param context where it came from
     * @param retryAfter how long the vendor asked to wait, or {@code null} when it did not say
     */
    public RateLimitedException(String message, ErrorContext context, Duration retryAfter) {
        super(message, context);
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
     * @return a new {@code RateLimitedException}
     */
    @Override
    protected RateLimitedException copy(ErrorContext context) {
        return new RateLimitedException(detail(), context, retryAfter);
    }
}
