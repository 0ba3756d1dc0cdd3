package dev.chatdirectory.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatdirectory.Capability;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.emulator.VendorEmulator;
import dev.chatdirectory.model.BannedMember;
import dev.chatdirectory.model.BatchResult;
import dev.chatdirectory.model.GroupCreate;
import dev.chatdirectory.model.GroupQuery;
import dev.chatdirectory.model.GroupType;
import dev.chatdirectory.model.ItemOutcome;
import dev.chatdirectory.model.Member;
import dev.chatdirectory.model.MemberQuery;
import dev.chatdirectory.model.MemberRole;
import dev.chatdirectory.model.MemberSpec;
import dev.chatdirectory.model.PageRequest;
import dev.chatdirectory.model.User;
import dev.chatdirectory.model.UserCreate;
import dev.chatdirectory.model.UserQuery;
import dev.chatdirectory.model.UserUpdate;
import dev.chatdirectory.testkit.ReliabilitySection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Many threads on one directory instance: each thread follows its own seeded plan of mixed
 * operations on users and groups it owns, plus memberships of its own users in groups every thread
 * shares (commutative between threads), so the final state is known in advance and compared with
 * the emulator's.
 */
@DisplayName("One directory used by many threads at once")
class ConcurrencyTest {

    private static final int THREADS = Integer.getInteger("chatdirectory.concurrency.threads", 16);

    /** Operations per thread; {@code -Dchatdirectory.concurrency.operations=2000} for the full size. */
    private static final int OPERATIONS = Integer.getInteger("chatdirectory.concurrency.operations", 150);

    private static final long SEED = Long.getLong("chatdirectory.concurrency.seed", 20_261_205L);

    private static final int USERS_PER_THREAD = 6;
    private static final int GROUPS_PER_THREAD = 2;
    private static final int SHARED_GROUPS = 2;

    private static final Map<ChaosSide, String> ROWS = Collections.synchronizedMap(new EnumMap<>(ChaosSide.class));

    /** The operations of a plan. */
    enum Op {
        CREATE_USER,
        UPDATE_USER,
        GET_USER,
        LIST_USERS,
        CREATE_GROUP,
        GET_GROUP,
        ADD_MEMBER,
        REMOVE_MEMBER,
        CHANGE_ROLE,
        LIST_MEMBERS,
        BAN,
        UNBAN,
        DEACTIVATE
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ChaosSide.class)
    @DisplayName("16 threads of mixed operations: no error, every write kept once, the final state as planned")
    void mixedOperations(ChaosSide side) throws Exception {
        Optional<VendorEmulator<?>> emulator = side.startEmulator();
        Properties config = new Properties();
        side.configure(config, "subject", emulator, emulator.map(VendorEmulator::baseUrl), false);
        try (ChatDirectory directory = ChaosSide.open(config, "subject")) {
            String scope = "k" + Long.toUnsignedString(SEED, 36);
            List<String> shared = new ArrayList<>();
            for (int i = 0; i < SHARED_GROUPS; i++) {
                shared.add(createGroup(directory, scope + "-shared-" + i, "Shared " + i));
            }
            List<Plan> plans = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                plans.add(new Plan(directory, scope, t, shared, new SplittableRandom(SEED * 31 + t)));
            }
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            CountDownLatch start = new CountDownLatch(1);
            long began;
            try {
                List<Future<?>> done = new ArrayList<>();
                for (Plan p : plans) {
                    done.add(pool.submit(() -> {
                        start.await();
                        p.run(OPERATIONS);
                        return null;
                    }));
                }
                began = System.nanoTime();
                start.countDown();
                for (Future<?> f : done) {
                    f.get(30, TimeUnit.MINUTES);
                }
            } finally {
                pool.shutdownNow();
            }
            long wall = System.nanoTime() - began;
            List<String> errors = plans.stream().flatMap(p -> p.errors.stream()).toList();
            assertThat(errors).as("errors and wrong answers during the run").isEmpty();

            // the final state, read through a fresh directory on the emulator (the memory directory holds its own)
            List<String> differences;
            if (emulator.isPresent()) {
                try (ChatDirectory fresh = ChaosSide.open(config, "subject")) {
                    differences =
                            finalDifferences(fresh, plans, shared, id -> ChaosSide.storesHiddenUser(emulator, id));
                }
            } else {
                differences = finalDifferences(directory, plans, shared, id -> false);
            }
            assertThat(differences).as("final state against the plans").isEmpty();
            Map<Op, Integer> counts = new TreeMap<>();
            plans.forEach(p -> p.counts.forEach((op, n) -> counts.merge(op, n.get(), Integer::sum)));
            int total = counts.values().stream().mapToInt(Integer::intValue).sum();
            ROWS.put(
                    side,
                    "| " + side.providerId() + " | " + THREADS + " | " + total + " | "
                            + String.format(Locale.ROOT, "%.1f s (%.0f ops/s)", wall / 1e9, total / (wall / 1e9))
                            + " | 0 | equal: "
                            + plans.stream().mapToInt(p -> p.users.size()).sum() + " users, "
                            + (plans.stream().mapToInt(p -> p.groups.size()).sum() + SHARED_GROUPS)
                            + " groups, "
                            + expectedMembers(plans, shared).values().stream()
                                    .mapToInt(Map::size)
                                    .sum()
                            + " memberships, "
                            + plans.stream()
                                    .mapToInt(p -> p.banned.values().stream()
                                            .mapToInt(Set::size)
                                            .sum())
                                    .sum()
                            + " bans | "
                            + counts.entrySet().stream()
                                    .map(e -> e.getKey()
                                                    .name()
                                                    .toLowerCase(Locale.ROOT)
                                                    .replace('_', ' ') + " " + e.getValue())
                                    .collect(Collectors.joining(", "))
                            + " |");
        } finally {
            emulator.ifPresent(VendorEmulator::close);
        }
    }

    private static String createGroup(ChatDirectory d, String id, String name) {
        GroupCreate create = d.provider().supports(Capability.GROUP_CLIENT_IDS)
                ? GroupCreate.builder(id, name, GroupType.PRIVATE).build()
                : GroupCreate.withoutId(name, GroupType.PRIVATE).build();
        return d.groups().create(create).id();
    }

    /** {@return group id to user id to role, the memberships every plan expects at the end} */
    private static Map<String, Map<String, MemberRole>> expectedMembers(List<Plan> plans, List<String> shared) {
        Map<String, Map<String, MemberRole>> out = new LinkedHashMap<>();
        shared.forEach(g -> out.put(g, new TreeMap<>()));
        for (Plan p : plans) {
            p.groups.forEach(g -> out.putIfAbsent(g, new TreeMap<>()));
            p.members.forEach((g, m) -> out.get(g).putAll(m));
        }
        return out;
    }

    private static List<String> finalDifferences(
            ChatDirectory d, List<Plan> plans, List<String> shared, Predicate<String> storesHiddenUser) {
        List<String> diffs = new ArrayList<>();
        boolean roles = d.provider().supports(Capability.MEMBER_ROLES);
        String scope = "k" + Long.toUnsignedString(SEED, 36);
        boolean listsDeactivated = d.provider().supports(Capability.USER_LIST_DEACTIVATED);
        UserQuery all =
                listsDeactivated ? UserQuery.builder().includeDeactivated(true).build() : UserQuery.all();
        List<User> listedUsers =
                d.users().stream(all).filter(u -> u.id().startsWith(scope)).toList();
        Map<String, User> listed = new LinkedHashMap<>();
        listedUsers.forEach(u -> listed.putIfAbsent(u.id(), u));
        if (listed.size() != listedUsers.size()) {
            diffs.add("the user list holds " + listedUsers.size() + " entries for " + listed.size() + " users");
        }
        for (Plan p : plans) {
            p.users.forEach((id, name) -> {
                boolean deactivated = p.deactivated.contains(id);
                if (deactivated) {
                    // get() finds no deactivated user, on every provider: the list (or the emulator) shows them
                    boolean there = listsDeactivated
                            ? Optional.ofNullable(listed.get(id))
                                    .map(User::deactivated)
                                    .orElse(false)
                            : storesHiddenUser.test(id);
                    if (!there) {
                        diffs.add("deactivated user " + id + " lost or active");
                    }
                    return;
                }
                Optional<User> u = d.users().get(id);
                if (u.isEmpty()) {
                    diffs.add("user " + id + " lost");
                } else if (!u.get().name().equals(name)) {
                    diffs.add("user " + id + " is named '" + u.get().name() + "', last written '" + name + "'");
                }
            });
        }
        long plannedListable = plans.stream()
                .flatMap(p -> p.users.keySet().stream().filter(id -> listsDeactivated || !p.deactivated.contains(id)))
                .count();
        if (listed.size() != plannedListable) {
            diffs.add("the user list holds " + listed.size() + " users, planned " + plannedListable);
        }
        Map<String, Map<String, MemberRole>> expected = expectedMembers(plans, shared);
        expected.forEach((group, members) -> {
            if (d.groups().get(group).isEmpty()) {
                diffs.add("group " + group + " lost");
                return;
            }
            List<Member> memberList =
                    d.members().stream(group, MemberQuery.all()).toList();
            Map<String, Long> times =
                    memberList.stream().collect(Collectors.groupingBy(Member::userId, Collectors.counting()));
            times.forEach((u, n) -> {
                if (n > 1) {
                    diffs.add("member " + u + " memberList " + n + " times in " + group);
                }
            });
            Map<String, MemberRole> actual = new TreeMap<>();
            memberList.forEach(m -> actual.put(m.userId(), roles ? m.role() : MemberRole.PARTICIPANT));
            if (!actual.equals(members)) {
                diffs.add("members of " + group + ": " + actual + ", planned " + members);
            }
        });
        if (d.provider().supports(Capability.MEMBER_BANS)) {
            for (Plan p : plans) {
                p.banned.forEach((group, users) -> {
                    Set<String> actual = d.members()
                            .streamBanned(group, PageRequest.first())
                            .map(BannedMember::userId)
                            .collect(Collectors.toCollection(TreeSet::new));
                    if (!actual.equals(new TreeSet<>(users))) {
                        diffs.add("bans of " + group + ": " + actual + ", planned " + users);
                    }
                });
            }
        }
        if (d.provider().supports(Capability.GROUP_LIST)) {
            long groups = d.groups().stream(GroupQuery.all()).count();
            if (groups != expected.size()) {
                diffs.add("the group list holds " + groups + " groups, planned " + expected.size());
            }
        }
        return diffs;
    }

    /** One thread's seeded plan and the state it expects; used by that thread only until it ends. */
    private static final class Plan {
        final ChatDirectory d;
        final String prefix;
        final List<String> shared;
        final SplittableRandom random;
        final boolean roles;
        final boolean bans;
        final boolean deactivation;
        final Map<String, String> users = new LinkedHashMap<>();
        final Set<String> deactivated = new TreeSet<>();
        final List<String> groups = new ArrayList<>();
        /** group → user → role, for this thread's users only. */
        final Map<String, Map<String, MemberRole>> members = new LinkedHashMap<>();

        final Map<String, Set<String>> banned = new LinkedHashMap<>();
        final Map<Op, AtomicInteger> counts = new EnumMap<>(Op.class);
        final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        int updates;

        Plan(ChatDirectory d, String scope, int thread, List<String> shared, SplittableRandom random) {
            this.d = d;
            this.prefix = scope + "-t" + thread;
            this.shared = shared;
            this.random = random;
            this.roles = d.provider().supports(Capability.MEMBER_ROLES);
            this.bans = d.provider().supports(Capability.MEMBER_BANS);
            this.deactivation = d.provider().supports(Capability.USER_DEACTIVATION);
            shared.forEach(g -> members.put(g, new TreeMap<>()));
        }

        void run(int operations) {
            for (int i = 0; i < operations; i++) {
                Op op = next();
                counts.computeIfAbsent(op, o -> new AtomicInteger()).incrementAndGet();
                try {
                    apply(op);
                } catch (RuntimeException e) {
                    errors.add(prefix + " " + op + ": " + e);
                }
            }
        }

        private List<String> active() {
            return users.keySet().stream().filter(u -> !deactivated.contains(u)).toList();
        }

        private Op next() {
            List<String> active = active();
            if (users.size() < 2) {
                return Op.CREATE_USER;
            }
            if (groups.isEmpty()) {
                return Op.CREATE_GROUP;
            }
            int roll = random.nextInt(100);
            if (roll < 6 && users.size() < USERS_PER_THREAD) {
                return Op.CREATE_USER;
            }
            if (roll < 8 && groups.size() < GROUPS_PER_THREAD) {
                return Op.CREATE_GROUP;
            }
            if (roll < 9 && deactivation && active.size() > 2) {
                return Op.DEACTIVATE;
            }
            if (roll < 22) {
                return Op.UPDATE_USER;
            }
            if (roll < 35) {
                return Op.GET_USER;
            }
            if (roll < 40) {
                return Op.LIST_USERS;
            }
            if (roll < 44) {
                return Op.GET_GROUP;
            }
            if (roll < 62) {
                return Op.ADD_MEMBER;
            }
            if (roll < 72) {
                return Op.REMOVE_MEMBER;
            }
            if (roll < 78 && roles) {
                return Op.CHANGE_ROLE;
            }
            if (roll < 84 && bans) {
                return Op.BAN;
            }
            if (roll < 90 && bans) {
                return Op.UNBAN;
            }
            return Op.LIST_MEMBERS;
        }

        private <T> T pick(List<T> from) {
            return from.get(random.nextInt(from.size()));
        }

        private void expect(boolean condition, String what) {
            if (!condition) {
                errors.add(prefix + ": " + what);
            }
        }

        private MemberRole role() {
            return roles
                    ? (random.nextBoolean() ? MemberRole.PARTICIPANT : MemberRole.MODERATOR)
                    : MemberRole.PARTICIPANT;
        }

        private void apply(Op op) {
            List<String> active = active();
            switch (op) {
                case CREATE_USER -> {
                    String id = prefix + "-u" + users.size();
                    String name = "Thread " + prefix + " user Ünïcode " + users.size();
                    users.put(id, name);
                    User u = d.users().create(UserCreate.builder(id, name).build());
                    expect(u.id().equals(id), "created user " + u.id() + " for " + id);
                }
                case UPDATE_USER -> {
                    String id = pick(active);
                    String name = "Renamed " + id + " #" + (++updates);
                    users.put(id, name);
                    User u =
                            d.users().update(id, UserUpdate.builder().name(name).build());
                    expect(u.name().equals(name), "update of " + id + " answered " + u.name());
                }
                case GET_USER -> {
                    String id = pick(active);
                    Optional<User> u = d.users().get(id);
                    expect(
                            u.map(User::name).orElse("<absent>").equals(users.get(id)),
                            "read " + id + " as " + u.map(User::name).orElse("<absent>") + ", last written "
                                    + users.get(id));
                }
                case LIST_USERS ->
                    d.users().list(UserQuery.builder().pageSize(20).build());
                case CREATE_GROUP -> {
                    String id =
                            createGroup(d, prefix + "-g" + groups.size(), "Group of " + prefix + " #" + groups.size());
                    groups.add(id);
                    members.put(id, new TreeMap<>());
                    banned.put(id, new TreeSet<>());
                }
                case GET_GROUP -> {
                    String g = pick(groups);
                    expect(d.groups().get(g).isPresent(), "group " + g + " not found");
                }
                case ADD_MEMBER -> {
                    String g = random.nextInt(3) == 0 ? pick(shared) : pick(groups);
                    List<String> candidates = active.stream()
                            .filter(u -> !members.get(g).containsKey(u))
                            .filter(u -> !banned.getOrDefault(g, Set.of()).contains(u))
                            .toList();
                    if (candidates.isEmpty()) {
                        return;
                    }
                    String u = pick(candidates);
                    MemberRole r = role();
                    BatchResult result = d.members().add(g, List.of(MemberSpec.of(u, r)));
                    expect(result.applied().equals(List.of(u)), "add " + u + " to " + g + ": " + result);
                    members.get(g).put(u, r);
                }
                case REMOVE_MEMBER -> {
                    String g = random.nextInt(3) == 0 ? pick(shared) : pick(groups);
                    if (members.get(g).isEmpty()) {
                        return;
                    }
                    String u = pick(new ArrayList<>(members.get(g).keySet()));
                    BatchResult result = d.members().remove(g, List.of(u));
                    expect(result.applied().equals(List.of(u)), "remove " + u + " from " + g + ": " + result);
                    members.get(g).remove(u);
                }
                case CHANGE_ROLE -> {
                    String g = pick(groups);
                    if (members.get(g).isEmpty()) {
                        return;
                    }
                    String u = pick(new ArrayList<>(members.get(g).keySet()));
                    MemberRole r = members.get(g).get(u) == MemberRole.MODERATOR
                            ? MemberRole.PARTICIPANT
                            : MemberRole.MODERATOR;
                    ItemOutcome outcome = d.members().changeRole(g, u, r);
                    expect(outcome.succeeded(), "role of " + u + " in " + g + ": " + outcome);
                    members.get(g).put(u, r);
                }
                case BAN -> {
                    String g = pick(groups);
                    if (members.get(g).isEmpty()) {
                        return;
                    }
                    String u = pick(new ArrayList<>(members.get(g).keySet()));
                    BatchResult result = d.members().ban(g, List.of(u));
                    expect(result.applied().equals(List.of(u)), "ban " + u + " in " + g + ": " + result);
                    members.get(g).remove(u);
                    banned.get(g).add(u);
                }
                case UNBAN -> {
                    String g = pick(groups);
                    if (banned.get(g).isEmpty()) {
                        return;
                    }
                    String u = pick(new ArrayList<>(banned.get(g)));
                    BatchResult result = d.members().unban(g, List.of(u));
                    expect(result.applied().equals(List.of(u)), "unban " + u + " in " + g + ": " + result);
                    banned.get(g).remove(u);
                }
                case LIST_MEMBERS -> {
                    String g = pick(groups);
                    Map<String, MemberRole> listed = new TreeMap<>();
                    d.members().stream(g, MemberQuery.all())
                            .forEach(m -> listed.put(m.userId(), roles ? m.role() : MemberRole.PARTICIPANT));
                    expect(
                            listed.equals(members.get(g)),
                            "members of " + g + " read as " + listed + ", planned " + members.get(g));
                }
                case DEACTIVATE -> {
                    // vendors differ in what deactivation does to memberships: only users in no group are deactivated
                    List<String> free = active.stream()
                            .filter(u -> members.values().stream().noneMatch(m -> m.containsKey(u)))
                            .filter(u -> banned.values().stream().noneMatch(b -> b.contains(u)))
                            .toList();
                    if (free.isEmpty()) {
                        return;
                    }
                    String u = pick(free);
                    expect(d.users().deactivate(u), "deactivate " + u + " reported nothing done");
                    deactivated.add(u);
                }
            }
        }
    }

    @AfterAll
    static void writeSection() {
        if (ROWS.isEmpty()) {
            return;
        }
        StringBuilder s = new StringBuilder("## Concurrency\n\n");
        s.append("`ConcurrencyTest` (module `reliability`): per provider, ONE directory instance (each adapter"
                        + " against its emulator) shared by ")
                .append(THREADS)
                .append(" threads, each running ")
                .append(OPERATIONS)
                .append(" operations drawn from its own seeded plan: create, update, get and list users; create"
                        + " and get groups; add and remove members, change roles, list members; ban and unban;"
                        + " deactivate (each where the provider supports it). A thread owns its users and groups and"
                        + " also adds its users to, and removes them from, groups every thread shares, so the"
                        + " threads race on the same groups while the final state stays known. During the run every"
                        + " answer is checked (a read returns the last write of its thread, a batch reports the one"
                        + " member applied, a member list equals the plan); after it, a fresh directory on the same"
                        + " emulator reads every planned user, group, membership, role and ban, and the lists must"
                        + " hold each once and nothing more.\n\n");
        s.append("Size: `-Dchatdirectory.concurrency.operations=` per thread (default 150 keeps the build short on"
                + " two shared cores; the issue's full size is 2000), `-Dchatdirectory.concurrency.threads=` (16),"
                + " `-Dchatdirectory.concurrency.seed=`.\n\n");
        s.append("| provider | threads | operations | wall time | errors | final state | operations by kind |\n");
        s.append("|---|---|---|---|---|---|---|\n");
        new TreeMap<>(ROWS).values().forEach(r -> s.append(r).append('\n'));
        ReliabilitySection.write("60-concurrency.md", s.toString());
    }
}
