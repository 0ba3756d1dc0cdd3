package dev.chatdirectory;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Root of every error raised by ChatDirectory; unchecked.
 *
 * <p>Each exception carries its {@link ErrorContext}: the provider id, the HTTP status and the
 * vendor's error code when they are known. The message is written for people and never contains
 * an API key, secret or password. Subclasses say what went wrong; catch them rather than
 * inspecting vendor codes, which differ per provider.
 */
public class ChatDirectoryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The provider that raised the error, {@code null} when unknown. */
    private final String providerId;

    /** The HTTP status of the vendor's response, {@code -1} when there was none. */
    private final int httpStatus;

    /** The vendor's error code, {@code null} when it sent none. */
    private final String vendorCode;

    /** The message as given, without the context {@link #getMessage()} appends. */
    private final String detail;

    /**
     * Creates an exception.
     *
     * @param message what went wrong, for people
     * @param context where it came from
     * @param cause the underlying cause, or {@code null}
     */
    public ChatDirectoryException(String message, ErrorContext context, Throwable cause) {
        super(compose(message, context), cause);
        Objects.requireNonNull(context, "context");
        // Kept as plain fields so that the context survives Java serialization.
        this.providerId = context.providerId().orElse(null);
        this.httpStatus = context.httpStatus().orElse(-1);
        this.vendorCode = context.vendorCode().orElse(null);
        this.detail = message;
    }

    /**
     * Creates an exception without a cause.
     *
     * @param message what went wrong, for people
     * @param context where it came from
     */
    public ChatDirectoryException(String message, ErrorContext context) {
        this(message, context, null);
    }

    /**
     * Returns this exception as reported by another provider: a provider that wraps another
     * directory uses it so that its callers see its own id, not its delegate's. The copy has the
     * same type, message, cause, HTTP status, vendor code, stack trace, suppressed exceptions and
     * details of its own (retry-after, field, capabilities); only the provider id changes.
     *
     * @param providerId the provider to report
     * @return the copy; this exception itself when it already names that provider, or when it is of
     *     a subclass that does not override {@link #copy} (its type matters more than its label)
     * @throws NullPointerException if {@code providerId} is {@code null}
     */
    public ChatDirectoryException withProvider(String providerId) {
        Objects.requireNonNull(providerId, "providerId");
        if (providerId.equals(this.providerId)) {
            return this;
        }
        ChatDirectoryException copy = copy(context().withProvider(providerId));
        if (copy.getClass() != getClass()) {
            return this;
        }
        copy.setStackTrace(getStackTrace());
        for (Throwable suppressed : getSuppressed()) {
            copy.addSuppressed(suppressed);
        }
        return copy;
    }

    /**
     * Creates a copy of this exception with another context, for {@link #withProvider}. Every
     * subclass overrides it to return its own type with its own details.
     *
     * @param context the copy's context
     * @return a new exception of this exception's type
     */
    protected ChatDirectoryException copy(ErrorContext context) {
        return new ChatDirectoryException(detail, context, getCause());
    }

    /** {@return the message as given to the constructor, without the context {@link #getMessage()} appends} */
    protected final String detail() {
        return detail;
    }

    /** {@return where the error came from} */
    public ErrorContext context() {
        return new ErrorContext(
                Optional.ofNullable(providerId),
                httpStatus < 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus),
                Optional.ofNullable(vendorCode));
    }

    /** {@return the id of the provider that raised the error, if known} */
    public Optional<String> providerId() {
        return context().providerId();
    }

    /** {@return the HTTP status of the vendor's response, if there was one} */
    public OptionalInt httpStatus() {
        return context().httpStatus();
    }

    /** {@return the vendor's own error code, if it sent one} */
    public Optional<String> vendorCode() {
        return context().vendorCode();
    }

    private static String compose(String message, ErrorContext context) {
        String details = context == null ? "" : context.describe();
        return details.isEmpty() ? message : message + " [" + details + "]";
    }
}
