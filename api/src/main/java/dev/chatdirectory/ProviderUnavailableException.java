package dev.chatdirectory;

/**
 * Raised when the provider cannot be reached or does not answer in time: HTTP 5xx, network failures, timeouts and the overall call deadline.
 *
 * <p>A write that failed this way may or may not have been applied; read before retrying it.
 */
public class ProviderUnavailableException extends ChatDirectoryException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, for people
     * @param context where it came from
     */
    public ProviderUnavailableException(String message, ErrorContext context) {
        super(message, context);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what went wrong, for people
     * @param context where it came from
     * @param cause the underlying cause
     */
    public ProviderUnavailableException(String message, ErrorContext context, Throwable cause) {
        super(message, context, cause);
    }
}
