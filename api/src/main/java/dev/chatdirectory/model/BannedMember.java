package dev.chatdirectory.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A user banned from a group: not a member, and not allowed back until unbanned.
 *
 * <p>The former role and join time describe the membership the ban ended, so that a migration can
 * carry the ban over as it was; they are empty where the vendor's ban list does not carry them
 * (see {@link dev.chatdirectory.Capability#MEMBER_BAN_DETAILS} and the provider's documentation).
 * Immutable and thread-safe.
 *
 * @param groupId the group
 * @param userId the banned user
 * @param bannedAt when the ban happened, if the vendor says
 * @param formerRole the role the user had when banned, if the vendor says
 * @param joinedAt when the user had joined the group before the ban, if the vendor says
 */
public record BannedMember(
        String groupId,
        String userId,
        Optional<Instant> bannedAt,
        Optional<MemberRole> formerRole,
        Optional<Instant> joinedAt) {

    /**
     * Creates a ban record.
     *
     * @throws NullPointerException if any argument is {@code null}
     * @param groupId the group
     * @param userId the banned user
     * @param bannedAt when the ban happened, if the vendor says
     * @param formerRole the role the user had when banned, if the vendor says
     * @param joinedAt when the user had joined the group before the ban, if the vendor says
     */
    public BannedMember {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(bannedAt, "bannedAt");
        Objects.requireNonNull(formerRole, "formerRole");
        Objects.requireNonNull(joinedAt, "joinedAt");
    }

    /**
     * Creates a ban record whose former role and join time are not known.
     *
     * @throws NullPointerException if any argument is {@code null}
     * @param groupId the group
     * @param userId the banned user
     * @param bannedAt when the ban happened, if the vendor says
     */
    public BannedMember(String groupId, String userId, Optional<Instant> bannedAt) {
        this(groupId, userId, bannedAt, Optional.empty(), Optional.empty());
    }
}
