package dev.chatdirectory.model;

import dev.chatdirectory.ErrorContext;
import dev.chatdirectory.ProviderProtocolException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * One page of a listing, and the opaque cursor of the next page.
 *
 * <p>Cursors are issued by the provider and mean nothing elsewhere; pass them back unchanged.
 * Immutable and thread-safe.
 *
 * @param items the items of this page, never {@code null}
 * @param nextCursor the cursor of the next page, empty on the last page
 * @param <T> the item type
 */
public record Page<T>(List<T> items, Optional<String> nextCursor) {

    /**
     * Creates a page, copying the items.
     *
     * @throws NullPointerException if items (or one of them) or nextCursor is {@code null}
     * @param items the items of this page, never {@code null}
     * @param nextCursor the cursor of the next page, empty on the last page
     */
    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(nextCursor, "nextCursor");
    }

    /**
     * Returns a page.
     *
     * @param items the items
     * @param nextCursor the next page's cursor, or {@code null} on the last page
     * @param <T> the item type
     * @return the page
     */
    public static <T> Page<T> of(List<T> items, String nextCursor) {
        return new Page<>(items, Optional.ofNullable(nextCursor));
    }

    /** {@return whether another page follows} */
    public boolean hasNext() {
        return nextCursor.isPresent();
    }

    /**
     * Transforms every item, keeping the cursor.
     *
     * @param mapper the transformation
     * @param <R> the new item type
     * @return the transformed page
     */
    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), nextCursor);
    }

    /**
     * Streams every item of a listing lazily, fetching one page at a time; only the current page
     * is held in memory.
     *
     * @param first the query of the first page
     * @param fetch fetches the page of a query
     * @param nextQuery derives the query of the next page from the previous query and a cursor
     * @param <Q> the query type
     * @param <T> the item type
     * @return a sequential stream; pages are fetched as it is consumed
     */
    public static <Q, T> Stream<T> stream(
            Q first, Function<? super Q, Page<T>> fetch, BiFunction<? super Q, String, ? extends Q> nextQuery) {
        Iterator<T> iterator = new Iterator<>() {
            private Q query = first;
            private Iterator<T> current = List.<T>of().iterator();
            private boolean exhausted;
            private String lastCursor;

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && !exhausted) {
                    Page<T> page = fetch.apply(query);
                    current = page.items().iterator();
                    if (page.nextCursor().isPresent()) {
                        if (page.nextCursor().get().equals(lastCursor)) {
                            // A provider repeating its cursor would make the walk endless.
                            throw new ProviderProtocolException(
                                    "a listing returned the same cursor twice; the walk stops instead of looping",
                                    ErrorContext.none());
                        }
                        lastCursor = page.nextCursor().get();
                        query = nextQuery.apply(query, page.nextCursor().get());
                    } else {
                        exhausted = true;
                    }
                }
                return current.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }
}
