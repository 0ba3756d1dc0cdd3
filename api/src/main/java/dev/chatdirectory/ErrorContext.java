package dev.chatdirectory;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where an error came from: the provider, the HTTP status and the vendor's own error code.
 *
 * <p>Instances are immutable and thread-safe. Any part may be absent, for example for errors
 * raised by validation before a request was sent.
 *
 * @param providerId id of the provider that raised the error, if known
 * @param httpStatus HTTP status of the vendor's response, if there was one
 * @param vendorCode the vendor's error code (e.g. {@code ERR_UID_NOT_FOUND}), if it sent one
 */
public record ErrorContext(Optional<String> providerId, OptionalInt httpStatus, Optional<String> vendorCode) {

    private static final ErrorContext NONE = new ErrorContext(Optional.empty(), OptionalInt.empty(), Optional.empty());

    /**
     * Creates a context; every argument must be non-null (use empty optionals for unknown parts).
     *
     * @param providerId id of the provider that raised the error, if known
     * @param httpStatus HTTP status of the vendor's response, if there was one
     * @param vendorCode the vendor's error code (e.g. {@code ERR_UID_NOT_FOUND}), if it sent one
     */
    public ErrorContext {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(httpStatus, "httpStatus");
        Objects.requireNonNull(vendorCode, "vendorCode");
    }

    /** {@return a context that knows nothing} */
    public static ErrorContext none() {
        return NONE;
    }

    /**
     * Returns a context naming only the provider.
     *
     * @param providerId the provider id
     * @return the context
     */
    public static ErrorContext of(String providerId) {
        return new ErrorContext(Optional.of(providerId), OptionalInt.empty(), Optional.empty());
    }

    /**
     * Returns a context for a vendor response.
     *
     * @param providerId the provider id
     * @param httpStatus the HTTP status of the response
     * @param vendorCode the vendor's error code, or {@code null} when it sent none
     * @return the context
     */
    public static ErrorContext of(String providerId, int httpStatus, String vendorCode) {
        return new ErrorContext(Optional.of(providerId), OptionalInt.of(httpStatus), Optional.ofNullable(vendorCode));
    }

    /**
     * {@return a copy naming the given provider}
     *
     * @param id the provider id
     */
    public ErrorContext withProvider(String id) {
        return new ErrorContext(Optional.of(id), httpStatus, vendorCode);
    }

    /** Renders the known parts as {@code provider=x, status=404, code=ERR}; empty when nothing is known. */
    String describe() {
        StringBuilder sb = new StringBuilder();
        providerId.ifPresent(p -> sb.append("provider=").append(p));
        httpStatus.ifPresent(
                s -> sb.append(sb.length() > 0 ? ", " : "").append("status=").append(s));
        vendorCode.ifPresent(
                c -> sb.append(sb.length() > 0 ? ", " : "").append("code=").append(c));
        return sb.toString();
    }
}
