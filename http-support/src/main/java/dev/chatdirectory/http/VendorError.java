package dev.chatdirectory.http;

import java.util.Objects;
import java.util.Optional;

/**
 * What a vendor's error envelope says: its error code, its message and the field it blames.
 *
 * <p>Immutable and thread-safe.
 *
 * @param code the vendor's error code, e.g. {@code ERR_UID_NOT_FOUND}
 * @param message the vendor's message, for people
 * @param field the request field the vendor blames
 */
public record VendorError(Optional<String> code, Optional<String> message, Optional<String> field) {

    private static final VendorError NONE = new VendorError(Optional.empty(), Optional.empty(), Optional.empty());

    /** Creates the value; no argument may be {@code null}. */
    public VendorError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(field, "field");
    }

    /** {@return an error envelope that said nothing usable} */
    public static VendorError none() {
        return NONE;
    }

    /**
     * Returns a vendor error.
     *
     * @param code the error code, or {@code null}
     * @param message the message, or {@code null}
     * @param field the blamed field, or {@code null}
     * @return the value
     */
    public static VendorError of(String code, String message, String field) {
        return new VendorError(Optional.ofNullable(code), Optional.ofNullable(message), Optional.ofNullable(field));
    }
}
