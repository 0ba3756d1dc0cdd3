package dev.chatdirectory;

import dev.chatdirectory.model.Group;
import dev.chatdirectory.model.GroupCreate;
import dev.chatdirectory.model.GroupQuery;
import dev.chatdirectory.model.GroupUpdate;
import dev.chatdirectory.model.MemberQuery;
import dev.chatdirectory.model.MemberRole;
import dev.chatdirectory.model.MemberSpec;
import dev.chatdirectory.model.User;
import dev.chatdirectory.model.UserCreate;
import dev.chatdirectory.model.UserQuery;
import dev.chatdirectory.model.UserUpdate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The capabilities each request needs, as data: the one table that {@link
 * dev.chatdirectory.spi.GuardedChatDirectory} enforces before anything is sent, and that callers
 * can consult beforehand (e.g. a migration that must know which source fields a target can take).
 *
 * <p>A field that is left empty or unchanged needs nothing; a field that is set, or cleared in an
 * update, needs the capability that carries it. Requests that only one operation accepts include
 * that operation's own capability: every {@link GroupUpdate} needs {@link Capability#GROUP_UPDATE}
 * and every {@link GroupQuery} needs {@link Capability#GROUP_LIST}. Operations that take no request
 * object (deactivate, delete a group, ban, presence, ...) are not covered here: each needs the one
 * capability its Javadoc names.
 *
 * <p>Every method returns an unmodifiable set, iterating in {@link Capability} declaration order.
 * Stateless and thread-safe.
 */
public final class Capabilities {

    private Capabilities() {}

    /**
     * Returns what creating this user needs.
     *
     * @param request the create request
     * @return the capabilities of the optional fields it sets
     * @throws NullPointerException if {@code request} is {@code null}
     */
    public static Set<Capability> requiredBy(UserCreate request) {
        Objects.requireNonNull(request, "request");
        return new Needs()
                .when(request.avatarUrl().isPresent(), Capability.USER_AVATAR)
                .when(request.profileUrl().isPresent(), Capability.USER_PROFILE_URL)
                .when(request.email().isPresent(), Capability.USER_EMAIL)
                .when(request.role().isPresent(), Capability.USER_ROLE)
                .when(!request.metadata().isEmpty(), Capability.USER_METADATA)
                .set();
    }

    /**
     * Returns what a provider needs to hold everything this user carries in its optional fields:
     * what copying the user into another directory (a migration) keeps only where these are
     * supported. The same rules as {@link #requiredBy(UserCreate)}, applied to an existing user.
     *
     * @param user the user
     * @return the capabilities of the optional fields it carries
     * @throws NullPointerException if {@code user} is {@code null}
     */
    public static Set<Capability> carriedBy(User user) {
        Objects.requireNonNull(user, "user");
        return new Needs()
                .when(user.avatarUrl().isPresent(), Capability.USER_AVATAR)
                .when(user.profileUrl().isPresent(), Capability.USER_PROFILE_URL)
                .when(user.email().isPresent(), Capability.USER_EMAIL)
                .when(user.role().isPresent(), Capability.USER_ROLE)
                .when(!user.metadata().isEmpty(), Capability.USER_METADATA)
                .set();
    }

    /**
     * Returns what applying this user update needs.
     *
     * @param update the update
     * @return the capabilities of the optional fields it sets or clears
     * @throws NullPointerException if {@code update} is {@code null}
     */
    public static Set<Capability> requiredBy(UserUpdate update) {
        Objects.requireNonNull(update, "update");
        return new Needs()
                .when(!update.avatarUrl().isUnchanged(), Capability.USER_AVATAR)
                .when(!update.profileUrl().isUnchanged(), Capability.USER_PROFILE_URL)
                .when(!update.email().isUnchanged(), Capability.USER_EMAIL)
                .when(!update.role().isUnchanged(), Capability.USER_ROLE)
                .when(!update.metadata().isUnchanged(), Capability.USER_METADATA)
                .set();
    }

    /**
     * Returns what listing users with this query needs.
     *
     * @param query the query
     * @return the capabilities of the filters it uses
     * @throws NullPointerException if {@code query} is {@code null}
     */
    public static Set<Capability> requiredBy(UserQuery query) {
        Objects.requireNonNull(query, "query");
        return new Needs()
                .when(query.search().isPresent(), Capability.USER_SEARCH)
                .when(query.role().isPresent(), Capability.USER_FILTER_BY_ROLE)
                .when(query.presence().isPresent(), Capability.USER_FILTER_BY_PRESENCE)
                .when(query.includeDeactivated(), Capability.USER_LIST_DEACTIVATED)
                .set();
    }

    /**
     * Returns what creating this group needs.
     *
     * @param request the create request
     * @return the capability of its type, of a client-chosen id, and of the optional fields it sets
     * @throws NullPointerException if {@code request} is {@code null}
     */
    public static Set<Capability> requiredBy(GroupCreate request) {
        Objects.requireNonNull(request, "request");
        return new Needs()
                .when(request.id().isPresent(), Capability.GROUP_CLIENT_IDS)
                .always(request.type().capability())
                .when(request.description().isPresent(), Capability.GROUP_DESCRIPTION)
                .when(request.iconUrl().isPresent(), Capability.GROUP_ICON)
                .when(!request.metadata().isEmpty(), Capability.GROUP_METADATA)
                .when(request.ownerId().isPresent(), Capability.GROUP_OWNER)
                .set();
    }

    /**
     * Returns what a provider needs to hold what this group carries in its description, icon and
     * metadata, the fields a copy of the group keeps only where these are supported. Type and owner
     * are left to the caller: a copy can change them (a more restrictive type, no owner) rather
     * than lose them.
     *
     * @param group the group
     * @return the capabilities of the optional fields it carries
     * @throws NullPointerException if {@code group} is {@code null}
     */
    public static Set<Capability> carriedBy(Group group) {
        Objects.requireNonNull(group, "group");
        return new Needs()
                .when(group.description().isPresent(), Capability.GROUP_DESCRIPTION)
                .when(group.iconUrl().isPresent(), Capability.GROUP_ICON)
                .when(!group.metadata().isEmpty(), Capability.GROUP_METADATA)
                .set();
    }

    /**
     * Returns what applying this group update needs.
     *
     * @param update the update
     * @return {@link Capability#GROUP_UPDATE}, the capability of a new type, and those of the
     *     optional fields it sets or clears
     * @throws NullPointerException if {@code update} is {@code null}
     */
    public static Set<Capability> requiredBy(GroupUpdate update) {
        Objects.requireNonNull(update, "update");
        Needs needs = new Needs()
                .always(Capability.GROUP_UPDATE)
                .when(!update.description().isUnchanged(), Capability.GROUP_DESCRIPTION)
                .when(!update.iconUrl().isUnchanged(), Capability.GROUP_ICON)
                .when(!update.metadata().isUnchanged(), Capability.GROUP_METADATA);
        update.type().ifPresent(type -> needs.always(type.capability()));
        return needs.set();
    }

    /**
     * Returns what listing groups with this query needs.
     *
     * @param query the query
     * @return {@link Capability#GROUP_LIST}, and {@link Capability#GROUP_SEARCH} for a search
     * @throws NullPointerException if {@code query} is {@code null}
     */
    public static Set<Capability> requiredBy(GroupQuery query) {
        Objects.requireNonNull(query, "query");
        return new Needs()
                .always(Capability.GROUP_LIST)
                .when(query.search().isPresent(), Capability.GROUP_SEARCH)
                .set();
    }

    /**
     * Returns what adding this member needs.
     *
     * @param member the member to add
     * @return {@link Capability#MEMBER_ROLES} for any role but {@link MemberRole#PARTICIPANT}
     * @throws NullPointerException if {@code member} is {@code null}
     */
    public static Set<Capability> requiredBy(MemberSpec member) {
        Objects.requireNonNull(member, "member");
        return new Needs()
                .when(member.role() != MemberRole.PARTICIPANT, Capability.MEMBER_ROLES)
                .set();
    }

    /**
     * Returns what listing members with this query needs.
     *
     * @param query the query
     * @return {@link Capability#MEMBER_ROLES} when it filters by role
     * @throws NullPointerException if {@code query} is {@code null}
     */
    public static Set<Capability> requiredBy(MemberQuery query) {
        Objects.requireNonNull(query, "query");
        return new Needs()
                .when(query.role().isPresent(), Capability.MEMBER_ROLES)
                .set();
    }

    /** Collects the capabilities of one request. */
    private static final class Needs {
        private final EnumSet<Capability> needed = EnumSet.noneOf(Capability.class);

        Needs always(Capability capability) {
            needed.add(capability);
            return this;
        }

        Needs when(boolean condition, Capability capability) {
            if (condition) {
                needed.add(capability);
            }
            return this;
        }

        Set<Capability> set() {
            return Collections.unmodifiableSet(needed);
        }
    }
}
