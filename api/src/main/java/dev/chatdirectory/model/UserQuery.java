package dev.chatdirectory.model;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * What to list of the users, and which page.
 *
 * <p>Filters need capabilities: {@code search} needs {@link dev.chatdirectory.Capability#USER_SEARCH},
 * {@code role} needs {@link dev.chatdirectory.Capability#USER_FILTER_BY_ROLE}, {@code presence}
 * needs {@link dev.chatdirectory.Capability#USER_FILTER_BY_PRESENCE}. Without a page size the
 * provider's default applies. Deactivated users are left out unless {@code includeDeactivated} is
 * set, which needs {@link dev.chatdirectory.Capability#USER_LIST_DEACTIVATED}; the filters apply to
 * them as to active users. Immutable and thread-safe.
 *
 * @param search prefix of the id or name to match
 * @param role role to match
 * @param presence presence to match
 * @param pageSize items per page
 * @param cursor cursor of the page to read, empty for the first
 * @param includeDeactivated whether deactivated users are listed too
 */
public record UserQuery(
        Optional<String> search,
        Optional<String> role,
        Optional<PresenceState> presence,
        OptionalInt pageSize,
        Optional<String> cursor,
        boolean includeDeactivated) {

    private static final UserQuery ALL = new UserQuery(
            Optional.empty(), Optional.empty(), Optional.empty(), OptionalInt.empty(), Optional.empty(), false);

    /**
     * Creates and validates the query.
     *
     * @throws dev.chatdirectory.InvalidRequestException when a filter is blank or the page size below 1
     * @param search prefix of the id or name to match
     * @param role role to match
     * @param presence presence to match
     * @param pageSize items per page
     * @param cursor cursor of the page to read, empty for the first
     * @param includeDeactivated whether deactivated users are listed too
     */
    public UserQuery {
        Checks.notNull("search", search).ifPresent(s -> Checks.name("search", s));
        Checks.role("role", role);
        Checks.notNull("presence", presence);
        Checks.notNull("pageSize", pageSize).ifPresent(Checks::pageSize);
        Checks.notNull("cursor", cursor);
    }

    /** {@return the query for all active users, first page, default page size} */
    public static UserQuery all() {
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
    public UserQuery withCursor(String cursor) {
        return new UserQuery(
                search, role, presence, pageSize, Optional.of(Checks.notNull("cursor", cursor)), includeDeactivated);
    }

    /**
     * {@return this query with the given page size}
     *
     * @param pageSize items per page
     */
    public UserQuery withPageSize(int pageSize) {
        return new UserQuery(search, role, presence, OptionalInt.of(pageSize), cursor, includeDeactivated);
    }

    /** Builds {@link UserQuery} values; not thread-safe. */
    public static final class Builder {
        private String search;
        private String role;
        private PresenceState presence;
        private Integer pageSize;
        private String cursor;
        private boolean includeDeactivated;

        private Builder() {}

        /**
         * Matches users whose id or name starts with the text.
         *
         * @param search prefix of the id or name to match
         * @return this builder
         */
        public Builder search(String search) {
            this.search = search;
            return this;
        }

        /**
         * Matches users with the role.
         *
         * @param role role to match
         * @return this builder
         */
        public Builder role(String role) {
            this.role = role;
            return this;
        }

        /**
         * Matches users with the presence.
         *
         * @param presence presence to match
         * @return this builder
         */
        public Builder presence(PresenceState presence) {
            this.presence = presence;
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
         * Lists deactivated users too, each marked {@link User#deactivated()}; needs {@link
         * dev.chatdirectory.Capability#USER_LIST_DEACTIVATED}. Off by default: listings hold active
         * users only.
         *
         * @param includeDeactivated whether deactivated users are listed too
         * @return this builder
         */
        public Builder includeDeactivated(boolean includeDeactivated) {
            this.includeDeactivated = includeDeactivated;
            return this;
        }

        /**
         * Builds and validates the query.
         *
         * @return the query
         */
        public UserQuery build() {
            return new UserQuery(
                    Optional.ofNullable(search),
                    Optional.ofNullable(role),
                    Optional.ofNullable(presence),
                    pageSize == null ? OptionalInt.empty() : OptionalInt.of(pageSize),
                    Optional.ofNullable(cursor),
                    includeDeactivated);
        }
    }
}
