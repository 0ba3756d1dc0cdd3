package dev.chatdirectory.provider.qiscus.internal;

import dev.chatdirectory.ErrorContext;
import dev.chatdirectory.InvalidRequestException;
import dev.chatdirectory.http.PageCursor;
import java.util.Optional;

/**
 * Qiscus's 1-based {@code page} numbers behind the API's opaque cursors: a cursor holds the next
 * page number and the page size it counts in.
 */
final class Paging {

    private Paging() {}

    /**
     * Returns the page a query asks for.
     *
     * @param providerId the provider, for errors
     * @param listing what is listed, e.g. {@code users}
     * @param cursor the query's cursor, empty for the first page
     * @param pageSize the query's page size
     * @return the 1-based page number
     * @throws InvalidRequestException if the cursor belongs to another listing, or to pages of
     *     another size (page numbers mean nothing at another size)
     */
    static long page(String providerId, String listing, Optional<String> cursor, int pageSize) {
        return PageCursor.decode(providerId, listing, cursor)
                .map(c -> {
                    if (c.pageSize() != pageSize || c.position() < 1) {
                        throw new InvalidRequestException(
                                "cursor",
                                "was issued for pages of " + c.pageSize() + " items; ask for pages of that size",
                                ErrorContext.of(providerId));
                    }
                    return c.position();
                })
                .orElse(1L);
    }

    /** Returns the cursor of the page after {@code page}. */
    static String next(String listing, long page, int pageSize) {
        return new PageCursor(listing, page + 1, pageSize).encode();
    }
}
