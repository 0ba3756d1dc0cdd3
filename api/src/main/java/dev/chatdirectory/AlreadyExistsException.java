package dev.chatdirectory;

/**
 * Raised when a create names an id that is already taken at the provider.
 */
public class AlreadyExistsException extends ChatDirectoryException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, for people
     * @param context where it came from
     */
    public AlreadyExistsException(String message, ErrorContext context) {
        super(message, context);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what went wrong, for people
     * @param context where it came from
     * @param cause the underlying cause
     */
    public AlreadyExistsException(String message, ErrorContext context, Throwable cause) {
        super(message, context, cause);
    }

    /**
     * {@inheritDoc}
     *
     * @param context the copy's context
     * @return a new {@code AlreadyExistsException}
     */
    @Override
    protected AlreadyExistsException copy(ErrorContext context) {
        return new AlreadyExistsException(detail(), context, getCause());
    }
}
