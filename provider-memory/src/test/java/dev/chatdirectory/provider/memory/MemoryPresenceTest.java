package dev.chatdirectory.provider.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatdirectory.Capability;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.UnsupportedCapabilityException;
import dev.chatdirectory.model.Presence;
import dev.chatdirectory.model.PresenceState;
import dev.chatdirectory.model.UserCreate;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Memory provider: presence and the setPresence hook")
class MemoryPresenceTest {

    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    private final TestClock clock = new TestClock(T0);
    private final ChatDirectory directory =
            MemoryChatDirectory.builder().clock(clock).build();
    private final MemoryChatDirectory memory = directory.unwrap(MemoryChatDirectory.class);

    @BeforeEach
    void users() {
        for (String id : List.of("alice", "bob", "carol")) {
            directory.users().create(UserCreate.builder(id, id).build());
        }
    }

    @Test
    @DisplayName("a user without recorded presence is OFFLINE, observed now")
    void offlineByDefault() {
        Presence p = directory.presence().get("alice");

        assertThat(p).isEqualTo(new Presence("alice", PresenceState.OFFLINE, Optional.empty(), T0));
    }

    @Test
    @DisplayName("an unknown user is UNKNOWN")
    void unknownUser() {
        assertThat(directory.presence().get("nobody").state()).isEqualTo(PresenceState.UNKNOWN);
    }

    @Test
    @DisplayName("setPresence sets state and last-active time; observedAt is the clock's time of the read")
    void hook() {
        Instant lastActive = T0.minus(Duration.ofMinutes(2));
        memory.setPresence("alice", PresenceState.ONLINE, lastActive);
        Instant later = clock.advance(Duration.ofSeconds(30));

        assertThat(directory.presence().get("alice"))
                .isEqualTo(new Presence("alice", PresenceState.ONLINE, Optional.of(lastActive), later));
        assertThat(directory.presence().get("alice").isOnline()).isTrue();

        memory.setPresence("alice", PresenceState.OFFLINE, null);
        assertThat(directory.presence().get("alice").lastActiveAt()).isEmpty();
    }

    @Test
    @DisplayName("reads several users at once, in request order")
    void batch() {
        memory.setPresence("carol", PresenceState.ONLINE, null);

        Map<String, Presence> result = directory.presence().get(List.of("carol", "nobody", "alice"));

        assertThat(result.keySet()).containsExactly("carol", "nobody", "alice");
        assertThat(result.values())
                .extracting(Presence::state)
                .containsExactly(PresenceState.ONLINE, PresenceState.UNKNOWN, PresenceState.OFFLINE);
    }

    @Test
    @DisplayName("presence set before the user exists applies once it does; deactivated users are UNKNOWN")
    void lifecycle() {
        memory.setPresence("dave", PresenceState.ONLINE, null);
        assertThat(directory.presence().get("dave").state()).isEqualTo(PresenceState.UNKNOWN);

        directory.users().create(UserCreate.builder("dave", "Dave").build());
        assertThat(directory.presence().get("dave").state()).isEqualTo(PresenceState.ONLINE);

        directory.users().deactivate("dave");
        assertThat(directory.presence().get("dave").state()).isEqualTo(PresenceState.UNKNOWN);
    }

    @Test
    @DisplayName("the hook rejects null ids and states")
    void hookNulls() {
        assertThatThrownBy(() -> memory.setPresence(null, PresenceState.ONLINE, null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> memory.setPresence("alice", null, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    @DisplayName("without PRESENCE every read throws UnsupportedCapabilityException")
    void withoutCapability() {
        Set<Capability> capabilities = EnumSet.allOf(Capability.class);
        capabilities.remove(Capability.PRESENCE);
        ChatDirectory restricted =
                MemoryChatDirectory.builder().capabilities(capabilities).build();

        assertThatThrownBy(() -> restricted.presence().get("alice"))
                .isInstanceOf(UnsupportedCapabilityException.class)
                .hasMessageContaining("PRESENCE");
        assertThat(restricted.provider().supports(Capability.PRESENCE)).isFalse();
    }
}
