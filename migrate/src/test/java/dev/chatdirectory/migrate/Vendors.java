package dev.chatdirectory.migrate;

import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.ProviderConfig;
import dev.chatdirectory.emulator.VendorEmulator;
import dev.chatdirectory.emulator.atomchat.AtomChatEmulator;
import dev.chatdirectory.emulator.cometchat.CometChatEmulator;
import dev.chatdirectory.emulator.qiscus.QiscusEmulator;
import dev.chatdirectory.provider.atomchat.AtomChatProvider;
import dev.chatdirectory.provider.cometchat.CometChatProvider;
import dev.chatdirectory.provider.qiscus.QiscusProvider;

/** Starts a vendor emulator and opens its adapter against it, as the providers' contract tests do. */
enum Vendors {
    ATOMCHAT,
    COMETCHAT,
    QISCUS;

    /** An emulator with the adapter's directory and configuration; closing stops both. */
    record Running(VendorEmulator<?> emulator, ChatDirectory directory, ProviderConfig config)
            implements AutoCloseable {
        @Override
        public void close() {
            directory.close();
            emulator.close();
        }
    }

    Running start() {
        return switch (this) {
            case ATOMCHAT -> {
                AtomChatEmulator e = new AtomChatEmulator().start();
                ProviderConfig c = config(e, AtomChatProvider.ID).build();
                yield new Running(e, new AtomChatProvider().open(c), c);
            }
            case COMETCHAT -> {
                CometChatEmulator e = new CometChatEmulator();
                e.start();
                // CometChat refuses users whose role the app does not define, as its dashboard would.
                for (String role : new String[] {"vip", "staff"}) {
                    e.defineRole(role);
                }
                ProviderConfig c = config(e, CometChatProvider.ID).build();
                yield new Running(e, new CometChatProvider().open(c), c);
            }
            case QISCUS -> {
                QiscusEmulator e = new QiscusEmulator().start();
                e.createUser("chatdirectory.system", "ChatDirectory");
                ProviderConfig c = config(e, QiscusProvider.ID)
                        .credential("passwordSecret", "migration-password-secret-0123")
                        .setting("systemUserId", "chatdirectory.system")
                        .build();
                yield new Running(e, new QiscusProvider().open(c), c);
            }
        };
    }

    private static ProviderConfig.Builder config(VendorEmulator<?> e, String provider) {
        ProviderConfig.Builder b = ProviderConfig.builder().provider(provider).endpoint(e.baseUrl());
        e.credentials().forEach(b::credential);
        return b;
    }
}
