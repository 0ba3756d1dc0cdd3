package dev.chatdirectory.provider.cometchat.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatdirectory.http.PageCursor;
import dev.chatdirectory.model.Page;
import dev.chatdirectory.spi.ProviderDescriptor;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Hides CometChat's {@code page}/{@code perPage} paging behind the API's opaque cursors.
 *
 * <p>A cursor holds the next page number and the page size it counts in; a walk keeps the page
 * size of its first page, since page numbers mean nothing at another size. Whether a next page
 * exists is read from {@code meta.pagination}. CometChat's own {@code cursor} object is not used:
 * the reference finds it in {@code meta} or at the top level depending on the source, and only the
 * groups list documents request parameters for it. Thread-safe.
 */
final class CometChatPaging {

    private final ProviderDescriptor descriptor;
    private final CometChatMapper wire;

    @Inject
    private CometChatPaging(ProviderDescriptor descriptor, CometChatMapper wire) {
        this.descriptor = descriptor;
        this.wire = wire;
    }

    /**
     * Returns the page a query asks for.
     *
     * @param listing what is listed, e.g. {@code users} or {@code members:g1}
     * @param pageSize the query's page size, empty for the default
     * @param cursor the query's cursor, empty for the first page
     * @return the page number and size
     * @throws dev.chatdirectory.InvalidRequestException if the cursor was not issued for this listing
     *     or for pages of another size
     */
    Position start(String listing, OptionalInt pageSize, Optional<String> cursor) {
        PageCursor at = PageCursor.resumePage(descriptor, listing, cursor, pageSize);
        return new Position(listing, at.position(), at.pageSize());
    }

    /**
     * Builds the page of a list answer.
     *
     * @param position the page that was asked for
     * @param body the list answer
     * @param items the items read from it
     * @param <T> the item type
     * @return the page, with a cursor when CometChat has more
     */
    <T> Page<T> page(Position position, JsonNode body, List<T> items) {
        String next = wire.hasNextPage(body, position.page(), position.perPage(), items.size())
                ? new PageCursor(position.listing(), position.page() + 1, position.perPage()).encode()
                : null;
        return Page.of(items, next);
    }

    /**
     * A page of a listing.
     *
     * @param listing what is listed
     * @param page the 1-based page number
     * @param perPage the page size
     */
    record Position(String listing, long page, int perPage) {

        /** {@return the query parameters of this page, to which filters may be added} */
        Map<String, Object> query() {
            Map<String, Object> query = new LinkedHashMap<>();
            query.put("perPage", perPage);
            query.put("page", page);
            return query;
        }
    }
}
