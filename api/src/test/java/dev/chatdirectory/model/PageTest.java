package dev.chatdirectory.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Page")
class PageTest {

    /**
     * A fake listing of the integers 0..size-1 in pages of pageSize; the cursor is the next index
     * as text. Counts fetches and remembers the cursors it was asked for.
     */
    static final class Listing implements Function<PageRequest, Page<Integer>> {
        final int size;
        final AtomicInteger fetches = new AtomicInteger();
        final List<Optional<String>> cursors = new ArrayList<>();

        Listing(int size) {
            this.size = size;
        }

        @Override
        public Page<Integer> apply(PageRequest request) {
            fetches.incrementAndGet();
            cursors.add(request.cursor());
            int from = request.cursor().map(Integer::parseInt).orElse(0);
            int to = Math.min(size, from + request.pageSize().orElseThrow());
            List<Integer> items = IntStream.range(from, to).boxed().toList();
            return Page.of(items, to < size ? String.valueOf(to) : null);
        }

        Stream<Integer> stream(int pageSize) {
            return Page.stream(PageRequest.ofSize(pageSize), this, PageRequest::withCursor);
        }
    }

    @Nested
    @DisplayName("a page")
    class OnePage {

        @Test
        @DisplayName("copies its items: changing the source list afterwards changes nothing")
        void copiesItems() {
            List<String> source = new ArrayList<>(List.of("a", "b"));
            Page<String> page = Page.of(source, "next");
            source.add("c");

            assertThat(page.items()).containsExactly("a", "b");
            assertThatThrownBy(() -> page.items().add("d")).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        @DisplayName("rejects null items and a null cursor optional")
        void nulls() {
            assertThatThrownBy(() -> Page.of(Arrays.asList("a", null), null)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> new Page<>(List.of(), null)).isInstanceOf(NullPointerException.class);
        }

        @Test
        @DisplayName("has a next page exactly when it has a cursor")
        void hasNext() {
            assertThat(Page.of(List.of(1), "c").hasNext()).isTrue();
            assertThat(Page.of(List.of(1), "c").nextCursor()).contains("c");
            assertThat(Page.of(List.of(1), null).hasNext()).isFalse();
        }

        @Test
        @DisplayName("map transforms the items and keeps the cursor")
        void map() {
            Page<Integer> page = Page.of(List.of("a", "bb"), "c").map(String::length);

            assertThat(page.items()).containsExactly(1, 2);
            assertThat(page.nextCursor()).contains("c");
        }
    }

    @Nested
    @DisplayName("stream")
    class Streaming {

        @Test
        @DisplayName("yields every item once, in order, across pages")
        void everyItem() {
            Listing listing = new Listing(10);

            assertThat(listing.stream(3)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
            assertThat(listing.fetches).hasValue(4);
            assertThat(listing.cursors)
                    .containsExactly(Optional.empty(), Optional.of("3"), Optional.of("6"), Optional.of("9"));
        }

        @Test
        @DisplayName("fetches nothing until the stream is consumed")
        void lazyStart() {
            Listing listing = new Listing(10);

            Stream<Integer> stream = listing.stream(3).map(i -> i * 2).filter(i -> i > 0);

            assertThat(listing.fetches).hasValue(0);
            assertThat(stream.findFirst()).contains(2);
            assertThat(listing.fetches).hasValue(1);
        }

        @Test
        @DisplayName("fetches only the pages that are consumed")
        void lazyPages() {
            Listing listing = new Listing(1_000);

            assertThat(listing.stream(3).limit(4).toList()).containsExactly(0, 1, 2, 3);
            assertThat(listing.fetches).hasValue(2);
        }

        @Test
        @DisplayName("fetches the next page only when the current one is used up")
        void pageByPage() {
            Listing listing = new Listing(6);
            Iterator<Integer> it = listing.stream(3).iterator();

            assertThat(listing.fetches).hasValue(0);
            it.next();
            assertThat(listing.fetches).hasValue(1);
            it.next();
            it.next();
            assertThat(listing.fetches).hasValue(1);
            it.next();
            assertThat(listing.fetches).hasValue(2);
        }

        @Test
        @DisplayName("skips empty pages that still have a cursor")
        void emptyPages() {
            Map<Optional<String>, Page<String>> pages = Map.of(
                    Optional.empty(), Page.of(List.of(), "1"),
                    Optional.of("1"), Page.of(List.of("a"), "2"),
                    Optional.of("2"), Page.of(List.of(), "3"),
                    Optional.of("3"), Page.of(List.of(), "4"),
                    Optional.of("4"), Page.of(List.of("b"), null));
            AtomicInteger fetches = new AtomicInteger();

            List<String> items = Page.stream(
                            PageRequest.first(),
                            (PageRequest r) -> {
                                fetches.incrementAndGet();
                                return pages.get(r.cursor());
                            },
                            PageRequest::withCursor)
                    .toList();

            assertThat(items).containsExactly("a", "b");
            assertThat(fetches).hasValue(5);
        }

        @Test
        @DisplayName("stops with a protocol error instead of looping when a provider repeats its cursor")
        void repeatedCursor() {
            AtomicInteger fetches = new AtomicInteger();
            Stream<String> endless = Page.stream(
                    PageRequest.first(),
                    (PageRequest r) -> {
                        fetches.incrementAndGet();
                        return Page.of(List.of("x"), "same");
                    },
                    PageRequest::withCursor);

            assertThatThrownBy(endless::count)
                    .isInstanceOf(dev.chatdirectory.ProviderProtocolException.class)
                    .hasMessageContaining("same cursor twice");
            assertThat(fetches).hasValue(2);
        }

        @Test
        @DisplayName("an empty listing is fetched once and yields nothing")
        void emptyListing() {
            Listing listing = new Listing(0);

            assertThat(listing.stream(5)).isEmpty();
            assertThat(listing.fetches).hasValue(1);
        }

        @Test
        @DisplayName("the iterator throws NoSuchElementException past the end without fetching again")
        void pastTheEnd() {
            Listing listing = new Listing(2);
            Iterator<Integer> it = listing.stream(5).iterator();
            it.next();
            it.next();

            assertThat(it.hasNext()).isFalse();
            assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
            assertThat(listing.fetches).hasValue(1);
        }

        @Test
        @DisplayName("derives each next query from the previous query, keeping its other fields")
        void nextQuery() {
            List<UserQuery> seen = new ArrayList<>();
            UserQuery first = UserQuery.builder().search("al").pageSize(2).build();

            Page.stream(
                            first,
                            (UserQuery q) -> {
                                seen.add(q);
                                return q.cursor().isEmpty()
                                        ? Page.of(List.of("x"), "c1")
                                        : Page.<String>of(List.of("y"), null);
                            },
                            UserQuery::withCursor)
                    .forEach(x -> {});

            assertThat(seen).containsExactly(first, first.withCursor("c1"));
            assertThat(seen.get(1).search()).contains("al");
            assertThat(seen.get(1).pageSize()).hasValue(2);
        }

        @Test
        @DisplayName("propagates a failure of a later page to the consumer")
        void failure() {
            Stream<Integer> stream = Page.stream(
                    PageRequest.first(),
                    (PageRequest r) -> {
                        if (r.cursor().isPresent()) {
                            throw new IllegalStateException("page 2 failed");
                        }
                        return Page.of(List.of(1), "2");
                    },
                    PageRequest::withCursor);

            assertThatThrownBy(stream::toList).hasMessage("page 2 failed");
        }
    }
}
