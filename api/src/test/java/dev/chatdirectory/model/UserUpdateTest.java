package dev.chatdirectory.model;

import static dev.chatdirectory.testing.RequestAssertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("UserUpdate")
class UserUpdateTest {

    private static final User STORED = User.builder("alice", "Alice")
            .avatarUrl("https://example.com/a.png")
            .profileUrl("https://example.com/alice")
            .email("alice@example.com")
            .role("default")
            .metadata(Map.of("team", "blue"))
            .createdAt(Instant.parse("2024-01-01T00:00:00Z"))
            .updatedAt(Instant.parse("2024-01-02T00:00:00Z"))
            .raw(Map.of("uid", "alice"))
            .build();

    @Nested
    @DisplayName("construction")
    class Construction {

        @Test
        @DisplayName("rejects an update that neither sets nor clears anything")
        void empty() {
            assertInvalid(() -> UserUpdate.builder().build(), "update", "at least one field");
        }

        @Test
        @DisplayName("rejects clearing the name: every user has one")
        void clearName() {
            assertInvalid(
                    () -> new UserUpdate(
                            Patch.clear(),
                            Patch.unchanged(),
                            Patch.unchanged(),
                            Patch.unchanged(),
                            Patch.unchanged(),
                            Patch.unchanged()),
                    "name",
                    "must not be cleared");
        }

        @Test
        @DisplayName("rejects null patches, naming the field")
        void nullPatch() {
            assertInvalid(
                    () -> new UserUpdate(
                            Patch.set("A"),
                            null,
                            Patch.unchanged(),
                            Patch.unchanged(),
                            Patch.unchanged(),
                            Patch.unchanged()),
                    "avatarUrl",
                    "must not be null");
        }

        @Test
        @DisplayName("rejects setting a field to null in the builder and points to clearing instead")
        void setNull() {
            assertInvalid(() -> UserUpdate.builder().email(null), "email", "clear the field instead");
            assertInvalid(() -> UserUpdate.builder().metadata(null), "metadata", "must not be null");
        }

        @Test
        @DisplayName("validates every value it sets, like UserCreate")
        void validatesValues() {
            assertInvalid(() -> UserUpdate.builder().name(" ").build(), "name", "must not be blank");
            assertInvalid(() -> UserUpdate.builder().name("n".repeat(256)).build(), "name", "at most 255");
            assertInvalid(() -> UserUpdate.builder().avatarUrl("/a.png").build(), "avatarUrl", "absolute");
            assertInvalid(() -> UserUpdate.builder().profileUrl("ftp://x.org").build(), "profileUrl", "absolute");
            assertInvalid(() -> UserUpdate.builder().email("nope").build(), "email", "e-mail");
            assertInvalid(() -> UserUpdate.builder().role("a b").build(), "role", "must match");
            assertInvalid(
                    () -> UserUpdate.builder().metadata(Map.of("x", Double.NaN)).build(), "metadata.x", "finite");
        }

        @Test
        @DisplayName("accepts clearing every optional field")
        void clearsAccepted() {
            UserUpdate update = UserUpdate.builder()
                    .clearAvatarUrl()
                    .clearProfileUrl()
                    .clearEmail()
                    .clearRole()
                    .clearMetadata()
                    .build();

            assertThat(update.avatarUrl().isClear()).isTrue();
            assertThat(update.profileUrl().isClear()).isTrue();
            assertThat(update.email().isClear()).isTrue();
            assertThat(update.role().isClear()).isTrue();
            assertThat(update.metadata().isClear()).isTrue();
            assertThat(update.name().isUnchanged()).isTrue();
        }

        @Test
        @DisplayName("deep-copies the metadata it sets")
        void metadataCopied() {
            Map<String, Object> source = new HashMap<>(Map.of("a", 1));
            UserUpdate update = UserUpdate.builder().metadata(source).build();
            source.put("b", 2);

            assertThat(update.metadata().value()).isEqualTo(Map.of("a", 1));
            assertThatThrownBy(() -> update.metadata().value().put("c", 3))
                    .isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        @DisplayName("a later setter call replaces an earlier clear, and vice versa")
        void lastCallWins() {
            assertThat(UserUpdate.builder()
                            .clearEmail()
                            .email("a@example.com")
                            .build()
                            .email())
                    .isEqualTo(Patch.set("a@example.com"));
            assertThat(UserUpdate.builder()
                            .email("a@example.com")
                            .clearEmail()
                            .build()
                            .email())
                    .isEqualTo(Patch.clear());
        }
    }

    @Nested
    @DisplayName("applyTo")
    class ApplyTo {

        @Test
        @DisplayName("changes only the fields that are set")
        void setFields() {
            User updated = UserUpdate.builder()
                    .name("Alice L.")
                    .email("al@example.com")
                    .build()
                    .applyTo(STORED);

            assertThat(updated)
                    .isEqualTo(STORED.toBuilder()
                            .name("Alice L.")
                            .email("al@example.com")
                            .build());
        }

        @Test
        @DisplayName("removes the fields that are cleared and keeps the others")
        void clearedFields() {
            User updated = UserUpdate.builder()
                    .clearAvatarUrl()
                    .clearRole()
                    .clearMetadata()
                    .build()
                    .applyTo(STORED);

            assertThat(updated.avatarUrl()).isEmpty();
            assertThat(updated.role()).isEmpty();
            assertThat(updated.metadata()).isEmpty();
            assertThat(updated.profileUrl()).isEqualTo(STORED.profileUrl());
            assertThat(updated.email()).isEqualTo(STORED.email());
            assertThat(updated.name()).isEqualTo("Alice");
        }

        @Test
        @DisplayName("replaces the whole metadata map rather than merging it")
        void metadataReplaced() {
            Map<String, Object> replacement = new LinkedHashMap<>();
            replacement.put("level", 3);

            User updated = UserUpdate.builder().metadata(replacement).build().applyTo(STORED);

            assertThat(updated.metadata()).containsExactly(Map.entry("level", 3));
        }

        @Test
        @DisplayName("keeps the id, the timestamps and the raw payload")
        void keepsIdentity() {
            User updated = UserUpdate.builder().name("X").build().applyTo(STORED);

            assertThat(updated.id()).isEqualTo("alice");
            assertThat(updated.createdAt()).isEqualTo(STORED.createdAt());
            assertThat(updated.updatedAt()).isEqualTo(STORED.updatedAt());
            assertThat(updated.raw()).isEqualTo(STORED.raw());
        }

        @Test
        @DisplayName("keeps the deactivation state and time")
        void keepsDeactivation() {
            Instant at = Instant.parse("2024-02-01T00:00:00Z");
            User deactivated = STORED.toBuilder().deactivatedAt(at).build();

            User updated = UserUpdate.builder().name("X").build().applyTo(deactivated);

            assertThat(updated.deactivated()).isTrue();
            assertThat(updated.deactivatedAt()).contains(at);
        }
    }
}
