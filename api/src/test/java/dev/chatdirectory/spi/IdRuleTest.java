package dev.chatdirectory.spi;

import static dev.chatdirectory.testing.RequestAssertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("IdRule")
class IdRuleTest {

    @Nested
    @DisplayName("any()")
    class Any {

        @ParameterizedTest(name = "accepts \"{0}\"")
        @ValueSource(strings = {"a", "alice", "a b", "alice@example.com", "Zoë_山田", "team:eng/42", "🙂"})
        @DisplayName("accepts any text")
        void accepts(String id) {
            assertThat(IdRule.any().accepts(id)).isTrue();
            assertThat(IdRule.any().check("userId", id)).isEqualTo(id);
        }

        @Test
        @DisplayName("accepts 255 characters and rejects 256")
        void length() {
            assertThat(IdRule.any().accepts("a".repeat(255))).isTrue();
            assertThat(IdRule.any().accepts("a".repeat(256))).isFalse();
        }

        @ParameterizedTest(name = "rejects U+{0}")
        @ValueSource(ints = {0x00, 0x0a, 0x1f, 0x7f, 0x80, 0x85, 0x9f})
        @DisplayName("rejects C0 and C1 control characters, like the request checks")
        void controls(int control) {
            assertThat(IdRule.any().accepts("a" + (char) control + "b")).isFalse();
        }

        @ParameterizedTest(name = "rejects \"{0}\"")
        @ValueSource(strings = {"", " ", "   ", " alice", "alice ", "\u2003alice", "alice\u3000"})
        @DisplayName("rejects blank ids and ids with surrounding whitespace, like the request checks")
        void whitespace(String id) {
            assertThat(IdRule.any().accepts(id)).isFalse();
        }

        @Test
        @DisplayName("rejects null")
        void nullId() {
            assertThat(IdRule.any().accepts(null)).isFalse();
            assertInvalid(() -> IdRule.any().check("groupId", null), "groupId", "must not be null");
        }
    }

    @Nested
    @DisplayName("every rule, whatever its pattern")
    class WireSafe {

        /** Patterns as permissive as AtomChat's (no documented charset) and more. */
        private final List<IdRule> permissive = List.of(
                IdRule.of(".+", 255, "anything"),
                IdRule.of("[^,\\s\\p{Cntrl}](?:[^,\\p{Cntrl}]*[^,\\s\\p{Cntrl}])?", 255, "no commas"),
                IdRule.any());

        @ParameterizedTest(name = "refuses \"{0}\"")
        @ValueSource(strings = {"al\uD800ice", "al\uDC00ice", "alice\uD83D", "al\u0085ice", "al\u009Fice"})
        @DisplayName("refuses unpaired surrogates and C1 controls, naming the rule")
        void refuses(String id) {
            for (IdRule rule : permissive) {
                assertThat(rule.accepts(id)).as("%s accepts", rule).isFalse();
                String expected = id.chars().anyMatch(c -> Character.isSurrogate((char) c))
                        ? "well-formed UTF-16"
                        : "control characters";
                assertInvalid(() -> rule.check("userId", id), "userId", expected);
            }
        }

        @Test
        @DisplayName("refuses U+0000, U+0007 and U+007F even where the pattern matches them")
        void refusesWhatThePatternAllows() {
            IdRule anything = IdRule.of("(?s).+", 255, "anything");
            for (String id : List.of("al\u0000ice", "al\u0007ice", "al\u007Fice", "\n")) {
                assertThat(anything.accepts(id)).as("accepts %s", id).isFalse();
                assertInvalid(() -> anything.check("groupId", id), "groupId", "control characters");
            }
            assertThat(anything.accepts("a🚀b")).isTrue();
        }
    }

    @Nested
    @DisplayName("of()")
    class Custom {

        private final IdRule rule = IdRule.of("[a-z0-9_-]+", 100, "lowercase letters, digits, - and _");

        @Test
        @DisplayName("the whole id must match the pattern")
        void wholeMatch() {
            assertThat(rule.accepts("alice_1")).isTrue();
            assertThat(rule.accepts("Alice")).isFalse();
            assertThat(rule.accepts("alice@x")).isFalse();
            assertThat(rule.accepts("")).isFalse();
        }

        @Test
        @DisplayName("check names the field, the length, the pattern and the description")
        void check() {
            assertInvalid(
                    () -> rule.check("ownerId", "Alice"),
                    "ownerId",
                    "must be 1 to 100 characters matching [a-z0-9_-]+ (lowercase letters, digits, - and _)");
        }

        @Test
        @DisplayName("the length limit applies even when the pattern would match")
        void maxLength() {
            IdRule short3 = IdRule.of("[a-z]+", 3, "letters");

            assertThat(short3.accepts("abc")).isTrue();
            assertThat(short3.accepts("abcd")).isFalse();
        }

        @Test
        @DisplayName("rejects a maximum length below 1 and null parts")
        void invalidRule() {
            assertThatThrownBy(() -> IdRule.of("[a-z]+", 0, "x")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> IdRule.of(null, 1, "x")).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> IdRule.of("[a-z]+", 1, null)).isInstanceOf(NullPointerException.class);
        }

        @Test
        @DisplayName("equality follows pattern, length and description")
        void equality() {
            assertThat(IdRule.of("[a-z]+", 3, "x"))
                    .isEqualTo(IdRule.of("[a-z]+", 3, "x"))
                    .hasSameHashCodeAs(IdRule.of("[a-z]+", 3, "x"))
                    .isNotEqualTo(IdRule.of("[a-z]+", 4, "x"))
                    .hasToString("IdRule[[a-z]+, max 3]");
            assertThat(rule.pattern().pattern()).isEqualTo("[a-z0-9_-]+");
            assertThat(rule.maxLength()).isEqualTo(100);
            assertThat(rule.description()).startsWith("lowercase");
        }
    }
}
