package dev.chatdirectory.testkit.fuzz;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.ProviderConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What {@link BadInputFuzz} needs of a provider: the WireMock server standing for the vendor (an
 * emulator), whose journal shows what was sent; a configuration pointing at it; how to open a
 * directory; how to forget the vendor's state; and how to read the user id out of the vendor's
 * "get user" request. Immutable and thread-safe if its parts are.
 *
 * <pre>{@code
 * AtomChatEmulator emulator = new AtomChatEmulator().start();
 * return BadInputBackend.builder(emulator.wireMock(), config, new AtomChatProvider()::open)
 *         .resetVendor(emulator::reset)
 *         .userIdRead(request -> ...)
 *         .closeAfterwards(emulator)
 *         .build();
 * }</pre>
 */
public final class BadInputBackend {

    private final WireMockServer server;
    private final ProviderConfig config;
    private final Function<ProviderConfig, ChatDirectory> opener;
    private final Runnable resetVendor;
    private final Function<LoggedRequest, Optional<String>> userIdRead;
    private final List<AutoCloseable> resources;

    private BadInputBackend(Builder builder) {
        this.server = builder.server;
        this.config = builder.config;
        this.opener = builder.opener;
        this.resetVendor = Objects.requireNonNull(builder.resetVendor, "resetVendor");
        this.userIdRead = Objects.requireNonNull(builder.userIdRead, "userIdRead");
        this.resources = List.copyOf(builder.resources);
    }

    /**
     * Starts a backend.
     *
     * @param server the server standing for the vendor
     * @param config a configuration of the provider pointing at the server, with valid credentials
     * @param opener opens a directory of the provider; must send nothing
     * @return a builder
     */
    public static Builder builder(
            WireMockServer server, ProviderConfig config, Function<ProviderConfig, ChatDirectory> opener) {
        return new Builder(server, config, opener);
    }

    WireMockServer server() {
        return server;
    }

    ProviderConfig config() {
        return config;
    }

    ChatDirectory open(ProviderConfig config) {
        return opener.apply(config);
    }

    void resetVendor() {
        resetVendor.run();
    }

    Optional<String> userIdRead(LoggedRequest request) {
        return userIdRead.apply(request);
    }

    List<AutoCloseable> resources() {
        return resources;
    }

    /** Builds {@link BadInputBackend} values; not thread-safe. */
    public static final class Builder {
        private final WireMockServer server;
        private final ProviderConfig config;
        private final Function<ProviderConfig, ChatDirectory> opener;
        private Runnable resetVendor;
        private Function<LoggedRequest, Optional<String>> userIdRead;
        private final List<AutoCloseable> resources = new ArrayList<>();

        private Builder(WireMockServer server, ProviderConfig config, Function<ProviderConfig, ChatDirectory> opener) {
            this.server = Objects.requireNonNull(server, "server");
            this.config = Objects.requireNonNull(config, "config");
            this.opener = Objects.requireNonNull(opener, "opener");
        }

        /**
         * Sets how to forget every user, group and recorded request of the vendor.
         *
         * @param reset the reset, e.g. {@code emulator::reset}
         * @return this builder
         */
        public Builder resetVendor(Runnable reset) {
            this.resetVendor = Objects.requireNonNull(reset, "reset");
            return this;
        }

        /**
         * Sets how to read the user id out of a recorded request: the id decoded as the vendor
         * decodes it if the request is the vendor's "get user" call and its address is well-formed,
         * else empty. The function must look at the raw request: an id spilling into another path
         * segment, query parameter or form field (an unencoded {@code /}, {@code ?}, {@code #} or
         * {@code &}) gives empty.
         *
         * @param read the reader
         * @return this builder
         */
        public Builder userIdRead(Function<LoggedRequest, Optional<String>> read) {
            this.userIdRead = Objects.requireNonNull(read, "read");
            return this;
        }

        /**
         * Registers a resource (typically the emulator) that is closed after the tests.
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
         * @throws NullPointerException if the reset or the user id reader is not set
         */
        public BadInputBackend build() {
            return new BadInputBackend(this);
        }
    }
}
