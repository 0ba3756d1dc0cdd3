package dev.chatdirectory.model;

import static dev.chatdirectory.testing.RequestAssertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chatdirectory.InvalidRequestException;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The adversarial values that reached vendors altered: each text field of each request refuses
 * them, naming the field and the rule.
 */
@DisplayName("Text fields of requests refuse what does not survive the wire")
class WireTextTest {

    /** Unpaired high and low surrogates, NUL, BEL, DEL and NEL (a C1 control), inside a value. */
    static final List<String> ADVERSARIAL = List.of("\uD800", "\uDC00", "\u0000", "\u0007", "\u007F", "\u0085");

    private static String rule(String bad) {
        return Character.isSurrogate(bad.charAt(0)) ? "well-formed UTF-16" : "control characters";
    }

    private static Arguments field(String field, Function<String, Object> build) {
        return Arguments.of(field, build);
    }

    /** Every text field of every request, each with a builder that puts the value inside it. */
    static Stream<Arguments> fields() {
        return Stream.of(
                field(
                        "userId",
                        v -> UserCreate.builder("al" + v + "ice", "Alice").build()),
                field("name", v -> UserCreate.builder("alice", "Al" + v + "ice").build()),
                field(
                        "email",
                        v -> UserCreate.builder("alice", "Alice")
                                .email("a" + v + "@b.c")
                                .build()),
                field(
                        "avatarUrl",
                        v -> UserCreate.builder("alice", "Alice")
                                .avatarUrl("https://cdn.example.com/a" + v + ".png")
                                .build()),
                field(
                        "profileUrl",
                        v -> UserCreate.builder("alice", "Alice")
                                .profileUrl("https://example.com/~a" + v)
                                .build()),
                field("name", v -> UserUpdate.builder().name("Al" + v + "ice").build()),
                field("email", v -> UserUpdate.builder().email("a" + v + "@b.c").build()),
                field(
                        "groupId",
                        v -> GroupCreate.builder("g" + v + "1", "Team", GroupType.PUBLIC)
                                .build()),
                field(
                        "name",
                        v -> GroupCreate.withoutId("Te" + v + "am", GroupType.PUBLIC)
                                .build()),
                field(
                        "ownerId",
                        v -> GroupCreate.withoutId("Team", GroupType.PUBLIC)
                                .ownerId("al" + v + "ice")
                                .build()),
                field(
                        "password",
                        v -> GroupCreate.withoutId("Vault", GroupType.PASSWORD)
                                .password("pa" + v + "ss")
                                .build()),
                field(
                        "description",
                        v -> GroupCreate.withoutId("Team", GroupType.PUBLIC)
                                .description("about" + v + "us")
                                .build()),
                field("name", v -> GroupUpdate.builder().name("Te" + v + "am").build()),
                field(
                        "password",
                        v -> GroupUpdate.builder().password("pa" + v + "ss").build()),
                field(
                        "description",
                        v -> GroupUpdate.builder()
                                .description("about" + v + "us")
                                .build()),
                field(
                        "iconUrl",
                        v -> GroupUpdate.builder()
                                .iconUrl("https://cdn.example.com/i" + v + ".png")
                                .build()),
                field("userId", v -> MemberSpec.participant("al" + v + "ice")),
                field("search", v -> UserQuery.builder().search("al" + v).build()),
                field("search", v -> GroupQuery.builder().search("te" + v).build()));
    }

    static Stream<Arguments> fieldsAndValues() {
        return fields().flatMap(f -> ADVERSARIAL.stream().map(bad -> Arguments.of(f.get()[0], f.get()[1], bad)));
    }

    @ParameterizedTest(name = "{0} holding U+{2}")
    @MethodSource("fieldsAndValues")
    @DisplayName("unpaired surrogates, NUL, BEL, DEL and NEL are refused in every id, name, address and text")
    void refused(String field, Function<String, Object> build, String bad) {
        assertInvalid(() -> build.apply(bad), field, rule(bad));
    }

    @Test
    @DisplayName("an e-mail address with NUL or BEL is refused as it stands")
    void emailWithNul() {
        assertInvalid(
                () -> UserCreate.builder("alice", "Alice").email("a\u0000@b.c").build(), "email", "control characters");
        assertInvalid(
                () -> UserCreate.builder("alice", "Alice").email("a\u0007@b.c").build(), "email", "control characters");
    }

    @Test
    @DisplayName("a rejected password is not echoed, whatever rule it broke")
    void passwordNotEchoed() {
        InvalidRequestException e = assertInvalid(
                () -> GroupCreate.withoutId("Vault", GroupType.PASSWORD)
                        .password("s3cret\u0007")
                        .build(),
                "password",
                "control characters");
        assertThat(e.getMessage()).doesNotContain("s3cret");
    }

    @Nested
    @DisplayName("names")
    class Names {

        @ParameterizedTest(name = "\"{0}\" is refused")
        @ValueSource(strings = {" Alice", "Alice ", "Alice\u2003", "\u3000山田"})
        @DisplayName("must not start or end with whitespace, which CometChat trims")
        void padded(String name) {
            assertInvalid(() -> UserCreate.builder("alice", name).build(), "name", "whitespace");
            assertInvalid(() -> GroupUpdate.builder().name(name).build(), "name", "whitespace");
        }

        @Test
        @DisplayName("may hold inner spaces and surrogate pairs")
        void inner() {
            assertThat(UserCreate.builder("alice", "Ana 🚀 Lima").build().name())
                    .isEqualTo("Ana 🚀 Lima");
        }
    }

    @Nested
    @DisplayName("descriptions (free text)")
    class Descriptions {

        @Test
        @DisplayName("may hold tab, line feed and carriage return")
        void lineBreaks() {
            String text = "Line one\r\nLine two\n\tindented";

            assertThat(GroupCreate.withoutId("Team", GroupType.PUBLIC)
                            .description(text)
                            .build()
                            .description())
                    .contains(text);
            assertThat(GroupUpdate.builder().description(text).build().description())
                    .isEqualTo(Patch.set(text));
        }

        @Test
        @DisplayName("refuse vertical tab and form feed, which no vendor documents")
        void otherWhitespaceControls() {
            assertInvalid(
                    () -> GroupCreate.withoutId("Team", GroupType.PUBLIC)
                            .description("a\u000Bb\u000Cc")
                            .build(),
                    "description",
                    "other than tab, line feed and carriage return");
        }
    }
}
