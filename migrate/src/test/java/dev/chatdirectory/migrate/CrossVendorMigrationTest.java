package dev.chatdirectory.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.model.GroupType;
import dev.chatdirectory.provider.memory.MemoryChatDirectory;
import dev.chatdirectory.testkit.CanonicalDataSet;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("A migration between vendors (adapters against their emulators)")
class CrossVendorMigrationTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "memory to {0}")
    @EnumSource(Vendors.class)
    @DisplayName("from memory into each vendor verifies clean beyond the declared losses, which are the derived ones")
    void memoryToVendor(Vendors vendor) {
        ChatDirectory source = MemoryChatDirectory.builder().build();
        try (Vendors.Running target = vendor.start()) {
            migrateAndCheck(source, null, target.directory(), target);
        }
    }

    static Stream<Arguments> vendorPairs() {
        return Stream.of(
                Arguments.of(Vendors.ATOMCHAT, Vendors.COMETCHAT),
                Arguments.of(Vendors.COMETCHAT, Vendors.QISCUS),
                Arguments.of(Vendors.QISCUS, Vendors.ATOMCHAT));
    }

    @ParameterizedTest(name = "{0} to {1}")
    @MethodSource("vendorPairs")
    @DisplayName("from one vendor into another verifies clean beyond the declared losses, which are the derived ones")
    void vendorToVendor(Vendors from, Vendors to) {
        try (Vendors.Running source = from.start();
                Vendors.Running target = to.start()) {
            migrateAndCheck(source.directory(), source, target.directory(), target);
        }
    }

    private void migrateAndCheck(
            ChatDirectory source, Vendors.Running sourceRun, ChatDirectory targetDirectory, Vendors.Running targetRun) {
        CanonicalDataSet data = CanonicalDataSet.withRandomScope();
        Map<String, String> groupIds = Seeder.seed(source, data);
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
                .source(source, sourceRun == null ? null : sourceRun.config())
                .target(target, targetRun.config())
                .journal(dir.resolve("m.journal"));
        MigrationPlan dryRun;
        try (Migration m = builder.options(options.build()).build()) {
            dryRun = m.plan();
        }
        assertThat(target.writes()).as("writes of the dry run").isEmpty();
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
        int afterFirst = target.writes().size();
        try (Migration again = builder.build()) {
            ApplyResult second = again.apply();
            assertThat(target.writes()).as("writes of the second run").hasSize(afterFirst);
            assertThat(second.plan().writes()).isZero();
        }
    }
}
