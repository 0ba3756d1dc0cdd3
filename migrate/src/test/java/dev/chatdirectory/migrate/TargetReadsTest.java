package dev.chatdirectory.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatdirectory.Capability;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.model.GroupCreate;
import dev.chatdirectory.model.GroupType;
import dev.chatdirectory.model.MemberSpec;
import dev.chatdirectory.model.UserCreate;
import dev.chatdirectory.provider.memory.MemoryChatDirectory;
import dev.chatdirectory.spi.ProviderDescriptor;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Planning reads the target's groups")
class TargetReadsTest {

    private static final int GROUPS = 30;

    @TempDir
    Path dir;

    private final ChatDirectory source = MemoryChatDirectory.builder().build();
    private final ChatDirectory store = MemoryChatDirectory.builder().build();

    @BeforeEach
    void seed() {
        source.users().create(UserCreate.builder("owner", "Owner").build());
        source.users().create(UserCreate.builder("member", "Member").build());
        for (int g = 0; g < GROUPS; g++) {
            source.groups()
                    .create(GroupCreate.builder("g" + g, "Group " + g, GroupType.PRIVATE)
                            .ownerId("owner")
                            .build());
            source.members().add("g" + g, List.of(MemberSpec.participant("member")));
        }
    }

    private ApplyResult migrate(TargetProbe target) {
        try (Migration m = Migration.builder()
                .source(source)
                .target(target)
                .journal(dir.resolve("reads.journal"))
                .options(MigrationOptions.builder().acceptAllLosses().build())
                .build()) {
            return m.apply();
        }
    }

    @Test
    @DisplayName("with one listing per page, not one read per source group, when the target lists groups")
    void listedWhenTheTargetCan() {
        migrate(TargetProbe.counting(store));
        TargetProbe second = TargetProbe.counting(store);

        ApplyResult again = migrate(second);

        assertThat(again.plan().writes()).as("writes of the second run").isZero();
        assertThat(second.groupReads()).as("groups read by id").isZero();
        assertThat(second.groupPages()).as("pages of groups listed").isEqualTo(1);
    }

    @Test
    @DisplayName("one by one, by the ids the plan gives them, when the target cannot list groups")
    void readOneByOneOtherwise() {
        Set<Capability> withoutListing = EnumSet.copyOf(store.provider().capabilities());
        withoutListing.remove(Capability.GROUP_LIST);
        ProviderDescriptor descriptor =
                store.provider().toBuilder().capabilities(withoutListing).build();
        migrate(TargetProbe.describedAs(store, descriptor));
        TargetProbe second = TargetProbe.describedAs(store, descriptor);

        ApplyResult again = migrate(second);

        assertThat(again.plan().writes()).as("writes of the second run").isZero();
        assertThat(second.groupReads()).as("groups read by id").isEqualTo(GROUPS);
        assertThat(second.groupPages()).as("pages of groups listed").isZero();
    }
}
