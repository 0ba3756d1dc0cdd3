package dev.chatdirectory.model;

import static dev.chatdirectory.testing.RequestAssertions.assertInvalid;
import static dev.chatdirectory.testing.RequestAssertions.assertInvalidField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("GroupCreate")
class GroupCreateTest {

    private static final String SECRET = "S3cr3t-Pa55w0rd!";

    @Nested
    @DisplayName("ids and names")
    class IdsAndNames {

        @Test
        @DisplayName("a group without an id leaves the id to the provider")
        void withoutId() {
            GroupCreate request =
                    GroupCreate.withoutId("Team", GroupType.PUBLIC).build();

            assertThat(request.id()).isEmpty();
            assertThat(request.name()).isEqualTo("Team");
        }

        @ParameterizedTest(name = "\"{0}\" is rejected")
        @ValueSource(strings = {"", "  ", " team", "team ", "te\u0000am"})
        @DisplayName("a client-chosen id follows the id rules")
        void badIds(String id) {
            assertInvalidField(
                    () -> GroupCreate.builder(id, "Team", GroupType.PUBLIC).build(), "groupId");
        }

        @Test
        @DisplayName("builder(null, ...) is an invalid request, not a silent switch to a provider-chosen id")
        void nullClientId() {
            assertInvalid(() -> GroupCreate.builder(null, "Team", GroupType.PUBLIC), "groupId", "withoutId");
        }

        @Test
        @DisplayName("a client-chosen id is at most 255 characters")
        void idTooLong() {
            assertInvalid(
                    () -> GroupCreate.builder("g".repeat(256), "Team", GroupType.PUBLIC)
                            .build(),
                    "groupId",
                    "at most 255");
        }

        @Test
        @DisplayName("the name must not be blank, null or too long")
        void names() {
            assertInvalid(() -> GroupCreate.withoutId(" ", GroupType.PUBLIC).build(), "name", "must not be blank");
            assertInvalid(() -> GroupCreate.withoutId(null, GroupType.PUBLIC).build(), "name", "must not be null");
            assertInvalid(
                    () -> GroupCreate.withoutId("n".repeat(256), GroupType.PUBLIC)
                            .build(),
                    "name",
                    "at most 255");
        }

        @Test
        @DisplayName("the type is required")
        void type() {
            assertInvalid(() -> GroupCreate.withoutId("Team", null).build(), "type", "must not be null");
        }

        @Test
        @DisplayName("the owner id follows the id rules")
        void owner() {
            assertInvalid(
                    () -> GroupCreate.withoutId("Team", GroupType.PUBLIC)
                            .ownerId(" bob")
                            .build(),
                    "ownerId",
                    "whitespace");
            assertInvalid(
                    () -> GroupCreate.withoutId("Team", GroupType.PUBLIC)
                            .ownerId("")
                            .build(),
                    "ownerId",
                    "blank");
        }
    }

    @Nested
    @DisplayName("optional fields")
    class OptionalFields {

        @Test
        @DisplayName("the description may be up to 4000 characters")
        void description() {
            assertThat(GroupCreate.withoutId("Team", GroupType.PUBLIC)
                            .description("d".repeat(4000))
                            .build()
                            .description())
                    .isPresent();
            assertInvalid(
                    () -> GroupCreate.withoutId("Team", GroupType.PUBLIC)
                            .description("d".repeat(4001))
                            .build(),
                    "description",
                    "at most 4000");
        }

        @ParameterizedTest(name = "\"{0}\" is rejected")
        @ValueSource(strings = {"icon.png", "ftp://example.com/i.png", "https://exa mple.com/i.png"})
        @DisplayName("the icon must be an absolute http(s) URL")
        void icon(String url) {
            assertInvalid(
                    () -> GroupCreate.withoutId("Team", GroupType.PUBLIC)
                            .iconUrl(url)
                            .build(),
                    "iconUrl",
                    "absolute http or https URL");
        }

        @Test
        @DisplayName("metadata is validated and deep-copied")
        void metadata() {
            Map<String, Object> source = new HashMap<>(Map.of("a", 1));
            GroupCreate request = GroupCreate.withoutId("Team", GroupType.PUBLIC)
                    .metadata(source)
                    .build();
            source.put("b", 2);

            assertThat(request.metadata()).isEqualTo(Map.of("a", 1));
            assertInvalid(
                    () -> GroupCreate.withoutId("Team", GroupType.PUBLIC)
                            .metadata(Map.of("", 1))
                            .build(),
                    "metadata",
                    "keys must not be blank");
        }
    }

    @Nested
    @DisplayName("passwords")
    class Passwords {

        @Test
        @DisplayName("a PASSWORD group needs a password")
        void required() {
            assertInvalid(
                    () -> GroupCreate.withoutId("Club", GroupType.PASSWORD).build(),
                    "password",
                    "required for PASSWORD groups");
            assertInvalid(
                    () -> GroupCreate.withoutId("Club", GroupType.PASSWORD)
                            .password("")
                            .build(),
                    "password",
                    "required for PASSWORD groups");
        }

        @ParameterizedTest(name = "a {0} group")
        @EnumSource(value = GroupType.class, names = "PASSWORD", mode = EnumSource.Mode.EXCLUDE)
        @DisplayName("other groups must not have a password")
        void onlyForPasswordGroups(GroupType type) {
            assertInvalid(
                    () -> GroupCreate.withoutId("Club", type).password(SECRET).build(),
                    "password",
                    "only allowed for PASSWORD groups");
        }

        @Test
        @DisplayName("a password is at most 100 characters")
        void length() {
            assertThat(GroupCreate.withoutId("Club", GroupType.PASSWORD)
                            .password("p".repeat(100))
                            .build()
                            .password())
                    .isPresent();
            assertInvalid(
                    () -> GroupCreate.withoutId("Club", GroupType.PASSWORD)
                            .password("p".repeat(101))
                            .build(),
                    "password",
                    "at most 100");
        }

        @Test
        @DisplayName("the password never appears in toString()")
        void toStringRedacts() {
            GroupCreate request = GroupCreate.builder("club", "Club", GroupType.PASSWORD)
                    .password(SECRET)
                    .description("desc")
                    .build();

            assertThat(request.toString())
                    .doesNotContain(SECRET)
                    .contains("password=****")
                    .contains("club")
                    .contains("desc");
            assertThat(request.password()).contains(SECRET);
        }

        @Test
        @DisplayName("a rejected password is not echoed in the error")
        void errorDoesNotEcho() {
            String longSecret = SECRET.repeat(10);
            assertThatThrownBy(() -> GroupCreate.withoutId("Club", GroupType.PUBLIC)
                            .password(longSecret)
                            .build())
                    .hasMessageNotContaining(SECRET);
        }
    }
}
