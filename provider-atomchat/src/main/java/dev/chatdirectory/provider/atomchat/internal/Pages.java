package dev.chatdirectory.provider.atomchat.internal;

import dev.chatdirectory.http.PageCursor;
import dev.chatdirectory.model.Page;
import java.util.List;
import java.util.Optional;

/**
 * Pages through lists AtomChat returns whole (groups, members, bans): the caller sorts the list,
 * and the cursor is the row offset of the next page within it.
 */
final class Pages {

    private Pages() {}

    /**
     * Cuts one page out of a whole, sorted list.
     *
     * @param providerId the provider, for cursor errors
     * @param listing what is listed, e.g. {@code members:g1}; a cursor of another listing is refused
     * @param all every item, in a stable order
     * @param pageSize items per page
     * @param cursor the caller's cursor, empty for the first page
     * @param <T> the item type
     * @return the page, with a cursor only when more items follow
     */
    static <T> Page<T> slice(String providerId, String listing, List<T> all, int pageSize, Optional<String> cursor) {
        PageCursor at = PageCursor.resume(providerId, listing, cursor, 0, pageSize);
        int start = (int) Math.min(at.position(), all.size());
        int end = Math.min(all.size(), start + pageSize);
        String next = end < all.size() ? at.at(end).encode() : null;
        return Page.of(all.subList(start, end), next);
    }
}
