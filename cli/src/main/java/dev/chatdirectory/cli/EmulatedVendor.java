package dev.chatdirectory.cli;

import dev.chatdirectory.ProviderConfig;
import dev.chatdirectory.emulator.VendorEmulator;
import dev.chatdirectory.emulator.atomchat.AtomChatEmulator;
import dev.chatdirectory.emulator.cometchat.CometChatEmulator;
import dev.chatdirectory.emulator.qiscus.QiscusEmulator;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

/** The vendors that have an emulator, with the provider id that talks to each. */
enum EmulatedVendor {
    ATOMCHAT("atomchat", AtomChatEmulator::new, Map.of()),
    COMETCHAT("cometchat-v3", CometChatEmulator::new, Map.of()),
    // Qiscus updates users only with their login password: the adapter derives it from this
    // secret (see the Qiscus provider), so the demo's updates keep client logins working.
    QISCUS("qiscus", QiscusEmulator::new, Map.of("passwordSecret", "demo-password-derivation-secret"));

    private final String providerId;
    private final IntFunction<VendorEmulator<?>> factory;
    private final Map<String, String> settings;

    EmulatedVendor(String providerId, IntFunction<VendorEmulator<?>> factory, Map<String, String> settings) {
        this.providerId = providerId;
        this.factory = factory;
        this.settings = settings;
    }

    String providerId() {
        return providerId;
    }

    String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Starts an emulator of this vendor on the loopback address and the port (0 for a free one). */
    VendorEmulator<?> start(int port) {
        return start(InetAddress.getLoopbackAddress(), port);
    }

    /** Starts an emulator of this vendor on a local address and the port (0 for a free one). */
    VendorEmulator<?> start(InetAddress host, int port) {
        return factory.apply(port).host(host).start();
    }

    /** Returns the configuration that points this vendor's provider at a running emulator. */
    ProviderConfig config(VendorEmulator<?> emulator) {
        ProviderConfig.Builder builder =
                ProviderConfig.builder().provider(providerId).endpoint(emulator.baseUrl());
        properties(emulator).forEach(builder::property);
        return builder.build();
    }

    /** Returns the provider properties a running emulator needs: its credentials and settings. */
    Map<String, String> properties(VendorEmulator<?> emulator) {
        Map<String, String> properties = new LinkedHashMap<>(new TreeMap<>(emulator.credentials()));
        properties.putAll(new TreeMap<>(settings));
        return properties;
    }
}
