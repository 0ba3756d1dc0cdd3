package dev.chatdirectory.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.model.GroupType;
import dev.chatdirectory.model.MemberSpec;
import dev.chatdirectory.model.User;
import dev.chatdirectory.model.UserCreate;
import dev.chatdirectory.model.UserQuery;
import dev.chatdirectory.testkit.CanonicalDataSet;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("A migration between vendors (adapters against their emulators)")
class CrossVendorMigrationTest {

    private static final String TRANSLATED_ID = "Ana.Lima@Example.com";
    private static final String TRANSLATED_NAME = "Ana Lima (translated id)";

    @TempDir
    Path dir;

    /** Every ordered pair of distinct providers among memory and the three vendors: 12 pairs. */
    static Stream<Arguments> pairs() {
        return Arrays.stream(Vendors.values())
                .flatMap(from ->
                        Arrays.stream(Vendors.values()).filter(to -> to != from).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} to {1}")
    @MethodSource("pairs")
    @DisplayName(
            "copies the canonical directory: verify finds nothing beyond the declared losses, which are the derived ones,"
                    + " and the dry run and a second run send no write request to the target")
    void migrates(Vendors from, Vendors to) {
        try (Vendors.Running source = from.start();
                Vendors.Running target = to.start()) {
            migrateAndCheck(source, target);
        }
    }

    private void migrateAndCheck(Vendors.Running sourceRun, Vendors.Running targetRun) {
        ChatDirectory source = sourceRun.directory();
        ChatDirectory targetDirectory = targetRun.directory();
        CanonicalDataSet data = CanonicalDataSet.withRandomScope();
        Map<String, String> groupIds = Seeder.seed(source, data);
        // An id with upper case, '.' and '@', where the source takes it: CometChat needs it translated.
        boolean translatable = source.provider().userIds().accepts(TRANSLATED_ID);
        if (translatable) {
            source.users()
                    .create(UserCreate.builder(TRANSLATED_ID, TRANSLATED_NAME).build());
            source.members().add(groupIds.values().iterator().next(), List.of(MemberSpec.participant(TRANSLATED_ID)));
        }
        MigrationOptions.Builder options = MigrationOptions.builder();
        Set<String> passwords = new HashSet<>();
        groupIds.forEach((key, id) -> {
            if (data.group(key).type() == GroupType.PASSWORD) {
                options.groupPassword(id, data.password(key));
                passwords.add(id);
            }
        });
        Map<String, Long> expected = ExpectedLosses.derive(source, targetDirectory.provider(), passwords);
        TargetProbe target = TargetProbe.counting(targetDirectory);

        Migration.Builder builder = Migration.builder()
                .source(source, sourceRun.config())
                .target(target, targetRun.config())
                .journal(dir.resolve("m.journal"));
        targetRun.emulator().ifPresent(e -> targetRun.forgetRequests());
        MigrationPlan dryRun;
        try (Migration m = builder.options(options.build()).build()) {
            dryRun = m.plan();
        }
        assertThat(target.writes()).as("writes of the dry run").isEmpty();
        assertNoWriteReached(targetRun, "the dry run");
        assertThat(ExpectedLosses.of(dryRun.losses())).isEqualTo(expected);

        options.acceptLosses(dryRun.losses().kinds());
        try (Migration m = builder.options(options.build()).build()) {
            ApplyResult result = m.apply();
            assertThat(result.succeeded())
                    .as(String.join("\n", result.failures()))
                    .isTrue();
            VerifyReport report = m.verify();
            assertThat(report.clean()).as(report.toText()).isTrue();
            assertThat(report.checked().get(EntityKind.USER)).isPositive();
            assertThat(report.checked().get(EntityKind.GROUP)).isPositive();
            assertThat(report.checked().get(EntityKind.MEMBER)).isPositive();
        }
        if (translatable) {
            boolean same = targetDirectory.provider().userIds().accepts(TRANSLATED_ID);
            assertThat(targetDirectory.users().stream(UserQuery.all()))
                    .filteredOn(u -> u.name().equals(TRANSLATED_NAME))
                    .singleElement()
                    .extracting(User::id)
                    .as("the target id of %s", TRANSLATED_ID)
                    .matches(id -> same == id.equals(TRANSLATED_ID));
        }
        int afterFirst = target.writes().size();
        targetRun.emulator().ifPresent(e -> targetRun.forgetRequests());
        try (Migration again = builder.build()) {
            ApplyResult second = again.apply();
            assertThat(target.writes()).as("writes of the second run").hasSize(afterFirst);
            assertThat(second.plan().writes()).isZero();
            assertThat(second.appliedTotal()).isZero();
            assertNoWriteReached(targetRun, "the second run");
        }
    }

    /** Checks the emulator's own request journal, not only what the engine called. */
    private static void assertNoWriteReached(Vendors.Running target, String run) {
        if (target.emulator().isPresent()) {
            assertThat(target.writeRequests())
                    .as("write requests %s sent to the %s emulator", run, target.vendor())
                    .isEmpty();
        }
    }
}
