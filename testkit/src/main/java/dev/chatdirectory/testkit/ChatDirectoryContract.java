package dev.chatdirectory.testkit;

import dev.chatdirectory.ChatDirectory;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The contract every ChatDirectory provider must honour, as an abstract JUnit 5 test class: extend
 * it, build your directory in {@link #createDirectory(ContractEnvironment)}, and you inherit the
 * whole suite.
 *
 * <h2>How to use</h2>
 *
 * <p>Provide the backend (the vendor's emulator, or a sandbox account) and build the directory;
 * this is the AtomChat adapter's own contract test ({@link HttpChatDirectoryContract} adds the
 * resilience group for HTTP adapters):
 *
 * <pre>{@code
 * class AtomChatContractTest extends HttpChatDirectoryContract {
 *
 *     @Override
 *     protected ContractBackend backend() {
 *         AtomChatEmulator emulator = new AtomChatEmulator().start();
 *         return ContractBackend.builder()
 *                 .upstream(emulator.baseUrl())
 *                 .credential("apiKey", emulator.apiKey())
 *                 .presenceControl(
 *                         (directory, user, state, at) -> emulator.setPresence(user, state == PresenceState.ONLINE, at))
 *                 .closeAfterwards(emulator)
 *                 .build();
 *     }
 *
 *     @Override
 *     protected ChatDirectory createDirectory(ContractEnvironment environment) {
 *         return new AtomChatProvider().open(environment.config());
 *     }
 * }
 * }</pre>
 *
 * <h2>What the kit does</h2>
 *
 * <ul>
 *   <li>Per test class, it starts a recording WireMock proxy on a free loopback port that forwards
 *       to the backend's upstream ({@link ContractEnvironment}); the directory must send every
 *       request to {@link ContractEnvironment#baseUrl()} (the ready {@link
 *       ContractEnvironment#config()} does so), which is how the suite proves that invalid or
 *       unsupported requests send nothing.
 *   <li>Per test, it creates a fresh directory and closes it afterwards, and draws a fresh {@link
 *       CanonicalDataSet} scope, so every id is unique and tests can share one backend.
 *   <li>Tests are grouped in nested classes with sentence names: discovery, users, presence,
 *       groups, groups of a member, members, pagination, errors and validation.
 *   <li>Tests of a capability the provider does not declare first verify that the operation throws
 *       {@link dev.chatdirectory.UnsupportedCapabilityException} naming it with no request sent,
 *       then abort, so they are reported as skipped with the reason ({@code "<provider> does not
 *       declare <CAPABILITY>: <description>"}). No test passes just because a capability is
 *       absent, and none can be switched off: a provider that cannot pass a test must fix the
 *       provider or stop declaring the capability.
 * </ul>
 *
 * <p>When the class finishes, the kit writes the provider's capability matrix (each capability,
 * whether it is declared, and the tests that exercised or skipped it) to {@code
 * target/capability-matrix/<provider>.json} and {@code .md}, for the docs to publish.
 *
 * <p>Tests of one class run one at a time (request counting needs it); classes may run in
 * parallel, each with its own proxy.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Execution(ExecutionMode.SAME_THREAD)
@ExtendWith(CapabilityMatrix.class)
public abstract class ChatDirectoryContract {

    private ContractEnvironment environment;
    private ChatDirectory directory;
    private CanonicalDataSet data;

    /** Allows subclasses. */
    protected ChatDirectoryContract() {}

    /**
     * Creates the directory under test; called before every test, and the result closed after it.
     *
     * <p>The directory must send its requests to {@code environment.baseUrl()} (use {@code
     * environment.config()}), and may share state with earlier directories (a shared backend):
     * every test uses ids of its own.
     *
     * @param environment the proxy URL, credentials and configuration of this run
     * @return a new, open directory
     */
    protected abstract ChatDirectory createDirectory(ContractEnvironment environment);

    /**
     * Describes the vendor service behind the directory: the upstream the proxy forwards to, its
     * credentials and a presence hook. Called once per test class, before any test; resources
     * registered with {@link ContractBackend.Builder#closeAfterwards(AutoCloseable)} are closed
     * after the class.
     *
     * @return the backend; by default {@link ContractBackend#none()}, for providers that need no
     *     server
     */
    protected ContractBackend backend() {
        return ContractBackend.none();
    }

    /**
     * Returns the environment of the running test class, e.g. for extra tests of a subclass.
     *
     * @return the environment
     * @throws IllegalStateException outside a test
     */
    protected final ContractEnvironment environment() {
        if (environment == null) {
            throw new IllegalStateException("the contract environment exists only while the test class runs");
        }
        return environment;
    }

    /**
     * Returns the directory of the running test.
     *
     * @return the directory
     * @throws IllegalStateException outside a test
     */
    protected final ChatDirectory directory() {
        if (directory == null) {
            throw new IllegalStateException("the directory under test exists only while a test runs");
        }
        return directory;
    }

    /**
     * Returns the canonical data set in the running test's own scope.
     *
     * @return the data set
     * @throws IllegalStateException outside a test
     */
    protected final CanonicalDataSet data() {
        if (data == null) {
            throw new IllegalStateException("the test data exists only while a test runs");
        }
        return data;
    }

    @BeforeAll
    final void startContractEnvironment() {
        environment = ContractEnvironment.start(Objects.requireNonNull(backend(), "backend()"));
    }

    @AfterAll
    final void stopContractEnvironment() {
        if (environment != null) {
            environment.close();
            environment = null;
        }
    }

    @BeforeEach
    final void openContractDirectory() {
        data = CanonicalDataSet.withRandomScope();
        environment().resetRequests();
        directory = ThrownExceptions.recording(
                Objects.requireNonNull(createDirectory(environment()), "createDirectory(environment)"));
        ThrownExceptions.rememberSecrets(directory.provider(), environment().config());
    }

    @AfterEach
    final void closeContractDirectory() {
        try {
            if (directory != null) {
                directory.close();
            }
        } finally {
            directory = null;
            data = null;
        }
    }

    /** The provider is found on the class path and describes itself completely. */
    @Nested
    @DisplayName("discovery")
    class Discovery extends DiscoveryContract {
        Discovery() {
            super(ChatDirectoryContract.this);
        }
    }

    /** Users are created, read, updated with patch semantics, deactivated, deleted and filtered. */
    @Nested
    @DisplayName("users")
    class Users extends UserContract {
        Users() {
            super(ChatDirectoryContract.this);
        }
    }

    /** Presence is read for users, known or not, one by one and in batches. */
    @Nested
    @DisplayName("presence")
    class Presences extends PresenceContract {
        Presences() {
            super(ChatDirectoryContract.this);
        }
    }

    /** Groups of every type are created, read, updated, transferred, deleted and listed. */
    @Nested
    @DisplayName("groups")
    class Groups extends GroupContract {
        Groups() {
            super(ChatDirectoryContract.this);
        }
    }

    /** The groups of one user are exactly that user's memberships, across pages. */
    @Nested
    @DisplayName("groups of a member")
    class GroupsOfMember extends GroupsOfMemberContract {
        GroupsOfMember() {
            super(ChatDirectoryContract.this);
        }
    }

    /** Members are added with roles, removed, listed, promoted, banned and unbanned. */
    @Nested
    @DisplayName("members")
    class Members extends MemberContract {
        Members() {
            super(ChatDirectoryContract.this);
        }
    }

    /** Listings walk pages without duplicates or gaps. */
    @Nested
    @DisplayName("pagination")
    class Pagination extends PaginationContract {
        Pagination() {
            super(ChatDirectoryContract.this);
        }
    }

    /** Failures surface as typed exceptions, lookups as empty results. */
    @Nested
    @DisplayName("errors")
    class Errors extends ErrorContract {
        Errors() {
            super(ChatDirectoryContract.this);
        }
    }

    /** Invalid requests are refused, naming the field, before anything is sent. */
    @Nested
    @DisplayName("validation")
    class Validation extends ValidationContract {
        Validation() {
            super(ChatDirectoryContract.this);
        }
    }
}
