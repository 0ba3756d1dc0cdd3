package dev.chatdirectory.cli;

import dev.chatdirectory.Capability;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.ChatDirectoryException;
import dev.chatdirectory.UnsupportedCapabilityException;
import dev.chatdirectory.model.BatchResult;
import dev.chatdirectory.model.Group;
import dev.chatdirectory.model.GroupCreate;
import dev.chatdirectory.model.GroupType;
import dev.chatdirectory.model.MemberQuery;
import dev.chatdirectory.model.MemberRole;
import dev.chatdirectory.model.MemberSpec;
import dev.chatdirectory.model.Presence;
import dev.chatdirectory.model.User;
import dev.chatdirectory.model.UserCreate;
import dev.chatdirectory.model.UserQuery;
import dev.chatdirectory.model.UserUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The demo's "application": ordinary code written once against the portable API, run unchanged
 * against every provider. It adapts to each provider through its declared capabilities only.
 */
final class DemoApplication {

    /** How one step went on one provider. */
    enum Outcome {
        OK,
        UNSUPPORTED,
        FAILED
    }

    /** One step's result: what happened, in a few words. */
    record Step(String name, Outcome outcome, String detail) {}

    private final ChatDirectory directory;
    private final int userCount;
    private final IntConsumer progress;
    private final List<Step> steps = new ArrayList<>();
    private final List<String> userIds = new ArrayList<>();
    private Group group;

    DemoApplication(ChatDirectory directory, int userCount, IntConsumer progress) {
        this.directory = directory;
        this.userCount = userCount;
        this.progress = progress;
    }

    private static final List<String> STEPS = List.of(
            "create users",
            "read a user back",
            "rename a user (patch)",
            "walk users in pages of 7",
            "create a group of each type",
            "add members with roles",
            "list members",
            "read presence",
            "ban a member",
            "delete a user");

    /** {@return the names of the steps, in the order they run} */
    static List<String> stepNames() {
        return STEPS;
    }

    /** {@return the result of a run on a provider that could not even be opened: every step failed} */
    static List<Step> notOpened(ChatDirectoryException e) {
        return STEPS.stream()
                .map(name -> new Step(name, Outcome.FAILED, "cannot open: " + e.getMessage()))
                .toList();
    }

    List<Step> run() {
        List<Supplier<String>> actions = List.of(
                this::createUsers,
                this::readUser,
                this::renameUser,
                this::walkUsers,
                this::createGroups,
                this::addMembers,
                this::listMembers,
                this::readPresence,
                this::banMember,
                this::deleteUser);
        for (int i = 0; i < STEPS.size(); i++) {
            step(STEPS.get(i), actions.get(i));
        }
        return List.copyOf(steps);
    }

    private void step(String name, Supplier<String> action) {
        try {
            steps.add(new Step(name, Outcome.OK, action.get()));
        } catch (UnsupportedCapabilityException e) {
            steps.add(new Step(name, Outcome.UNSUPPORTED, "no " + e.capability()));
        } catch (ChatDirectoryException | IllegalStateException e) {
            steps.add(new Step(name, Outcome.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    private boolean supports(Capability capability) {
        return directory.provider().supports(capability);
    }

    private String createUsers() {
        for (int i = 1; i <= userCount; i++) {
            String id = String.format("demo-user-%03d", i);
            UserCreate.Builder user =
                    UserCreate.builder(id, SampleDirectory.NAMES.get(i % SampleDirectory.NAMES.size()));
            if (supports(Capability.USER_AVATAR)) {
                user.avatarUrl("https://example.com/avatars/" + id + ".png");
            }
            if (supports(Capability.USER_METADATA)) {
                user.metadata(Map.of("team", i % 2 == 0 ? "blue" : "green", "seat", i));
            }
            userIds.add(directory.users().create(user.build()).id());
            progress.accept(i);
        }
        return userIds.size() + " created";
    }

    private String readUser() {
        User user = directory.users().get(userIds.get(0)).orElseThrow(() -> new IllegalStateException("not found"));
        return user.id() + " = " + user.name();
    }

    private String renameUser() {
        User renamed = directory
                .users()
                .update(
                        userIds.get(1),
                        UserUpdate.builder().name("Renamed Ünïcode").build());
        return renamed.name() + (renamed.avatarUrl().isPresent() ? ", avatar kept" : "");
    }

    private String walkUsers() {
        long seen = directory.users().stream(UserQuery.builder().pageSize(7).build())
                .count();
        return seen + " users seen once each";
    }

    private String createGroups() {
        List<String> created = new ArrayList<>();
        for (GroupType type : GroupType.values()) {
            if (!supports(type.capability())) {
                continue;
            }
            String name = "Demo " + type.name().toLowerCase(java.util.Locale.ROOT) + " group";
            GroupCreate.Builder request = supports(Capability.GROUP_CLIENT_IDS)
                    ? GroupCreate.builder("demo-" + type.name().toLowerCase(java.util.Locale.ROOT), name, type)
                    : GroupCreate.withoutId(name, type);
            if (type == GroupType.PASSWORD) {
                request.password("open-sesame");
            }
            if (supports(Capability.GROUP_OWNER)) {
                request.ownerId(userIds.get(0));
            }
            Group g = directory.groups().create(request.build());
            if (group == null) {
                group = g;
            }
            created.add(type.name().toLowerCase(java.util.Locale.ROOT));
        }
        if (created.isEmpty()) {
            throw new UnsupportedCapabilityException(directory.provider().id(), Capability.GROUP_TYPE_PUBLIC);
        }
        return String.join(", ", created);
    }

    private String addMembers() {
        requireGroup();
        List<MemberSpec> members = new ArrayList<>();
        for (int i = 1; i < Math.min(6, userIds.size()); i++) {
            MemberRole role =
                    supports(Capability.MEMBER_ROLES) && i == 1 ? MemberRole.MODERATOR : MemberRole.PARTICIPANT;
            members.add(MemberSpec.of(userIds.get(i), role));
        }
        members.add(MemberSpec.participant("demo-nobody"));
        BatchResult result = directory.members().add(group.id(), members);
        return result.applied().size() + " added, " + result.failed().size() + " failed ("
                + result.failed().stream()
                        .map(o -> o.id() + ": " + o.reason().orElseThrow())
                        .collect(Collectors.joining(", "))
                + ")";
    }

    private String listMembers() {
        requireGroup();
        long count =
                directory.members().stream(group.id(), MemberQuery.pageSize(2)).count();
        return count + " members";
    }

    private String readPresence() {
        Map<String, Presence> presence = directory.presence().get(userIds.subList(0, 3));
        return presence.values().stream()
                .map(p -> p.state().name().toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.joining(", "));
    }

    private String banMember() {
        requireGroup();
        BatchResult result = directory.members().ban(group.id(), List.of(userIds.get(2)));
        return userIds.get(2) + " " + result.outcomes().get(0).status().name().toLowerCase(java.util.Locale.ROOT);
    }

    private String deleteUser() {
        String id = userIds.get(userIds.size() - 1);
        boolean deleted = directory.users().delete(id);
        boolean gone = directory.users().get(id).isEmpty();
        return (deleted ? "deleted" : "was absent")
                + (gone ? ", no longer found" : ", STILL FOUND")
                + (supports(Capability.USER_HARD_DELETE) ? "" : " (deactivated)");
    }

    private void requireGroup() {
        if (group == null) {
            throw new IllegalStateException("no group was created");
        }
    }
}
