package dev.chatdirectory.http;

import dev.chatdirectory.ErrorContext;
import dev.chatdirectory.InvalidRequestException;
import dev.chatdirectory.spi.ProviderDescriptor;
import dev.chatdirectory.spi.ProviderLimits;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Hides a vendor's paging style (page number, row offset) behind the API's opaque cursor.
 *
 * <p>A cursor carries the listing it belongs to (e.g. {@code users} or {@code members:g1}), the
 * position to read next and the page size it was issued for, so that a cursor handed to another
 * listing, or edited, is rejected with {@link InvalidRequestException} before anything is sent.
 * Immutable and thread-safe.
 *
 * <p>A cursor comes back from the caller, so it is input like a page size: its page size must be
 * one the provider's {@link ProviderLimits#maxPageSize()} allows and its position may not point
 * before the first page or past row {@value #MAX_ROW}, or the adapter would send a vendor {@code
 * perPage=2147483647} or {@code page=9223372036854775807}. Cursors are validated, not signed: a
 * forged cursor that passes these rules asks for a page the caller could ask for anyway with the
 * same credentials, so a signature would protect nothing, while its key would tie cursors to one
 * directory instance and break a listing resumed in another process.
 *
 * @param listing what is listed, e.g. {@code users}
 * @param position the vendor position of the next page: a 1-based page number or a row offset
 * @param pageSize the page size the position is counted in
 */
public record PageCursor(String listing, long position, int pageSize) {

    /**
     * The last row a cursor may point at. Vendors read paging parameters as 32-bit integers at
     * best (and every adapter counts rows in {@code int}), and no directory comes near it.
     */
    public static final long MAX_ROW = Integer.MAX_VALUE;

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
     * Returns which 1-based page of a page-numbered listing to read: the caller's cursor, or page 1
     * at the requested (or the provider's default) size. Page numbers mean something only at the
     * size they were counted in, so a cursor used with another explicit page size is rejected.
     *
     * @param provider the provider: its id for the error's context, its limits for the cursor's
     * @param listing the listing being read; a cursor of another listing is rejected
     * @param cursor the caller's cursor, empty for the first page
     * @param requested the page size the caller asked for, if any
     * @return the page to read, with its page size
     * @throws InvalidRequestException if the cursor was not issued for this listing, breaks the
     *     provider's limits, or was issued for pages of another size than the one asked for
     */
    public static PageCursor resumePage(
            ProviderDescriptor provider, String listing, Optional<String> cursor, OptionalInt requested) {
        PageCursor at = resume(
                provider, listing, cursor, 1, requested.orElse(provider.limits().defaultPageSize()));
        if (requested.isPresent() && requested.getAsInt() != at.pageSize()) {
            throw new InvalidRequestException(
                    "cursor",
                    "was issued for pages of " + at.pageSize() + " items; ask for pages of that size",
                    ErrorContext.of(provider.id()));
        }
        return at;
    }

    /**
     * Returns where a listing continues: the caller's cursor, or the first position at the given
     * page size. A cursor keeps the page size it was issued for.
     *
     * @param provider the provider: its id for the error's context, its limits for the cursor's
     * @param listing the listing being read; a cursor of another listing is rejected
     * @param cursor the caller's cursor, empty for the first page
     * @param first the vendor position of the first page: 1 for page numbers, 0 for row offsets
     * @param pageSize the page size of a walk that starts here
     * @return the position to read
     * @throws InvalidRequestException if the cursor was not issued for this listing or breaks the
     *     provider's limits
     */
    public static PageCursor resume(
            ProviderDescriptor provider, String listing, Optional<String> cursor, long first, int pageSize) {
        return decode(provider.id(), listing, cursor)
                .map(at -> at.checked(provider, first))
                .orElseGet(() -> new PageCursor(listing, first, pageSize));
    }

    /**
     * Returns the cursor of another position of the same listing, at the same page size.
     *
     * @param next the vendor position of the next page
     * @return the cursor
     */
    public PageCursor at(long next) {
        return new PageCursor(listing, next, pageSize);
    }

    private static Optional<PageCursor> decode(String providerId, String listing, Optional<String> cursor) {
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

    /** This cursor, if it keeps to the provider's limits; {@code first} tells pages from offsets. */
    private PageCursor checked(ProviderDescriptor provider, long first) {
        int maxPageSize = provider.limits().maxPageSize();
        String rule = null;
        if (pageSize > maxPageSize) {
            rule = "holds a page size of " + pageSize + "; " + provider.id() + " pages hold 1 to " + maxPageSize
                    + " items";
        } else if (position < first) {
            rule = "points before the first page";
        } else if (position - first > MAX_ROW / (first == 0 ? 1 : pageSize)) {
            rule = "points past row " + MAX_ROW + ", beyond any listing";
        }
        if (rule != null) {
            throw new InvalidRequestException("cursor", rule, ErrorContext.of(provider.id()));
        }
        return this;
    }
}
