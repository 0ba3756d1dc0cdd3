package dev.chatdirectory.http;

import dev.chatdirectory.ErrorContext;
import dev.chatdirectory.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * Hides a vendor's paging style (page number, row offset) behind the API's opaque cursor.
 *
 * <p>A cursor carries the listing it belongs to (e.g. {@code users} or {@code members:g1}), the
 * position to read next and the page size it was issued for, so that a cursor handed to another
 * listing, or edited, is rejected with {@link InvalidRequestException} before anything is sent.
 * Immutable and thread-safe.
 *
 * @param listing what is listed, e.g. {@code users}
 * @param position the vendor position of the next page: a 1-based page number or a row offset
 * @param pageSize the page size the position is counted in
 */
public record PageCursor(String listing, long position, int pageSize) {

    private static final String VERSION = "v1";

    /** Creates a cursor. */
    public PageCursor {
        Objects.requireNonNull(listing, "listing");
        if (position < 0 || pageSize < 1) {
            throw new IllegalArgumentException("position must be >= 0 and pageSize >= 1");
        }
    }

    /** {@return the opaque text handed to callers} */
    public String encode() {
        String text = VERSION + "|" + listing + "|" + position + "|" + pageSize;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads a cursor given back by a caller.
     *
     * @param providerId the provider, for the error's context
     * @param listing the listing being read; a cursor of another listing is rejected
     * @param cursor the caller's cursor, empty for the first page
     * @return the decoded cursor, empty for the first page
     * @throws InvalidRequestException if the cursor was not issued for this listing
     */
    public static Optional<PageCursor> decode(String providerId, String listing, Optional<String> cursor) {
        if (cursor.isEmpty()) {
            return Optional.empty();
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor.get()), StandardCharsets.UTF_8);
            String[] parts = text.split("\\|", -1);
            if (parts.length == 4 && parts[0].equals(VERSION) && parts[1].equals(listing)) {
                return Optional.of(new PageCursor(listing, Long.parseLong(parts[2]), Integer.parseInt(parts[3])));
            }
        } catch (IllegalArgumentException e) {
            // not base64, not numbers or out of range: reported below
        }
        throw new InvalidRequestException(
                "cursor", "is not a cursor issued by " + providerId + " for " + listing, ErrorContext.of(providerId));
    }
}
