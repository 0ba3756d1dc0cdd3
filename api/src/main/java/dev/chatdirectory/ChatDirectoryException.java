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
