package dev.chatdirectory.cli;

import dev.chatdirectory.Capability;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.model.Group;
import dev.chatdirectory.model.GroupCreate;
import dev.chatdirectory.model.GroupType;
import dev.chatdirectory.model.MemberSpec;
import dev.chatdirectory.model.UserCreate;
import dev.chatdirectory.spi.ProviderDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The migration demo's source directory: users with names in several scripts, some with ids a
 * stricter vendor refuses (upper case, dots), groups of every type the source has (password groups
 * included), five groups per user, a ban per group and some deactivated users where the source
 * supports them. Deterministic, so every run migrates the same directory.
 */
final class MigrationDemoData {

    private static final int GROUPS_PER_USER = 5;
    private static final int TRANSLATED_ID_EVERY = 25;
    private static final int DEACTIVATED_EVERY = 100;

    private MigrationDemoData() {}

    /**
     * Fills the directory.
     *
     * @return what was created, in one line for people
     */
    static String seed(ChatDirectory directory, int userCount, int groupCount) {
        ProviderDescriptor provider = directory.provider();
        List<String> users = new ArrayList<>(userCount);
        for (int i = 1; i <= userCount; i++) {
            String plain = String.format(Locale.ROOT, "user-%04d", i);
            String readable = String.format(Locale.ROOT, "Guest.%04d", i);
            String id = i % TRANSLATED_ID_EVERY == 0 && provider.userIds().accepts(readable) ? readable : plain;
            String name = SampleDirectory.NAMES.get(i % SampleDirectory.NAMES.size());
            users.add(directory
                    .users()
                    .create(UserCreate.builder(id, name).build())
                    .id());
        }
        List<GroupType> types = new ArrayList<>();
        for (GroupType type : GroupType.values()) {
            if (provider.supports(type.capability())) {
                types.add(type);
            }
        }
        int memberships = 0;
        int bans = 0;
        int batch = Math.max(1, provider.limits().maxBatchSize());
        for (int g = 0; g < groupCount; g++) {
            List<String> members = new ArrayList<>();
            for (int i = 0; i < users.size(); i++) {
                int offset = Math.floorMod(g - i % groupCount, groupCount);
                if (offset < GROUPS_PER_USER) {
                    members.add(users.get(i));
                }
            }
            Group group = directory.groups().create(group(provider, g, types.get(g % types.size()), members));
            for (int from = 0; from < members.size(); from += batch) {
                List<MemberSpec> specs = members.subList(from, Math.min(members.size(), from + batch)).stream()
                        .map(MemberSpec::participant)
                        .toList();
                memberships +=
                        directory.members().add(group.id(), specs).applied().size();
            }
            if (provider.supports(Capability.MEMBER_BANS) && members.size() > 1) {
                bans += directory
                        .members()
                        .ban(group.id(), List.of(members.get(members.size() - 1)))
                        .applied()
                        .size();
            }
        }
        int deactivated = 0;
        if (provider.supports(Capability.USER_DEACTIVATION)) {
            for (int i = DEACTIVATED_EVERY - 1; i < users.size(); i += DEACTIVATED_EVERY) {
                deactivated += directory.users().deactivate(users.get(i)) ? 1 : 0;
            }
        }
        return String.format(
                Locale.ROOT,
                "%d users (every %dth with an id like Guest.0025), %d groups (%s), %d memberships, %d bans,"
                        + " %d deactivated",
                users.size(),
                TRANSLATED_ID_EVERY,
                groupCount,
                String.join(
                        "/",
                        types.stream()
                                .map(t -> t.name().toLowerCase(Locale.ROOT))
                                .toList()),
                memberships,
                bans,
                deactivated);
    }

    private static GroupCreate group(ProviderDescriptor provider, int index, GroupType type, List<String> members) {
        String name = String.format(
                Locale.ROOT, "%s %d", SampleDirectory.NAMES.get(index % SampleDirectory.NAMES.size()), index + 1);
        GroupCreate.Builder request = provider.supports(Capability.GROUP_CLIENT_IDS)
                ? GroupCreate.builder(String.format(Locale.ROOT, "team-%03d", index + 1), name, type)
                : GroupCreate.withoutId(name, type);
        if (type == GroupType.PASSWORD) {
            request.password("demo-password-" + (index + 1));
        }
        if (provider.supports(Capability.GROUP_OWNER) && !members.isEmpty()) {
            request.ownerId(members.get(0));
        }
        return request.build();
    }
}
