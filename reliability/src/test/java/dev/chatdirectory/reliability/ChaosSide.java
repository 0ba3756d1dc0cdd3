package dev.chatdirectory.reliability;

import dev.chatdirectory.ChatDirectories;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.ConfigPrefix;
import dev.chatdirectory.ProviderConfig;
import dev.chatdirectory.emulator.VendorEmulator;
import dev.chatdirectory.emulator.atomchat.AtomChatEmulator;
import dev.chatdirectory.emulator.cometchat.CometChatEmulator;
import dev.chatdirectory.emulator.qiscus.QiscusEmulator;
import dev.chatdirectory.provider.atomchat.AtomChatProvider;
import dev.chatdirectory.provider.cometchat.CometChatProvider;
import dev.chatdirectory.provider.memory.MemoryChatDirectoryProvider;
import dev.chatdirectory.provider.qiscus.QiscusProvider;
import java.net.URI;
import java.util.Optional;
import java.util.Properties;

/** A provider a chaos migration reads from or writes to: the in-memory one or an adapter on its emulator. */
enum ChaosSide {
    MEMORY(MemoryChatDirectoryProvider.ID),
    ATOMCHAT(AtomChatProvider.ID),
    COMETCHAT(CometChatProvider.ID),
    QISCUS(QiscusProvider.ID);

    /** The Qiscus user who creates the rooms of groups without an owner. */
    static final String QISCUS_SYSTEM_USER = "chatdirectory.system";

    private final String providerId;

    ChaosSide(String providerId) {
        this.providerId = providerId;
    }

    String providerId() {
        return providerId;
    }

    /** {@return a started emulator set up as the adapter expects, or empty for memory} */
    Optional<VendorEmulator<?>> startEmulator() {
        return switch (this) {
            case MEMORY -> Optional.empty();
            case ATOMCHAT -> Optional.of(new AtomChatEmulator().start());
            case COMETCHAT -> {
                CometChatEmulator e = new CometChatEmulator().start();
                // CometChat refuses users whose role the app does not define, as its dashboard would.
                for (String role : new String[] {"vip", "staff", "default"}) {
                    e.defineRole(role);
                }
                yield Optional.of(e);
            }
            case QISCUS -> {
                QiscusEmulator e = new QiscusEmulator().start();
                e.createUser(QISCUS_SYSTEM_USER, "ChatDirectory");
                yield Optional.of(e);
            }
        };
    }

    /**
     * Writes this side's configuration under {@code chatdirectory.<scope>.}.
     *
     * @param into the properties to fill
     * @param scope {@code source} or {@code target}
     * @param emulator the emulator, absent for memory
     * @param endpoint where the adapter sends its requests (the emulator, or a proxy in front of it)
     * @param chaos whether the requests meet faults: short timeouts and backoffs keep the runs fast
     */
    void configure(
            Properties into,
            String scope,
            Optional<VendorEmulator<?>> emulator,
            Optional<URI> endpoint,
            boolean chaos) {
        ConfigPrefix prefix = ConfigPrefix.scoped(scope);
        into.setProperty(prefix.providerProperty(), providerId);
        String keys = prefix.propertyPrefix(providerId);
        emulator.ifPresent(e -> e.credentials().forEach((k, v) -> into.setProperty(keys + k, v)));
        endpoint.ifPresent(u -> into.setProperty(keys + "endpoint", u.toString()));
        if (chaos && this != MEMORY) {
            into.setProperty(keys + "readTimeout", ChaosProxy.READ_TIMEOUT.toMillis() + "ms");
            into.setProperty(keys + "retry.initialBackoff", "20ms");
            into.setProperty(keys + "retry.maxBackoff", "200ms");
            into.setProperty(keys + "retry.maxRetryAfter", "2s");
        }
        if (this == QISCUS) {
            into.setProperty(keys + "passwordSecret", "chaos-password-secret-0123456789");
            into.setProperty(keys + "systemUserId", QISCUS_SYSTEM_USER);
        }
    }

    /**
     * Whether the emulator stores a user its API hides: Qiscus neither lists nor reads deactivated
     * users ({@code USER_LIST_DEACTIVATED} is not declared), so their presence is read from the
     * emulator's own state.
     *
     * @param emulator the emulator, absent for memory
     * @param userId the user
     * @return whether the emulator stores the user, active or not; false where the API shows every user
     */
    static boolean storesHiddenUser(Optional<VendorEmulator<?>> emulator, String userId) {
        return emulator.filter(QiscusEmulator.class::isInstance)
                .map(e -> ((QiscusEmulator) e).password(userId).isPresent())
                .orElse(false);
    }

    /** {@return the directory configured under {@code chatdirectory.<scope>.}} */
    static ChatDirectory open(Properties properties, String scope) {
        return ChatDirectories.open(properties, ConfigPrefix.scoped(scope));
    }

    /** {@return the configuration under {@code chatdirectory.<scope>.}, as the journal fingerprints it} */
    static ProviderConfig config(Properties properties, String scope) {
        ConfigPrefix prefix = ConfigPrefix.scoped(scope);
        return ProviderConfig.fromProperties(properties, prefix, properties.getProperty(prefix.providerProperty()));
    }
}
