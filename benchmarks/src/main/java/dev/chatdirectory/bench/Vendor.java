package dev.chatdirectory.bench;

import dev.chatdirectory.ChatDirectories;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.ProviderConfig;
import dev.chatdirectory.RateLimitSettings;
import dev.chatdirectory.emulator.VendorEmulator;
import dev.chatdirectory.emulator.atomchat.AtomChatEmulator;
import dev.chatdirectory.emulator.cometchat.CometChatEmulator;
import dev.chatdirectory.emulator.qiscus.QiscusEmulator;
import dev.chatdirectory.model.GroupCreate;
import dev.chatdirectory.model.GroupType;
import java.net.URI;
import java.util.Map;
import java.util.function.Supplier;

/** The three HTTP vendors as the benchmarks use them: emulator, adapter configuration, fixtures. */
public enum Vendor {
    ATOMCHAT("atomchat", AtomChatEmulator::new),
    COMETCHAT("cometchat-v3", CometChatEmulator::new),
    QISCUS("qiscus", QiscusEmulator::new);

    /** The Qiscus user that creates rooms of groups created without an owner. */
    static final String QISCUS_SYSTEM_USER = "chatdirectory.system";

    private final String providerId;
    private final Supplier<VendorEmulator<?>> emulators;

    Vendor(String providerId, Supplier<VendorEmulator<?>> emulators) {
        this.providerId = providerId;
        this.emulators = emulators;
    }

    /** {@return the provider id} */
    String providerId() {
        return providerId;
    }

    /**
     * Starts this vendor's emulator, with what every adapter needs before its first call.
     *
     * @return the started emulator
     */
    VendorEmulator<?> startEmulator() {
        VendorEmulator<?> emulator = emulators.get().start();
        if (emulator instanceof QiscusEmulator qiscus) {
            qiscus.createUser(QISCUS_SYSTEM_USER, "ChatDirectory");
        }
        return emulator;
    }

    /**
     * The adapter configuration for an emulator reached at {@code endpoint}: its credentials, no
     * client-side rate limit (the benchmarks measure the adapter, not the vendor's quota).
     *
     * @param emulator the emulator whose credentials to use
     * @param endpoint the base URL the adapter calls (the emulator's, or a server in front of it)
     * @return the configuration builder
     */
    ProviderConfig.Builder config(VendorEmulator<?> emulator, URI endpoint) {
        return config(emulator.credentials(), endpoint);
    }

    /**
     * The adapter configuration for a server at {@code endpoint} that accepts {@code credentials}.
     *
     * @param credentials the vendor credentials
     * @param endpoint the base URL the adapter calls
     * @return the configuration builder
     */
    ProviderConfig.Builder config(Map<String, String> credentials, URI endpoint) {
        ProviderConfig.Builder config = ProviderConfig.builder()
                .provider(providerId)
                .endpoint(endpoint)
                .rateLimit(RateLimitSettings.unlimited());
        credentials.forEach(config::credential);
        if (this == QISCUS) {
            config.credential("passwordSecret", "benchmark-password-secret-0123")
                    .credential("systemUserId", QISCUS_SYSTEM_USER);
        }
        return config;
    }

    /** {@return made-up credentials for a server that does not check them} */
    Map<String, String> stubCredentials() {
        return switch (this) {
            case ATOMCHAT -> Map.of("apiKey", "stub-api-key");
            case COMETCHAT -> Map.of("appId", "stub", "apiKey", "stub-api-key");
            case QISCUS -> Map.of("appId", "stub", "secret", "stub-secret");
        };
    }

    /** {@return the path of the vendor's API below its host, as the emulators serve it} */
    String basePath() {
        return switch (this) {
            case ATOMCHAT -> "/api/v2";
            case COMETCHAT -> "/v3";
            case QISCUS -> "/api/v2.1/rest";
        };
    }

    /**
     * Opens the adapter through discovery, as an application does.
     *
     * @param emulator the emulator whose credentials to use
     * @param endpoint the base URL the adapter calls
     * @return the open directory
     */
    ChatDirectory open(VendorEmulator<?> emulator, URI endpoint) {
        return ChatDirectories.open(config(emulator, endpoint).build());
    }

    /**
     * A group request this vendor accepts: Qiscus assigns room ids, the others take ours.
     *
     * @param id the group id where the vendor takes one
     * @param ownerId the owner
     * @return the request
     */
    GroupCreate group(String id, String ownerId) {
        GroupCreate.Builder group = this == QISCUS
                ? GroupCreate.withoutId("Group " + id, GroupType.PRIVATE)
                : GroupCreate.builder(id, "Group " + id, GroupType.PRIVATE);
        return group.ownerId(ownerId).build();
    }
}
