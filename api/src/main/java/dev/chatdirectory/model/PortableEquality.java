package dev.chatdirectory.model;

import dev.chatdirectory.Capability;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Compares users, groups, members and bans on their portable content: what a copy of the entity at
 * another provider can carry, and nothing that differs between two faithful copies.
 *
 * <p>What is compared:
 *
 * <ul>
 *   <li>ids, names and group types, always;
 *   <li>each optional field only when its capability is in this comparison's set (a field one
 *       provider cannot carry is not a difference): avatar ({@link Capability#USER_AVATAR}),
 *       profile URL, e-mail, role and metadata of users; whether a user is deactivated ({@link
 *       Capability#USER_LIST_DEACTIVATED}, the capability that lets a provider report it);
 *       description, icon, owner and metadata of groups; a member's role ({@link
 *       Capability#MEMBER_ROLES}) and display name ({@link Capability#MEMBER_NAME}); a banned
 *       member's former role ({@link Capability#MEMBER_BAN_DETAILS} and {@link
 *       Capability#MEMBER_ROLES});
 *   <li>metadata as JSON ({@link JsonValues#jsonEquals}): {@code 1}, {@code 1L}, {@code 1.0} and
 *       {@code BigDecimal("1.00")} are equal at any depth, key order does not matter.
 * </ul>
 *
 * <p>What is never compared: the vendor's {@code raw} payload; the times the vendor stamps itself
 * ({@code createdAt}, {@code updatedAt}, {@code deactivatedAt}, a member's {@code joinedAt}, a
 * ban's {@code bannedAt} and former {@code joinedAt}), because no vendor API lets a client set them,
 * so a copy always carries the time it was written; and a group's {@code memberCount}, which
 * vendors derive differently (some count banned or pending users) and which the members themselves
 * already cover.
 *
 * <p>Ids are compared as they are: to compare across an id translation (an entity copied to a
 * provider that needed other ids), translate the ids of one side first, e.g. with {@code
 * toBuilder().id(...).ownerId(...)}.
 *
 * <p>Immutable and thread-safe.
 */
public final class PortableEquality {

    private static final PortableEquality ALL = new PortableEquality(EnumSet.allOf(Capability.class));

    private final Set<Capability> capabilities;

    private PortableEquality(Set<Capability> capabilities) {
        this.capabilities = Collections.unmodifiableSet(capabilities);
    }

    /**
     * Returns the comparison of every portable field: for two entities of the same provider, or of
     * providers that both carry everything.
     *
     * @return the comparison over every capability
     */
    public static PortableEquality all() {
        return ALL;
    }

    /**
     * Returns the comparison restricted to the fields the given capabilities carry: for a copy from
     * provider A to provider B, pass the capabilities both declare (their intersection).
     *
     * @param capabilities the capabilities whose fields are compared; copied
     * @return the comparison
     * @throws NullPointerException if {@code capabilities} is or contains {@code null}
     */
    public static PortableEquality of(Set<Capability> capabilities) {
        Objects.requireNonNull(capabilities, "capabilities");
        EnumSet<Capability> copy = EnumSet.noneOf(Capability.class);
        for (Capability c : capabilities) {
            copy.add(Objects.requireNonNull(c, "capabilities must not contain null"));
        }
        return new PortableEquality(copy);
    }

    /** {@return the capabilities whose fields this comparison looks at, unmodifiable} */
    public Set<Capability> capabilities() {
        return capabilities;
    }

    /**
     * Names the portable fields in which two users differ.
     *
     * @param a one user
     * @param b the other user
     * @return the names of the differing record components ({@code "name"}, {@code "metadata"},
     *     ...) in declaration order; empty when the users are portably equal
     * @throws NullPointerException if either user is {@code null}
     */
    public List<String> differences(User a, User b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        return new Diff()
                .field("id", a.id(), b.id())
                .field("name", a.name(), b.name())
                .field(Capability.USER_AVATAR, "avatarUrl", a.avatarUrl(), b.avatarUrl())
                .field(Capability.USER_PROFILE_URL, "profileUrl", a.profileUrl(), b.profileUrl())
                .field(Capability.USER_EMAIL, "email", a.email(), b.email())
                .field(Capability.USER_ROLE, "role", a.role(), b.role())
                .json(Capability.USER_METADATA, "metadata", a.metadata(), b.metadata())
                .field(Capability.USER_LIST_DEACTIVATED, "deactivated", a.deactivated(), b.deactivated())
                .names();
    }

    /**
     * Names the portable fields in which two groups differ.
     *
     * @param a one group
     * @param b the other group
     * @return the names of the differing record components in declaration order; empty when the
     *     groups are portably equal
     * @throws NullPointerException if either group is {@code null}
     */
    public List<String> differences(Group a, Group b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        return new Diff()
                .field("id", a.id(), b.id())
                .field("name", a.name(), b.name())
                .field("type", a.type(), b.type())
                .field(Capability.GROUP_DESCRIPTION, "description", a.description(), b.description())
                .field(Capability.GROUP_ICON, "iconUrl", a.iconUrl(), b.iconUrl())
                .field(Capability.GROUP_OWNER, "ownerId", a.ownerId(), b.ownerId())
                .json(Capability.GROUP_METADATA, "metadata", a.metadata(), b.metadata())
                .names();
    }

    /**
     * Names the portable fields in which two memberships differ.
     *
     * @param a one membership
     * @param b the other membership
     * @return the names of the differing record components in declaration order; empty when the
     *     memberships are portably equal
     * @throws NullPointerException if either membership is {@code null}
     */
    public List<String> differences(Member a, Member b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        return new Diff()
                .field("groupId", a.groupId(), b.groupId())
                .field("userId", a.userId(), b.userId())
                .field(Capability.MEMBER_ROLES, "role", a.role(), b.role())
                .field(Capability.MEMBER_NAME, "name", a.name(), b.name())
                .names();
    }

    /**
     * Names the portable fields in which two bans differ.
     *
     * @param a one ban
     * @param b the other ban
     * @return the names of the differing record components in declaration order; empty when the
     *     bans are portably equal
     * @throws NullPointerException if either ban is {@code null}
     */
    public List<String> differences(BannedMember a, BannedMember b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Diff diff = new Diff().field("groupId", a.groupId(), b.groupId()).field("userId", a.userId(), b.userId());
        // A former role is only meaningful where members have roles at all.
        if (capabilities.contains(Capability.MEMBER_ROLES)) {
            diff.field(Capability.MEMBER_BAN_DETAILS, "formerRole", a.formerRole(), b.formerRole());
        }
        return diff.names();
    }

    @Override
    public String toString() {
        return "PortableEquality" + capabilities;
    }

    /** Collects the names of differing fields; one per comparison. */
    private final class Diff {
        private final List<String> names = new ArrayList<>();

        Diff field(String name, Object a, Object b) {
            if (!Objects.equals(a, b)) {
                names.add(name);
            }
            return this;
        }

        Diff field(Capability carriedBy, String name, Object a, Object b) {
            return capabilities.contains(carriedBy) ? field(name, a, b) : this;
        }

        Diff json(Capability carriedBy, String name, Map<String, Object> a, Map<String, Object> b) {
            if (capabilities.contains(carriedBy) && !JsonValues.jsonEquals(a, b)) {
                names.add(name);
            }
            return this;
        }

        List<String> names() {
            return List.copyOf(names);
        }
    }
}
