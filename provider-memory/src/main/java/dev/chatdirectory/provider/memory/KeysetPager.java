package dev.chatdirectory.provider.memory;

import dev.chatdirectory.ErrorContext;
import dev.chatdirectory.InvalidRequestException;
import dev.chatdirectory.model.Page;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Pages over a sorted map by key: the cursor is the last key returned, so concurrent inserts and
 * deletes never make a walk repeat or skip an item that existed throughout it.
 *
 * <p>Cursors are tagged with the listing they belong to, so a users cursor passed to a groups
 * listing is rejected. Stateless and thread-safe.
 */
final class KeysetPager {

    private KeysetPager() {}

    static <T> Page<T> page(
            String listing,
            NavigableMap<String, T> items,
            Predicate<? super T> filter,
            int pageSize,
            Optional<String> cursor) {
        return page(listing, items, filter, Function.identity(), pageSize, cursor);
    }

    static <S, T> Page<T> page(
            String listing,
            NavigableMap<String, S> items,
            Predicate<? super S> filter,
            Function<? super S, ? extends T> view,
            int pageSize,
            Optional<String> cursor) {
        NavigableMap<String, S> rest =
                cursor.map(c -> items.tailMap(decode(listing, c), false)).orElse(items);
        List<T> page = new ArrayList<>(pageSize);
        String lastKey = null;
        boolean more = false;
        for (Map.Entry<String, S> entry : rest.entrySet()) {
            if (!filter.test(entry.getValue())) {
                continue;
            }
            if (page.size() == pageSize) {
                more = true;
                break;
            }
            page.add(view.apply(entry.getValue()));
            lastKey = entry.getKey();
        }
        return Page.of(page, more ? encode(listing, lastKey) : null);
    }

    /**
     * Separates the listing from the key in a cursor. Listings embed group ids ({@code
     * members:<groupId>}) and ids may contain any printable character, so a printable separator
     * would be ambiguous (a cursor of group {@code a} with key {@code b:x} would read as one of
     * group {@code a:b} with key {@code x}); ids never contain control characters.
     */
    private static final char SEPARATOR = '\u0000';

    private static String encode(String listing, String key) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((listing + SEPARATOR + key).getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String listing, String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(listing + SEPARATOR)) {
                return text.substring(listing.length() + 1);
            }
        } catch (IllegalArgumentException e) {
            // not base64: reported below
        }
        throw new InvalidRequestException(
                "cursor", "is not a cursor issued by this provider for " + listing, ErrorContext.of("memory"));
    }
}
