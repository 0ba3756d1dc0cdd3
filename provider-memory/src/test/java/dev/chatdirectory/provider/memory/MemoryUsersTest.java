package dev.chatdirectory.provider.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatdirectory.AlreadyExistsException;
import dev.chatdirectory.Capability;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.InvalidRequestException;
import dev.chatdirectory.NotFoundException;
import dev.chatdirectory.UnsupportedCapabilityException;
import dev.chatdirectory.model.GroupCreate;
import dev.chatdirectory.model.GroupType;
import dev.chatdirectory.model.MemberQuery;
import dev.chatdirectory.model.MemberSpec;
import dev.chatdirectory.model.PageRequest;
import dev.chatdirectory.model.PresenceState;
import dev.chatdirectory.model.User;
import dev.chatdirectory.model.UserCreate;
import dev.chatdirectory.model.UserQuery;
import dev.chatdirectory.model.UserUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Memory provider: users")
class MemoryUsersTest {

    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    private final TestClock clock = new TestClock(T0);
    private final ChatDirectory directory =
            MemoryChatDirectory.builder().clock(clock).build();

    private User create(String id, String name) {
        return directory.users().create(UserCreate.builder(id, name).build());
    }

    private List<String> listedIds(UserQuery query) {
        return directory.users().stream(query).map(User::id).toList();
    }

    private static ChatDirectory withoutHardDelete() {
        Set<Capability> capabilities = EnumSet.allOf(Capability.class);
        capabilities.remove(Capability.USER_HARD_DELETE);
        return MemoryChatDirectory.builder().capabilities(capabilities).build();
    }

    @Nested
    @DisplayName("create")
    class Create {

        @Test
        @DisplayName("stores every field and stamps creation and update time")
        void storesFields() {
            User user = directory
                    .users()
                    .create(UserCreate.builder("alice", "Alice Ünal")
                            .avatarUrl("https://cdn.example.com/a.png")
                            .profileUrl("https://example.com/alice")
                            .email("alice@example.com")
                            .role("admin")
                            .metadata(Map.of("team", "blue", "tags", List.of("a", "b")))
                            .build());

            assertThat(user.id()).isEqualTo("alice");
            assertThat(user.name()).isEqualTo("Alice Ünal");
            assertThat(user.avatarUrl()).contains("https://cdn.example.com/a.png");
            assertThat(user.profileUrl()).contains("https://example.com/alice");
            assertThat(user.email()).contains("alice@example.com");
            assertThat(user.role()).contains("admin");
            assertThat(user.metadata()).isEqualTo(Map.of("team", "blue", "tags", List.of("a", "b")));
            assertThat(user.createdAt()).contains(T0);
            assertThat(user.updatedAt()).contains(T0);
            assertThat(directory.users().get("alice")).contains(user);
        }

        @Test
        @DisplayName("fails with AlreadyExistsException when the id is taken, keeping the first user")
        void duplicate() {
            create("alice", "Alice");

            assertThatThrownBy(() -> create("alice", "Other"))
                    .isInstanceOf(AlreadyExistsException.class)
                    .hasMessageContaining("alice")
                    .satisfies(e -> assertThat(((AlreadyExistsException) e).providerId())
                            .contains("memory"));
            assertThat(directory.users().get("alice").orElseThrow().name()).isEqualTo("Alice");
        }

        @Test
        @DisplayName("ids are case-sensitive")
        void caseSensitive() {
            create("alice", "a");
            create("Alice", "A");

            assertThat(listedIds(UserQuery.all())).containsExactly("Alice", "alice");
        }

        @Test
        @DisplayName("fails when a deactivated user holds the id")
        void deactivatedHoldsId() {
            create("alice", "Alice");
            directory.users().deactivate("alice");

            assertThatThrownBy(() -> create("alice", "Alice")).isInstanceOf(AlreadyExistsException.class);
        }

        @Test
        @DisplayName("an invalid id is rejected before anything is stored")
        void invalidId() {
            assertThatThrownBy(() -> directory.users().get(" alice")).isInstanceOf(InvalidRequestException.class);
            assertThatThrownBy(() -> directory.users().get("")).isInstanceOf(InvalidRequestException.class);
            assertThat(directory.unwrap(MemoryChatDirectory.class).storedUserCount())
                    .isZero();
        }
    }

    @Nested
    @DisplayName("get")
    class Get {

        @Test
        @DisplayName("returns empty for an unknown id")
        void unknown() {
            assertThat(directory.users().get("nobody")).isEmpty();
        }
    }

    @Nested
    @DisplayName("update")
    class Update {

        @Test
        @DisplayName("changes only the fields that are set or cleared and stamps the update time")
        void patch() {
            directory
                    .users()
                    .create(UserCreate.builder("alice", "Alice")
                            .email("alice@example.com")
                            .role("admin")
                            .metadata(Map.of("a", 1))
                            .build());
            Instant later = clock.advance(Duration.ofMinutes(5));

            User updated = directory
                    .users()
                    .update(
                            "alice",
                            UserUpdate.builder()
                                    .name("Alice L.")
                                    .clearEmail()
                                    .metadata(Map.of("b", 2))
                                    .build());

            assertThat(updated.name()).isEqualTo("Alice L.");
            assertThat(updated.email()).isEmpty();
            assertThat(updated.role()).contains("admin");
            assertThat(updated.metadata()).isEqualTo(Map.of("b", 2));
            assertThat(updated.createdAt()).contains(T0);
            assertThat(updated.updatedAt()).contains(later);
            assertThat(directory.users().get("alice")).contains(updated);
        }

        @Test
        @DisplayName("fails with NotFoundException for an unknown or deactivated user")
        void notFound() {
            UserUpdate update = UserUpdate.builder().name("X").build();

            assertThatThrownBy(() -> directory.users().update("nobody", update))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("nobody");

            create("alice", "Alice");
            directory.users().deactivate("alice");
            assertThatThrownBy(() -> directory.users().update("alice", update)).isInstanceOf(NotFoundException.class);
        }
    }

    @Nested
    @DisplayName("delete with USER_HARD_DELETE")
    class HardDelete {

        @Test
        @DisplayName("is idempotent: true the first time, false afterwards")
        void idempotent() {
            create("alice", "Alice");

            assertThat(directory.users().delete("alice")).isTrue();
            assertThat(directory.users().delete("alice")).isFalse();
            assertThat(directory.users().delete("never-existed")).isFalse();
        }

        @Test
        @DisplayName("removes the user for good, so the id can be used again")
        void removes() {
            create("alice", "Alice");
            directory.users().delete("alice");

            assertThat(directory.users().get("alice")).isEmpty();
            assertThat(directory.unwrap(MemoryChatDirectory.class).storedUserCount())
                    .isZero();
            assertThat(create("alice", "Alice again").name()).isEqualTo("Alice again");
        }

        @Test
        @DisplayName("removes the user's memberships, bans and presence")
        void removesTraces() {
            create("alice", "Alice");
            create("bob", "Bob");
            directory
                    .groups()
                    .create(GroupCreate.builder("g1", "G1", GroupType.PUBLIC).build());
            directory
                    .groups()
                    .create(GroupCreate.builder("g2", "G2", GroupType.PUBLIC).build());
            directory.members().add("g1", List.of(MemberSpec.participant("alice"), MemberSpec.participant("bob")));
            directory.members().add("g2", List.of(MemberSpec.participant("alice")));
            directory.members().ban("g2", List.of("alice"));
            directory.unwrap(MemoryChatDirectory.class).setPresence("alice", PresenceState.ONLINE, T0);

            directory.users().delete("alice");
            create("alice", "New Alice");

            assertThat(directory.members().stream("g1", MemberQuery.all()))
                    .extracting(m -> m.userId())
                    .containsExactly("bob");
            assertThat(directory.members().listBanned("g2", PageRequest.first()).items())
                    .isEmpty();
            assertThat(directory.presence().get("alice").state()).isEqualTo(PresenceState.OFFLINE);
        }
    }

    @Nested
    @DisplayName("delete without USER_HARD_DELETE")
    class SoftDelete {

        private final ChatDirectory soft = withoutHardDelete();

        @Test
        @DisplayName("deactivates the user: no longer found or listed, but still stored")
        void deactivates() {
            soft.users().create(UserCreate.builder("alice", "Alice").build());
            soft.users().create(UserCreate.builder("bob", "Bob").build());

            assertThat(soft.users().delete("alice")).isTrue();

            assertThat(soft.users().get("alice")).isEmpty();
            assertThat(soft.users().stream(UserQuery.all()).map(User::id)).containsExactly("bob");
            assertThat(soft.unwrap(MemoryChatDirectory.class).storedUserCount()).isEqualTo(2);
        }

        @Test
        @DisplayName("keeps the id taken and is idempotent")
        void idTaken() {
            soft.users().create(UserCreate.builder("alice", "Alice").build());
            soft.users().delete("alice");

            assertThat(soft.users().delete("alice")).isFalse();
            assertThatThrownBy(() ->
                            soft.users().create(UserCreate.builder("alice", "A").build()))
                    .isInstanceOf(AlreadyExistsException.class);
        }

        @Test
        @DisplayName("a deleted user can be reactivated with its data")
        void reactivate() {
            soft.users()
                    .create(UserCreate.builder("alice", "Alice")
                            .email("a@example.com")
                            .build());
            soft.users().delete("alice");

            assertThat(soft.users().reactivate("alice")).isTrue();
            assertThat(soft.users().get("alice").orElseThrow().email()).contains("a@example.com");
        }
    }

    @Nested
    @DisplayName("deactivate and reactivate")
    class Deactivation {

        @Test
        @DisplayName("report whether they changed anything")
        void changed() {
            create("alice", "Alice");

            assertThat(directory.users().deactivate("alice")).isTrue();
            assertThat(directory.users().deactivate("alice")).isFalse();
            assertThat(directory.users().get("alice")).isEmpty();
            assertThat(directory.users().reactivate("alice")).isTrue();
            assertThat(directory.users().reactivate("alice")).isFalse();
            assertThat(directory.users().get("alice")).isPresent();
        }

        @Test
        @DisplayName("fail with NotFoundException for a user that does not exist at all")
        void unknown() {
            assertThatThrownBy(() -> directory.users().deactivate("nobody")).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> directory.users().reactivate("nobody")).isInstanceOf(NotFoundException.class);
        }

        @Test
        @DisplayName("a deactivated user cannot be added to groups or own one")
        void deactivatedUsersAreGone() {
            create("alice", "Alice");
            directory
                    .groups()
                    .create(GroupCreate.builder("g", "G", GroupType.PUBLIC).build());
            directory.users().deactivate("alice");

            assertThat(directory
                            .members()
                            .add("g", List.of(MemberSpec.participant("alice")))
                            .failed())
                    .hasSize(1);
            assertThatThrownBy(() -> directory
                            .groups()
                            .create(GroupCreate.withoutId("H", GroupType.PUBLIC)
                                    .ownerId("alice")
                                    .build()))
                    .isInstanceOf(NotFoundException.class);
        }
    }

    @Nested
    @DisplayName("list")
    class Listing {

        @Test
        @DisplayName("lists active users in id order")
        void order() {
            for (String id : List.of("carol", "alice", "bob", "dave")) {
                create(id, id.toUpperCase());
            }
            directory.users().deactivate("bob");

            assertThat(listedIds(UserQuery.all())).containsExactly("alice", "carol", "dave");
        }

        @Test
        @DisplayName("search matches a prefix of the id or the name, ignoring case")
        void search() {
            create("alice", "Wonderland");
            create("bob", "Alistair");
            create("carol", "Carol");
            create("xal", "Xavier");

            assertThat(listedIds(UserQuery.builder().search("AL").build())).containsExactly("alice", "bob");
            assertThat(listedIds(UserQuery.builder().search("won").build())).containsExactly("alice");
        }

        @Test
        @DisplayName("filters by role and by presence")
        void filters() {
            directory.users().create(UserCreate.builder("a", "A").role("admin").build());
            directory
                    .users()
                    .create(UserCreate.builder("b", "B").role("default").build());
            directory.users().create(UserCreate.builder("c", "C").build());
            directory.unwrap(MemoryChatDirectory.class).setPresence("b", PresenceState.ONLINE, null);

            assertThat(listedIds(UserQuery.builder().role("admin").build())).containsExactly("a");
            assertThat(listedIds(
                            UserQuery.builder().presence(PresenceState.ONLINE).build()))
                    .containsExactly("b");
            assertThat(listedIds(
                            UserQuery.builder().presence(PresenceState.OFFLINE).build()))
                    .containsExactly("a", "c");
        }

        @Test
        @DisplayName("includes deactivated users only when asked, marked with the time they were deactivated")
        void includeDeactivated() {
            create("alice", "Alice");
            create("bob", "Bob");
            Instant deactivatedAt = clock.advance(Duration.ofMinutes(5));
            directory.users().deactivate("bob");

            List<User> all = directory.users().stream(
                            UserQuery.builder().includeDeactivated(true).build())
                    .toList();

            assertThat(listedIds(UserQuery.all())).containsExactly("alice");
            assertThat(all).extracting(User::id).containsExactly("alice", "bob");
            assertThat(all.get(0).deactivated()).isFalse();
            assertThat(all.get(0).deactivatedAt()).isEmpty();
            assertThat(all.get(1).deactivated()).isTrue();
            assertThat(all.get(1).deactivatedAt()).contains(deactivatedAt);
            assertThat(all.get(1).name()).isEqualTo("Bob");
            assertThat(directory.users().get("bob"))
                    .as("get still hides a deactivated user")
                    .isEmpty();
        }

        @Test
        @DisplayName("a reactivated user is listed as active again, without a deactivation time")
        void reactivatedIsActive() {
            create("alice", "Alice");
            directory.users().deactivate("alice");
            directory.users().reactivate("alice");

            User listed = directory
                    .users()
                    .list(UserQuery.builder().includeDeactivated(true).build())
                    .items()
                    .get(0);

            assertThat(listed.deactivated()).isFalse();
            assertThat(listed.deactivatedAt()).isEmpty();
            assertThat(directory.users().get("alice").orElseThrow().deactivated())
                    .isFalse();
        }

        @Test
        @DisplayName("a user deleted without USER_HARD_DELETE is listed as deactivated when asked")
        void softDeletedIsListedDeactivated() {
            ChatDirectory soft = MemoryChatDirectory.builder()
                    .capabilities(EnumSet.complementOf(EnumSet.of(Capability.USER_HARD_DELETE)))
                    .clock(clock)
                    .build();
            soft.users().create(UserCreate.builder("alice", "Alice").build());
            soft.users().delete("alice");

            assertThat(soft.users().stream(
                            UserQuery.builder().includeDeactivated(true).build()))
                    .singleElement()
                    .satisfies(u -> assertThat(u.deactivatedAt()).contains(T0));
        }

        @Test
        @DisplayName("refuses to include deactivated users without USER_LIST_DEACTIVATED")
        void includeDeactivatedNeedsCapability() {
            ChatDirectory restricted = MemoryChatDirectory.builder()
                    .capabilities(EnumSet.complementOf(EnumSet.of(Capability.USER_LIST_DEACTIVATED)))
                    .build();

            assertThatThrownBy(() -> restricted
                            .users()
                            .list(UserQuery.builder().includeDeactivated(true).build()))
                    .isInstanceOf(UnsupportedCapabilityException.class)
                    .hasMessageContaining("USER_LIST_DEACTIVATED");
        }

        @Test
        @DisplayName("the default page size is 100")
        void defaultPageSize() {
            for (int i = 0; i < 101; i++) {
                create(String.format("u%03d", i), "U");
            }

            var page = directory.users().list(UserQuery.all());

            assertThat(page.items()).hasSize(100);
            assertThat(page.hasNext()).isTrue();
            assertThat(directory
                            .users()
                            .list(UserQuery.all().withCursor(page.nextCursor().orElseThrow()))
                            .items())
                    .extracting(User::id)
                    .containsExactly("u100");
        }
    }
}
