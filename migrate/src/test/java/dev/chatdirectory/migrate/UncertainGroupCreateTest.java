package dev.chatdirectory.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatdirectory.Capability;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.ErrorContext;
import dev.chatdirectory.GroupOperations;
import dev.chatdirectory.ProviderUnavailableException;
import dev.chatdirectory.model.GroupQuery;
import dev.chatdirectory.provider.memory.MemoryChatDirectory;
import dev.chatdirectory.testkit.CanonicalDataSet;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName(
        "A group create whose answer is lost without a crash (connection reset or timeout after the target applied it)")
class UncertainGroupCreateTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName(
            "in a target that assigns group ids is found again through its marker by the next run, not created twice")
    void foundThroughMarker() {
        ChatDirectory source = MemoryChatDirectory.builder().build();
        Seeder.seed(source, CanonicalDataSet.withRandomScope());
        ChatDirectory store = MemoryChatDirectory.builder()
                .capabilities(EnumSet.complementOf(EnumSet.of(Capability.GROUP_CLIENT_IDS)))
                .build();
        int groups = CanonicalDataSet.groupKeys().size();
        AtomicInteger lost = new AtomicInteger(groups);

        try (Migration m = migration(source, answersLost(store, lost))) {
            ApplyResult first = m.apply();
            assertThat(first.succeeded()).isFalse();
            assertThat(store.groups().stream(GroupQuery.all()).count()).isEqualTo(groups);

            ApplyResult second = m.apply();
            assertThat(second.succeeded()).as(second.failures().toString()).isTrue();
            assertThat(m.verify().clean()).isTrue();
        }
        assertThat(store.groups().stream(GroupQuery.all()).count())
                .as("groups in the target")
                .isEqualTo(groups);
    }

    @Test
    @DisplayName("in a target that assigns group ids and keeps no marker is held back, not created twice")
    void heldBackWithoutMarker() {
        ChatDirectory source = MemoryChatDirectory.builder().build();
        Seeder.seed(source, CanonicalDataSet.withRandomScope());
        ChatDirectory store = MemoryChatDirectory.builder()
                .capabilities(EnumSet.complementOf(EnumSet.of(Capability.GROUP_CLIENT_IDS, Capability.GROUP_METADATA)))
                .build();
        AtomicInteger lost = new AtomicInteger(1);

        try (Migration m = migration(source, answersLost(store, lost))) {
            assertThat(m.apply().succeeded()).isFalse();
            ApplyResult second = m.apply();

            assertThat(second.plan().tally(EntityKind.GROUP).blocked()).isEqualTo(1);
        }
        assertThat(store.groups().stream(GroupQuery.all()).count())
                .isEqualTo(CanonicalDataSet.groupKeys().size());
    }

    private Migration migration(ChatDirectory source, ChatDirectory target) {
        return Migration.builder()
                .source(source)
                .target(target)
                .journal(dir.resolve("m.journal"))
                .options(MigrationOptions.builder()
                        .acceptAllLosses()
                        .concurrency(2)
                        .build())
                .build();
    }

    /** A target whose first {@code lost} group creates are applied, then fail as a reset connection does. */
    private static ChatDirectory answersLost(ChatDirectory store, AtomicInteger lost) {
        GroupOperations groups = (GroupOperations) Proxy.newProxyInstance(
                GroupOperations.class.getClassLoader(), new Class<?>[] {GroupOperations.class}, (p, method, args) -> {
                    if (method.isDefault()) {
                        return java.lang.reflect.InvocationHandler.invokeDefault(p, method, args);
                    }
                    Object result = call(store.groups(), method, args);
                    if (method.getName().equals("create") && lost.getAndDecrement() > 0) {
                        throw new ProviderUnavailableException(
                                "connection reset after the request was sent", ErrorContext.of("memory"));
                    }
                    return result;
                });
        return (ChatDirectory) Proxy.newProxyInstance(
                ChatDirectory.class.getClassLoader(),
                new Class<?>[] {ChatDirectory.class},
                (p, method, args) -> method.getName().equals("groups") ? groups : call(store, method, args));
    }

    private static Object call(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
