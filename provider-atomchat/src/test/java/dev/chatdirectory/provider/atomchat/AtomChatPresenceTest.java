package dev.chatdirectory.provider.atomchat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatdirectory.emulator.atomchat.AtomChatPresence;
import dev.chatdirectory.model.Presence;
import dev.chatdirectory.model.PresenceState;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("AtomChat presence against the emulator")
class AtomChatPresenceTest extends EmulatorTestBase {

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void seed() {
        createUsers("on", "away", "stale", "hidden", "new");
        emulator.setPresence("on", AtomChatPresence.AVAILABLE, now.minusSeconds(30));
        emulator.setPresence("away", AtomChatPresence.AWAY, now.minusSeconds(30));
        emulator.setPresence("stale", AtomChatPresence.AVAILABLE, now.minus(Duration.ofMinutes(10)));
        emulator.setPresence("hidden", AtomChatPresence.INVISIBLE, now.minusSeconds(5));
    }

    @Test
    @DisplayName(
            "the state is the stored status, however old the last activity; unknown users are UNKNOWN, in request order")
    void states() {
        List<String> ids = List.of("stale", "ghost", "on", "hidden", "away", "new");
        Map<String, Presence> presences = directory.presence().get(ids);
        assertThat(presences.keySet()).containsExactlyElementsOf(ids);
        assertThat(presences.get("on").state()).isEqualTo(PresenceState.ONLINE);
        assertThat(presences.get("away").state()).isEqualTo(PresenceState.ONLINE);
        assertThat(presences.get("stale").state()).isEqualTo(PresenceState.ONLINE);
        assertThat(presences.get("hidden").state()).isEqualTo(PresenceState.OFFLINE);
        assertThat(presences.get("new").state()).isEqualTo(PresenceState.OFFLINE);
        assertThat(presences.get("ghost").state()).isEqualTo(PresenceState.UNKNOWN);
    }

    @Test
    @DisplayName("reports the last activity, none for a user never seen, and when it was observed")
    void lastActive() {
        Instant before = Instant.now();
        Map<String, Presence> presences = directory.presence().get(List.of("stale", "new"));
        assertThat(presences.get("stale").lastActiveAt()).contains(now.minus(Duration.ofMinutes(10)));
        assertThat(presences.get("new").lastActiveAt()).isEmpty();
        assertThat(presences.get("stale").observedAt()).isBetween(before, Instant.now());
    }

    @Test
    @DisplayName("asks for every UID in one getUserStatus call, and looks up only the UIDs AtomChat left out")
    void calls() {
        forgetRequests();
        directory.presence().get(List.of("on", "ghost", "new"));
        assertThat(requestsTo("getUserStatus")).hasSize(1);
        assertThat(requestsTo("getUserStatus")
                        .get(0)
                        .formParameters()
                        .get("UIDs")
                        .firstValue())
                .isEqualTo("on,ghost,new");
        assertThat(requestsTo("getUser"))
                .extracting(r -> r.formParameters().get("UID").firstValue())
                .containsExactly("ghost");
    }
}
