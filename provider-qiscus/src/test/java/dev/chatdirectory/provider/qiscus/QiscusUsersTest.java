package dev.chatdirectory.provider.qiscus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatdirectory.AlreadyExistsException;
import dev.chatdirectory.InvalidRequestException;
import dev.chatdirectory.NotFoundException;
import dev.chatdirectory.model.Page;
import dev.chatdirectory.model.User;
import dev.chatdirectory.model.UserCreate;
import dev.chatdirectory.model.UserQuery;
import dev.chatdirectory.model.UserUpdate;
import dev.chatdirectory.provider.qiscus.internal.QiscusMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Qiscus users")
class QiscusUsersTest extends QiscusEmulatorSupport {

    private static final Map<String, Object> METADATA =
            Map.of("city", "Zürich", "level", 7, "tags", List.of("α", true), "nested", Map.of("k", 2.5));

    private User create(String id, String name) {
        return directory.users().create(UserCreate.builder(id, name).build());
    }

    @Nested
    @DisplayName("create")
    class Create {

        @Test
        @DisplayName("stores the name, avatar and metadata, and reads them back")
        void createsWithEveryField() {
            UserCreate request = UserCreate.builder("zoe@example.com", "Zoë Ångström")
                    .avatarUrl("https://avatars.example.com/zoe.png")
                    .metadata(METADATA)
                    .build();
            User created = directory.users().create(request);
            assertThat(created.id()).isEqualTo("zoe@example.com");
            assertThat(created.name()).isEqualTo("Zoë Ångström");
            assertThat(created.avatarUrl()).contains("https://avatars.example.com/zoe.png");
            assertThat(created.metadata()).isEqualTo(METADATA);
            assertThat(directory.users().get("zoe@example.com")).contains(created);
        }

        @Test
        @DisplayName("reports no avatar for a user created without one, although Qiscus gives it a placeholder")
        void placeholderAvatarIsNoAvatar() {
            User created = create("plain", "Plain");
            assertThat(created.avatarUrl()).isEmpty();
            assertThat(created.raw()).containsEntry("avatar_url", QiscusMapper.DEFAULT_AVATAR_URL);
        }

        @Test
        @DisplayName("fails with AlreadyExistsException for a taken id and leaves the user alone")
        void refusesTakenId() {
            User original = create("zoe", "Zoë");
            assertThatThrownBy(() -> create("zoe", "Impostor")).isInstanceOf(AlreadyExistsException.class);
            assertThat(directory.users().get("zoe")).contains(original);
            assertThat(emulator.passwordChangeCount("zoe")).isZero();
        }

        @Test
        @DisplayName("fails with AlreadyExistsException for the id of a deactivated user")
        void refusesDeactivatedId() {
            create("zoe", "Zoë");
            directory.users().delete("zoe");
            assertThatThrownBy(() -> create("zoe", "Again")).isInstanceOf(AlreadyExistsException.class);
        }

        @Test
        @DisplayName("refuses ids with other symbols than . - _ @ before sending")
        void refusesInvalidIds() {
            forgetRequests();
            assertThatThrownBy(() -> create("zoe+1", "Zoë"))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("userId");
            assertThat(requests()).isEmpty();
        }
    }

    @Nested
    @DisplayName("get")
    class Get {

        @Test
        @DisplayName("is empty for an unknown user")
        void unknownUser() {
            assertThat(directory.users().get("ghost")).isEmpty();
        }

        @Test
        @DisplayName("is empty for a deactivated user")
        void deactivatedUser() {
            create("zoe", "Zoë");
            directory.users().deactivate("zoe");
            assertThat(directory.users().get("zoe")).isEmpty();
        }
    }

    @Nested
    @DisplayName("update")
    class Update {

        @Test
        @DisplayName("changes only the fields the patch sets")
        void isAPatch() {
            User original = directory
                    .users()
                    .create(UserCreate.builder("zoe", "Zoë")
                            .avatarUrl("https://avatars.example.com/zoe.png")
                            .metadata(METADATA)
                            .build());
            User updated = directory
                    .users()
                    .update("zoe", UserUpdate.builder().name("山田花子").build());
            assertThat(updated.name()).isEqualTo("山田花子");
            assertThat(updated.avatarUrl()).isEqualTo(original.avatarUrl());
            assertThat(updated.metadata()).isEqualTo(METADATA);
            assertThat(directory.users().get("zoe")).contains(updated);
        }

        @Test
        @DisplayName("replaces the metadata, and clears it")
        void replacesAndClearsMetadata() {
            directory
                    .users()
                    .create(UserCreate.builder("zoe", "Zoë").metadata(METADATA).build());
            directory
                    .users()
                    .update(
                            "zoe",
                            UserUpdate.builder()
                                    .metadata(Map.of("only", "this"))
                                    .build());
            assertThat(directory.users().get("zoe").orElseThrow().metadata()).isEqualTo(Map.of("only", "this"));
            directory.users().update("zoe", UserUpdate.builder().clearMetadata().build());
            assertThat(directory.users().get("zoe").orElseThrow().metadata()).isEmpty();
        }

        @Test
        @DisplayName("clears the avatar by setting Qiscus's placeholder, which reads back as no avatar")
        void clearsAvatar() {
            directory
                    .users()
                    .create(UserCreate.builder("zoe", "Zoë")
                            .avatarUrl("https://avatars.example.com/zoe.png")
                            .build());
            User cleared = directory
                    .users()
                    .update("zoe", UserUpdate.builder().clearAvatarUrl().build());
            assertThat(cleared.avatarUrl()).isEmpty();
            assertThat(directory.users().get("zoe").orElseThrow().avatarUrl()).isEmpty();
        }

        @Test
        @DisplayName("fails with NotFoundException for an unknown or deactivated user, creating nobody")
        void unknownUser() {
            assertThatThrownBy(() -> directory
                            .users()
                            .update("ghost", UserUpdate.builder().name("Ghost").build()))
                    .isInstanceOf(NotFoundException.class);
            assertThat(emulator.password("ghost")).isEmpty();
            create("zoe", "Zoë");
            directory.users().deactivate("zoe");
            assertThatThrownBy(() -> directory
                            .users()
                            .update("zoe", UserUpdate.builder().name("Zed").build()))
                    .isInstanceOf(NotFoundException.class);
        }
    }

    @Nested
    @DisplayName("delete and deactivation")
    class Deactivation {

        @Test
        @DisplayName("delete deactivates: true once, false afterwards, and the user is hidden")
        void deleteDeactivates() {
            create("zoe", "Zoë");
            assertThat(directory.users().delete("zoe")).isTrue();
            assertThat(directory.users().delete("zoe")).isFalse();
            assertThat(directory.users().delete("ghost")).isFalse();
            assertThat(directory.users().get("zoe")).isEmpty();
            assertThat(emulator.password("zoe"))
                    .as("the user still exists at Qiscus")
                    .isPresent();
        }

        @Test
        @DisplayName("deactivate and reactivate report whether the state changed and restore the user")
        void deactivateAndReactivate() {
            User original = create("zoe", "Zoë");
            assertThat(directory.users().reactivate("zoe")).isFalse();
            assertThat(directory.users().deactivate("zoe")).isTrue();
            assertThat(directory.users().deactivate("zoe")).isFalse();
            assertThat(directory.users().reactivate("zoe")).isTrue();
            assertThat(directory.users().get("zoe")).contains(original);
        }

        @Test
        @DisplayName("deactivate and reactivate fail with NotFoundException for an unknown user")
        void unknownUser() {
            assertThatThrownBy(() -> directory.users().deactivate("ghost")).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> directory.users().reactivate("ghost")).isInstanceOf(NotFoundException.class);
        }
    }

    @Nested
    @DisplayName("list")
    class ListUsers {

        @Test
        @DisplayName("walks every active user once, oldest first, across full pages")
        void walksPages() {
            List<String> ids = new ArrayList<>(List.of(SYSTEM_USER));
            for (int i = 0; i < 7; i++) {
                ids.add(create("user" + i, "User " + i).id());
            }
            create("gone", "Gone");
            directory.users().delete("gone");

            List<String> walked = new ArrayList<>();
            UserQuery query = UserQuery.all().withPageSize(3);
            Optional<String> cursor = Optional.empty();
            do {
                Page<User> page =
                        directory.users().list(cursor.map(query::withCursor).orElse(query));
                if (page.hasNext()) {
                    assertThat(page.items()).hasSize(3);
                }
                page.items().forEach(u -> walked.add(u.id()));
                cursor = page.nextCursor();
            } while (cursor.isPresent());
            assertThat(walked).containsExactlyElementsOf(ids);
            assertThat(directory.users().stream(UserQuery.all().withPageSize(2)).map(User::id))
                    .containsExactlyElementsOf(ids);
        }

        @Test
        @DisplayName("lists users with their name, avatar, metadata and timestamps")
        void listedFields() {
            directory
                    .users()
                    .create(UserCreate.builder("zoe", "Zoë")
                            .avatarUrl("https://avatars.example.com/zoe.png")
                            .metadata(METADATA)
                            .build());
            User listed = directory.users().stream(UserQuery.all())
                    .filter(u -> u.id().equals("zoe"))
                    .findFirst()
                    .orElseThrow();
            assertThat(listed.name()).isEqualTo("Zoë");
            assertThat(listed.avatarUrl()).contains("https://avatars.example.com/zoe.png");
            assertThat(listed.metadata()).isEqualTo(METADATA);
            assertThat(listed.createdAt()).isPresent();
            assertThat(listed.updatedAt()).isPresent();
        }

        @Test
        @DisplayName("refuses a cursor issued for another page size or another listing, before sending")
        void refusesForeignCursors() {
            for (int i = 0; i < 3; i++) {
                create("user" + i, "User " + i);
            }
            String cursor = directory
                    .users()
                    .list(UserQuery.all().withPageSize(2))
                    .nextCursor()
                    .orElseThrow();
            forgetRequests();
            assertThatThrownBy(() -> directory
                            .users()
                            .list(UserQuery.all().withPageSize(3).withCursor(cursor)))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("cursor");
            assertThatThrownBy(() -> directory
                            .users()
                            .list(UserQuery.all().withPageSize(2).withCursor("bm90LWEtY3Vyc29y")))
                    .isInstanceOf(InvalidRequestException.class);
            assertThat(requests()).isEmpty();
        }
    }
}
