package dev.chatdirectory.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A user's membership of a group.
 *
 * <p>Immutable and thread-safe.
 *
 * @param groupId the group
 * @param userId the member
 * @param role the member's role
 * @param joinedAt when the user joined, if the vendor says
 */
public record Member(String groupId, String userId, MemberRole role, Optional<Instant> joinedAt) {

    /**
     * Creates a membership.
     *
     * @throws NullPointerException if any argument is {@code null}
     * @param groupId the group
     * @param userId the member
     * @param role the member's role
     * @param joinedAt when the user joined, if the vendor says
     */
    public Member {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(joinedAt, "joinedAt");
    }
}
