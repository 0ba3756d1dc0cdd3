package dev.chatdirectory;

/**
 * Raised when a directory cannot be opened from its configuration: unknown or ambiguous provider id, missing credentials or a malformed setting.
 */
public class ConfigurationException extends ChatDirectoryException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, for people
     * @param context where it came from
     */
    public ConfigurationException(String message, ErrorContext context) {
        super(message, context);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what went wrong, for people
     * @param context where it came from
     * @param cause the underlying cause
     */
    public ConfigurationException(String message, ErrorContext context, Throwable cause) {
        super(message, context, cause);
    }

    /**
     * {@inheritDoc}
     *
     * @param context the copy's context
     * @return a new {@code ConfigurationException}
     */
    @Override
    protected ConfigurationException copy(ErrorContext context) {
        return new ConfigurationException(detail(), context, getCause());
    }
}
