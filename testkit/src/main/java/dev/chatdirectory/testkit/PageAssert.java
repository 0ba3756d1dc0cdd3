package dev.chatdirectory.testkit;

import dev.chatdirectory.model.Page;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.ListAssert;

/**
 * Assertions on one page of a listing; obtain one with {@link
 * ChatDirectoryAssertions#assertThat(Page)}.
 *
 * @param <T> the item type
 */
public class PageAssert<T> extends AbstractAssert<PageAssert<T>, Page<T>> {

    /**
     * Creates the assertion.
     *
     * @param actual the page under test
     */
    public PageAssert(Page<T> actual) {
        super(actual, PageAssert.class);
    }

    /** {@return this assertion, after verifying another page follows} */
    public PageAssert<T> hasNextCursor() {
        isNotNull();
        if (actual.nextCursor().isEmpty()) {
            failWithMessage(
                    "Expected a next cursor after this page of %s items, but it is the last",
                    actual.items().size());
        }
        if (actual.nextCursor().get().isEmpty()) {
            failWithMessage("Expected a non-empty next cursor");
        }
        return this;
    }

    /** {@return this assertion, after verifying this is the last page} */
    public PageAssert<T> isLastPage() {
        isNotNull();
        if (actual.nextCursor().isPresent()) {
            failWithMessage(
                    "Expected the last page but it has next cursor <%s>",
                    actual.nextCursor().get());
        }
        return this;
    }

    /**
     * Verifies the page holds exactly the given number of items.
     *
     * @param size the expected number
     * @return this assertion
     */
    public PageAssert<T> hasSize(int size) {
        isNotNull();
        if (actual.items().size() != size) {
            failWithMessage(
                    "Expected a page of %s items but it has %s: %s",
                    size, actual.items().size(), actual.items());
        }
        return this;
    }

    /**
     * Verifies the page holds at most the given number of items.
     *
     * @param pageSize the page size that was asked for
     * @return this assertion
     */
    public PageAssert<T> hasAtMost(int pageSize) {
        isNotNull();
        if (actual.items().size() > pageSize) {
            failWithMessage(
                    "Expected at most %s items but the page has %s",
                    pageSize, actual.items().size());
        }
        return this;
    }

    /** {@return an assertion on the items of the page, for AssertJ's list assertions} */
    public ListAssert<T> items() {
        isNotNull();
        return new ListAssert<>(actual.items());
    }
}
