package dev.chatdirectory.model;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Which page of an unfiltered listing to read.
 *
 * <p>Immutable and thread-safe.
 *
 * @param pageSize items per page, empty for the provider's default
 * @param cursor cursor of the page to read, empty for the first
 */
public record PageRequest(OptionalInt pageSize, Optional<String> cursor) {

    private static final PageRequest FIRST = new PageRequest(OptionalInt.empty(), Optional.empty());

    /**
     * Creates and validates the request.
     *
     * @throws dev.chatdirectory.InvalidRequestException when the page size is below 1
     * @param pageSize items per page, empty for the provider's default
     * @param cursor cursor of the page to read, empty for the first
     */
    public PageRequest {
        Checks.notNull("pageSize", pageSize).ifPresent(Checks::pageSize);
        Checks.notNull("cursor", cursor);
    }

    /** {@return the first page with the provider's default size} */
    public static PageRequest first() {
        return FIRST;
    }

    /**
     * Returns the first page with the given size.
     *
     * @param pageSize items per page
     * @return the request
     */
    public static PageRequest ofSize(int pageSize) {
        return new PageRequest(OptionalInt.of(pageSize), Optional.empty());
    }

    /**
     * {@return this request positioned at the given page}
     *
     * @param cursor cursor of the page to read, as a previous page gave it
     * @throws dev.chatdirectory.InvalidRequestException if cursor is {@code null}
     */
    public PageRequest withCursor(String cursor) {
        return new PageRequest(pageSize, Optional.of(Checks.notNull("cursor", cursor)));
    }
}
