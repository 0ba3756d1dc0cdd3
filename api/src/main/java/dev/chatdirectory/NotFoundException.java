package dev.chatdirectory;

/**
 * Raised when the user, group or membership an operation needs does not exist at the provider.
 *
 * <p>Lookups never raise it: they return an empty {@link java.util.Optional} instead.
 */
public class NotFoundException extends ChatDirectoryException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, for people
     * @param context where it came from
     */
    public NotFoundException(String message, ErrorContext context) {
        super(message, context);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what went wrong, for people
     * @param context where it came from
     * @param cause the underlying cause
     */
    public NotFoundException(String message, ErrorContext context, Throwable cause) {
        super(message, context, cause);
    }

    /**
     * {@inheritDoc}
     *
     * @param context the copy's context
     * @return a new {@code NotFoundException}
     */
    @Override
    protected NotFoundException copy(ErrorContext context) {
        return new NotFoundException(detail(), context, getCause());
    }
}
