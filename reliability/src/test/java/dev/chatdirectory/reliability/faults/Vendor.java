package dev.chatdirectory.reliability.faults;

import static dev.chatdirectory.reliability.faults.Expectation.Safety.GUARDED;
import static dev.chatdirectory.reliability.faults.Expectation.Safety.READ;
import static dev.chatdirectory.reliability.faults.Expectation.Safety.REPEATABLE;
import static dev.chatdirectory.reliability.faults.Expectation.Safety.UNSAFE;
import static dev.chatdirectory.reliability.faults.MatrixOperation.of;

import dev.chatdirectory.Capability;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.ProviderConfig;
import dev.chatdirectory.RateLimitSettings;
import dev.chatdirectory.RetrySettings;
import dev.chatdirectory.emulator.VendorEmulator;
import dev.chatdirectory.emulator.atomchat.AtomChatEmulator;
import dev.chatdirectory.emulator.cometchat.CometChatEmulator;
import dev.chatdirectory.emulator.qiscus.QiscusEmulator;
import dev.chatdirectory.provider.atomchat.AtomChatProvider;
import dev.chatdirectory.provider.cometchat.CometChatProvider;
import dev.chatdirectory.provider.qiscus.QiscusProvider;
import dev.chatdirectory.spi.ChatDirectoryProvider;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One provider of the matrix: its emulator, the fault proxy in front of it, the directories under
 * test (one with the normal and one with a short call deadline), a directory that bypasses the
 * proxy for fixtures and state checks, and its operations with their principal requests.
 */
final class Vendor implements AutoCloseable {

    /** The call deadline of most cells: room for a 1 s Retry-After and a look-up. */
    static final Duration DEADLINE = Duration.ofSeconds(4);

    /** The call deadline of the cells whose answer never comes in time. */
    static final Duration SHORT_DEADLINE = Duration.ofMillis(600);

    /** Small backoffs, so that retries cost milliseconds; Retry-After honoured up to 2 s. */
    static final RetrySettings RETRIES =
            new RetrySettings(3, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(2));

    private final String id;
    private final VendorEmulator<?> emulator;
    private final FaultProxy proxy;
    private final ChatDirectory patient;
    private final ChatDirectory impatient;
    private final ChatDirectory clean;
    private final Fixtures fixtures;
    private final List<MatrixOperation> operations;

    private Vendor(
            ChatDirectoryProvider provider,
            VendorEmulator<?> emulator,
            Map<String, String> extraCredentials,
            List<MatrixOperation> operations) {
        this.id = provider.descriptor().id();
        this.emulator = emulator;
        this.proxy = new FaultProxy(emulator.baseUrl(), emulator.wireMock());
        this.patient = provider.open(config(emulator, extraCredentials, proxy.baseUrl(), DEADLINE));
        this.impatient = provider.open(config(emulator, extraCredentials, proxy.baseUrl(), SHORT_DEADLINE));
        this.clean = provider.open(config(emulator, extraCredentials, emulator.baseUrl(), Duration.ofSeconds(20)));
        this.fixtures = new Fixtures(clean, provider.descriptor().supports(Capability.GROUP_CLIENT_IDS));
        this.operations = operations;
    }

    private static ProviderConfig config(
            VendorEmulator<?> emulator, Map<String, String> extra, URI endpoint, Duration deadline) {
        ProviderConfig.Builder builder = ProviderConfig.builder()
                .endpoint(endpoint)
                .connectTimeout(Duration.ofSeconds(1))
                .readTimeout(deadline)
                .callTimeout(deadline)
                .retry(RETRIES)
                .rateLimit(RateLimitSettings.unlimited());
        emulator.credentials().forEach(builder::credential);
        extra.forEach(builder::credential);
        return builder.build();
    }

    static Vendor atomChat() {
        return new Vendor(
                new AtomChatProvider(),
                new AtomChatEmulator().start(),
                Map.of(),
                List.of(
                        of("user get", "POST", ".*/getUser", READ, Scenario::userGet),
                        of("user list", "POST", ".*/listUsers", READ, Scenario::userList),
                        of("user create", "POST", ".*/createUser", GUARDED, Scenario::userCreate),
                        of("user update", "POST", ".*/updateUser", REPEATABLE, Scenario::userUpdate),
                        of("user delete", "POST", ".*/deleteUser", REPEATABLE, Scenario::userDelete),
                        of("user deactivate", "-", "-", REPEATABLE, Scenario::userDeactivate)
                                .needing(Capability.USER_DEACTIVATION),
                        of("presence", "POST", ".*/getUserStatus", READ, Scenario::presence)
                                .needing(Capability.PRESENCE),
                        of("group get", "POST", ".*/getGroupList", READ, Scenario::groupGet),
                        of("group list", "POST", ".*/getGroupList", READ, Scenario::groupList)
                                .needing(Capability.GROUP_LIST),
                        of("group create", "POST", ".*/createGroup", GUARDED, Scenario::groupCreate),
                        of("group update", "POST", ".*/updateGroup", REPEATABLE, Scenario::groupUpdate)
                                .needing(Capability.GROUP_UPDATE),
                        of("group delete", "POST", ".*/deleteGroup", REPEATABLE, Scenario::groupDelete)
                                .needing(Capability.GROUP_DELETE),
                        of("member list", "POST", ".*/getGroupUserList", READ, Scenario::memberList),
                        // A repeat answered "already in the group" says all; no read-back follows.
                        of("member add", "POST", ".*/addUsersToGroup", REPEATABLE, Scenario::memberAdd)
                                .readingRepeatWith(-1),
                        // A repeat refused as "not a member" is settled by reading the members.
                        of("member remove", "POST", ".*/removeUsersFromGroup", REPEATABLE, Scenario::memberRemove)
                                .readingRepeatWith(1),
                        of("member role", "-", "-", REPEATABLE, Scenario::memberRole)
                                .needing(Capability.MEMBER_ROLES),
                        of("ban", "POST", ".*/banUsersFromGroup", REPEATABLE, Scenario::ban)
                                .needing(Capability.MEMBER_BANS)));
    }

    static Vendor cometChat() {
        return new Vendor(
                new CometChatProvider(),
                new CometChatEmulator().start(),
                Map.of(),
                List.of(
                        of("user get", "GET", ".*/users/[^/]+", READ, Scenario::userGet),
                        of("user list", "GET", ".*/users", READ, Scenario::userList),
                        of("user create", "POST", ".*/users", GUARDED, Scenario::userCreate),
                        of("user update", "PUT", ".*/users/[^/]+", REPEATABLE, Scenario::userUpdate),
                        of("user delete", "DELETE", ".*/users/[^/]+", REPEATABLE, Scenario::userDelete),
                        of("user deactivate", "DELETE", ".*/users", REPEATABLE, Scenario::userDeactivate)
                                .needing(Capability.USER_DEACTIVATION),
                        of("presence", "GET", ".*/users/[^/]+", READ, Scenario::presence)
                                .needing(Capability.PRESENCE),
                        of("group get", "GET", ".*/groups/[^/]+", READ, Scenario::groupGet),
                        of("group list", "GET", ".*/groups", READ, Scenario::groupList)
                                .needing(Capability.GROUP_LIST),
                        of("group create", "POST", ".*/groups", GUARDED, Scenario::groupCreate),
                        of("group update", "PUT", ".*/groups/[^/]+", REPEATABLE, Scenario::groupUpdate)
                                .needing(Capability.GROUP_UPDATE),
                        of("group delete", "DELETE", ".*/groups/[^/]+", REPEATABLE, Scenario::groupDelete)
                                .needing(Capability.GROUP_DELETE),
                        of("member list", "GET", ".*/groups/[^/]+/members", READ, Scenario::memberList),
                        of("member add", "POST", ".*/groups/[^/]+/members", REPEATABLE, Scenario::memberAdd),
                        // One call per user, whose failure is that user's outcome (CometChat has no batch form).
                        of(
                                        "member remove",
                                        "DELETE",
                                        ".*/groups/[^/]+/members/[^/]+",
                                        REPEATABLE,
                                        Scenario::memberRemove)
                                .failingPerItem(),
                        of("member role", "PUT", ".*/groups/[^/]+/members/[^/]+", REPEATABLE, Scenario::memberRole)
                                .needing(Capability.MEMBER_ROLES),
                        of("ban", "POST", ".*/groups/[^/]+/bannedusers/[^/]+", REPEATABLE, Scenario::ban)
                                .needing(Capability.MEMBER_BANS)
                                .failingPerItem()));
    }

    static Vendor qiscus() {
        return new Vendor(
                new QiscusProvider(),
                new QiscusEmulator().start(),
                Map.of("passwordSecret", "fault-matrix-password-secret"),
                List.of(
                        of("user get", "GET", ".*/user_profile", READ, Scenario::userGet),
                        of("user list", "GET", ".*/get_user_list", READ, Scenario::userList),
                        of("user create", "POST", ".*/login_or_register", GUARDED, Scenario::userCreate),
                        of("user update", "POST", ".*/login_or_register", REPEATABLE, Scenario::userUpdate),
                        of("user delete", "DELETE", ".*/deactivate_users", REPEATABLE, Scenario::userDelete),
                        of("user deactivate", "DELETE", ".*/deactivate_users", REPEATABLE, Scenario::userDeactivate)
                                .needing(Capability.USER_DEACTIVATION),
                        of("presence", "-", "-", READ, Scenario::presence).needing(Capability.PRESENCE),
                        of("group get", "GET", ".*/get_rooms_info", READ, Scenario::groupGet),
                        of("group list", "-", "-", READ, Scenario::groupList).needing(Capability.GROUP_LIST),
                        // Qiscus assigns room ids: nothing tells a repeated create_room from a new room.
                        of("group create", "POST", ".*/create_room", UNSAFE, Scenario::groupCreate),
                        of("group update", "POST", ".*/update_room", REPEATABLE, Scenario::groupUpdate)
                                .needing(Capability.GROUP_UPDATE),
                        of("group delete", "-", "-", REPEATABLE, Scenario::groupDelete)
                                .needing(Capability.GROUP_DELETE),
                        of("member list", "GET", ".*/get_room_participants", READ, Scenario::memberList),
                        of("member add", "POST", ".*/add_room_participants", REPEATABLE, Scenario::memberAdd),
                        of("member remove", "POST", ".*/remove_room_participants", REPEATABLE, Scenario::memberRemove),
                        of("member role", "-", "-", REPEATABLE, Scenario::memberRole)
                                .needing(Capability.MEMBER_ROLES),
                        of("ban", "-", "-", REPEATABLE, Scenario::ban).needing(Capability.MEMBER_BANS)));
    }

    String id() {
        return id;
    }

    FaultProxy proxy() {
        return proxy;
    }

    Fixtures fixtures() {
        return fixtures;
    }

    List<MatrixOperation> operations() {
        return operations;
    }

    /** {@return whether the provider declares what the operation needs} */
    boolean supports(MatrixOperation operation) {
        return operation.needs().map(patient.provider()::supports).orElse(true);
    }

    /** {@return the directory under test for a fault: the short deadline for answers that never come in time} */
    ChatDirectory directoryFor(Fault fault) {
        return fault.needsShortDeadline() ? impatient : patient;
    }

    @Override
    public void close() {
        patient.close();
        impatient.close();
        clean.close();
        proxy.close();
        emulator.close();
    }
}
