package dev.chatdirectory.spi;

import static dev.chatdirectory.testing.RequestAssertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Regression cases the bad-input fuzzing found: a pattern written with {@code \s} (ASCII
 * whitespace only), like AtomChat's, let ids made of or padded with Unicode whitespace through,
 * while request ids refuse them, so such an id reached the vendor.
 */
@DisplayName("IdRule, whatever its pattern, like the request checks")
class IdRuleWhitespaceTest {

    /** AtomChat's pattern: {@code \s} does not match U+3000, U+2003 or U+2028. */
    private final IdRule asciiWhitespacePattern =
            IdRule.of("[^,\\s\\p{Cntrl}](?:[^,\\p{Cntrl}]*[^,\\s\\p{Cntrl}])?", 255, "any text without commas");

    @ParameterizedTest(name = "refuses \"{0}\" as blank")
    @ValueSource(strings = {"\u3000", "\u2003", "\u2028\u3000"})
    @DisplayName("refuses ids of Unicode whitespace only, as blank")
    void refusesBlank(String id) {
        assertThat(asciiWhitespacePattern.accepts(id)).isFalse();
        assertInvalid(() -> asciiWhitespacePattern.check("groupId", id), "groupId", "must not be blank");
    }

    @ParameterizedTest(name = "refuses \"{0}\" as padded")
    @ValueSource(strings = {"\u30009", "9\u3000", "\u2003alice\u2003"})
    @DisplayName("refuses ids that start or end with Unicode whitespace")
    void refusesPadded(String id) {
        assertThat(asciiWhitespacePattern.accepts(id)).isFalse();
        assertInvalid(
                () -> asciiWhitespacePattern.check("userId", id), "userId", "must not start or end with whitespace");
    }

    @ParameterizedTest(name = "accepts \"{0}\"")
    @ValueSource(strings = {"a\u3000b", "\u00A0alice", "josé/emea"})
    @DisplayName("still accepts inner Unicode whitespace and U+00A0, which strip() keeps")
    void acceptsInner(String id) {
        assertThat(asciiWhitespacePattern.accepts(id)).isTrue();
    }
}
