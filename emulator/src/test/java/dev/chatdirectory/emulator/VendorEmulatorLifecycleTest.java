package dev.chatdirectory.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatdirectory.emulator.atomchat.AtomChatEmulator;
import dev.chatdirectory.emulator.cometchat.CometChatEmulator;
import dev.chatdirectory.emulator.qiscus.QiscusEmulator;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Every emulator has the same life cycle and presence hook")
class VendorEmulatorLifecycleTest {

    static List<Supplier<VendorEmulator<?>>> emulators() {
        return List.of(AtomChatEmulator::new, CometChatEmulator::new, QiscusEmulator::new);
    }

    @Test
    @DisplayName("start() returns the emulator itself, typed as its own class")
    void startReturnsOwnType() {
        try (AtomChatEmulator atomChat = new AtomChatEmulator();
                CometChatEmulator cometChat = new CometChatEmulator();
                QiscusEmulator qiscus = new QiscusEmulator()) {
            AtomChatEmulator startedAtomChat = atomChat.start();
            CometChatEmulator startedCometChat = cometChat.start();
            QiscusEmulator startedQiscus = qiscus.start();

            assertThat(startedAtomChat).isSameAs(atomChat);
            assertThat(startedCometChat).isSameAs(cometChat);
            assertThat(startedQiscus).isSameAs(qiscus);
            assertThat(List.of(atomChat.port(), cometChat.port(), qiscus.port()))
                    .doesNotHaveDuplicates()
                    .allSatisfy(port -> assertThat(port).isPositive());
        }
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("emulators")
    @DisplayName("the presence hook refuses a user the vendor does not have, naming it")
    void presenceHookRefusesUnknownUsers(Supplier<VendorEmulator<?>> factory) {
        try (VendorEmulator<?> emulator = factory.get().start()) {
            assertThatThrownBy(() -> emulator.setPresence("ghost", true, Instant.EPOCH))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("ghost");
        }
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("emulators")
    @DisplayName("a second start() is refused")
    void startTwice(Supplier<VendorEmulator<?>> factory) {
        try (VendorEmulator<?> emulator = factory.get().start()) {
            assertThatThrownBy(emulator::start).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    @DisplayName("listens on the loopback address unless given another; a wildcard one is reached through loopback")
    void host() throws Exception {
        try (AtomChatEmulator loopback = new AtomChatEmulator().start();
                AtomChatEmulator everywhere = new AtomChatEmulator()
                        .host(InetAddress.getByName("0.0.0.0"))
                        .start()) {
            assertThat(loopback.rootUrl().getHost()).isEqualTo("127.0.0.1");
            assertThat(everywhere.rootUrl()).hasToString("http://127.0.0.1:" + everywhere.port());
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), everywhere.port()), 5_000);
                assertThat(socket.isConnected()).isTrue();
            }
            assertThatThrownBy(() -> loopback.host(InetAddress.getLoopbackAddress()))
                    .isInstanceOf(IllegalStateException.class);
        }
    }
}
