package dev.chatdirectory.model;

import static dev.chatdirectory.testing.RequestAssertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("GroupUpdate")
class GroupUpdateTest {

    private static final String SECRET = "S3cr3t-Pa55w0rd!";

    private static final Group STORED = Group.builder("team", "Team", GroupType.PUBLIC)
            .description("the team")
            .iconUrl("https://example.com/i.png")
            .ownerId("alice")
            .metadata(Map.of("floor", 3))
            .memberCount(7)
            .createdAt(Instant.parse("2024-01-01T00:00:00Z"))
            .updatedAt(Instant.parse("2024-01-02T00:00:00Z"))
            .raw(Map.of("guid", "team"))
            .build();

    @Nested
    @DisplayName("construction")
    class Construction {

        @Test
        @DisplayName("rejects an update that changes nothing")
        void empty() {
            assertInvalid(() -> GroupUpdate.builder().build(), "update", "at least one field");
        }

        @Test
        @DisplayName("rejects clearing the name")
        void clearName() {
            assertInvalid(
                    () -> new GroupUpdate(
                            Patch.clear(),
                            Optional.empty(),
                            Optional.empty(),
                            Patch.unchanged(),
                            Patch.unchanged(),
                            Patch.unchanged()),
                    "name",
                    "must not be cleared");
        }

        @Test
        @DisplayName("rejects null parts, naming them")
        void nulls() {
            assertInvalid(
                    () -> new GroupUpdate(
                            Patch.set("x"),
                            null,
                            Optional.empty(),
                            Patch.unchanged(),
                            Patch.unchanged(),
                            Patch.unchanged()),
                    "type",
                    "must not be null");
        }

        @Test
        @DisplayName("validates what it sets")
        void validates() {
            assertInvalid(() -> GroupUpdate.builder().name("").build(), "name", "blank");
            assertInvalid(
                    () -> GroupUpdate.builder().description("d".repeat(4001)).build(), "description", "4000");
            assertInvalid(() -> GroupUpdate.builder().iconUrl("ftp://x.org/i").build(), "iconUrl", "absolute");
            assertInvalid(
                    () -> GroupUpdate.builder().metadata(Map.of(" ", 1)).build(), "metadata", "keys must not be blank");
        }
    }

    @Nested
    @DisplayName("password rules")
    class Passwords {

        @Test
        @DisplayName("changing the type to PASSWORD needs a password")
        void toPasswordNeedsOne() {
            assertInvalid(() -> GroupUpdate.builder().type(GroupType.PASSWORD).build(), "password", "required");
            assertThat(GroupUpdate.builder()
                            .type(GroupType.PASSWORD)
                            .password(SECRET)
                            .build()
                            .password())
                    .contains(SECRET);
        }

        @ParameterizedTest(name = "changing the type to {0}")
        @EnumSource(value = GroupType.class, names = "PASSWORD", mode = EnumSource.Mode.EXCLUDE)
        @DisplayName("changing the type to another type must not carry a password")
        void otherTypesRejectPassword(GroupType type) {
            assertInvalid(
                    () -> GroupUpdate.builder().type(type).password(SECRET).build(),
                    "password",
                    "only allowed for PASSWORD groups");
        }

        @Test
        @DisplayName("a password alone (a password change) is accepted but must not be empty")
        void passwordAlone() {
            GroupUpdate update = GroupUpdate.builder().password(SECRET).build();

            assertThat(update.type()).isEmpty();
            assertThat(update.password()).contains(SECRET);
            assertInvalid(() -> GroupUpdate.builder().password("").build(), "password", "must not be empty");
        }

        @Test
        @DisplayName("a password is at most 100 characters, with or without a type change")
        void length() {
            assertInvalid(
                    () -> GroupUpdate.builder()
                            .type(GroupType.PASSWORD)
                            .password("p".repeat(101))
                            .build(),
                    "password",
                    "at most 100");
            assertInvalid(() -> GroupUpdate.builder().password("p".repeat(101)).build(), "password", "at most 100");
        }

        @Test
        @DisplayName("the password never appears in toString()")
        void toStringRedacts() {
            GroupUpdate update = GroupUpdate.builder()
                    .type(GroupType.PASSWORD)
                    .password(SECRET)
                    .name("Club")
                    .build();

            assertThat(update.toString())
                    .doesNotContain(SECRET)
                    .contains("password=****")
                    .contains("Club");
            assertThat(GroupUpdate.builder().name("Club").build().toString()).contains("password=unchanged");
        }
    }

    @Nested
    @DisplayName("applyTo")
    class ApplyTo {

        @Test
        @DisplayName("changes the name and type that are set and keeps the rest")
        void setFields() {
            Group updated = GroupUpdate.builder()
                    .name("Team 2")
                    .type(GroupType.PRIVATE)
                    .build()
                    .applyTo(STORED);

            assertThat(updated)
                    .isEqualTo(STORED.toBuilder()
                            .name("Team 2")
                            .type(GroupType.PRIVATE)
                            .build());
        }

        @Test
        @DisplayName("clears description, icon and metadata")
        void clears() {
            Group updated = GroupUpdate.builder()
                    .clearDescription()
                    .clearIconUrl()
                    .clearMetadata()
                    .build()
                    .applyTo(STORED);

            assertThat(updated.description()).isEmpty();
            assertThat(updated.iconUrl()).isEmpty();
            assertThat(updated.metadata()).isEmpty();
            assertThat(updated.name()).isEqualTo("Team");
        }

        @Test
        @DisplayName("keeps id, owner, member count, timestamps and raw payload")
        void keepsIdentity() {
            Group updated =
                    GroupUpdate.builder().metadata(Map.of("floor", 4)).build().applyTo(STORED);

            assertThat(updated.metadata()).isEqualTo(Map.of("floor", 4));
            assertThat(updated.id()).isEqualTo("team");
            assertThat(updated.ownerId()).contains("alice");
            assertThat(updated.memberCount()).isEqualTo(OptionalInt.of(7));
            assertThat(updated.createdAt()).isEqualTo(STORED.createdAt());
            assertThat(updated.updatedAt()).isEqualTo(STORED.updatedAt());
            assertThat(updated.raw()).isEqualTo(STORED.raw());
        }
    }
}
