package dev.chatdirectory.cli;

import dev.chatdirectory.Capability;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.model.Group;
import dev.chatdirectory.model.GroupCreate;
import dev.chatdirectory.model.GroupType;
import dev.chatdirectory.model.MemberSpec;
import dev.chatdirectory.model.UserCreate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sample users and groups for a directory that should show data: users with non-ASCII names, and
 * a group per ten users holding those ten. Written against the portable API, so it fills any
 * provider within what it supports.
 */
final class SampleDirectory {

    /** The most users {@link #seed} creates in one call. */
    static final int MAX_USERS = 100_000;

    /** Names in several scripts, so listings show that text survives every provider. */
    static final List<String> NAMES = List.of(
            "Zoë Ångström", "山田太郎", "Đorđe Petrović", "Ana Lúcia", "Søren Kierkegaard", "Chloé Dubois", "Ayşe Yılmaz");

    private static final int GROUP_SIZE = 10;

    /** What {@link #seed} created. */
    record Seeded(int users, int groups) {}

    private SampleDirectory() {}

    /**
     * Creates {@code users} users ({@code user-00001}, ...) and one private group per ten of them
     * ({@code group-0001}, ..., server-assigned ids where the provider chooses them), the first
     * user of each ten its owner and the others its members.
     *
     * @param directory the directory to fill
     * @param users how many users, 1 to {@link #MAX_USERS}
     * @return how many users and groups were created
     * @throws dev.chatdirectory.ChatDirectoryException if the provider refuses a write, e.g. an
     *     id already taken
     */
    static Seeded seed(ChatDirectory directory, int users) {
        List<String> batch = new ArrayList<>();
        int groups = 0;
        for (int i = 1; i <= users; i++) {
            String id = String.format(Locale.ROOT, "user-%05d", i);
            directory
                    .users()
                    .create(UserCreate.builder(id, NAMES.get(i % NAMES.size())).build());
            batch.add(id);
            if (batch.size() == GROUP_SIZE || i == users) {
                groups += group(directory, groups + 1, batch) ? 1 : 0;
                batch.clear();
            }
        }
        return new Seeded(users, groups);
    }

    private static boolean group(ChatDirectory directory, int number, List<String> userIds) {
        if (!directory.provider().supports(Capability.GROUP_TYPE_PRIVATE)) {
            return false;
        }
        String name = String.format(Locale.ROOT, "Team %d", number);
        GroupCreate.Builder request = directory.provider().supports(Capability.GROUP_CLIENT_IDS)
                ? GroupCreate.builder(String.format(Locale.ROOT, "group-%04d", number), name, GroupType.PRIVATE)
                : GroupCreate.withoutId(name, GroupType.PRIVATE);
        if (directory.provider().supports(Capability.GROUP_OWNER)) {
            request.ownerId(userIds.get(0));
        }
        Group group = directory.groups().create(request.build());
        directory
                .members()
                .add(group.id(), userIds.stream().map(MemberSpec::participant).toList());
        return true;
    }
}
