package dev.chatdirectory.testkit;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The vendor service a contract run talks to: the upstream URL the kit's recording proxy forwards
 * to, the credentials it accepts and, optionally, a way to set presence.
 *
 * <p>HTTP adapters describe their emulator here, for example (from the AtomChat adapter's contract
 * test; every emulator's {@code start()} returns itself and has this presence hook):
 *
 * <pre>{@code
 * @Override
 * protected ContractBackend backend() {
 *     AtomChatEmulator emulator = new AtomChatEmulator().start();
 *     return ContractBackend.builder()
 *             .upstream(emulator.baseUrl())
 *             .credential("apiKey", emulator.apiKey())
 *             .presenceControl(
 *                     (directory, user, state, at) -> emulator.setPresence(user, state == PresenceState.ONLINE, at))
 *             .closeAfterwards(emulator)
 *             .build();
 * }
 * }</pre>
 *
 * <p>Providers that need no server (such as {@code memory}) use {@link #none()} or a backend with
 * only a presence control. Immutable and thread-safe.
 */
public final class ContractBackend {

    private static final ContractBackend NONE = builder().build();

    private final URI upstream;
    private final Map<String, String> credentials;
    private final PresenceControl presenceControl;
    private final List<AutoCloseable> resources;

    private ContractBackend(Builder builder) {
        this.upstream = builder.upstream;
        this.credentials = Collections.unmodifiableMap(new LinkedHashMap<>(builder.credentials));
        this.presenceControl = builder.presenceControl;
        this.resources = List.copyOf(builder.resources);
    }

    /** {@return a backend without upstream, credentials or presence control} */
    public static ContractBackend none() {
        return NONE;
    }

    /** {@return an empty builder} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the URL the recording proxy forwards every request to, if there is a server} */
    public Optional<URI> upstream() {
        return Optional.ofNullable(upstream);
    }

    /** {@return the credentials the upstream accepts, as provider properties (e.g. {@code apiKey})} */
    public Map<String, String> credentials() {
        return credentials;
    }

    /** {@return the hook that sets presence at the backend, if it has one} */
    public Optional<PresenceControl> presenceControl() {
        return Optional.ofNullable(presenceControl);
    }

    /** {@return the resources the kit closes after the test class, in registration order} */
    List<AutoCloseable> resources() {
        return resources;
    }

    /** Describes the backend; credential values are never shown. */
    @Override
    public String toString() {
        return "ContractBackend[upstream=" + (upstream == null ? "none" : upstream) + ", credentials="
                + credentials.keySet() + " (values redacted), presenceControl=" + (presenceControl != null) + "]";
    }

    /** Builds {@link ContractBackend} values; not thread-safe. */
    public static final class Builder {
        private URI upstream;
        private final Map<String, String> credentials = new LinkedHashMap<>();
        private PresenceControl presenceControl;
        private final List<AutoCloseable> resources = new ArrayList<>();

        private Builder() {}

        /**
         * Sets the server the recording proxy forwards to, e.g. an emulator's base URL; its path,
         * if any, becomes the path of {@link ContractEnvironment#baseUrl()}.
         *
         * @param upstream an absolute http URL
         * @return this builder
         */
        public Builder upstream(URI upstream) {
            Objects.requireNonNull(upstream, "upstream");
            if (!upstream.isAbsolute() || upstream.getHost() == null) {
                throw new IllegalArgumentException("upstream must be an absolute URL: " + upstream);
            }
            this.upstream = upstream;
            return this;
        }

        /**
         * Adds a credential the upstream accepts; it ends up in {@link ContractEnvironment#config()}.
         *
         * @param name the provider property, e.g. {@code apiKey}
         * @param value its value
         * @return this builder
         */
        public Builder credential(String name, String value) {
            credentials.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Sets the hook that makes users appear online; without one, the presence tests that need
         * an online user are skipped with a reason.
         *
         * @param control the hook
         * @return this builder
         */
        public Builder presenceControl(PresenceControl control) {
            this.presenceControl = Objects.requireNonNull(control, "control");
            return this;
        }

        /**
         * Registers a resource (typically the emulator) that the kit closes after the test class.
         *
         * @param resource the resource
         * @return this builder
         */
        public Builder closeAfterwards(AutoCloseable resource) {
            resources.add(Objects.requireNonNull(resource, "resource"));
            return this;
        }

        /**
         * Builds the backend.
         *
         * @return the backend
         */
        public ContractBackend build() {
            return new ContractBackend(this);
        }
    }
}
