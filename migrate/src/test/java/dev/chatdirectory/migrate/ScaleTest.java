package dev.chatdirectory.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.model.UserCreate;
import dev.chatdirectory.provider.memory.MemoryChatDirectory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Planning streams: the journal, not the heap, holds what is compared. CI plans a few thousand
 * users; the documented run plans 200,000 under a 128 MB heap:
 *
 * <pre>{@code
 * mvn -B -o -pl migrate -am verify -Dtest=ScaleTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dmigrate.scale.users=200000 -DargLine=-Xmx128m -Dspotless.check.skip=true -Djacoco.skip=true
 * }</pre>
 *
 * (The memory source itself holds its users on the heap: about 100 MB of the 128 at 200,000.)
 */
@DisplayName("Planning a large directory")
class ScaleTest {

    private static final int USERS = Integer.getInteger("migrate.scale.users", 5000);

    @TempDir
    Path dir;

    @Test
    @DisplayName("streams every user through the journal and plans each one")
    void plansLargeDirectory() {
        ChatDirectory source = MemoryChatDirectory.builder().build();
        for (int i = 0; i < USERS; i++) {
            source.users()
                    .create(UserCreate.builder(String.format("user-%07d", i), "User " + i)
                            .build());
        }
        ChatDirectory target = MemoryChatDirectory.builder().build();
        List<MigrationProgress> events = new ArrayList<>();

        try (Migration m = Migration.builder()
                .source(source)
                .target(target)
                .journal(dir.resolve("scale.journal"))
                .listener(events::add)
                .build()) {
            MigrationPlan plan = m.plan();

            assertThat(plan.tally(EntityKind.USER).create()).isEqualTo(USERS);
        }
        assertThat(events).anySatisfy(e -> {
            assertThat(e.phase()).isEqualTo(Phase.READ_SOURCE);
            assertThat(e.done()).isPositive();
        });
    }
}
