package dev.chatdirectory.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.model.Group;
import dev.chatdirectory.model.GroupQuery;
import dev.chatdirectory.model.GroupType;
import dev.chatdirectory.model.MemberQuery;
import dev.chatdirectory.model.UserQuery;
import dev.chatdirectory.provider.memory.MemoryChatDirectory;
import dev.chatdirectory.testkit.CanonicalDataSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A memory to memory migration")
class MemoryMigrationTest {

    @TempDir
    Path dir;

    ChatDirectory source;
    ChatDirectory targetStore;
    TargetProbe target;
    CanonicalDataSet data;

    @BeforeEach
    void seed() {
        source = MemoryChatDirectory.builder().build();
        targetStore = MemoryChatDirectory.builder().build();
        target = TargetProbe.counting(targetStore);
        data = CanonicalDataSet.withRandomScope();
        Seeder.seed(source, data);
    }

    Migration migration(MigrationOptions options) {
        return Migration.builder()
                .source(source)
                .target(target)
                .journal(dir.resolve("m.journal"))
                .options(options)
                .build();
    }

    /** Accepts what no memory target can take over: creation times and deactivated users' memberships. */
    MigrationOptions acceptingCreationTimes() {
        return withPasswords()
                .acceptLosses(LossKind.CREATION_TIME, LossKind.DEACTIVATED_USER_MEMBERSHIPS)
                .build();
    }

    MigrationOptions.Builder withPasswords() {
        MigrationOptions.Builder b = MigrationOptions.builder();
        for (String key : List.of("vault", "club", "secret")) {
            b.groupPassword(data.id(key), data.password(key));
        }
        return b;
    }

    @Nested
    @DisplayName("plans")
    class Plans {

        @Test
        @DisplayName("a dry run that sends no write and counts what it will create")
        void dryRun() {
            try (Migration m = migration(MigrationOptions.defaults())) {
                MigrationPlan plan = m.plan();

                assertThat(target.writes()).isEmpty();
                assertThat(plan.tally(EntityKind.USER).create())
                        .isEqualTo(CanonicalDataSet.userKeys().size());
                assertThat(plan.tally(EntityKind.GROUP).create())
                        .isEqualTo(CanonicalDataSet.groupKeys().size());
                assertThat(plan.tally(EntityKind.DEACTIVATION).create())
                        .isEqualTo(CanonicalDataSet.deactivatedUserKeys().size());
                assertThat(plan.tally(EntityKind.BAN).create()).isEqualTo(4);
                assertThat(plan.idProblemCount()).isZero();
            }
        }

        @Test
        @DisplayName("password groups without supplied passwords as a loss")
        void passwordsNotSuppliedAreLost() {
            try (Migration m = migration(MigrationOptions.defaults())) {
                LossReport losses = m.plan().losses();

                assertThat(losses.count(EntityKind.GROUP, LossKind.GROUP_PASSWORD))
                        .isEqualTo(3);
            }
        }

        @Test
        @DisplayName("only creation times and deactivated users' memberships as losses when passwords are supplied,"
                + " memory holding everything else")
        void onlyCreationTimesLost() {
            try (Migration m = migration(withPasswords().build())) {
                LossReport losses = m.plan().losses();

                assertThat(losses.kinds())
                        .containsExactlyInAnyOrder(LossKind.CREATION_TIME, LossKind.DEACTIVATED_USER_MEMBERSHIPS);
                assertThat(losses.count(EntityKind.USER, LossKind.CREATION_TIME))
                        .isEqualTo(CanonicalDataSet.userKeys().size());
                assertThat(losses.count(EntityKind.GROUP, LossKind.CREATION_TIME))
                        .isEqualTo(CanonicalDataSet.groupKeys().size());
            }
        }
    }

    @Test
    @DisplayName(
            "reports the memberships of deactivated users, which member listings hide, as a loss instead of dropping them silently")
    void deactivatedUsersMembershipsReported() {
        List<String> hidden = CanonicalDataSet.deactivatedUserKeys().stream()
                .filter(k -> CanonicalDataSet.groupKeys().stream()
                        .anyMatch(g -> data.members(g).stream()
                                .anyMatch(s -> s.userId().equals(data.id(k)))))
                .toList();
        assertThat(hidden)
                .as("deactivated users who are members in the data set")
                .isNotEmpty();
        assertThat(source.members().stream(data.id("general"), dev.chatdirectory.model.MemberQuery.all()))
                .as("the source's member listing")
                .noneMatch(mem -> mem.userId().equals(data.id("obrien")));

        try (Migration m = migration(withPasswords().build())) {
            MigrationPlan plan = m.plan();

            assertThat(plan.losses().count(EntityKind.USER, LossKind.DEACTIVATED_USER_MEMBERSHIPS))
                    .isEqualTo(CanonicalDataSet.deactivatedUserKeys().size());
            assertThat(plan.losses().toText()).contains("member listings hide them");
        }
    }

    @Nested
    @DisplayName("applies")
    class Applies {

        @Test
        @DisplayName("nothing while a loss is not accepted")
        void refusesUnacceptedLosses() {
            try (Migration m = migration(withPasswords().build())) {
                assertThatThrownBy(m::apply)
                        .isInstanceOfSatisfying(
                                UnacceptedLossException.class,
                                e -> assertThat(e.unaccepted())
                                        .containsExactlyInAnyOrder(
                                                LossKind.CREATION_TIME, LossKind.DEACTIVATED_USER_MEMBERSHIPS));
                assertThat(target.writes()).isEmpty();
            }
        }

        @Test
        @DisplayName("everything, then verifies clean")
        void fullMigration() {
            try (Migration m = migration(acceptingCreationTimes())) {
                ApplyResult result = m.apply();
                VerifyReport report = m.verify();

                assertThat(result.succeeded()).as(result.failures().toString()).isTrue();
                assertThat(report.clean()).as(report.toText()).isTrue();
                assertThat(report.checked().get(EntityKind.USER))
                        .isEqualTo(CanonicalDataSet.userKeys().size());
                assertThat(report.checked().get(EntityKind.MEMBER)).isPositive();
                assertThat(report.checked().get(EntityKind.BAN)).isEqualTo(4);
                assertThat(targetStore.users().stream(UserQuery.builder()
                                        .includeDeactivated(true)
                                        .build())
                                .count())
                        .isEqualTo(CanonicalDataSet.userKeys().size());
                assertThat(targetStore.groups().stream(GroupQuery.all()).count())
                        .isEqualTo(CanonicalDataSet.groupKeys().size());
            }
        }

        @Test
        @DisplayName("with members and their roles equal to the source's")
        void membersWithRoles() {
            try (Migration m = migration(acceptingCreationTimes())) {
                m.apply();
            }
            for (String key : CanonicalDataSet.groupKeys()) {
                String id = data.id(key);
                assertThat(roles(targetStore, id)).isEqualTo(roles(source, id));
            }
        }

        @Test
        @DisplayName("and a second run sends no write")
        void secondRunWritesNothing() {
            try (Migration m = migration(acceptingCreationTimes())) {
                m.apply();
            }
            int before = target.writes().size();
            try (Migration again = migration(acceptingCreationTimes())) {
                ApplyResult second = again.apply();

                assertThat(target.writes()).hasSize(before);
                assertThat(second.appliedTotal()).isZero();
                assertThat(second.plan().writes()).isZero();
            }
        }

        @Test
        @DisplayName("and a second run and verify without the group passwords leave password groups as they are")
        void laterRunsWithoutPasswords() {
            try (Migration m = migration(acceptingCreationTimes())) {
                m.apply();
            }
            int before = target.writes().size();
            MigrationOptions withoutPasswords =
                    MigrationOptions.builder().acceptLosses(LossKind.values()).build();
            try (Migration again = migration(withoutPasswords)) {
                ApplyResult second = again.apply();
                VerifyReport report = again.verify();

                assertThat(target.writes()).hasSize(before);
                assertThat(second.plan().writes()).isZero();
                assertThat(report.clean()).as(report.toText()).isTrue();
            }
            assertThat(targetStore.groups().get(data.id("vault")))
                    .map(Group::type)
                    .contains(GroupType.PASSWORD);
        }

        @Test
        @DisplayName("and a dry run after it sends no write and plans none")
        void dryRunAfterApply() {
            try (Migration m = migration(acceptingCreationTimes())) {
                m.apply();
                int before = target.writes().size();

                MigrationPlan plan = m.plan();

                assertThat(plan.writes()).isZero();
                assertThat(target.writes()).hasSize(before);
            }
        }
    }

    @Test
    @DisplayName("verify reports a field changed in the target afterwards")
    void verifySeesDrift() {
        try (Migration m = migration(acceptingCreationTimes())) {
            m.apply();
            targetStore
                    .users()
                    .update(
                            data.id("zoe"),
                            dev.chatdirectory.model.UserUpdate.builder()
                                    .name("Somebody Else")
                                    .build());

            VerifyReport report = m.verify();

            assertThat(report.clean()).isFalse();
            assertThat(report.differences()).singleElement().satisfies(d -> {
                assertThat(d.sourceKey()).isEqualTo(data.id("zoe"));
                assertThat(d.kind()).isEqualTo(Difference.Kind.DIFFERENT);
                assertThat(d.detail()).contains("name").contains("Somebody Else");
            });
            assertThat(report.toJson()).contains("\"clean\":false").contains("Somebody Else");
        }
    }

    private static List<String> roles(ChatDirectory d, String groupId) {
        List<String> out = new ArrayList<>();
        d.members().stream(groupId, MemberQuery.all()).forEach(mem -> out.add(mem.userId() + ":" + mem.role()));
        out.sort(null);
        return out;
    }
}
