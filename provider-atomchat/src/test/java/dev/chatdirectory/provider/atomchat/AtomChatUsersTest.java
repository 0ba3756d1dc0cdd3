package dev.chatdirectory.provider.atomchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatdirectory.AlreadyExistsException;
import dev.chatdirectory.Capability;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.InvalidRequestException;
import dev.chatdirectory.NotFoundException;
import dev.chatdirectory.UnsupportedCapabilityException;
import dev.chatdirectory.model.User;
import dev.chatdirectory.model.UserCreate;
import dev.chatdirectory.model.UserQuery;
import dev.chatdirectory.model.UserUpdate;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("AtomChat users against the emulator")
class AtomChatUsersTest extends EmulatorTestBase {

    private static final String ID = "zoë & co=1+2";

    private User createFull() {
        return directory
                .users()
                .create(UserCreate.builder(ID, "Zoë Ångström, 山田 ☕")
                        .avatarUrl("https://cdn.example.com/a%20b.png?x=1&y=2")
                        .profileUrl("https://example.com/u/zoë")
                        .role("vip")
                        .build());
    }

    @Nested
    @DisplayName("creating")
    class Creating {

        @Test
        @DisplayName("returns the user as AtomChat stored it, read back with getUser")
        void createReadsBack() {
            User created = createFull();
            assertThat(created.id()).isEqualTo(ID);
            assertThat(created.name()).isEqualTo("Zoë Ångström, 山田 ☕");
            assertThat(created.avatarUrl()).contains("https://cdn.example.com/a%20b.png?x=1&y=2");
            assertThat(created.profileUrl()).contains("https://example.com/u/zoë");
            assertThat(created.role()).contains("vip");
            assertThat(created.email()).isEmpty();
            assertThat(created.raw()).containsEntry("uid", ID);
            assertThat(directory.users().get(ID)).contains(created);
            assertThat(requestsTo("createUser")).hasSize(1);
            assertThat(requestsTo("getUser")).hasSize(2);
        }

        @Test
        @DisplayName("without a role reads back with AtomChat's default role")
        void defaultRole() {
            User created = directory
                    .users()
                    .create(UserCreate.builder("plain", "Plain").build());
            assertThat(created.role()).contains("default");
            assertThat(created.avatarUrl()).isEmpty();
            assertThat(created.profileUrl()).isEmpty();
        }

        @Test
        @DisplayName("a taken UID fails with AlreadyExistsException and changes nothing")
        void duplicate() {
            createFull();
            assertThatThrownBy(() -> directory
                            .users()
                            .create(UserCreate.builder(ID, "Other").build()))
                    .isInstanceOf(AlreadyExistsException.class)
                    .satisfies(e -> assertThat(((AlreadyExistsException) e).providerId())
                            .contains("atomchat"))
                    .satisfies(e -> assertThat(((AlreadyExistsException) e).vendorCode())
                            .contains("2001"));
            assertThat(directory.users().get(ID).orElseThrow().name()).isEqualTo("Zoë Ångström, 山田 ☕");
        }

        @Test
        @DisplayName("e-mail and metadata are refused before anything is sent: AtomChat returns neither")
        void unsupportedFields() {
            forgetRequests();
            assertThatThrownBy(() -> directory
                            .users()
                            .create(UserCreate.builder("x", "X")
                                    .email("x@example.com")
                                    .build()))
                    .isInstanceOf(UnsupportedCapabilityException.class)
                    .hasMessageContaining(Capability.USER_EMAIL.name());
            assertThatThrownBy(() -> directory
                            .users()
                            .create(UserCreate.builder("x", "X")
                                    .metadata(Map.of("k", 1))
                                    .build()))
                    .isInstanceOf(UnsupportedCapabilityException.class)
                    .hasMessageContaining(Capability.USER_METADATA.name());
            assertThat(requests()).isEmpty();
        }

        @Test
        @DisplayName("an id AtomChat could not address (comma, surrounding space) is refused before anything is sent")
        void invalidIds() {
            forgetRequests();
            assertThatThrownBy(() -> directory
                            .users()
                            .create(UserCreate.builder("a,b", "X").build()))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("userId");
            assertThatThrownBy(() -> directory.users().get("a,b")).isInstanceOf(InvalidRequestException.class);
            assertThat(requests()).isEmpty();
        }
    }

    @Nested
    @DisplayName("reading")
    class Reading {

        @Test
        @DisplayName("an unknown UID gives an empty Optional")
        void unknown() {
            assertThat(directory.users().get("nobody")).isEmpty();
        }
    }

    @Nested
    @DisplayName("updating")
    class Updating {

        @Test
        @DisplayName("changes only the fields set, although AtomChat's updateUser rewrites them all")
        void patchSemantics() {
            User original = createFull();
            User updated = directory
                    .users()
                    .update(ID, UserUpdate.builder().name("Nouveau nom").build());
            assertThat(updated)
                    .isEqualTo(original.toBuilder()
                            .name("Nouveau nom")
                            .raw(updated.raw())
                            .build());
            assertThat(requestsTo("updateUser").get(0).getBodyAsString())
                    .contains("avatarURL=https%3A%2F%2Fcdn.example.com%2Fa%2520b.png%3Fx%3D1%26y%3D2")
                    .contains("role=vip");
        }

        @Test
        @DisplayName("clears the avatar and profile URLs, and a cleared role falls back to AtomChat's default")
        void clearing() {
            createFull();
            User updated = directory
                    .users()
                    .update(
                            ID,
                            UserUpdate.builder()
                                    .clearAvatarUrl()
                                    .clearProfileUrl()
                                    .clearRole()
                                    .build());
            assertThat(updated.avatarUrl()).isEmpty();
            assertThat(updated.profileUrl()).isEmpty();
            assertThat(updated.role()).contains("default");
            assertThat(updated.name()).isEqualTo("Zoë Ångström, 山田 ☕");
        }

        @Test
        @DisplayName("an unknown user fails with NotFoundException and is not created")
        void unknown() {
            assertThatThrownBy(() -> directory
                            .users()
                            .update("ghost", UserUpdate.builder().name("G").build()))
                    .isInstanceOf(NotFoundException.class);
            assertThat(requestsTo("updateUser")).isEmpty();
            assertThat(directory.users().get("ghost")).isEmpty();
        }
    }

    @Nested
    @DisplayName("deleting")
    class Deleting {

        @Test
        @DisplayName("is idempotent and frees the UID for a new user (AtomChat removes the row)")
        void idempotentAndHard() {
            createFull();
            assertThat(directory.users().delete(ID)).isTrue();
            assertThat(directory.users().delete(ID)).isFalse();
            assertThat(directory.users().get(ID)).isEmpty();
            assertThat(directory
                            .users()
                            .create(UserCreate.builder(ID, "Again").build())
                            .name())
                    .isEqualTo("Again");
        }

        @Test
        @DisplayName("deactivation is not supported")
        void noDeactivation() {
            assertThatThrownBy(() -> directory.users().deactivate(ID))
                    .isInstanceOf(UnsupportedCapabilityException.class);
        }
    }

    @Nested
    @DisplayName("listing")
    class Listing {

        @Test
        @DisplayName("lists every user with the fields of the listUsers rows, which lack the avatar and profile URL")
        void listsRowFields() {
            User full = createFull();
            createUsers("b", "c");
            assertThat(directory.users().stream(UserQuery.all()).toList())
                    .extracting(User::id)
                    .containsExactly(ID, "b", "c");
            User listed = directory.users().list(UserQuery.all()).items().get(0);
            assertThat(listed)
                    .usingRecursiveComparison()
                    .ignoringFields("raw")
                    .isEqualTo(full.toBuilder().avatarUrl(null).profileUrl(null).build());
        }

        @Test
        @DisplayName("with listUserDetails=true, lists every user with the fields only getUser returns")
        void listsFullUsersOnRequest() {
            User full = createFull();
            createUsers("b", "c");
            try (ChatDirectory detailed = new AtomChatProvider()
                    .open(Directories.config(emulator.baseUrl(), emulator.apiKey()).toBuilder()
                            .property("listUserDetails", "true")
                            .build())) {
                assertThat(detailed.users().stream(UserQuery.all()).toList())
                        .extracting(User::id)
                        .containsExactly(ID, "b", "c");
                assertThat(detailed.users().list(UserQuery.all()).items().get(0))
                        .isEqualTo(full);
            }
        }

        @Test
        @DisplayName("search and filters are refused before anything is sent")
        void noSearch() {
            forgetRequests();
            assertThatThrownBy(() -> directory
                            .users()
                            .list(UserQuery.builder().search("z").build()))
                    .isInstanceOf(UnsupportedCapabilityException.class);
            assertThatThrownBy(() -> directory
                            .users()
                            .list(UserQuery.builder().role("vip").build()))
                    .isInstanceOf(UnsupportedCapabilityException.class);
            assertThat(requests()).isEmpty();
        }
    }
}
