package dev.chatdirectory.testkit;

import static dev.chatdirectory.testkit.ChatDirectoryAssertions.assertThat;

import dev.chatdirectory.Capability;
import dev.chatdirectory.model.Presence;
import dev.chatdirectory.model.PresenceState;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The presence tests: states of new, unknown, online and offline users, one by one and in batches. */
abstract class PresenceContract extends ContractSupport {

    PresenceContract(ChatDirectoryContract contract) {
        super(contract);
    }

    @BeforeEach
    void requirePresence() {
        requireCapability(Capability.PRESENCE, () -> presence().get(List.of(data().id("probe"))));
    }

    @Test
    @DisplayName("a new user is OFFLINE or UNKNOWN")
    void newUserIsNotOnline() {
        createUser("zoe");
        Presence presence = presence().get(data().id("zoe"));
        assertThat(presence).isFor(data().id("zoe")).hasStateIn(PresenceState.OFFLINE, PresenceState.UNKNOWN);
    }

    @Test
    @DisplayName("an id without a user is reported UNKNOWN")
    void unknownIdIsUnknown() {
        String ghost = unknownUserId();
        assertThat(presence().get(ghost)).isFor(ghost).hasStateIn(PresenceState.UNKNOWN);
    }

    @Test
    @DisplayName("a batch answers one entry per requested id, in request order, known or not")
    void batchAnswersEveryIdInOrder() {
        createUsers("zoe", "yamada", "dorde");
        List<String> ids = List.of(data().id("dorde"), unknownUserId(), data().id("zoe"), data().id("yamada"));
        Map<String, Presence> presences = presence().get(ids);
        assertThat(presences.keySet()).containsExactlyElementsOf(ids);
        presences.forEach((id, p) -> assertThat(p).isFor(id));
        assertThat(presences.get(ids.get(1))).hasStateIn(PresenceState.UNKNOWN);
    }

    @Test
    @DisplayName("a batch larger than the provider's batch size still answers every id in order")
    void largeBatchAnswersEveryId() {
        createUsers("zoe");
        int size = provider().limits().maxBatchSize() + 2;
        List<String> ids = new ArrayList<>(size);
        ids.add(data().id("zoe"));
        for (int i = 1; i < size; i++) {
            ids.add(data().id("nobody-" + i));
        }
        Map<String, Presence> presences = presence().get(ids);
        assertThat(presences.keySet()).containsExactlyElementsOf(ids);
        assertThat(presences.get(data().id("zoe"))).hasStateIn(PresenceState.OFFLINE, PresenceState.UNKNOWN);
        assertThat(presences.get(ids.get(size - 1))).hasStateIn(PresenceState.UNKNOWN);
    }

    @Test
    @DisplayName("a user set online at the backend is reported ONLINE, observed at the time of the request")
    void onlineUserIsOnline() {
        presenceControl();
        createUsers("zoe", "yamada");
        setPresence(data().id("zoe"), PresenceState.ONLINE, Instant.now().truncatedTo(ChronoUnit.SECONDS));
        Instant before = Instant.now();
        Map<String, Presence> presences = presence().get(List.of(data().id("zoe"), data().id("yamada")));
        Instant after = Instant.now();
        assertThat(presences.get(data().id("zoe")))
                .isOnline()
                .wasObservedBetween(before.minus(CLOCK_SKEW), after.plus(CLOCK_SKEW));
        assertThat(presences.get(data().id("yamada"))).hasStateIn(PresenceState.OFFLINE, PresenceState.UNKNOWN);
        assertThat(presence().get(data().id("zoe")))
                .as("the single-user lookup")
                .isOnline();
    }

    @Test
    @DisplayName("a user who goes offline at the backend is reported OFFLINE")
    void userGoesOffline() {
        presenceControl();
        createUser("zoe");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        setPresence(data().id("zoe"), PresenceState.ONLINE, now.minusSeconds(60));
        assertThat(presence().get(data().id("zoe"))).isOnline();
        setPresence(data().id("zoe"), PresenceState.OFFLINE, now);
        assertThat(presence().get(data().id("zoe"))).hasStateIn(PresenceState.OFFLINE);
    }

    @Test
    @DisplayName("presence tells when the user was last active")
    void lastActiveTimeIsReported() {
        requireDataCapability(Capability.PRESENCE_LAST_ACTIVE);
        presenceControl();
        createUser("zoe");
        Instant lastActive = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(5));
        setPresence(data().id("zoe"), PresenceState.OFFLINE, lastActive);
        assertThat(presence().get(data().id("zoe")))
                .hasStateIn(PresenceState.OFFLINE)
                .hasLastActiveAt(lastActive);
        Instant online = lastActive.plus(Duration.ofMinutes(4));
        setPresence(data().id("zoe"), PresenceState.ONLINE, online);
        assertThat(presence().get(data().id("zoe"))).isOnline().hasLastActiveAt(online);
    }
}
