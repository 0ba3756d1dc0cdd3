package dev.chatdirectory.emulator.cometchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
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
    @DisplayName("online reports available, offline reports offline, each with the lastActiveAt given")
    void onlineThenOffline() {
        createUser("superhero1", "Iron Man");

        emulator.setPresence("SuperHero1", true, Instant.ofEpochSecond(T0 + 90));
        JsonNode online = api.get("/users/superhero1").data();
        emulator.setPresence("superhero1", false, Instant.ofEpochSecond(T0 + 150));
        JsonNode offline = api.get("/users/superhero1").data();

        assertThat(online.path("status").asText()).isEqualTo("available");
        assertThat(online.path("lastActiveAt").asLong()).isEqualTo(T0 + 90);
        assertThat(offline.path("status").asText()).isEqualTo("offline");
        assertThat(offline.path("lastActiveAt").asLong()).isEqualTo(T0 + 150);
    }

    @Test
    @DisplayName("lastActiveAt is reported in whole epoch seconds")
    void explicitLastActiveAt() {
        createUser("superhero1", "Iron Man");

        emulator.setPresence("superhero1", false, Instant.ofEpochSecond(1638548581L, 900_000_000));

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
        emulator.setPresence("on", true, Instant.ofEpochSecond(T0));

        JsonNode available = api.get("/groups/g1/members?status=available").data();

        assertThat(available).hasSize(1);
        assertThat(available.get(0).path("uid").asText()).isEqualTo("on");
        assertThat(available.get(0).path("status").asText()).isEqualTo("available");
    }

    @Test
    @DisplayName("the presence hook refuses unknown users")
    void unknownUser() {
        assertThatThrownBy(() -> emulator.setPresence("ghost", true, Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ghost");
    }
}
