package dev.chatdirectory.migrate;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.ProviderConfig;
import dev.chatdirectory.RetrySettings;
import dev.chatdirectory.emulator.VendorEmulator;
import dev.chatdirectory.emulator.atomchat.AtomChatEmulator;
import dev.chatdirectory.emulator.cometchat.CometChatEmulator;
import dev.chatdirectory.emulator.qiscus.QiscusEmulator;
import dev.chatdirectory.provider.atomchat.AtomChatProvider;
import dev.chatdirectory.provider.cometchat.CometChatProvider;
import dev.chatdirectory.provider.memory.MemoryChatDirectory;
import dev.chatdirectory.provider.qiscus.QiscusProvider;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The four providers a migration is tested between: the memory provider, and each vendor's adapter
 * opened against its emulator, as the providers' contract tests do.
 */
enum Vendors {
    MEMORY,
    ATOMCHAT,
    COMETCHAT,
    QISCUS;

    /** The user the Qiscus emulator knows before any migration: the adapter's room creator. */
    static final String QISCUS_SYSTEM_USER = "chatdirectory.system";

    /** Short waits, so that a lost answer or a 429 costs milliseconds, as in the contract kit. */
    private static final RetrySettings FAST_RETRIES =
            new RetrySettings(4, Duration.ofMillis(10), Duration.ofMillis(100), Duration.ofSeconds(3));

    /**
     * A running provider: the directory, its configuration and, for a vendor, its emulator, whose
     * WireMock request journal shows what reached the vendor; closing stops all of them.
     */
    record Running(
            Vendors vendor,
            Optional<VendorEmulator<?>> emulator,
            Optional<LossyProxy> proxy,
            ChatDirectory directory,
            ProviderConfig config)
            implements AutoCloseable {

        /** {@return the emulator; memory has none} */
        VendorEmulator<?> vendorEmulator() {
            return emulator.orElseThrow(() -> new IllegalStateException(vendor + " has no emulator"));
        }

        /**
         * {@return the write requests the emulator received so far, oldest first, as "METHOD path"}
         */
        List<String> writeRequests() {
            List<ServeEvent> events =
                    new ArrayList<>(vendorEmulator().wireMock().getAllServeEvents());
            // WireMock lists the newest first.
            Collections.reverse(events);
            return events.stream()
                    .map(e -> e.getRequest().getMethod().getName() + " "
                            + URI.create(e.getRequest().getUrl()).getPath())
                    .filter(vendor::isWrite)
                    .toList();
        }

        /** Forgets the requests the emulator received so far. */
        void forgetRequests() {
            vendorEmulator().wireMock().resetRequests();
        }

        @Override
        public void close() {
            directory.close();
            proxy.ifPresent(LossyProxy::close);
            emulator.ifPresent(VendorEmulator::close);
        }
    }

    /** {@return the provider running, its adapter talking to the emulator directly} */
    Running start() {
        return start(false, UnaryOperator.identity());
    }

    /**
     * Starts the provider.
     *
     * @param behindProxy whether the adapter talks to the emulator through a {@link LossyProxy}
     * @param configure changes to the adapter's configuration, e.g. a client-side rate limit
     * @return the running provider
     */
    Running start(boolean behindProxy, UnaryOperator<ProviderConfig.Builder> configure) {
        if (this == MEMORY) {
            return new Running(
                    this,
                    Optional.empty(),
                    Optional.empty(),
                    MemoryChatDirectory.builder().build(),
                    null);
        }
        VendorEmulator<?> e = switch (this) {
            case ATOMCHAT -> new AtomChatEmulator().start();
            case COMETCHAT -> {
                CometChatEmulator c = new CometChatEmulator().start();
                // CometChat refuses users whose role the app does not define, as its dashboard would.
                c.defineRole("vip");
                c.defineRole("staff");
                yield c;
            }
            case QISCUS -> {
                QiscusEmulator q = new QiscusEmulator().start();
                q.createUser(QISCUS_SYSTEM_USER, "ChatDirectory");
                yield q;
            }
            case MEMORY -> throw new AssertionError();
        };
        Optional<LossyProxy> proxy = behindProxy ? Optional.of(LossyProxy.start(e.rootUrl())) : Optional.empty();
        URI endpoint = proxy.map(p -> p.url(e.baseUrl())).orElse(e.baseUrl());
        ProviderConfig.Builder b =
                ProviderConfig.builder().provider(id()).endpoint(endpoint).retry(FAST_RETRIES);
        e.credentials().forEach(b::credential);
        if (this == QISCUS) {
            b.credential("passwordSecret", "migration-password-secret-0123")
                    .setting("systemUserId", QISCUS_SYSTEM_USER);
        }
        ProviderConfig c = configure.apply(b).build();
        ChatDirectory directory = switch (this) {
            case ATOMCHAT -> new AtomChatProvider().open(c);
            case COMETCHAT -> new CometChatProvider().open(c);
            case QISCUS -> new QiscusProvider().open(c);
            case MEMORY -> throw new AssertionError();
        };
        return new Running(this, Optional.of(e), proxy, directory, c);
    }

    String id() {
        return switch (this) {
            case MEMORY -> "memory";
            case ATOMCHAT -> AtomChatProvider.ID;
            case COMETCHAT -> CometChatProvider.ID;
            case QISCUS -> QiscusProvider.ID;
        };
    }

    /**
     * Whether a request changes the vendor's state: AtomChat sends every call as a POST, reads
     * included, so its reads are told by their endpoint names; the others read with GET.
     */
    boolean isWrite(String request) {
        String method = request.substring(0, request.indexOf(' '));
        if (this == ATOMCHAT) {
            String endpoint = request.substring(request.lastIndexOf('/') + 1);
            return !(endpoint.startsWith("get") || endpoint.startsWith("list"));
        }
        return !method.equals("GET");
    }
}
