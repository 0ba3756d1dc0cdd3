package dev.chatdirectory.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.model.Group;
import dev.chatdirectory.model.PageRequest;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Crashes and lost answers against the vendors' emulators, for a target whose group ids the client
 * chooses (CometChat) and one that assigns them (Qiscus rooms). The emulator's own request journal
 * is the witness: each user and each group is created by exactly one request, whatever was lost.
 */
@DisplayName("A migration into an emulator that crashes or loses an answer")
class EmulatorResumeTest {

    /** Crash points per target and way of failing: 3 ways, so 12 per target. */
    private static final int POINTS = Integer.getInteger("migrate.emulator.crash.points", 4);

    /** Fewer than the writes of an uninterrupted run into either target, counted by the engine or on the wire. */
    private static final int WRITES = 12;

    private static final long SEED = Long.getLong("migrate.crash.seed", 20240611L);

    /** How the first run is interrupted. */
    enum Failure {
        /** The process dies before the nth write of the engine reaches the target. */
        CRASH_BEFORE_WRITE,
        /** The target applies the nth write of the engine, then the process dies before the answer. */
        CRASH_AFTER_APPLY,
        /**
         * The target applies the nth write request, then the connection is reset instead of its
         * answer; the process lives on.
         */
        ANSWER_LOST
    }

    @TempDir
    Path dir;

    static Stream<Arguments> crashPoints() {
        Random random = new Random(SEED);
        List<Arguments> out = new ArrayList<>();
        for (Vendors target : List.of(Vendors.COMETCHAT, Vendors.QISCUS)) {
            for (Failure failure : Failure.values()) {
                for (int i = 0; i < POINTS; i++) {
                    out.add(Arguments.of(target, failure, random.nextInt(WRITES)));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "into {0}: {1} at write {2}")
    @MethodSource("crashPoints")
    @DisplayName("resumes: each user and group created by one request, each item applied, the result verifying clean")
    void resumes(Vendors vendor, Failure failure, int point) throws Exception {
        ChatDirectory source = SmallDirectory.create();
        MigrationOptions options =
                MigrationOptions.builder().acceptAllLosses().concurrency(2).build();
        try (Vendors.Running target = vendor.start(failure == Failure.ANSWER_LOST, UnaryOperator.identity())) {
            TargetProbe first = switch (failure) {
                case CRASH_BEFORE_WRITE ->
                    TargetProbe.crashingAfter(target.directory(), point, TargetProbe.CrashMode.BEFORE_WRITE);
                case CRASH_AFTER_APPLY ->
                    TargetProbe.crashingAfter(target.directory(), point, TargetProbe.CrashMode.ANSWER_LOST);
                case ANSWER_LOST -> TargetProbe.counting(target.directory());
            };
            if (failure == Failure.ANSWER_LOST) {
                target.proxy().orElseThrow().loseAnswer(point + 1, vendor::isWrite);
            }
            try (Migration m = migration(source, first, target, options)) {
                if (failure == Failure.ANSWER_LOST) {
                    m.apply();
                } else {
                    assertThatThrownBy(m::apply).isInstanceOf(TargetProbe.SimulatedCrash.class);
                }
            }
            if (failure == Failure.ANSWER_LOST) {
                assertThat(target.proxy().orElseThrow().lost())
                        .as("the answer lost")
                        .isPresent();
            }

            try (Migration m = migration(source, target.directory(), target, options)) {
                ApplyResult result = m.apply();
                assertThat(result.succeeded()).as(result.failures().toString()).isTrue();
                VerifyReport report = m.verify();
                assertThat(report.clean()).as(report.toText()).isTrue();
            }

            Map<String, Long> creates = creates(vendor, target.writeRequests());
            assertThat(creates)
                    .as("create requests on the wire: %s", target.writeRequests())
                    .containsEntry("user", (long) SmallDirectory.USERS.size())
                    .containsEntry("group", (long) SmallDirectory.GROUPS.size());
            assertThat(groupsInTarget(vendor, target.directory()))
                    .as("groups in the target")
                    .hasSize(SmallDirectory.GROUPS.size());
            Map<String, Long> states = itemStates();
            assertThat(states)
                    .as("item states in the journal")
                    .containsEntry("USER/APPLIED", (long) SmallDirectory.USERS.size())
                    .containsEntry("GROUP/APPLIED", (long) SmallDirectory.GROUPS.size())
                    .containsKey("MEMBER/APPLIED")
                    .allSatisfy((kindAndState, count) -> assertThat(kindAndState)
                            // Unchanged: a member the target added with its group, as Qiscus adds a room's creator.
                            .matches("USER/APPLIED|GROUP/APPLIED|(MEMBER|BAN|DEACTIVATION)/(APPLIED|UNCHANGED)"
                                    + "|[A-Z]+/LOST_BY_DECISION"));
        }
    }

    private Migration migration(
            ChatDirectory source, ChatDirectory target, Vendors.Running running, MigrationOptions options) {
        return Migration.builder()
                .source(source)
                .target(target, running.config())
                .journal(dir.resolve("m.journal"))
                .options(options)
                .build();
    }

    /** Counts the create requests of users and groups among the write requests. */
    private static Map<String, Long> creates(Vendors vendor, List<String> writes) {
        String user;
        String group;
        switch (vendor) {
            case COMETCHAT -> {
                user = "POST /v3/users";
                group = "POST /v3/groups";
            }
            case QISCUS -> {
                user = "/login_or_register";
                group = "/create_room";
            }
            default -> throw new IllegalArgumentException(vendor.name());
        }
        Map<String, Long> out = new TreeMap<>();
        out.put("user", writes.stream().filter(w -> w.endsWith(user)).count());
        out.put("group", writes.stream().filter(w -> w.endsWith(group)).count());
        return out;
    }

    /**
     * The distinct groups the target holds: Qiscus cannot list rooms, so they are gathered from
     * every user's rooms, which finds a duplicate room as well as the original.
     */
    private static Set<String> groupsInTarget(Vendors vendor, ChatDirectory target) {
        Set<String> ids = new HashSet<>();
        if (vendor == Vendors.QISCUS) {
            for (String user : SmallDirectory.USERS) {
                if (user.equals(SmallDirectory.DEACTIVATED)) {
                    continue;
                }
                target.groups()
                        .streamForMember(user, PageRequest.first())
                        .map(Group::id)
                        .forEach(ids::add);
            }
        } else {
            target.groups().stream(dev.chatdirectory.model.GroupQuery.all())
                    .map(Group::id)
                    .forEach(ids::add);
        }
        return ids;
    }

    private Map<String, Long> itemStates() throws Exception {
        Map<String, Long> out = new TreeMap<>();
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("m.journal"));
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT kind, state, count(*) FROM item GROUP BY kind, state")) {
            while (rs.next()) {
                out.put(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3));
            }
        }
        return out;
    }
}
