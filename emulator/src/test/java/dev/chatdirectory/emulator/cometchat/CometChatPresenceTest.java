package dev.chatdirectory.emulator.cometchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("CometChat emulator: presence test hooks")
class CometChatPresenceTest extends EmulatorTestBase {

    @Test
    @DisplayName("new users are offline and have no lastActiveAt")
    void defaultsOffline() {
        JsonNode user = createUser("superhero1", "Iron Man").data();

        assertThat(user.path("status").asText()).isEqualTo("offline");
        assertThat(user.has("lastActiveAt")).isFalse();
    }

    @Test
    @DisplayName("going online reports available and stamps lastActiveAt; going offline keeps it")
    void onlineThenOffline() {
        createUser("superhero1", "Iron Man");
        clock.advance(Duration.ofSeconds(90));

        emulator.setOnline("SuperHero1", true);
        JsonNode online = api.get("/users/superhero1").data();
        clock.advance(Duration.ofSeconds(60));
        emulator.setOnline("superhero1", false);
        JsonNode offline = api.get("/users/superhero1").data();

        assertThat(online.path("status").asText()).isEqualTo("available");
        assertThat(online.path("lastActiveAt").asLong()).isEqualTo(T0 + 90);
        assertThat(offline.path("status").asText()).isEqualTo("offline");
        assertThat(offline.path("lastActiveAt").asLong()).isEqualTo(T0 + 90);
    }

    @Test
    @DisplayName("lastActiveAt can be set explicitly, in epoch seconds")
    void explicitLastActiveAt() {
        createUser("superhero1", "Iron Man");

        emulator.setLastActiveAt("superhero1", Instant.ofEpochSecond(1638548581L, 900_000_000));

        assertThat(api.get("/users/superhero1").data().path("lastActiveAt").asLong())
                .isEqualTo(1638548581L);
    }

    @Test
    @DisplayName("the members list filters on presence too")
    void memberStatusFilter() {
        createUser("on", "On");
        createUser("off", "Off");
        createGroup("g1", "Group");
        api.post("/groups/g1/members", "{\"participants\":[\"on\",\"off\"]}");
        emulator.setOnline("on", true);

        JsonNode available = api.get("/groups/g1/members?status=available").data();

        assertThat(available).hasSize(1);
        assertThat(available.get(0).path("uid").asText()).isEqualTo("on");
        assertThat(available.get(0).path("status").asText()).isEqualTo("available");
    }

    @Test
    @DisplayName("hooks refuse unknown users")
    void unknownUser() {
        assertThatThrownBy(() -> emulator.setOnline("ghost", true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ghost");
    }
}
