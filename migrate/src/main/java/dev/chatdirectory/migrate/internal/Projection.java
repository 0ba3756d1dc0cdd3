package dev.chatdirectory.migrate.internal;

import dev.chatdirectory.Capability;
import dev.chatdirectory.model.Group;
import dev.chatdirectory.model.GroupType;
import dev.chatdirectory.model.MemberRole;
import dev.chatdirectory.model.User;
import dev.chatdirectory.spi.ProviderDescriptor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The content of an entity as the target can hold it, in canonical JSON: the one place where the
 * migration decides whether a source entity and a target entity are equal. Fields the target lacks
 * are left out on both sides (they are declared losses), and so are fields the source lacks, so equal content means "nothing more to
 * copy". Replacing this class with the portable equality of {@code api} is one edit.
 *
 * <p>Immutable and thread-safe.
 */
public final class Projection {

    /**
     * The metadata key of the marker the migration writes into groups whose id the target assigns,
     * so that a create whose answer was lost is found again instead of repeated. It is ignored when
     * content is compared.
     */
    public static final String MARKER_KEY = "chatdirectory.migration.source";

    private static final String ROLE = "role";

    private static final String TYPE = "type";

    /** Content field of a password group going private for want of its password; never written. */
    private static final String PASSWORD_NOT_SUPPLIED = "passwordNotSupplied";

    private final ProviderDescriptor source;
    private final ProviderDescriptor target;

    /**
     * Creates the projection for a pair of providers.
     *
     * @param source the source's descriptor
     * @param target the target's descriptor
     */
    public Projection(ProviderDescriptor source, ProviderDescriptor target) {
        this.source = Objects.requireNonNull(source, "source");
        this.target = Objects.requireNonNull(target, "target");
    }

    /**
     * {@return the content of a user, in canonical JSON}
     *
     * @param user a source or target user
     */
    public String user(User user) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", user.name());
        put(m, "avatarUrl", user.avatarUrl(), Capability.USER_AVATAR);
        put(m, "profileUrl", user.profileUrl(), Capability.USER_PROFILE_URL);
        put(m, "email", user.email(), Capability.USER_EMAIL);
        put(m, ROLE, user.role(), Capability.USER_ROLE);
        if (carries(Capability.USER_METADATA) && !user.metadata().isEmpty()) {
            m.put("metadata", user.metadata());
        }
        return Json.canonical(m);
    }

    /**
     * {@return the content of a group, in canonical JSON}
     *
     * @param group a source or target group
     * @param type the type it has in the target
     * @param ownerTargetId the owner's target id, or empty
     */
    public String group(Group group, GroupType type, Optional<String> ownerTargetId) {
        return group(group, type, ownerTargetId, false);
    }

    /**
     * {@return the content of a source group, in canonical JSON}
     *
     * @param group a source group
     * @param type the type it gets in the target
     * @param ownerTargetId the owner's target id, or empty
     * @param passwordNotSupplied whether it is a password group going private for want of its
     *     password, which a target already holding it as a password group holds as well
     */
    public String group(Group group, GroupType type, Optional<String> ownerTargetId, boolean passwordNotSupplied) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", group.name());
        m.put(TYPE, type.name());
        if (passwordNotSupplied) {
            m.put(PASSWORD_NOT_SUPPLIED, true);
        }
        put(m, "description", group.description(), Capability.GROUP_DESCRIPTION);
        put(m, "iconUrl", group.iconUrl(), Capability.GROUP_ICON);
        put(m, "ownerId", ownerTargetId, Capability.GROUP_OWNER);
        if (carries(Capability.GROUP_METADATA)) {
            Map<String, Object> metadata = new LinkedHashMap<>(group.metadata());
            metadata.remove(MARKER_KEY);
            if (!metadata.isEmpty()) {
                m.put("metadata", metadata);
            }
        }
        return Json.canonical(m);
    }

    /**
     * {@return the content of a membership: its role where both providers have roles}
     *
     * @param role the member's role
     */
    public String member(MemberRole role) {
        return rolesCarry() ? Json.canonical(Map.of("role", role.name())) : "{}";
    }

    /** {@return whether member roles are read from the source and written to the target} */
    public boolean rolesCarry() {
        return source.supports(Capability.MEMBER_ROLES) && target.supports(Capability.MEMBER_ROLES);
    }

    /**
     * Whether the target content holds everything of the source content: equal, or equal but for
     * the user role the target filled in where the source has none. Vendors that give every user a
     * role (CometChat's and AtomChat's {@code default}) cannot hold "no role", so a source without
     * one has nothing to copy there, and its role is not taken away in the target.
     *
     * @param source the source content
     * @param target the target content
     * @return whether nothing needs copying
     */
    public static boolean holds(String source, String target) {
        if (source.equals(target)) {
            return true;
        }
        Map<String, Object> t = new LinkedHashMap<>(Json.parseObject(target));
        Map<String, Object> s = asHeldBy(Json.parseObject(source), t);
        if (!s.containsKey(ROLE)) {
            t.remove(ROLE);
        }
        return Json.canonical(s).equals(Json.canonical(t));
    }

    /**
     * The source content as the target may hold it: a password group whose password was not supplied
     * is created private, but a target that already holds it as a password group (an earlier run had
     * the password) holds it too, and must not be turned private by a run without the password.
     */
    static Map<String, Object> asHeldBy(Map<String, Object> source, Map<String, Object> target) {
        if (!source.containsKey(PASSWORD_NOT_SUPPLIED)) {
            return source;
        }
        Map<String, Object> s = new LinkedHashMap<>(source);
        s.remove(PASSWORD_NOT_SUPPLIED);
        if (GroupType.PASSWORD.name().equals(target.get(TYPE))) {
            s.put(TYPE, GroupType.PASSWORD.name());
        }
        return s;
    }

    /**
     * Lists the fields whose values differ between two contents, for a person.
     *
     * @param expected the source content
     * @param actual the target content
     * @return e.g. {@code name: "Zoë" ≠ "Zoe"}; empty when equal
     */
    public static String differences(String expected, String actual) {
        Map<String, Object> a = Json.parseObject(actual);
        Map<String, Object> e = asHeldBy(Json.parseObject(expected), a);
        StringBuilder sb = new StringBuilder();
        for (String key : new TreeSet<>(union(e, a))) {
            Object ev = e.get(key);
            Object av = a.get(key);
            if (!Objects.equals(ev == null ? null : Json.canonical(ev), av == null ? null : Json.canonical(av))) {
                if (sb.length() > 0) {
                    sb.append("; ");
                }
                sb.append(key)
                        .append(": ")
                        .append(ev == null ? "absent" : Json.canonical(ev))
                        .append(" ≠ ")
                        .append(av == null ? "absent" : Json.canonical(av));
            }
        }
        return sb.toString();
    }

    private static java.util.Set<String> union(Map<String, Object> a, Map<String, Object> b) {
        java.util.Set<String> keys = new java.util.HashSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }

    /**
     * Whether a field is copied: the target must hold it, and the source must have it, since a
     * target fills some fields the source lacks with defaults of its own (AtomChat gives every user
     * the role {@code default}) that are not the source's data.
     */
    private boolean carries(Capability capability) {
        return source.supports(capability) && target.supports(capability);
    }

    private void put(Map<String, Object> m, String key, Optional<String> value, Capability capability) {
        if (carries(capability)) {
            value.ifPresent(v -> m.put(key, v));
        }
    }
}
