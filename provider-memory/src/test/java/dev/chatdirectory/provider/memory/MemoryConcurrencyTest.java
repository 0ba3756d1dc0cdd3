package dev.chatdirectory.provider.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatdirectory.AlreadyExistsException;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.model.BatchResult;
import dev.chatdirectory.model.Group;
import dev.chatdirectory.model.GroupCreate;
import dev.chatdirectory.model.GroupType;
import dev.chatdirectory.model.Member;
import dev.chatdirectory.model.MemberQuery;
import dev.chatdirectory.model.MemberSpec;
import dev.chatdirectory.model.User;
import dev.chatdirectory.model.UserCreate;
import dev.chatdirectory.model.UserQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Many threads at once against one directory; the assertions are exact counts, never timings.
 * The timeout only turns a deadlock into a failure instead of a hung build.
 */
@DisplayName("Memory provider: thread safety")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class MemoryConcurrencyTest {

    private static final int THREADS = 8;

    private final ExecutorService executor = Executors.newFixedThreadPool(THREADS);
    private final ChatDirectory directory = MemoryChatDirectory.builder().build();

    @AfterEach
    void shutdown() throws InterruptedException {
        executor.shutdownNow();
        assertThat(executor.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
    }

    /** Runs the tasks together, released by one start signal, and returns their results in order. */
    private <T> List<T> runTogether(List<Callable<T>> tasks) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> task : tasks) {
            futures.add(executor.submit(() -> {
                start.await();
                return task.call();
            }));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get());
        }
        return results;
    }

    private static String userId(int i) {
        return String.format("user-%05d", i);
    }

    @Test
    @DisplayName("users created by many threads at once are all stored, exactly once")
    void concurrentCreates() throws Exception {
        int perThread = 250;
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int from = t * perThread;
            tasks.add(() -> {
                for (int i = from; i < from + perThread; i++) {
                    directory
                            .users()
                            .create(UserCreate.builder(userId(i), "User " + i).build());
                }
                return perThread;
            });
        }

        runTogether(tasks);

        List<String> ids = directory.users().stream(UserQuery.all().withPageSize(97))
                .map(User::id)
                .toList();
        assertThat(ids)
                .hasSize(THREADS * perThread)
                .containsExactlyElementsOf(IntStream.range(0, THREADS * perThread)
                        .mapToObj(MemoryConcurrencyTest::userId)
                        .toList());
        assertThat(directory.unwrap(MemoryChatDirectory.class).storedUserCount())
                .isEqualTo(THREADS * perThread);
    }

    @Test
    @DisplayName("when many threads create the same id, exactly one succeeds and the others get AlreadyExistsException")
    void sameIdRace() throws Exception {
        List<Callable<Boolean>> tasks = new ArrayList<>();
        for (int t = 0; t < THREADS * 4; t++) {
            int n = t;
            tasks.add(() -> {
                try {
                    directory
                            .users()
                            .create(UserCreate.builder("contested", "Thread " + n)
                                    .build());
                    return true;
                } catch (AlreadyExistsException e) {
                    return false;
                }
            });
        }

        List<Boolean> results = runTogether(tasks);

        assertThat(results).filteredOn(won -> won).hasSize(1);
        assertThat(directory.unwrap(MemoryChatDirectory.class).storedUserCount())
                .isEqualTo(1);
    }

    @Test
    @DisplayName("overlapping member batches from many threads add each user exactly once")
    void concurrentMemberAdds() throws Exception {
        int users = 900;
        IntStream.range(0, users)
                .forEach(i -> directory
                        .users()
                        .create(UserCreate.builder(userId(i), "U").build()));
        directory
                .groups()
                .create(GroupCreate.builder("big", "Big", GroupType.PUBLIC).build());
        // Thread t adds users [100 t, 100 t + 200): each user but the first and last hundred twice.
        List<Callable<BatchResult>> tasks = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            List<MemberSpec> specs = IntStream.range(t * 100, t * 100 + 200)
                    .mapToObj(i -> MemberSpec.participant(userId(i)))
                    .toList();
            tasks.add(() -> directory.members().add("big", specs));
        }

        List<BatchResult> results = runTogether(tasks);

        int applied = results.stream().mapToInt(r -> r.applied().size()).sum();
        int unchanged = results.stream().mapToInt(r -> r.unchanged().size()).sum();
        assertThat(results).allSatisfy(r -> assertThat(r.allSucceeded()).isTrue());
        assertThat(applied).isEqualTo(users);
        assertThat(unchanged).isEqualTo(THREADS * 200 - users);
        assertThat(results.stream().flatMap(r -> r.applied().stream()))
                .doesNotHaveDuplicates()
                .hasSize(users);
        assertThat(directory.members().stream("big", MemberQuery.pageSize(50)).map(Member::userId))
                .hasSize(users)
                .doesNotHaveDuplicates();
        assertThat(directory.groups().get("big").orElseThrow().memberCount()).hasValue(users);
    }

    @Test
    @DisplayName("groups created without ids by many threads get distinct ids")
    void concurrentGroupIds() throws Exception {
        List<Callable<List<String>>> tasks = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            tasks.add(() -> {
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    ids.add(directory
                            .groups()
                            .create(GroupCreate.withoutId("G", GroupType.PUBLIC).build())
                            .id());
                }
                return ids;
            });
        }

        Set<String> ids = runTogether(tasks).stream().flatMap(List::stream).collect(Collectors.toSet());

        assertThat(ids).hasSize(THREADS * 50);
        assertThat(directory.groups().stream(dev.chatdirectory.model.GroupQuery.all())
                        .map(Group::id))
                .hasSize(THREADS * 50);
    }

    @Test
    @DisplayName("readers walking pages while writers add and remove members see consistent, duplicate-free pages")
    void readersAndWriters() throws Exception {
        int users = 400;
        IntStream.range(0, users)
                .forEach(i -> directory
                        .users()
                        .create(UserCreate.builder(userId(i), "U").build()));
        directory
                .groups()
                .create(GroupCreate.builder("g", "G", GroupType.PUBLIC).build());
        List<Callable<List<String>>> tasks = new ArrayList<>();
        for (int t = 0; t < THREADS / 2; t++) {
            int writer = t;
            tasks.add(() -> {
                for (int round = 0; round < 20; round++) {
                    List<String> ids = IntStream.range(0, users)
                            .filter(i -> i % (THREADS / 2) == writer)
                            .mapToObj(MemoryConcurrencyTest::userId)
                            .toList();
                    directory
                            .members()
                            .add("g", ids.stream().map(MemberSpec::participant).toList());
                    directory.members().remove("g", ids.subList(0, ids.size() / 2));
                }
                return List.of();
            });
            tasks.add(() -> {
                List<String> last = List.of();
                for (int round = 0; round < 20; round++) {
                    last = directory.members().stream("g", MemberQuery.pageSize(13))
                            .map(Member::userId)
                            .toList();
                    assertThat(last).doesNotHaveDuplicates().isSorted();
                }
                return last;
            });
        }

        runTogether(tasks);

        // Each writer ends with the second half of its users added.
        assertThat(directory.groups().get("g").orElseThrow().memberCount()).hasValue(users / 2);
    }
}
