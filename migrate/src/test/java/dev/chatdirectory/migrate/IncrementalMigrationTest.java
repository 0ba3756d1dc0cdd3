package dev.chatdirectory.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.model.Member;
import dev.chatdirectory.model.MemberQuery;
import dev.chatdirectory.model.MemberRole;
import dev.chatdirectory.model.UserCreate;
import dev.chatdirectory.model.UserUpdate;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A re-run after the source changed, into the CometChat emulator, whose request journal shows
 * exactly which writes the re-run sent.
 */
@DisplayName("A re-run after the source changed (5 users changed, 3 added, 2 memberships removed, 1 role changed)")
class IncrementalMigrationTest {

    private static final List<String> CHANGED = List.of("ana", "bjorn", "chen", "emil", "fatima");
    private static final List<String> ADDED = List.of("gus", "hana", "ivan");

    /** The writes of the changes, on CometChat's wire. */
    private static final List<String> CHANGE_WRITES = List.of(
            "PUT /v3/users/ana",
            "PUT /v3/users/bjorn",
            "PUT /v3/users/chen",
            "PUT /v3/users/emil",
            "PUT /v3/users/fatima",
            "POST /v3/users",
            "POST /v3/users",
            "POST /v3/users",
            "PUT /v3/groups/ops/members/fatima");

    private static final List<String> REMOVAL_WRITES =
            List.of("DELETE /v3/groups/lobby/members/chen", "DELETE /v3/groups/team/members/emil");

    @TempDir
    Path dir;

    ChatDirectory source;
    Vendors.Running target;

    @BeforeEach
    void migrateOnce() {
        source = SmallDirectory.create();
        target = Vendors.COMETCHAT.start(false, UnaryOperator.identity());
        try (Migration m = migration(false)) {
            assertThat(m.apply().succeeded()).isTrue();
        }
        changeSource();
        target.forgetRequests();
    }

    @AfterEach
    void stop() {
        target.close();
    }

    private void changeSource() {
        for (String id : CHANGED) {
            source.users()
                    .update(
                            id,
                            UserUpdate.builder().name("Renamed " + id + " ✓").build());
        }
        for (String id : ADDED) {
            source.users().create(UserCreate.builder(id, "New " + id + " ñ").build());
        }
        source.members().remove("lobby", List.of("chen"));
        source.members().remove("team", List.of("emil"));
        source.members().changeRole("ops", "fatima", MemberRole.MODERATOR);
    }

    private Migration migration(boolean propagateRemovals) {
        return Migration.builder()
                .source(source)
                .target(target.directory(), target.config())
                .journal(dir.resolve("m.journal"))
                .options(MigrationOptions.builder()
                        .acceptAllLosses()
                        .propagateRemovals(propagateRemovals)
                        .build())
                .build();
    }

    @Test
    @DisplayName("sends exactly the changes, and reports the removed memberships without removing them by default")
    void sendsTheChangesOnly() {
        try (Migration m = migration(false)) {
            ApplyResult result = m.apply();

            assertThat(result.succeeded()).as(result.failures().toString()).isTrue();
            assertThat(result.plan().tally(EntityKind.USER)).satisfies(t -> {
                assertThat(t.update()).isEqualTo(CHANGED.size());
                assertThat(t.create()).isEqualTo(ADDED.size());
            });
            assertThat(result.plan().tally(EntityKind.MEMBER)).satisfies(t -> {
                assertThat(t.update()).isOne();
                assertThat(t.create()).isZero();
                assertThat(t.remove()).isZero();
                assertThat(t.kept()).isEqualTo(2);
            });
            assertThat(result.plan().toText()).contains("kept");
        }
        assertThat(target.writeRequests()).containsExactlyInAnyOrderElementsOf(CHANGE_WRITES);
        assertThat(memberIds("lobby")).contains("chen");
        assertThat(memberIds("team")).contains("emil");
        assertThat(role("ops", "fatima")).isEqualTo(MemberRole.MODERATOR);
    }

    @Test
    @DisplayName("with propagateRemovals also removes the two memberships, and the next run sends nothing")
    void propagatesRemovalsWhenAsked() {
        try (Migration m = migration(true)) {
            ApplyResult result = m.apply();

            assertThat(result.succeeded()).as(result.failures().toString()).isTrue();
            assertThat(result.plan().tally(EntityKind.MEMBER).remove()).isEqualTo(2);
            assertThat(m.verify().clean()).isTrue();
        }
        List<String> expected = new java.util.ArrayList<>(CHANGE_WRITES);
        expected.addAll(REMOVAL_WRITES);
        assertThat(target.writeRequests()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(memberIds("lobby")).doesNotContain("chen").contains("ana", "bjorn");
        assertThat(memberIds("team")).doesNotContain("emil").contains("chen", "ana");

        target.forgetRequests();
        try (Migration m = migration(true)) {
            ApplyResult again = m.apply();
            assertThat(again.plan().writes()).isZero();
            assertThat(again.plan().tally(EntityKind.MEMBER).remove()).isZero();
        }
        assertThat(target.writeRequests()).as("writes of the run after").isEmpty();
    }

    private List<String> memberIds(String groupId) {
        return target.directory().members().stream(groupId, MemberQuery.all())
                .map(Member::userId)
                .toList();
    }

    private MemberRole role(String groupId, String userId) {
        return target.directory().members().stream(groupId, MemberQuery.all())
                .filter(m -> m.userId().equals(userId))
                .findFirst()
                .orElseThrow()
                .role();
    }
}
