package dev.chatdirectory;

/**
 * Raised when the provider answers with something that cannot be understood: malformed JSON, a missing envelope or a missing mandatory field.
 */
public class ProviderProtocolException extends ChatDirectoryException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, for people
     * @param context where it came from
     */
    public ProviderProtocolException(String message, ErrorContext context) {
        super(message, context);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what went wrong, for people
     * @param context where it came from
     * @param cause the underlying cause
     */
    public ProviderProtocolException(String message, ErrorContext context, Throwable cause) {
        super(message, context, cause);
    }

    /**
     * {@inheritDoc}
     *
     * @param context the copy's context
     * @return a new {@code ProviderProtocolException}
     */
    @Override
    protected ProviderProtocolException copy(ErrorContext context) {
        return new ProviderProtocolException(detail(), context, getCause());
    }
}
