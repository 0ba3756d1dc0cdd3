package dev.chatdirectory.provider.qiscus;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.ConfigurationException;
import dev.chatdirectory.InvalidRequestException;
import dev.chatdirectory.NotFoundException;
import dev.chatdirectory.ProviderConfig;
import dev.chatdirectory.model.Group;
import dev.chatdirectory.model.GroupCreate;
import dev.chatdirectory.model.GroupType;
import dev.chatdirectory.model.GroupUpdate;
import dev.chatdirectory.model.MemberQuery;
import dev.chatdirectory.model.UserCreate;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Qiscus groups")
class QiscusGroupsTest extends QiscusEmulatorSupport {

    private static final Map<String, Object> METADATA =
            Map.of("topic", "coffee ☕", "weekly", true, "level", Map.of("min", 1, "max", 5));

    private void createUser(String id) {
        directory.users().create(UserCreate.builder(id, "User " + id).build());
    }

    private Group createOwned(String owner) {
        createUser(owner);
        return directory
                .groups()
                .create(GroupCreate.withoutId("Café ☕ Lovers", GroupType.PRIVATE)
                        .ownerId(owner)
                        .iconUrl("https://icons.example.com/cafe.svg")
                        .metadata(METADATA)
                        .build());
    }

    @Nested
    @DisplayName("create")
    class Create {

        @Test
        @DisplayName("with an owner: the owner creates the room, is its only member and is read back as owner")
        void withOwner() {
            Group group = createOwned("zoe");
            assertThat(group.id()).matches("[0-9]+");
            assertThat(group.name()).isEqualTo("Café ☕ Lovers");
            assertThat(group.type()).isEqualTo(GroupType.PRIVATE);
            assertThat(group.ownerId()).contains("zoe");
            assertThat(group.iconUrl()).contains("https://icons.example.com/cafe.svg");
            assertThat(group.metadata()).isEqualTo(METADATA);
            assertThat(emulator.participants(group.id())).containsExactly("zoe");
            assertThat(directory.groups().get(group.id())).contains(group);
        }

        @Test
        @DisplayName("without an owner: the system user creates the room and leaves it, so the group starts empty")
        void withoutOwner() {
            Group group = directory
                    .groups()
                    .create(GroupCreate.withoutId("Empty", GroupType.PRIVATE).build());
            assertThat(group.ownerId()).isEmpty();
            assertThat(group.metadata()).isEmpty();
            assertThat(emulator.participants(group.id())).isEmpty();
            assertThat(directory.members().list(group.id(), MemberQuery.all()).items())
                    .isEmpty();
            emulator.wireMock().verify(1, postRequestedFor(urlPathEqualTo(BASE + "/remove_room_participants")));
        }

        @Test
        @DisplayName("gives every group a distinct id assigned by Qiscus")
        void distinctIds() {
            Group first = directory
                    .groups()
                    .create(GroupCreate.withoutId("Same", GroupType.PRIVATE).build());
            Group second = directory
                    .groups()
                    .create(GroupCreate.withoutId("Same", GroupType.PRIVATE).build());
            assertThat(first.id()).isNotEqualTo(second.id());
        }

        @Test
        @DisplayName("without an owner and without systemUserId is refused before sending")
        void withoutOwnerOrSystemUser() {
            ProviderConfig config = config().build();
            ProviderConfig noSystemUser = ProviderConfig.builder()
                    .endpoint(config.endpoint().orElseThrow())
                    .credential("appId", emulator.appId())
                    .credential("secret", emulator.secretKey())
                    .credential("passwordSecret", PASSWORD_SECRET)
                    .build();
            try (ChatDirectory qiscus = open(noSystemUser)) {
                forgetRequests();
                assertThatThrownBy(() -> qiscus.groups()
                                .create(GroupCreate.withoutId("Lonely", GroupType.PRIVATE)
                                        .build()))
                        .isInstanceOf(InvalidRequestException.class)
                        .hasMessageContaining("ownerId")
                        .hasMessageContaining("systemUserId");
                assertThat(requests()).isEmpty();
            }
        }

        @Test
        @DisplayName("with a systemUserId that is not a Qiscus user fails with ConfigurationException")
        void unknownSystemUser() {
            try (ChatDirectory qiscus =
                    open(config().property("systemUserId", "nobody").build())) {
                assertThatThrownBy(() -> qiscus.groups()
                                .create(GroupCreate.withoutId("Lonely", GroupType.PRIVATE)
                                        .build()))
                        .isInstanceOf(ConfigurationException.class)
                        .hasMessageContaining("nobody");
            }
        }

        @Test
        @DisplayName(
                "with an owner who is not a user (or is deactivated) fails with NotFoundException, creating nothing")
        void unknownOwner() {
            createUser("gone");
            directory.users().delete("gone");
            for (String owner : List.of("ghost", "gone")) {
                assertThatThrownBy(() -> directory
                                .groups()
                                .create(GroupCreate.withoutId("Orphan", GroupType.PRIVATE)
                                        .ownerId(owner)
                                        .build()))
                        .isInstanceOf(NotFoundException.class)
                        .hasMessageContaining(owner);
            }
            emulator.wireMock().verify(0, postRequestedFor(urlPathEqualTo(BASE + "/create_room")));
        }

        @Test
        @DisplayName("refuses metadata using the reserved key 'chatdirectory', before sending")
        void reservedKey() {
            forgetRequests();
            assertThatThrownBy(() -> directory
                            .groups()
                            .create(GroupCreate.withoutId("Sneaky", GroupType.PRIVATE)
                                    .metadata(Map.of("chatdirectory", Map.of("owner", "mallory")))
                                    .build()))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("metadata.chatdirectory");
            assertThat(emulator.wireMock().findAll(anyRequestedFor(urlPathEqualTo(BASE + "/create_room"))))
                    .isEmpty();
        }
    }

    @Nested
    @DisplayName("get")
    class Get {

        @Test
        @DisplayName("is empty for an unknown room id")
        void unknownRoom() {
            assertThat(directory.groups().get("999999999")).isEmpty();
        }

        @Test
        @DisplayName("is empty for a 1-on-1 room, which is not a group")
        void singleRoom() throws Exception {
            createUser("alice");
            createUser("bob");
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            URI.create(emulator.baseUrl() + "/get_or_create_room_with_target"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"user_ids\":[\"alice\",\"bob\"]}"));
            emulator.authHeaders().forEach(request::header);
            String body = HttpClient.newHttpClient()
                    .send(request.build(), HttpResponse.BodyHandlers.ofString())
                    .body();
            String roomId = body.replaceAll(".*\"room_id\":\"([0-9]+)\".*", "$1");
            assertThat(roomId).matches("[0-9]+");
            assertThat(directory.groups().get(roomId)).isEmpty();
        }
    }

    @Nested
    @DisplayName("update")
    class Update {

        @Test
        @DisplayName("changes the name only, keeping icon, metadata and owner")
        void name() {
            Group original = createOwned("zoe");
            Group updated = directory
                    .groups()
                    .update(
                            original.id(),
                            GroupUpdate.builder().name("Nouveau nom ✓").build());
            assertThat(updated)
                    .isEqualTo(original.toBuilder()
                            .name("Nouveau nom ✓")
                            .raw(updated.raw())
                            .build());
            assertThat(directory.groups().get(original.id())).contains(updated);
        }

        @Test
        @DisplayName("replaces the metadata and keeps the owner kept beside it")
        void metadata() {
            Group original = createOwned("zoe");
            Group updated = directory
                    .groups()
                    .update(
                            original.id(),
                            GroupUpdate.builder()
                                    .metadata(Map.of("only", "this"))
                                    .build());
            assertThat(updated.metadata()).isEqualTo(Map.of("only", "this"));
            assertThat(updated.ownerId()).contains("zoe");
            Group cleared = directory
                    .groups()
                    .update(original.id(), GroupUpdate.builder().clearMetadata().build());
            assertThat(cleared.metadata()).isEmpty();
            assertThat(cleared.ownerId()).contains("zoe");
        }

        @Test
        @DisplayName("clears the icon by setting Qiscus's placeholder, which reads back as no icon")
        void clearIcon() {
            Group original = createOwned("zoe");
            Group updated = directory
                    .groups()
                    .update(original.id(), GroupUpdate.builder().clearIconUrl().build());
            assertThat(updated.iconUrl()).isEmpty();
            assertThat(directory.groups().get(original.id()).orElseThrow().iconUrl())
                    .isEmpty();
        }

        @Test
        @DisplayName("sends nothing but the read when nothing changes")
        void nothingToChange() {
            Group original = createOwned("zoe");
            forgetRequests();
            Group same = directory
                    .groups()
                    .update(
                            original.id(),
                            GroupUpdate.builder().type(GroupType.PRIVATE).build());
            assertThat(same).isEqualTo(original);
            assertThat(requests()).hasSize(1);
            assertThat(requests().get(0).getUrl()).startsWith(BASE + "/get_rooms_info");
        }

        @Test
        @DisplayName("fails with NotFoundException for an unknown room")
        void unknownRoom() {
            assertThatThrownBy(() -> directory
                            .groups()
                            .update("999999999", GroupUpdate.builder().name("X").build()))
                    .isInstanceOf(NotFoundException.class);
        }
    }
}
