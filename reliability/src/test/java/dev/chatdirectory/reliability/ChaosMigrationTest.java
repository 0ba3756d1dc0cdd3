package dev.chatdirectory.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.chatdirectory.Capability;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.ChatDirectoryException;
import dev.chatdirectory.emulator.VendorEmulator;
import dev.chatdirectory.migrate.ApplyResult;
import dev.chatdirectory.migrate.EntityKind;
import dev.chatdirectory.migrate.Migration;
import dev.chatdirectory.migrate.VerifyReport;
import dev.chatdirectory.model.Group;
import dev.chatdirectory.model.GroupQuery;
import dev.chatdirectory.model.Member;
import dev.chatdirectory.model.MemberQuery;
import dev.chatdirectory.model.PageRequest;
import dev.chatdirectory.model.User;
import dev.chatdirectory.model.UserQuery;
import dev.chatdirectory.testkit.ReliabilitySection;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Chaos migrations")
class ChaosMigrationTest {

    /** Runs; {@code -Dchatdirectory.chaos.runs=200} for a longer campaign. */
    private static final int RUNS = Integer.getInteger("chatdirectory.chaos.runs", 20);

    /** Users per directory (at least the canonical 14); {@code -Dchatdirectory.chaos.users=2000} for larger ones. */
    private static final int USERS = ChaosData.users(Integer.getInteger("chatdirectory.chaos.users", 24));

    /** The first seed; run i uses seed + i. {@code -Dchatdirectory.chaos.seed=} reproduces a failed run first. */
    private static final long SEED = Long.getLong("chatdirectory.chaos.seed", 20_261_205L);

    /** Share of calls that fail on each side. */
    private static final double FAULT_RATE = 0.05;

    private static final int CONCURRENCY = 4;

    private static final List<ChaosSide[]> PAIRS = pairs();

    private static final List<String> ROWS = new ArrayList<>();

    @TempDir
    Path dir;

    private static List<ChaosSide[]> pairs() {
        List<ChaosSide[]> out = new ArrayList<>();
        for (ChaosSide from : ChaosSide.values()) {
            for (ChaosSide to : ChaosSide.values()) {
                out.add(new ChaosSide[] {from, to});
            }
        }
        return List.copyOf(out);
    }

    /** {@return the pair a seed migrates: consecutive seeds walk every source and target} */
    static ChaosSide[] pair(long seed) {
        return PAIRS.get((int) Math.floorMod(seed, (long) PAIRS.size()));
    }

    @Test
    @DisplayName(
            "each seeded run crashes, resumes to completion and leaves the target clean: nothing lost, nothing twice")
    void seededRuns() throws Exception {
        for (int i = 0; i < RUNS; i++) {
            long seed = SEED + i;
            try {
                ROWS.add(run(seed, dir.resolve("run-" + i)));
            } catch (AssertionError | Exception e) {
                throw new AssertionError(
                        "chaos run with seed " + seed + " (" + pairName(seed) + ") failed; reproduce with"
                                + " -Dchatdirectory.chaos.seed=" + seed
                                + " -Dchatdirectory.chaos.runs=1 -Dchatdirectory.chaos.users="
                                + USERS + ": " + e.getMessage(),
                        e);
            }
        }
        assertThat(ROWS).hasSize(RUNS);
    }

    private static String pairName(long seed) {
        ChaosSide[] pair = pair(seed);
        return pair[0].providerId() + " → " + pair[1].providerId();
    }

    private String run(long seed, Path work) throws Exception {
        Files.createDirectories(work);
        ChaosSide from = pair(seed)[0];
        ChaosSide to = pair(seed)[1];
        SplittableRandom random = new SplittableRandom(seed);
        ChaosFaults sourceFaults = new ChaosFaults(seed * 2 + 1, FAULT_RATE);
        ChaosFaults targetFaults = new ChaosFaults(seed * 2 + 2, FAULT_RATE);
        Optional<VendorEmulator<?>> sourceEmulator = from.startEmulator();
        Optional<VendorEmulator<?>> targetEmulator = to.startEmulator();
        List<AutoCloseable> closing = new ArrayList<>();
        sourceEmulator.ifPresent(closing::add);
        targetEmulator.ifPresent(closing::add);
        try {
            Properties direct = new Properties();
            from.configure(direct, "source", sourceEmulator, sourceEmulator.map(VendorEmulator::baseUrl), false);
            to.configure(direct, "target", targetEmulator, targetEmulator.map(VendorEmulator::baseUrl), false);
            ChatDirectory directSource = ChaosSide.open(direct, "source");
            ChatDirectory directTarget = ChaosSide.open(direct, "target");
            closing.add(directSource);
            closing.add(directTarget);
            ChaosData.seed(directSource, seed, USERS);
            // within the creates every run sends: one per active source user and one per source group
            Set<String> activeUsers = StateCheck.users(directSource).stream()
                    .filter(u -> !u.deactivated())
                    .map(User::id)
                    .collect(Collectors.toSet());
            int creates = activeUsers.size()
                    + StateCheck.groups(directSource, activeUsers).size();
            ChaosCrash crash = new ChaosCrash(1 + random.nextInt(creates), random.nextBoolean());
            long started = System.nanoTime();

            Properties chaos = new Properties();
            Optional<URI> sourceUrl = proxied(sourceEmulator, sourceFaults, ChaosCrash.none(), closing);
            Optional<URI> targetUrl = proxied(targetEmulator, targetFaults, crash, closing);
            from.configure(chaos, "source", sourceEmulator, sourceUrl, true);
            to.configure(chaos, "target", targetEmulator, targetUrl, true);
            chaos.setProperty("chaos.seed", Long.toString(seed));
            chaos.setProperty("chaos.rate", Double.toString(FAULT_RATE));
            chaos.setProperty("chaos.users", Integer.toString(USERS));
            chaos.setProperty("chaos.concurrency", Integer.toString(CONCURRENCY));
            chaos.setProperty("chaos.journal", work.resolve("migration.journal").toString());

            // the source and target the resumed run uses; a memory side lives in this process
            ChatDirectory source;
            ChatDirectory target;
            int childFaults = 0;
            String crashMode;
            if (to == ChaosSide.MEMORY) {
                crashMode = "in-process";
                source = from == ChaosSide.MEMORY
                        ? FaultyDirectory.wrap(directSource, sourceFaults, ChaosCrash.none())
                        : ChaosSide.open(chaos, "source");
                closing.add(source);
                crashInProcess(chaos, source, FaultyDirectory.wrap(directTarget, targetFaults, crash), crash);
                target = FaultyDirectory.wrap(directTarget, targetFaults, ChaosCrash.none());
            } else {
                crashMode = "child JVM killed";
                childFaults = crashChild(chaos, work, crash);
                source = from == ChaosSide.MEMORY
                        ? FaultyDirectory.wrap(directSource, sourceFaults, ChaosCrash.none())
                        : ChaosSide.open(chaos, "source");
                target = ChaosSide.open(chaos, "target");
                closing.add(source);
                closing.add(target);
            }
            assertThat(crash.fired())
                    .as("the crash at " + crash.describe() + " happened")
                    .isTrue();
            long crashed = System.nanoTime();

            int resumes = 0;
            ApplyResult last = null;
            try (Migration m = ChaosWorker.migration(chaos, source, target)) {
                while (last == null || !last.succeeded()) {
                    assertThat(resumes)
                            .as("resumes before the migration succeeded")
                            .isLessThan(ChaosWorker.MAX_APPLIES);
                    resumes++;
                    try {
                        last = m.apply();
                    } catch (ChatDirectoryException e) {
                        last = null; // a read of the plan failed: the next apply plans again
                    }
                }
                sourceFaults.disable();
                targetFaults.disable();
                long resumed = System.nanoTime();
                VerifyReport report = m.verify();
                assertThat(report.clean()).as(report.toText()).isTrue();
                StateCheck state =
                        StateCheck.of(directSource, directTarget, id -> ChaosSide.storesHiddenUser(targetEmulator, id));
                assertThat(state.lost).as("source items missing in the target").isEmpty();
                assertThat(state.duplicates).as("items the target holds twice").isEmpty();
                assertThat(state.strays)
                        .as("target items no source item explains")
                        .isEmpty();
                return "| " + seed + " | " + from.providerId() + " → " + to.providerId() + " | " + USERS + " | "
                        + faults(sourceFaults, childFaults) + " | " + faults(targetFaults, 0) + " | "
                        + crashMode + ", " + crash.describe() + " | " + sourceFaults.calls() + " / "
                        + targetFaults.calls() + " | " + resumes + " | " + seconds(crashed - started) + " + "
                        + seconds(resumed - crashed) + " | clean: "
                        + report.checked().get(EntityKind.USER)
                        + " users, " + report.checked().get(EntityKind.GROUP) + " groups, "
                        + report.checked().get(EntityKind.MEMBER) + " members; 0 lost, 0 duplicates |";
            }
        } finally {
            for (int i = closing.size() - 1; i >= 0; i--) {
                closing.get(i).close();
            }
        }
    }

    private static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    private static Optional<URI> proxied(
            Optional<VendorEmulator<?>> emulator, ChaosFaults faults, ChaosCrash crash, List<AutoCloseable> closing) {
        return emulator.map(e -> {
            ChaosProxy proxy = new ChaosProxy(e.rootUrl(), faults, crash);
            closing.add(proxy);
            return proxy.in(e.baseUrl());
        });
    }

    private static String faults(ChaosFaults faults, int more) {
        Map<ChaosFaults.Kind, Integer> kinds = faults.injected();
        String detail = kinds.entrySet().stream()
                .map(e -> e.getKey().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " " + e.getValue())
                .collect(Collectors.joining(", "));
        int total = faults.injectedTotal() + more;
        return total
                + (detail.isEmpty() ? "" : " (" + detail + (more > 0 ? ", " + more + " in the killed run" : "") + ")");
    }

    /** Runs the migration in this process until the crash kills it; the journal is left as it was. */
    private static void crashInProcess(Properties chaos, ChatDirectory source, ChatDirectory target, ChaosCrash crash) {
        for (int i = 0; i < ChaosWorker.MAX_APPLIES && !crash.fired(); i++) {
            try (Migration m = ChaosWorker.migration(chaos, source, target)) {
                m.apply();
            } catch (ChaosCrash.Died expected) {
                return;
            } catch (ChatDirectoryException e) {
                // a planning read failed under the injected faults: apply again, as the child does
            }
        }
    }

    /** Runs the migration in a child JVM and kills it at the crash point; returns the faults it injected itself. */
    private static int crashChild(Properties chaos, Path work, ChaosCrash crash)
            throws IOException, InterruptedException {
        Path config = work.resolve("chaos.properties");
        try (Writer out = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
            chaos.store(out, "chaos run");
        }
        Path log = work.resolve("worker.log");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        classpath,
                        "-XX:TieredStopAtLevel=1",
                        "-Xshare:auto",
                        ChaosWorker.class.getName(),
                        config.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        crash.onFire(() -> {
            child.destroyForcibly();
            try {
                child.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        if (!child.waitFor(5, TimeUnit.MINUTES)) {
            child.destroyForcibly();
            fail("the migrating child JVM neither finished nor crashed within 5 minutes");
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertThat(crash.fired())
                .as("the child was killed at the crash point; its output:\n" + String.join("\n", lines))
                .isTrue();
        return (int) lines.stream().filter(l -> l.startsWith("fault ")).count();
    }

    /** The target's state read without faults and compared with the source's, independently of the engine. */
    private static final class StateCheck {
        final List<String> lost = new ArrayList<>();
        final List<String> duplicates = new ArrayList<>();
        final List<String> strays = new ArrayList<>();

        static StateCheck of(ChatDirectory source, ChatDirectory target, Predicate<String> storesHiddenUser) {
            StateCheck c = new StateCheck();
            Set<String> expectedUsers = new LinkedHashSet<>();
            // ids the target refuses (the Qiscus system user's dot, for CometChat) are translated by the
            // engine and checked by verify through the journal's id map; here each may stand once under another id
            int translated = 0;
            for (User u : users(source)) {
                if (!target.provider().userIds().accepts(u.id())) {
                    translated++;
                } else if (!u.deactivated() || target.provider().supports(Capability.USER_DEACTIVATION)) {
                    expectedUsers.add(u.id());
                }
            }
            List<User> targetUsers = users(target);
            c.duplicatesOf("user", targetUsers.stream().map(User::id).toList());
            Set<String> targetUserIds = targetUsers.stream().map(User::id).collect(Collectors.toSet());
            for (String id : expectedUsers) {
                if (!targetUserIds.contains(id) && target.users().get(id).isEmpty() && !storesHiddenUser.test(id)) {
                    c.lost.add("user " + id);
                }
            }
            List<String> strayUsers = targetUserIds.stream()
                    .filter(id -> !expectedUsers.contains(id) && !id.equals(ChaosSide.QISCUS_SYSTEM_USER))
                    .filter(id -> users(source).stream().noneMatch(u -> u.id().equals(id)))
                    .toList();
            if (strayUsers.size() > translated) {
                strayUsers.forEach(id -> c.strays.add("user " + id));
            }

            List<Group> sourceGroups = groups(source, expectedUsers);
            List<Group> targetGroups = groups(target, targetUserIds);
            c.duplicatesOf("group named", targetGroups.stream().map(Group::name).toList());
            Map<String, Group> targetByName =
                    targetGroups.stream().collect(Collectors.toMap(Group::name, Function.identity(), (a, b) -> a));
            Set<String> sourceNames = sourceGroups.stream().map(Group::name).collect(Collectors.toSet());
            targetByName.keySet().stream()
                    .filter(n -> !sourceNames.contains(n))
                    .forEach(n -> c.strays.add("group " + n));
            for (Group g : sourceGroups) {
                Group t = targetByName.get(g.name());
                if (t == null) {
                    c.lost.add("group " + g.name());
                    continue;
                }
                Set<String> want = members(source, g.id()).stream()
                        .map(Member::userId)
                        .filter(expectedUsers::contains)
                        .collect(Collectors.toCollection(LinkedHashSet::new));
                List<String> have =
                        members(target, t.id()).stream().map(Member::userId).toList();
                c.duplicatesOf("member of " + g.name() + ":", have);
                want.stream()
                        .filter(u -> !have.contains(u))
                        .forEach(u -> c.lost.add("member " + u + " of " + g.name()));
                have.stream()
                        .filter(u -> !want.contains(u) && !u.equals(ChaosSide.QISCUS_SYSTEM_USER))
                        .forEach(u -> c.strays.add("member " + u + " of " + g.name()));
            }
            return c;
        }

        private void duplicatesOf(String what, Collection<String> keys) {
            Map<String, Integer> counts = new TreeMap<>();
            keys.forEach(k -> counts.merge(k, 1, Integer::sum));
            counts.forEach((k, n) -> {
                if (n > 1) {
                    duplicates.add(what + " " + k + " ×" + n);
                }
            });
        }

        private static List<User> users(ChatDirectory d) {
            UserQuery q = d.provider().supports(Capability.USER_LIST_DEACTIVATED)
                    ? UserQuery.builder().includeDeactivated(true).build()
                    : UserQuery.all();
            return d.users().stream(q).toList();
        }

        /** Every group, listed or (Qiscus) found through its members; a group found twice is one group. */
        private static List<Group> groups(ChatDirectory d, Set<String> userIds) {
            if (d.provider().supports(Capability.GROUP_LIST)) {
                return d.groups().stream(GroupQuery.all()).toList();
            }
            Map<String, Group> byId = new LinkedHashMap<>();
            Set<String> walk = new LinkedHashSet<>(userIds);
            walk.add(ChaosSide.QISCUS_SYSTEM_USER);
            for (String u : walk) {
                if (d.users().get(u).isPresent()) {
                    d.groups().streamForMember(u, PageRequest.first()).forEach(g -> byId.putIfAbsent(g.id(), g));
                }
            }
            return List.copyOf(byId.values());
        }

        private static List<Member> members(ChatDirectory d, String groupId) {
            return d.members().stream(groupId, MemberQuery.all()).toList();
        }
    }

    @AfterAll
    static void writeSection() {
        if (ROWS.isEmpty()) {
            return;
        }
        ReliabilitySection.write("20-chaos-migrations.md", section());
    }

    private static String section() {
        StringBuilder s = new StringBuilder();
        s.append("## Chaos migrations\n\n");
        s.append("`ChaosMigrationTest` (module `reliability`): ")
                .append(ROWS.size())
                .append(" seeded migrations of a directory of ")
                .append(USERS)
                .append(" users (the kit's canonical data set: non-ASCII names, metadata, 9 groups of every type,"
                        + " roles, bans, deactivated users; plus generated members) between every pair of"
                        + " `memory`, `atomchat`, `cometchat-v3` and `qiscus` (server-assigned room ids), each"
                        + " adapter against its emulator, with ")
                .append((int) (FAULT_RATE * 100))
                .append("% of the calls on each side failing (a seeded fault-injecting proxy in front of each emulator,"
                        + " a fault-injecting wrapper around `memory`): connection reset before the vendor saw the"
                        + " request or after it applied it, 500, 503, 429 with `Retry-After: 1`, an answer slower than"
                        + " usual, an answer after the client's ")
                .append(ChaosProxy.READ_TIMEOUT.toMillis())
                .append(
                        " ms read timeout (applied, answer lost). Each run dies at a random write to the target (over HTTP: the n-th request other than a GET,"
                                + " AtomChat reads by POST too), before"
                                + " it was sent or after the target applied it: a child JVM running the migration is killed with"
                                + " `destroyForcibly` (SIGKILL: requests in flight, SQLite journal open), or, for the in-memory"
                                + " target, whose state lives in the test's JVM, the migration's threads die at that write."
                                + " The run then resumes with the same journal, still under the faults, until `apply`"
                                + " succeeds; the faults stop, `verify` must be clean (beyond the declared losses, all"
                                + " accepted), and the target's state, read back through a fault-free adapter and compared"
                                + " with the source independently of the engine, must hold every source user, group and"
                                + " member once: zero lost, zero duplicates, nothing unexplained (deactivated users, which the Qiscus API"
                                + " neither lists nor reads, are looked up in the Qiscus emulator's own state).\n\n");
        s.append("Sizes: `-Dchatdirectory.chaos.runs=` (default 20), `-Dchatdirectory.chaos.users=` (default 24),"
                + " `-Dchatdirectory.chaos.seed=` (first seed, default 20261205; run i uses seed + i and the seed"
                + " picks the pair). A failure names its seed and the command line that reproduces it.\n\n");
        s.append("| seed | pair | users | faults on the source | faults on the target | crash | calls source / target"
                + " | applies after the crash | time: until the crash + resumed | verify, state |\n");
        s.append("|---|---|---|---|---|---|---|---|---|---|\n");
        ROWS.forEach(r -> s.append(r).append('\n'));
        s.append("\n### Defects found\n\n");
        s.append("| found by | defect | fix | regression test |\n|---|---|---|---|\n");
        s.append(
                "| seed 20261207, `atomchat` → `qiscus` | a group create in a target that assigns group ids (Qiscus rooms)"
                        + " whose answer was lost without a crash (connection reset or read timeout after the room was"
                        + " created) was journaled as failed, and the next `apply` created the room a second time: the"
                        + " marker search only looked at items left in flight by a crash | `migrate` (`Engine`): such an"
                        + " item stays in flight, so the next run finds the room through its marker, or holds the group back"
                        + " where the target keeps no marker | `migrate`: `UncertainGroupCreateTest` |\n");
        s.append("| seed 20261217, `memory` → `atomchat` | a source user without a role arrives in AtomChat with the"
                + " role AtomChat gives by default (`default`), and `verify` reported the user as different"
                + " (`role: absent ≠ \"default\"`) although nothing was lost | `migrate` (`Projection.holds`): a"
                + " source without a role has nothing to copy, so the role the target filled in holds it (also found"
                + " by `EmulatorResumeTest` into CometChat); every third generated chaos user has no role |"
                + " `migrate`: `ProjectionHoldsTest` |\n");
        return s.toString();
    }
}
