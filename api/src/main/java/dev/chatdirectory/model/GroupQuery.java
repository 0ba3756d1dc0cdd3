package dev.chatdirectory.model;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * What to list of the groups, and which page.
 *
 * <p>{@code search} needs {@link dev.chatdirectory.Capability#GROUP_SEARCH}. Without a page size
 * the provider's default applies. Immutable and thread-safe.
 *
 * @param search prefix of the id or name to match
 * @param type type to match
 * @param pageSize items per page
 * @param cursor cursor of the page to read, empty for the first
 */
public record GroupQuery(
        Optional<String> search, Optional<GroupType> type, OptionalInt pageSize, Optional<String> cursor) {

    private static final GroupQuery ALL =
            new GroupQuery(Optional.empty(), Optional.empty(), OptionalInt.empty(), Optional.empty());

    /**
     * Creates and validates the query.
     *
     * @throws dev.chatdirectory.InvalidRequestException when the search is blank or the page size below 1
     * @param search prefix of the id or name to match
     * @param type type to match
     * @param pageSize items per page
     * @param cursor cursor of the page to read, empty for the first
     */
    public GroupQuery {
        Checks.notNull("search", search).ifPresent(s -> Checks.name("search", s));
        Checks.notNull("type", type);
        Checks.notNull("pageSize", pageSize).ifPresent(Checks::pageSize);
        Checks.notNull("cursor", cursor);
    }

    /** {@return the query for all groups, first page, default page size} */
    public static GroupQuery all() {
        return ALL;
    }

    /**
     * Starts a builder with no filters.
     *
     * @return this builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@return this query positioned at the given page}
     *
     * @param cursor cursor of the page to read, as a previous page gave it
     * @throws dev.chatdirectory.InvalidRequestException if cursor is {@code null}
     */
    public GroupQuery withCursor(String cursor) {
        return new GroupQuery(search, type, pageSize, Optional.of(Checks.notNull("cursor", cursor)));
    }

    /**
     * {@return this query with the given page size}
     *
     * @param pageSize items per page
     */
    public GroupQuery withPageSize(int pageSize) {
        return new GroupQuery(search, type, OptionalInt.of(pageSize), cursor);
    }

    /** Builds {@link GroupQuery} values; not thread-safe. */
    public static final class Builder {
        private String search;
        private GroupType type;
        private Integer pageSize;
        private String cursor;

        private Builder() {}

        /**
         * Matches groups whose id or name starts with the text.
         *
         * @param search prefix of the id or name to match
         * @return this builder
         */
        public Builder search(String search) {
            this.search = search;
            return this;
        }

        /**
         * Matches groups of the type.
         *
         * @param type type to match
         * @return this builder
         */
        public Builder type(GroupType type) {
            this.type = type;
            return this;
        }

        /**
         * Sets the number of items per page.
         *
         * @param pageSize items per page
         * @return this builder
         */
        public Builder pageSize(int pageSize) {
            this.pageSize = pageSize;
            return this;
        }

        /**
         * Sets the cursor of the page to read.
         *
         * @param cursor cursor of the page to read, empty for the first
         * @return this builder
         */
        public Builder cursor(String cursor) {
            this.cursor = cursor;
            return this;
        }

        /**
         * Builds and validates the query.
         *
         * @return the query
         */
        public GroupQuery build() {
            return new GroupQuery(
                    Optional.ofNullable(search),
                    Optional.ofNullable(type),
                    pageSize == null ? OptionalInt.empty() : OptionalInt.of(pageSize),
                    Optional.ofNullable(cursor));
        }
    }
}
