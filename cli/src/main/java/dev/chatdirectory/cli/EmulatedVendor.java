package dev.chatdirectory.cli;

import dev.chatdirectory.ProviderConfig;
import dev.chatdirectory.emulator.VendorEmulator;
import dev.chatdirectory.emulator.atomchat.AtomChatEmulator;
import dev.chatdirectory.emulator.cometchat.CometChatEmulator;
import dev.chatdirectory.emulator.qiscus.QiscusEmulator;
import java.util.Locale;
import java.util.function.IntFunction;

/** The vendors that have an emulator, with the provider id that talks to each. */
enum EmulatedVendor {
    ATOMCHAT("atomchat", AtomChatEmulator::new),
    COMETCHAT("cometchat-v3", CometChatEmulator::new),
    QISCUS("qiscus", QiscusEmulator::new);

    private final String providerId;
    private final IntFunction<VendorEmulator> factory;

    EmulatedVendor(String providerId, IntFunction<VendorEmulator> factory) {
        this.providerId = providerId;
        this.factory = factory;
    }

    String providerId() {
        return providerId;
    }

    String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Starts an emulator of this vendor on the port (0 for a free one). */
    VendorEmulator start(int port) {
        VendorEmulator emulator = factory.apply(port);
        emulator.start();
        return emulator;
    }

    /** Returns the configuration that points this vendor's provider at a running emulator. */
    ProviderConfig config(VendorEmulator emulator) {
        ProviderConfig.Builder builder =
                ProviderConfig.builder().provider(providerId).endpoint(emulator.baseUrl());
        emulator.credentials().forEach(builder::credential);
        return builder.build();
    }
}
