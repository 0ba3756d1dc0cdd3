package dev.chatdirectory;

/**
 * Raised when the credentials are valid but not allowed to perform the operation (HTTP 403 or the vendor's equivalent).
 */
public class PermissionDeniedException extends ChatDirectoryException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, for people
     * @param context where it came from
     */
    public PermissionDeniedException(String message, ErrorContext context) {
        super(message, context);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what went wrong, for people
     * @param context where it came from
     * @param cause the underlying cause
     */
    public PermissionDeniedException(String message, ErrorContext context, Throwable cause) {
        super(message, context, cause);
    }

    /**
     * {@inheritDoc}
     *
     * @param context the copy's context
     * @return a new {@code PermissionDeniedException}
     */
    @Override
    protected PermissionDeniedException copy(ErrorContext context) {
        return new PermissionDeniedException(detail(), context, getCause());
    }
}
