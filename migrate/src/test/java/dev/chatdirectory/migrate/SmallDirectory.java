package dev.chatdirectory.migrate;

import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.model.GroupCreate;
import dev.chatdirectory.model.GroupType;
import dev.chatdirectory.model.MemberRole;
import dev.chatdirectory.model.MemberSpec;
import dev.chatdirectory.model.UserCreate;
import dev.chatdirectory.provider.memory.MemoryChatDirectory;
import java.util.List;
import java.util.Map;

/**
 * A small memory source for the tests that migrate many times against emulators (crash points,
 * incremental runs, rate limits): six users with non-ASCII names and metadata, one of them
 * deactivated, three groups with owners, members with every role, and a ban. Small enough that a
 * migration into an emulator takes a fraction of a second, and still every kind of item.
 */
final class SmallDirectory {

    /** The user ids, in creation order. */
    static final List<String> USERS = List.of("ana", "bjorn", "chen", "dana", "emil", "fatima");

    /** The deactivated user. */
    static final String DEACTIVATED = "dana";

    /** The group ids, in creation order. */
    static final List<String> GROUPS = List.of("lobby", "ops", "team");

    private SmallDirectory() {}

    /** {@return a memory directory holding the small directory} */
    static ChatDirectory create() {
        ChatDirectory d = MemoryChatDirectory.builder().build();
        Map<String, String> names = Map.of(
                "ana", "Ana 🚀 Lima",
                "bjorn", "Björn Ångström",
                "chen", "陈伟",
                "dana", "Dana O'Neil",
                "emil", "Émil Zoë",
                "fatima", "فاطمة");
        for (String id : USERS) {
            d.users()
                    .create(UserCreate.builder(id, names.get(id))
                            .metadata(Map.of("team", id.length() % 2 == 0 ? "blue" : "grün", "level", id.length()))
                            .build());
        }
        d.groups()
                .create(GroupCreate.builder("lobby", "Lobby ☕", GroupType.PUBLIC)
                        .ownerId("ana")
                        .build());
        d.groups()
                .create(GroupCreate.builder("ops", "Opérations", GroupType.PRIVATE)
                        .ownerId("bjorn")
                        .metadata(Map.of("oncall", true))
                        .build());
        d.groups()
                .create(GroupCreate.builder("team", "チーム", GroupType.PRIVATE)
                        .ownerId("chen")
                        .build());
        d.members()
                .add(
                        "lobby",
                        List.of(
                                MemberSpec.of("ana", MemberRole.ADMIN),
                                MemberSpec.participant("bjorn"),
                                MemberSpec.participant("chen"),
                                MemberSpec.participant("dana"),
                                MemberSpec.participant("fatima")));
        d.members()
                .add(
                        "ops",
                        List.of(
                                MemberSpec.of("bjorn", MemberRole.ADMIN),
                                MemberSpec.of("emil", MemberRole.MODERATOR),
                                MemberSpec.participant("fatima")));
        d.members()
                .add(
                        "team",
                        List.of(
                                MemberSpec.of("chen", MemberRole.ADMIN),
                                MemberSpec.participant("ana"),
                                MemberSpec.participant("emil")));
        d.members().ban("lobby", List.of("fatima"));
        d.users().deactivate(DEACTIVATED);
        return d;
    }
}
