package dev.chatdirectory.migrate;

import dev.chatdirectory.Capability;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.model.GroupCreate;
import dev.chatdirectory.model.MemberSpec;
import dev.chatdirectory.spi.ProviderDescriptor;
import dev.chatdirectory.testkit.CanonicalDataSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Fills a directory with the kit's canonical data set, as the provider can hold it. */
final class Seeder {

    private Seeder() {}

    /**
     * Seeds users, groups, members, bans and deactivations, in the order the data set asks for.
     *
     * @return the id of each created group, by data-set key
     */
    static Map<String, String> seed(ChatDirectory directory, CanonicalDataSet data) {
        ProviderDescriptor p = directory.provider();
        data.users(p).forEach(directory.users()::create);
        Map<String, String> groups = new LinkedHashMap<>();
        for (String key : CanonicalDataSet.groupKeys()) {
            Optional<GroupCreate> create = data.group(key, p);
            create.ifPresent(c -> groups.put(key, directory.groups().create(c).id()));
        }
        groups.forEach((key, id) -> directory.members().add(id, data.members(key, p)));
        if (p.supports(Capability.MEMBER_BANS)) {
            groups.forEach((key, id) -> {
                List<String> banned =
                        data.banned(key).stream().map(MemberSpec::userId).toList();
                if (!banned.isEmpty()) {
                    directory.members().ban(id, banned);
                }
            });
        }
        if (p.supports(Capability.USER_DEACTIVATION)) {
            CanonicalDataSet.deactivatedUserKeys()
                    .forEach(k -> directory.users().deactivate(data.id(k)));
        }
        return groups;
    }
}
