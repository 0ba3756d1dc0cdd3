package dev.chatdirectory.model;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Which members of a group to list, and which page.
 *
 * <p>A {@code role} filter needs {@link dev.chatdirectory.Capability#MEMBER_ROLES}. Without a page
 * size the provider's default applies. Immutable and thread-safe.
 *
 * @param role role to match
 * @param pageSize items per page
 * @param cursor cursor of the page to read, empty for the first
 */
public record MemberQuery(Optional<MemberRole> role, OptionalInt pageSize, Optional<String> cursor) {

    private static final MemberQuery ALL = new MemberQuery(Optional.empty(), OptionalInt.empty(), Optional.empty());

    /**
     * Creates and validates the query.
     *
     * @throws dev.chatdirectory.InvalidRequestException when the page size is below 1
     * @param role role to match
     * @param pageSize items per page
     * @param cursor cursor of the page to read, empty for the first
     */
    public MemberQuery {
        Checks.notNull("role", role);
        Checks.notNull("pageSize", pageSize).ifPresent(Checks::pageSize);
        Checks.notNull("cursor", cursor);
    }

    /** {@return the query for all members, first page, default page size} */
    public static MemberQuery all() {
        return ALL;
    }

    /**
     * Returns the query for all members with the given page size.
     *
     * @param pageSize items per page
     * @return the query
     */
    public static MemberQuery pageSize(int pageSize) {
        return new MemberQuery(Optional.empty(), OptionalInt.of(pageSize), Optional.empty());
    }

    /**
     * Returns the query for the members with a role.
     *
     * @param role the role to match
     * @return the query
     * @throws dev.chatdirectory.InvalidRequestException if role is {@code null}
     */
    public static MemberQuery withRole(MemberRole role) {
        return new MemberQuery(Optional.of(Checks.notNull("role", role)), OptionalInt.empty(), Optional.empty());
    }

    /**
     * {@return this query positioned at the given page}
     *
     * @param cursor cursor of the page to read, as a previous page gave it
     * @throws dev.chatdirectory.InvalidRequestException if cursor is {@code null}
     */
    public MemberQuery withCursor(String cursor) {
        return new MemberQuery(role, pageSize, Optional.of(Checks.notNull("cursor", cursor)));
    }

    /**
     * {@return this query with the given page size}
     *
     * @param pageSize items per page
     */
    public MemberQuery withPageSize(int pageSize) {
        return new MemberQuery(role, OptionalInt.of(pageSize), cursor);
    }
}
