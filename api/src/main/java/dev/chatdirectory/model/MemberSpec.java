package dev.chatdirectory.model;

/**
 * A user to add to a group, with the role to give them.
 *
 * <p>Immutable and thread-safe. Validated on construction.
 *
 * @param userId the user to add
 * @param role the role to give
 */
public record MemberSpec(String userId, MemberRole role) {

    /**
     * Creates and validates the spec.
     *
     * @throws dev.chatdirectory.InvalidRequestException when the id is invalid or the role missing
     * @param userId the user to add
     * @param role the role to give
     */
    public MemberSpec {
        Checks.id("userId", userId);
        Checks.notNull("role", role);
    }

    /**
     * Returns a spec for an ordinary member.
     *
     * @param userId the user to add
     * @return the spec
     */
    public static MemberSpec participant(String userId) {
        return new MemberSpec(userId, MemberRole.PARTICIPANT);
    }

    /**
     * Returns a spec with the given role.
     *
     * @param userId the user to add
     * @param role the role to give
     * @return the spec
     */
    public static MemberSpec of(String userId, MemberRole role) {
        return new MemberSpec(userId, role);
    }
}
