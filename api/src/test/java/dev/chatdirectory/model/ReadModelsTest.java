package dev.chatdirectory.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Read models (User, Group, Member, Presence, BannedMember)")
class ReadModelsTest {

    @Nested
    @DisplayName("User")
    class Users {

        @Test
        @DisplayName("deep-copies metadata and raw: changing the sources afterwards changes nothing")
        @SuppressWarnings("unchecked")
        void deepCopy() {
            List<Object> tags = new ArrayList<>(List.of("a"));
            Map<String, Object> nested = new HashMap<>(Map.of("k", tags));
            Map<String, Object> metadata = new HashMap<>(Map.of("nested", nested));
            Map<String, Object> raw = new HashMap<>(Map.of("uid", "alice", "tags", tags));

            User user =
                    User.builder("alice", "Alice").metadata(metadata).raw(raw).build();
            tags.add("b");
            nested.put("x", 1);
            metadata.put("late", 1);
            raw.remove("uid");

            assertThat(user.metadata()).isEqualTo(Map.of("nested", Map.of("k", List.of("a"))));
            assertThat(user.raw()).isEqualTo(Map.of("uid", "alice", "tags", List.of("a")));
            assertThatThrownBy(() -> user.raw().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
            Map<String, Object> copiedNested =
                    (Map<String, Object>) user.metadata().get("nested");
            assertThatThrownBy(() -> ((List<Object>) copiedNested.get("k")).add("c"))
                    .isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        @DisplayName("accepts whatever the vendor stored: nulls are dropped, odd values become strings")
        void lenient() {
            Map<String, Object> raw = new LinkedHashMap<>();
            raw.put("gone", null);
            raw.put("when", Instant.EPOCH);

            User user = User.builder("u", "").raw(raw).build();

            assertThat(user.name()).isEmpty();
            assertThat(user.raw()).containsExactly(Map.entry("when", "1970-01-01T00:00:00Z"));
        }

        @Test
        @DisplayName("toBuilder round-trips every field")
        void roundTrip() {
            User user = User.builder("alice", "Alice")
                    .avatarUrl("https://a")
                    .profileUrl("https://p")
                    .email("a@example.com")
                    .role("r")
                    .metadata(Map.of("m", 1))
                    .createdAt(Instant.EPOCH)
                    .updatedAt(Instant.EPOCH.plusSeconds(1))
                    .deactivatedAt(Instant.EPOCH.plusSeconds(2))
                    .raw(Map.of("r", 2))
                    .build();

            assertThat(user.toBuilder().build()).isEqualTo(user);
        }

        @Test
        @DisplayName("is active unless marked deactivated; a deactivation time marks it deactivated")
        void deactivation() {
            Instant at = Instant.parse("2024-03-01T10:15:30Z");

            User active = User.builder("alice", "Alice").build();
            User deactivatedAt =
                    User.builder("alice", "Alice").deactivatedAt(at).build();
            User deactivatedSometime =
                    User.builder("alice", "Alice").deactivated(true).build();

            assertThat(active.deactivated()).isFalse();
            assertThat(active.deactivatedAt()).isEmpty();
            assertThat(deactivatedAt.deactivated()).isTrue();
            assertThat(deactivatedAt.deactivatedAt()).contains(at);
            assertThat(deactivatedSometime.deactivated()).isTrue();
            assertThat(deactivatedSometime.deactivatedAt()).isEmpty();
            assertThat(deactivatedAt.toBuilder().deactivated(false).build())
                    .as("reactivating drops the time")
                    .isEqualTo(active);
        }

        @Test
        @DisplayName("rejects a deactivation time on an active user")
        void deactivationTimeNeedsDeactivated() {
            Instant at = Instant.parse("2024-03-01T10:15:30Z");
            User active = User.builder("alice", "Alice").build();

            assertThatThrownBy(() -> new User(
                            "alice",
                            "Alice",
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            Map.of(),
                            Optional.empty(),
                            Optional.empty(),
                            false,
                            Optional.of(at),
                            Map.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("deactivatedAt");
            assertThat(active.deactivatedAt()).isEmpty();
        }

        @Test
        @DisplayName("requires id and name")
        void required() {
            assertThatThrownBy(() -> User.builder(null, "A").build()).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> User.builder("a", null).build()).isInstanceOf(NullPointerException.class);
        }
    }

    @Nested
    @DisplayName("Group")
    class Groups {

        @Test
        @DisplayName("deep-copies metadata and raw")
        void deepCopy() {
            Map<String, Object> metadata = new HashMap<>(Map.of("a", new ArrayList<>(List.of(1))));
            Group group = Group.builder("g", "G", GroupType.PRIVATE)
                    .metadata(metadata)
                    .build();
            metadata.put("b", 2);

            assertThat(group.metadata()).isEqualTo(Map.of("a", List.of(1)));
            assertThatThrownBy(() -> group.metadata().clear()).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        @DisplayName("toBuilder round-trips every field, the member count included")
        void roundTrip() {
            Group group = Group.builder("g", "G", GroupType.PASSWORD)
                    .description("d")
                    .iconUrl("https://i")
                    .ownerId("o")
                    .metadata(Map.of("m", true))
                    .memberCount(3)
                    .createdAt(Instant.EPOCH)
                    .updatedAt(Instant.EPOCH)
                    .raw(Map.of("x", "y"))
                    .build();

            assertThat(group.toBuilder().build()).isEqualTo(group);
            assertThat(Group.builder("g", "G", GroupType.PUBLIC).build().memberCount())
                    .isEmpty();
        }

        @Test
        @DisplayName("each type names the capability it needs")
        void typeCapabilities() {
            assertThat(GroupType.PUBLIC.capability()).isEqualTo(dev.chatdirectory.Capability.GROUP_TYPE_PUBLIC);
            assertThat(GroupType.PASSWORD.capability()).isEqualTo(dev.chatdirectory.Capability.GROUP_TYPE_PASSWORD);
            assertThat(GroupType.PRIVATE.capability()).isEqualTo(dev.chatdirectory.Capability.GROUP_TYPE_PRIVATE);
        }
    }

    @Nested
    @DisplayName("Member")
    class Members {

        @Test
        @DisplayName("carries the display name when given, and none when built without it")
        void name() {
            Member named = new Member("g", "u", MemberRole.ADMIN, Optional.of(Instant.EPOCH), Optional.of("Zoë"));
            Member unnamed = new Member("g", "u", MemberRole.ADMIN, Optional.of(Instant.EPOCH));

            assertThat(named.name()).contains("Zoë");
            assertThat(unnamed.name()).isEmpty();
            assertThat(unnamed)
                    .isEqualTo(new Member("g", "u", MemberRole.ADMIN, Optional.of(Instant.EPOCH), Optional.empty()));
        }

        @Test
        @DisplayName("rejects nulls, the name included")
        void nulls() {
            assertThatThrownBy(() -> new Member("g", "u", null, Optional.empty()))
                    .isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> new Member("g", "u", MemberRole.PARTICIPANT, Optional.empty(), null))
                    .isInstanceOf(NullPointerException.class)
                    .hasMessageContaining("name");
        }
    }

    @Nested
    @DisplayName("BannedMember")
    class Bans {

        @Test
        @DisplayName("carries the former role and join time when given, and none when built without them")
        void details() {
            Instant joined = Instant.parse("2024-01-01T00:00:00Z");
            Instant banned = Instant.parse("2024-02-01T00:00:00Z");

            BannedMember detailed = new BannedMember(
                    "g", "u", Optional.of(banned), Optional.of(MemberRole.MODERATOR), Optional.of(joined));
            BannedMember plain = new BannedMember("g", "u", Optional.of(banned));

            assertThat(detailed.formerRole()).contains(MemberRole.MODERATOR);
            assertThat(detailed.joinedAt()).contains(joined);
            assertThat(plain.formerRole()).isEmpty();
            assertThat(plain.joinedAt()).isEmpty();
            assertThat(plain)
                    .isEqualTo(new BannedMember("g", "u", Optional.of(banned), Optional.empty(), Optional.empty()));
        }

        @Test
        @DisplayName("rejects nulls, the new fields included")
        void nulls() {
            assertThatThrownBy(() -> new BannedMember("g", null, Optional.empty()))
                    .isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> new BannedMember("g", "u", Optional.empty(), null, Optional.empty()))
                    .isInstanceOf(NullPointerException.class)
                    .hasMessageContaining("formerRole");
            assertThatThrownBy(() -> new BannedMember("g", "u", Optional.empty(), Optional.empty(), null))
                    .isInstanceOf(NullPointerException.class)
                    .hasMessageContaining("joinedAt");
        }
    }

    @Test
    @DisplayName("Presence rejects nulls")
    void smallRecords() {
        assertThatThrownBy(() -> new Presence("u", PresenceState.ONLINE, Optional.empty(), null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    @DisplayName("Presence.isOnline is true only for ONLINE")
    void online() {
        assertThat(new Presence("u", PresenceState.ONLINE, Optional.empty(), Instant.EPOCH).isOnline())
                .isTrue();
        assertThat(new Presence("u", PresenceState.OFFLINE, Optional.empty(), Instant.EPOCH).isOnline())
                .isFalse();
        assertThat(new Presence("u", PresenceState.UNKNOWN, Optional.empty(), Instant.EPOCH).isOnline())
                .isFalse();
    }
}
