package dev.chatdirectory.reliability;

import dev.chatdirectory.Capability;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.model.GroupCreate;
import dev.chatdirectory.model.MemberSpec;
import dev.chatdirectory.model.UserCreate;
import dev.chatdirectory.spi.ProviderDescriptor;
import dev.chatdirectory.testkit.CanonicalDataSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The directory a chaos run migrates: the kit's canonical data set (non-ASCII names, metadata,
 * groups of every type, roles, bans, deactivated users) in a scope derived from the seed, plus
 * generated users up to the requested size, each a member of one of the groups.
 */
final class ChaosData {

    private ChaosData() {}

    /** {@return the users of a directory of the requested size: at least the canonical ones} */
    static int users(int requested) {
        return Math.max(requested, CanonicalDataSet.userKeys().size());
    }

    /** {@return the scope of a seed's ids: lower-case letters and digits} */
    static String scope(long seed) {
        String s = "c" + Long.toUnsignedString(seed, 36);
        return s.length() > 16 ? s.substring(s.length() - 16) : s;
    }

    /**
     * Fills a directory, as the provider can hold it.
     *
     * @param directory the empty source directory
     * @param seed the run's seed
     * @param users the size, see {@link #users(int)}
     */
    static void seed(ChatDirectory directory, long seed, int users) {
        CanonicalDataSet data = CanonicalDataSet.withScope(scope(seed));
        ProviderDescriptor p = directory.provider();
        data.users(p).forEach(directory.users()::create);
        List<String> groups = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (String key : CanonicalDataSet.groupKeys()) {
            Optional<GroupCreate> create = data.group(key, p);
            create.ifPresent(c -> {
                groups.add(directory.groups().create(c).id());
                keys.add(key);
            });
        }
        for (int i = 0; i < groups.size(); i++) {
            directory.members().add(groups.get(i), data.members(keys.get(i), p));
        }
        if (p.supports(Capability.MEMBER_BANS)) {
            for (int i = 0; i < groups.size(); i++) {
                List<String> banned = data.banned(keys.get(i)).stream()
                        .map(MemberSpec::userId)
                        .toList();
                if (!banned.isEmpty()) {
                    directory.members().ban(groups.get(i), banned);
                }
            }
        }
        int extra = users(users) - CanonicalDataSet.userKeys().size();
        for (int i = 0; i < extra; i++) {
            String id = "x" + i + "-" + scope(seed);
            UserCreate.Builder user = UserCreate.builder(id, "Chaos Ünïcode 用户 " + i);
            if (p.supports(Capability.USER_ROLE) && i % 3 != 0) {
                // every third without a role: AtomChat and CometChat give it their "default" one
                user.role(i % 2 == 0 ? "vip" : "staff");
            }
            directory.users().create(user.build());
            directory.members().add(groups.get(i % groups.size()), List.of(MemberSpec.participant(id)));
        }
        if (p.supports(Capability.USER_DEACTIVATION)) {
            CanonicalDataSet.deactivatedUserKeys()
                    .forEach(k -> directory.users().deactivate(data.id(k)));
        }
    }
}
