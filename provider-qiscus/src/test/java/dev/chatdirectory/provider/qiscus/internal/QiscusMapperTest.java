package dev.chatdirectory.provider.qiscus.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatdirectory.ProviderProtocolException;
import dev.chatdirectory.http.ErrorMapper;
import dev.chatdirectory.http.JsonMappers;
import dev.chatdirectory.http.SecretRedactor;
import dev.chatdirectory.http.WireJson;
import dev.chatdirectory.model.Group;
import dev.chatdirectory.model.GroupType;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The Qiscus JSON mapper")
class QiscusMapperTest {

    private static final ObjectMapper JSON = JsonMappers.shared();

    private final QiscusMapper mapper = new QiscusMapper(
            new WireJson(new ErrorMapper("qiscus", SecretRedactor.none(), Clock.systemUTC()), JSON),
            QiscusMapper.DEFAULT_AVATAR_URL);

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    @DisplayName("reads the rooms of the get_user_rooms example [REPO] as groups")
    void userRooms() throws Exception {
        JsonNode answer = json("""
                { "results": { "meta": { "current_page": 1, "total_room": 2 },
                  "rooms": [
                    { "room_id": "16", "room_name": "Room A", "room_type": "group",
                      "room_avatar_url": "https://example.com/a.png", "room_options": "{}", "room_channel_id": "" },
                    { "room_id": "17", "room_name": "", "room_type": "single",
                      "room_avatar_url": "", "room_options": "{}", "room_channel_id": "" } ] }, "status": 200 }
                """);
        List<Optional<Group>> groups = new java.util.ArrayList<>();
        mapper.array(mapper.results(answer), "rooms").forEach(room -> groups.add(mapper.group(room)));
        assertThat(groups.get(0)).hasValueSatisfying(g -> {
            assertThat(g.id()).isEqualTo("16");
            assertThat(g.name()).isEqualTo("Room A");
            assertThat(g.type()).isEqualTo(GroupType.PRIVATE);
        });
        assertThat(groups.get(1)).isEmpty();
    }

    @Test
    @DisplayName("reads the get_or_create_channel example [REPO] as a public group; a 'channel' room_type too")
    void channel() throws Exception {
        JsonNode answer = json("""
                {"results":{"changed":true,"room":{"room_id":"99","room_name":"test","room_type":"group",
                 "room_avatar_url":"","room_options":"{}","room_channel_id":"test123"}},"status":200}
                """);
        assertThat(mapper.group(mapper.results(answer).get("room"))
                        .orElseThrow()
                        .type())
                .isEqualTo(GroupType.PUBLIC);
        assertThat(mapper.group(json("{\"room_id\":\"98\",\"room_type\":\"channel\"}"))
                        .orElseThrow()
                        .type())
                .isEqualTo(GroupType.PUBLIC);
    }

    @Test
    @DisplayName("splits room_options into metadata and the reserved owner, and writes them back")
    void roomOptions() throws Exception {
        String options = mapper.roomOptions(Map.of("k", List.of(1, "ü")), Optional.of("zoe"));
        assertThat(json(options)).isEqualTo(json("{\"k\":[1,\"ü\"],\"chatdirectory\":{\"owner\":\"zoe\"}}"));
        JsonNode room = JSON.createObjectNode().put("room_id", "1").put("room_options", options);
        Group group = mapper.group(room).orElseThrow();
        assertThat(group.metadata()).isEqualTo(Map.of("k", List.of(1, "ü")));
        assertThat(group.ownerId()).contains("zoe");
    }

    @Test
    @DisplayName("accepts room_options sent as an object, and gives no metadata for options that are not JSON")
    void lenientOptions() throws Exception {
        assertThat(mapper.group(json("{\"room_id\":\"1\",\"room_options\":{\"a\":1}}"))
                        .orElseThrow()
                        .metadata())
                .isEqualTo(Map.of("a", 1));
        Group group = mapper.group(json("{\"room_id\":\"1\",\"room_options\":\"dark mode\"}"))
                .orElseThrow();
        assertThat(group.metadata()).isEmpty();
        assertThat(group.raw()).containsEntry("room_options", "dark mode");
    }

    @Test
    @DisplayName("reads extras given as a string holding JSON (2018 docs) and as an object")
    void extras() throws Exception {
        assertThat(mapper.user(json("{\"user_id\":\"a\",\"extras\":\"{\\\"x\\\":1}\"}"))
                        .metadata())
                .isEqualTo(Map.of("x", 1));
        assertThat(mapper.user(json("{\"user_id\":\"a\",\"extras\":{\"x\":[true]}}"))
                        .metadata())
                .isEqualTo(Map.of("x", List.of(true)));
    }

    @Test
    @DisplayName("reads the placeholder avatar as no avatar")
    void placeholderAvatar() throws Exception {
        JsonNode user = JSON.createObjectNode().put("user_id", "a").put("avatar_url", QiscusMapper.DEFAULT_AVATAR_URL);
        assertThat(mapper.user(user).avatarUrl()).isEmpty();
    }

    @Test
    @DisplayName("gives ProviderProtocolException, never a NullPointerException, for malformed answers")
    void malformed() throws Exception {
        assertThatThrownBy(() -> mapper.userObject(json("{\"status\":200}")))
                .isInstanceOf(ProviderProtocolException.class)
                .hasMessageContaining("results");
        assertThatThrownBy(() -> mapper.userObject(json("{\"results\":{\"user\":[]}}")))
                .isInstanceOf(ProviderProtocolException.class);
        assertThatThrownBy(() -> mapper.user(json("{\"username\":\"no id\"}")))
                .isInstanceOf(ProviderProtocolException.class)
                .hasMessageContaining("user_id");
        assertThatThrownBy(() -> mapper.listedUser(json("{\"email\":\"a\",\"created_at\":\"yesterday\"}")))
                .isInstanceOf(ProviderProtocolException.class)
                .hasMessageContaining("created_at");
        assertThatThrownBy(() -> mapper.group(json("{\"room_name\":\"no id\"}")))
                .isInstanceOf(ProviderProtocolException.class)
                .hasMessageContaining("room_id");
        assertThatThrownBy(() -> mapper.array(json("{\"users\":{}}"), "users"))
                .isInstanceOf(ProviderProtocolException.class);
    }
}
