package dev.chatdirectory.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("TextRules")
class TextRulesTest {

    @Nested
    @DisplayName("one-line text (ids, names, e-mail addresses, passwords, URLs)")
    class OneLine {

        @ParameterizedTest(name = "U+{0} is refused")
        @ValueSource(ints = {0x00, 0x07, 0x09, 0x0a, 0x0d, 0x1f, 0x7f, 0x80, 0x85, 0x9f})
        @DisplayName("refuses every C0 control, DEL and every C1 control, tab and line breaks included")
        void controls(int control) {
            assertThat(TextRules.brokenRule("a" + (char) control + "b")).contains(TextRules.CONTROL_CHARACTERS);
        }

        @ParameterizedTest(name = "\"{0}\" is refused")
        @ValueSource(strings = {"a\uD800b", "a\uDC00b", "\uD83D", "end\uD83D", "\uDE00start", "\uDE00\uD83D"})
        @DisplayName("refuses unpaired high and low surrogates, and a pair in the wrong order")
        void unpairedSurrogates(String text) {
            assertThat(TextRules.brokenRule(text)).contains(TextRules.UNPAIRED_SURROGATE);
        }

        @ParameterizedTest(name = "\"{0}\" is accepted")
        @ValueSource(
                strings = {"", "alice", "Zoë 山田", "🙂", "a🚀b", "👩‍👩‍👧", "\u00a0nbsp\u00a0", "\u2028", "\ufeff"})
        @DisplayName("accepts any other text, surrogate pairs and non-control format characters included")
        void accepts(String text) {
            assertThat(TextRules.brokenRule(text)).isEmpty();
        }

        @Test
        @DisplayName("reports the first broken rule")
        void firstRule() {
            assertThat(TextRules.brokenRule("\uD800\u0000")).contains(TextRules.UNPAIRED_SURROGATE);
            assertThat(TextRules.brokenRule("\u0000\uD800")).contains(TextRules.CONTROL_CHARACTERS);
        }
    }

    @Nested
    @DisplayName("free text (descriptions)")
    class FreeText {

        @Test
        @DisplayName("allows tab, line feed and carriage return")
        void lineBreaks() {
            assertThat(TextRules.brokenRuleOfFreeText("line one\r\nline two\tindented"))
                    .isEmpty();
        }

        @ParameterizedTest(name = "U+{0} is refused")
        @ValueSource(ints = {0x00, 0x07, 0x0b, 0x0c, 0x1b, 0x7f, 0x85, 0x9f})
        @DisplayName("refuses the other control characters")
        void otherControls(int control) {
            assertThat(TextRules.brokenRuleOfFreeText("a" + (char) control + "b"))
                    .contains(TextRules.CONTROL_CHARACTERS_IN_FREE_TEXT);
        }

        @Test
        @DisplayName("refuses unpaired surrogates")
        void surrogates() {
            assertThat(TextRules.brokenRuleOfFreeText("a\uD800\nb")).contains(TextRules.UNPAIRED_SURROGATE);
        }
    }

    @Test
    @DisplayName("isWellFormed looks at surrogates only")
    void wellFormed() {
        assertThat(TextRules.isWellFormed("a\u0000\u0085🙂")).isTrue();
        assertThat(TextRules.isWellFormed("a\uD800")).isFalse();
        assertThat(TextRules.isWellFormed("\uDC00a")).isFalse();
    }
}
