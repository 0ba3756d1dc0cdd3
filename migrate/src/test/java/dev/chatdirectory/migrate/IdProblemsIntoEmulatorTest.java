package dev.chatdirectory.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.model.GroupCreate;
import dev.chatdirectory.model.GroupType;
import dev.chatdirectory.model.Member;
import dev.chatdirectory.model.MemberQuery;
import dev.chatdirectory.model.MemberSpec;
import dev.chatdirectory.model.User;
import dev.chatdirectory.model.UserCreate;
import dev.chatdirectory.model.UserQuery;
import dev.chatdirectory.provider.memory.MemoryChatDirectory;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ids CometChat cannot take (it lower-cases ids and allows at most 100 characters), migrated into
 * its emulator, whose request journal and state show what was written.
 */
@DisplayName("Ids that collide or are too long for the CometChat emulator")
class IdProblemsIntoEmulatorTest {

    private static final String LONG_USER = "u".repeat(101);
    private static final String LONG_GROUP = "g".repeat(101);

    @TempDir
    Path dir;

    @Test
    @DisplayName("are reported in the plan and nothing is written for them until a mapping file resolves them")
    void heldBackUntilMapped() throws Exception {
        ChatDirectory source = MemoryChatDirectory.builder().build();
        for (String id : List.of("Alice", "alice", "Bob", "_bob", LONG_USER, "dave")) {
            source.users()
                    .create(UserCreate.builder(id, "User " + id.substring(0, Math.min(8, id.length())))
                            .build());
        }
        for (String id : List.of("team", LONG_GROUP)) {
            source.groups()
                    .create(GroupCreate.builder(id, "Group " + id.substring(0, 4), GroupType.PRIVATE)
                            .ownerId("dave")
                            .build());
            source.members()
                    .add(
                            id,
                            List.of(
                                    MemberSpec.participant("dave"),
                                    MemberSpec.participant("Alice"),
                                    MemberSpec.participant("Bob"),
                                    MemberSpec.participant(LONG_USER)));
        }

        try (Vendors.Running target = Vendors.COMETCHAT.start(false, UnaryOperator.identity())) {
            try (Migration m = migration(source, target, IdMapping.none())) {
                ApplyResult result = m.apply();

                assertThat(result.succeeded()).as(result.failures().toString()).isTrue();
                assertThat(result.plan().idProblems())
                        .extracting(IdProblem::entity, IdProblem::sourceId, IdProblem::kind)
                        .containsExactlyInAnyOrder(
                                tuple(EntityKind.USER, "Bob", IdProblem.Kind.COLLISION),
                                tuple(EntityKind.USER, "_bob", IdProblem.Kind.COLLISION),
                                tuple(EntityKind.USER, LONG_USER, IdProblem.Kind.TOO_LONG),
                                tuple(EntityKind.GROUP, LONG_GROUP, IdProblem.Kind.TOO_LONG));
                assertThat(result.plan().toText()).contains("ids held back: 4");
                assertThat(m.verify().heldBack()).isPositive();
            }
            // Alice and alice do not collide: the default translation keeps case apart reversibly.
            assertThat(userIds(target)).containsExactlyInAnyOrder("_alice", "alice", "dave");
            assertThat(memberIds(target, "team")).containsExactlyInAnyOrder("dave", "_alice");
            assertThat(target.writeRequests())
                    .filteredOn(w -> w.startsWith("POST /v3/groups"))
                    .containsExactly("POST /v3/groups", "POST /v3/groups/team/members");

            target.forgetRequests();
            Path mapping = dir.resolve("ids.properties");
            java.nio.file.Files.writeString(
                    mapping,
                    "user.Bob=bob-upper\nuser." + LONG_USER + "=long-user\ngroup." + LONG_GROUP + "=long-group\n");
            try (Migration m = migration(source, target, IdMapping.fromFile(mapping))) {
                ApplyResult result = m.apply();

                assertThat(result.plan().idProblemCount()).isZero();
                assertThat(result.succeeded()).as(result.failures().toString()).isTrue();
                VerifyReport report = m.verify();
                assertThat(report.clean()).as(report.toText()).isTrue();
                assertThat(report.heldBack()).isZero();
            }
            assertThat(userIds(target))
                    .containsExactlyInAnyOrder("_alice", "alice", "dave", "bob-upper", "_bob", "long-user");
            assertThat(memberIds(target, "long-group"))
                    .containsExactlyInAnyOrder("dave", "_alice", "bob-upper", "long-user");
            assertThat(target.writeRequests())
                    .as("the second run writes only what the mapping resolved")
                    .filteredOn(w -> w.equals("POST /v3/users"))
                    .hasSize(3);
        }
    }

    private Migration migration(ChatDirectory source, Vendors.Running target, IdMapping mapping) {
        return Migration.builder()
                .source(source)
                .target(target.directory(), target.config())
                .journal(dir.resolve("ids.journal"))
                .options(MigrationOptions.builder()
                        .acceptAllLosses()
                        .idMapping(mapping)
                        .build())
                .build();
    }

    private static List<String> userIds(Vendors.Running target) {
        return target.directory().users().stream(UserQuery.all()).map(User::id).toList();
    }

    private static List<String> memberIds(Vendors.Running target, String groupId) {
        return target.directory().members().stream(groupId, MemberQuery.all())
                .map(Member::userId)
                .toList();
    }
}
