package dev.chatdirectory.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A user's membership of a group.
 *
 * <p>The display name is the member's user name as the vendor reports it with the membership, so
 * that a member list can be shown (or copied) without reading every user; it is empty where the
 * vendor's member list does not carry it (see {@link dev.chatdirectory.Capability#MEMBER_NAME} and
 * the provider's documentation). Immutable and thread-safe.
 *
 * @param groupId the group
 * @param userId the member
 * @param role the member's role
 * @param joinedAt when the user joined, if the vendor says
 * @param name the member's display name, if the vendor says
 */
public record Member(
        String groupId, String userId, MemberRole role, Optional<Instant> joinedAt, Optional<String> name) {

    /**
     * Creates a membership.
     *
     * @throws NullPointerException if any argument is {@code null}
     * @param groupId the group
     * @param userId the member
     * @param role the member's role
     * @param joinedAt when the user joined, if the vendor says
     * @param name the member's display name, if the vendor says
     */
    public Member {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(joinedAt, "joinedAt");
        Objects.requireNonNull(name, "name");
    }

    /**
     * Creates a membership whose display name is not known.
     *
     * @throws NullPointerException if any argument is {@code null}
     * @param groupId the group
     * @param userId the member
     * @param role the member's role
     * @param joinedAt when the user joined, if the vendor says
     */
    public Member(String groupId, String userId, MemberRole role, Optional<Instant> joinedAt) {
        this(groupId, userId, role, joinedAt, Optional.empty());
    }
}
