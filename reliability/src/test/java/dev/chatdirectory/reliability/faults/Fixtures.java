package dev.chatdirectory.reliability.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.model.Group;
import dev.chatdirectory.model.GroupCreate;
import dev.chatdirectory.model.GroupType;
import dev.chatdirectory.model.Member;
import dev.chatdirectory.model.MemberQuery;
import dev.chatdirectory.model.MemberSpec;
import dev.chatdirectory.model.OutcomeStatus;
import dev.chatdirectory.model.User;
import dev.chatdirectory.model.UserCreate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds the fixtures of the matrix's runs through a directory that talks to the emulator directly,
 * with ids unique to each run. Not thread-safe; the matrix runs one cell at a time.
 */
final class Fixtures {

    private final ChatDirectory clean;
    private final boolean clientGroupIds;
    private final AtomicInteger counter = new AtomicInteger();

    Fixtures(ChatDirectory clean, boolean clientGroupIds) {
        this.clean = clean;
        this.clientGroupIds = clientGroupIds;
    }

    /** {@return the directory that bypasses the fault proxy} */
    ChatDirectory clean() {
        return clean;
    }

    /** {@return whether the provider takes client-chosen group ids} */
    boolean clientGroupIds() {
        return clientGroupIds;
    }

    /** {@return an id no other run uses} */
    String id(String key) {
        return "fm-" + key + "-" + counter.incrementAndGet();
    }

    User user(String key) {
        String id = id(key);
        return clean.users().create(UserCreate.builder(id, "User " + id).build());
    }

    /** A private group owned by a user of its own, who is its only member. */
    Group group(String key) {
        String owner = user(key + "-owner").id();
        String name = "Group " + id(key);
        GroupCreate.Builder request = clientGroupIds
                ? GroupCreate.builder(id(key + "-g"), name, GroupType.PRIVATE)
                : GroupCreate.withoutId(name, GroupType.PRIVATE);
        return clean.groups().create(request.ownerId(owner).build());
    }

    /** Adds a new user to the group as a participant; returns the user's id. */
    String member(String groupId, String key) {
        String id = user(key).id();
        assertThat(clean.members()
                        .add(groupId, List.of(MemberSpec.participant(id)))
                        .outcomes())
                .as("adding the fixture's member")
                .allSatisfy(o -> assertThat(o.status()).isEqualTo(OutcomeStatus.APPLIED));
        return id;
    }

    List<String> memberIds(String groupId) {
        return clean.members().stream(groupId, MemberQuery.all())
                .map(Member::userId)
                .toList();
    }
}
