package dev.chatdirectory.bench;

import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.emulator.VendorEmulator;
import dev.chatdirectory.model.BatchResult;
import dev.chatdirectory.model.MemberSpec;
import dev.chatdirectory.model.OutcomeStatus;
import dev.chatdirectory.model.User;
import dev.chatdirectory.model.UserCreate;
import dev.chatdirectory.model.UserQuery;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * One vendor's adapter and its raw baseline, both pointed at the same {@link CannedServer}: the
 * server records the emulator's answers to one run of each operation by the adapter and by the raw
 * client, then serves only those, so every measured call reads bytes recorded before measuring,
 * from a server that does no vendor work.
 *
 * <p>The adapter is recorded first, forwarding all its requests; then the raw client, whose
 * requests that equal the adapter's are answered from those recordings. The operations: get one user, list a page of {@value #PAGE} users, create a user (the same id
 * every time; the recorded answer is a success), add {@value #BATCH} members to a group.
 */
final class LoopbackFixture implements AutoCloseable {

    /** The listing's page size. */
    static final int PAGE = 100;

    /** The member batch's size. */
    static final int BATCH = 10;

    private static final int USERS = 120;
    private static final String USER = "user-0042";
    private static final String NEW_USER = "bench-new";

    private final Vendor vendor;
    private final CannedServer server;
    private final ChatDirectory adapter;
    private final RawClient raw;
    private final String groupId;
    private final List<MemberSpec> members;
    private final List<String> memberIds;

    private LoopbackFixture(Vendor vendor) {
        this.vendor = vendor;
        VendorEmulator<?> emulator = vendor.startEmulator();
        try {
            try (ChatDirectory seed = vendor.open(emulator, emulator.baseUrl())) {
                for (int i = 0; i < USERS; i++) {
                    seed.users()
                            .create(UserCreate.builder(userId(i), "User " + i).build());
                }
                groupId = seed.groups()
                        .create(vendor.group("bench-group", userId(0)))
                        .id();
            }
            memberIds = IntStream.rangeClosed(1, BATCH)
                    .mapToObj(LoopbackFixture::userId)
                    .toList();
            members = memberIds.stream().map(MemberSpec::participant).toList();
            server = CannedServer.recording(emulator.rootUrl());
            adapter = vendor.open(emulator, server.rebase(emulator.baseUrl()));
            raw = new RawClient(vendor, server.rebase(emulator.baseUrl()), emulator.credentials());
            adapterGet();
            adapterList();
            adapterCreate();
            adapterAddMembers();
            server.recordNew();
            rawGet();
            rawList();
            rawCreate();
            rawAddMembers();
            server.freeze();
            verifyReplay();
        } finally {
            emulator.close();
        }
        server.resetCounters();
    }

    /**
     * Starts the emulator, seeds it, records every operation once and stops the emulator.
     *
     * @param vendor the vendor
     * @return the fixture, serving recorded answers only
     */
    static LoopbackFixture start(Vendor vendor) {
        return new LoopbackFixture(vendor);
    }

    private static String userId(int i) {
        return String.format("user-%04d", i);
    }

    /** {@return the loopback server, for its request counters} */
    CannedServer server() {
        return server;
    }

    /** {@return the vendor} */
    Vendor vendor() {
        return vendor;
    }

    /** {@return the user the adapter reads} */
    Optional<User> adapterGet() {
        Optional<User> user = adapter.users().get(USER);
        if (user.isEmpty()) {
            throw new IllegalStateException(vendor + ": " + USER + " not found");
        }
        return user;
    }

    /** {@return the page the adapter lists} */
    List<User> adapterList() {
        List<User> users =
                adapter.users().list(UserQuery.builder().pageSize(PAGE).build()).items();
        if (users.size() != PAGE) {
            throw new IllegalStateException(vendor + ": listed " + users.size() + " users");
        }
        return users;
    }

    /** {@return the user the adapter creates} */
    User adapterCreate() {
        return adapter.users().create(UserCreate.builder(NEW_USER, "Bench New").build());
    }

    /**
     * Adds the members. Not checked here: with several threads, a vendor whose batch reads the
     * members before and after adding may get the recorded answers out of order (see {@link
     * CannedServer}); {@link #verifyReplay()} checks the outcome on one thread.
     *
     * @return the outcome of the adapter's member batch
     */
    BatchResult adapterAddMembers() {
        return adapter.members().add(groupId, members);
    }

    /** Runs every operation once more against the recordings alone and checks the answers. */
    private void verifyReplay() {
        adapterGet();
        adapterList();
        adapterCreate();
        BatchResult result = adapterAddMembers();
        if (result.outcomes().size() != BATCH
                || result.outcomes().stream().anyMatch(o -> o.status() != OutcomeStatus.APPLIED)) {
            throw new IllegalStateException(vendor + ": replayed member batch not applied: " + result);
        }
        rawGet();
        rawList();
        rawCreate();
        rawAddMembers();
        if (server.misses() > 0) {
            throw new IllegalStateException(vendor + ": requests without a recording: " + server.misses());
        }
    }

    /** {@return the user the raw client reads} */
    RawClient.RawUser rawGet() {
        return raw.get(USER);
    }

    /** {@return the page the raw client lists} */
    List<RawClient.RawUser> rawList() {
        List<RawClient.RawUser> users = raw.list(PAGE);
        if (users.size() != PAGE) {
            throw new IllegalStateException(vendor + ": raw listed " + users.size() + " users");
        }
        return users;
    }

    /** {@return the vendor's answer to the raw create} */
    Object rawCreate() {
        return raw.create(NEW_USER, "Bench New");
    }

    /** {@return the vendor's answer to the raw member batch} */
    Object rawAddMembers() {
        return raw.addMembers(groupId, memberIds);
    }

    @Override
    public void close() {
        adapter.close();
        server.close();
    }
}
