package dev.chatdirectory;

/**
 * Raised when the provider rejects the credentials (HTTP 401 or the vendor's equivalent).
 *
 * <p>Never retried. The message never repeats the key, not even masked.
 */
public class AuthenticationException extends ChatDirectoryException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, for people
     * @param context where it came from
     */
    public AuthenticationException(String message, ErrorContext context) {
        super(message, context);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what went wrong, for people
     * @param context where it came from
     * @param cause the underlying cause
     */
    public AuthenticationException(String message, ErrorContext context, Throwable cause) {
        super(message, context, cause);
    }

    /**
     * {@inheritDoc}
     *
     * @param context the copy's context
     * @return a new {@code AuthenticationException}
     */
    @Override
    protected AuthenticationException copy(ErrorContext context) {
        return new AuthenticationException(detail(), context, getCause());
    }
}
