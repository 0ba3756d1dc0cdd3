package dev.chatdirectory.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A user banned from a group: not a member, and not allowed back until unbanned.
 *
 * <p>Immutable and thread-safe.
 *
 * @param groupId the group
 * @param userId the banned user
 * @param bannedAt when the ban happened, if the vendor says
 */
public record BannedMember(String groupId, String userId, Optional<Instant> bannedAt) {

    /**
     * Creates a ban record.
     *
     * @throws NullPointerException if any argument is {@code null}
     * @param groupId the group
     * @param userId the banned user
     * @param bannedAt when the ban happened, if the vendor says
     */
    public BannedMember {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(bannedAt, "bannedAt");
    }
}
