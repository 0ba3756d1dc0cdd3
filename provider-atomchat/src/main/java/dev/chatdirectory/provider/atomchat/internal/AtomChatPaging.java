package dev.chatdirectory.provider.atomchat.internal;

import dev.chatdirectory.http.PageCursor;
import dev.chatdirectory.model.Page;
import dev.chatdirectory.spi.ProviderDescriptor;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Pages through lists AtomChat returns whole (groups, members, bans): the caller sorts the list,
 * and the cursor is the row offset of the next page within it.
 */
final class AtomChatPaging {

    private AtomChatPaging() {}

    /**
     * Cuts one page out of a whole, sorted list, read only once the cursor has been accepted.
     *
     * @param provider the provider, whose limits a cursor must keep to
     * @param listing what is listed, e.g. {@code members:g1}; a cursor of another listing is refused
     * @param read reads every item, in a stable order
     * @param pageSize items per page
     * @param cursor the caller's cursor, empty for the first page
     * @param <T> the item type
     * @return the page, with a cursor only when more items follow
     * @throws dev.chatdirectory.InvalidRequestException if the cursor is refused, before {@code
     *     read} is called
     */
    static <T> Page<T> slice(
            ProviderDescriptor provider,
            String listing,
            Supplier<List<T>> read,
            int pageSize,
            Optional<String> cursor) {
        PageCursor at = PageCursor.resume(provider, listing, cursor, 0, pageSize);
        List<T> all = read.get();
        int start = (int) Math.min(at.position(), all.size());
        int end = Math.min(all.size(), start + pageSize);
        String next = end < all.size() ? at.at(end).encode() : null;
        return Page.of(all.subList(start, end), next);
    }
}
