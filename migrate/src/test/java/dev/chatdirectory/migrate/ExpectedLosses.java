package dev.chatdirectory.migrate;

import static dev.chatdirectory.Capability.GROUPS_OF_MEMBER;
import static dev.chatdirectory.Capability.GROUP_LIST;

import dev.chatdirectory.Capability;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.model.BannedMember;
import dev.chatdirectory.model.Group;
import dev.chatdirectory.model.GroupQuery;
import dev.chatdirectory.model.GroupType;
import dev.chatdirectory.model.Member;
import dev.chatdirectory.model.MemberQuery;
import dev.chatdirectory.model.MemberRole;
import dev.chatdirectory.model.PageRequest;
import dev.chatdirectory.model.User;
import dev.chatdirectory.model.UserQuery;
import dev.chatdirectory.spi.ProviderDescriptor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The loss report a migration must produce, derived independently of the engine: the rules of
 * {@link LossKind} applied to the two descriptors and to the source data read through the API.
 */
final class ExpectedLosses {

    private final Map<String, Long> counts = new TreeMap<>();
    private final ProviderDescriptor s;
    private final ProviderDescriptor t;

    private ExpectedLosses(ProviderDescriptor s, ProviderDescriptor t) {
        this.s = s;
        this.t = t;
    }

    /** {@return "ENTITY/KIND" to count} */
    static Map<String, Long> of(LossReport report) {
        Map<String, Long> out = new TreeMap<>();
        report.losses().forEach(l -> out.put(l.entity() + "/" + l.kind(), l.count()));
        return out;
    }

    /**
     * Derives the losses of copying a source into a target provider.
     *
     * @param passwords the source password groups whose password is supplied
     */
    static Map<String, Long> derive(ChatDirectory source, ProviderDescriptor target, Set<String> passwords) {
        ExpectedLosses e = new ExpectedLosses(source.provider(), target);
        e.walk(source, passwords);
        return e.counts;
    }

    private void add(EntityKind entity, LossKind kind) {
        counts.merge(entity + "/" + kind, 1L, Long::sum);
    }

    private void lossIf(boolean present, Capability c, EntityKind entity, LossKind kind) {
        if (present && !t.supports(c)) {
            add(entity, kind);
        }
    }

    private void walk(ChatDirectory source, Set<String> passwords) {
        UserQuery q = s.supports(Capability.USER_LIST_DEACTIVATED)
                ? UserQuery.builder().includeDeactivated(true).build()
                : UserQuery.all();
        Map<String, Boolean> leftOutUsers = new LinkedHashMap<>();
        List<User> users = source.users().stream(q).toList();
        for (User u : users) {
            boolean leftOut = u.deactivated() && !t.supports(Capability.USER_DEACTIVATION);
            leftOutUsers.put(u.id(), leftOut);
            if (leftOut) {
                add(EntityKind.USER, LossKind.DEACTIVATED_USER);
                continue;
            }
            lossIf(u.avatarUrl().isPresent(), Capability.USER_AVATAR, EntityKind.USER, LossKind.USER_AVATAR);
            lossIf(u.profileUrl().isPresent(), Capability.USER_PROFILE_URL, EntityKind.USER, LossKind.USER_PROFILE_URL);
            lossIf(u.email().isPresent(), Capability.USER_EMAIL, EntityKind.USER, LossKind.USER_EMAIL);
            lossIf(u.role().isPresent(), Capability.USER_ROLE, EntityKind.USER, LossKind.USER_ROLE);
            lossIf(!u.metadata().isEmpty(), Capability.USER_METADATA, EntityKind.USER, LossKind.USER_METADATA);
            if (u.createdAt().isPresent()) {
                add(EntityKind.USER, LossKind.CREATION_TIME);
            }
            if (u.deactivated()) {
                add(EntityKind.USER, LossKind.DEACTIVATED_USER_MEMBERSHIPS);
            }
        }
        Map<String, Group> groups = new LinkedHashMap<>();
        if (s.supports(GROUP_LIST)) {
            source.groups().stream(GroupQuery.all()).forEach(g -> groups.put(g.id(), g));
        } else if (s.supports(GROUPS_OF_MEMBER)) {
            users.stream()
                    .filter(u -> !u.deactivated())
                    .forEach(u -> source.groups()
                            .streamForMember(u.id(), PageRequest.first())
                            .forEach(g -> groups.putIfAbsent(g.id(), g)));
        }
        for (Group g : groups.values()) {
            boolean supplied = passwords.contains(g.id());
            GroupType type = g.type();
            boolean keeps = switch (type) {
                case PUBLIC -> t.supports(Capability.GROUP_TYPE_PUBLIC);
                case PASSWORD -> t.supports(Capability.GROUP_TYPE_PASSWORD) && supplied;
                case PRIVATE -> t.supports(Capability.GROUP_TYPE_PRIVATE);
            };
            boolean leftOut = !keeps && !t.supports(Capability.GROUP_TYPE_PRIVATE);
            if (leftOut) {
                add(EntityKind.GROUP, LossKind.GROUP_LEFT_OUT);
            } else {
                if (!keeps) {
                    add(
                            EntityKind.GROUP,
                            type == GroupType.PASSWORD && t.supports(Capability.GROUP_TYPE_PASSWORD)
                                    ? LossKind.GROUP_PASSWORD
                                    : LossKind.GROUP_TYPE);
                }
                boolean ownerLost = g.ownerId().isPresent()
                        && (!t.supports(Capability.GROUP_OWNER)
                                || leftOutUsers.getOrDefault(g.ownerId().get(), false));
                if (ownerLost) {
                    add(EntityKind.GROUP, LossKind.GROUP_OWNER);
                }
                lossIf(
                        g.description().isPresent(),
                        Capability.GROUP_DESCRIPTION,
                        EntityKind.GROUP,
                        LossKind.GROUP_DESCRIPTION);
                lossIf(g.iconUrl().isPresent(), Capability.GROUP_ICON, EntityKind.GROUP, LossKind.GROUP_ICON);
                lossIf(!g.metadata().isEmpty(), Capability.GROUP_METADATA, EntityKind.GROUP, LossKind.GROUP_METADATA);
                if (g.createdAt().isPresent()) {
                    add(EntityKind.GROUP, LossKind.CREATION_TIME);
                }
            }
            for (Member m : source.members().stream(g.id(), MemberQuery.all()).toList()) {
                if (leftOut) {
                    add(EntityKind.MEMBER, LossKind.GROUP_LEFT_OUT);
                } else if (leftOutUsers.getOrDefault(m.userId(), false)) {
                    add(EntityKind.MEMBER, LossKind.DEACTIVATED_USER);
                } else {
                    if (m.role() != MemberRole.PARTICIPANT
                            && s.supports(Capability.MEMBER_ROLES)
                            && !t.supports(Capability.MEMBER_ROLES)) {
                        add(EntityKind.MEMBER, LossKind.MEMBER_ROLE);
                    }
                    if (m.joinedAt().isPresent()) {
                        add(EntityKind.MEMBER, LossKind.CREATION_TIME);
                    }
                }
            }
            if (s.supports(Capability.MEMBER_BANS)) {
                for (BannedMember b : source.members()
                        .streamBanned(g.id(), PageRequest.first())
                        .toList()) {
                    if (leftOut) {
                        add(EntityKind.BAN, LossKind.GROUP_LEFT_OUT);
                    } else if (leftOutUsers.getOrDefault(b.userId(), false)) {
                        add(EntityKind.BAN, LossKind.DEACTIVATED_USER);
                    } else if (!t.supports(Capability.MEMBER_BANS)) {
                        add(EntityKind.BAN, LossKind.BAN);
                    } else if (b.bannedAt().isPresent()) {
                        add(EntityKind.BAN, LossKind.CREATION_TIME);
                    }
                }
            }
        }
    }
}
