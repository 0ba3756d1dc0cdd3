package dev.chatdirectory.model;

import java.util.Optional;

/**
 * The character rules that keep ids and text unchanged on their way to a vendor and back.
 *
 * <p>Every vendor receives its fields as UTF-8. A string with an unpaired surrogate has no UTF-8
 * form: encoders replace the surrogate with {@code ?} or U+FFFD, so two different ids reach the
 * vendor as the same one and a name comes back altered. Control characters (C0 U+0000 to U+001F,
 * DEL U+007F and C1 U+0080 to U+009F) are cut, kept or refused differently by each vendor. So:
 *
 * <ul>
 *   <li>ids, names, e-mail addresses, passwords, URLs and search text ({@link #brokenRule}) must be
 *       well-formed UTF-16 without any control character;
 *   <li>free text such as a group's description ({@link #brokenRuleOfFreeText}) may also hold tab,
 *       line feed and carriage return, which JSON carries escaped and multi-line text needs; other
 *       control characters are refused there too;
 *   <li>metadata strings and keys need only be well-formed ({@link #isWellFormed}): JSON escapes
 *       every control character and they are opaque data, not display text.
 * </ul>
 *
 * <p>Requests are checked against these rules before anything is sent, and {@link
 * dev.chatdirectory.spi.GuardedChatDirectory} holds the ids in vendor answers to them.
 * Stateless and thread-safe.
 */
public final class TextRules {

    static final String CONTROL_CHARACTERS = "must not contain control characters (U+0000-U+001F, U+007F-U+009F)";
    static final String CONTROL_CHARACTERS_IN_FREE_TEXT =
            "must not contain control characters (U+0000-U+001F, U+007F-U+009F) other than tab, line feed and"
                    + " carriage return";
    static final String UNPAIRED_SURROGATE =
            "must be well-formed UTF-16: an unpaired surrogate has no UTF-8 form and would reach the provider altered";

    private TextRules() {}

    /** Which control characters a kind of text may hold. */
    private enum Controls {
        NONE,
        TAB_AND_LINE_BREAKS,
        ANY
    }

    /**
     * Returns the rule that one-line text (an id, a name, an e-mail address, a password, a URL)
     * breaks: an unpaired surrogate or any control character.
     *
     * @param text the text
     * @return the first broken rule, for people; empty when the text obeys both rules
     * @throws NullPointerException if text is {@code null}
     */
    public static Optional<String> brokenRule(CharSequence text) {
        return Optional.ofNullable(scan(text, Controls.NONE));
    }

    /**
     * Returns the rule that free text (a description) breaks: an unpaired surrogate or a control
     * character other than tab, line feed and carriage return.
     *
     * @param text the text
     * @return the first broken rule, for people; empty when the text obeys both rules
     * @throws NullPointerException if text is {@code null}
     */
    public static Optional<String> brokenRuleOfFreeText(CharSequence text) {
        return Optional.ofNullable(scan(text, Controls.TAB_AND_LINE_BREAKS));
    }

    /**
     * Returns whether the text is well-formed UTF-16: every high surrogate is followed by a low
     * one and every low surrogate preceded by a high one.
     *
     * @param text the text
     * @return whether the text has a UTF-8 form
     * @throws NullPointerException if text is {@code null}
     */
    public static boolean isWellFormed(CharSequence text) {
        return scan(text, Controls.ANY) == null;
    }

    /** One pass over the text; returns the first broken rule or {@code null}. */
    private static String scan(CharSequence text, Controls allowed) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return UNPAIRED_SURROGATE;
            } else if (Character.isISOControl(c)) {
                if (allowed == Controls.NONE) {
                    return CONTROL_CHARACTERS;
                }
                if (allowed == Controls.TAB_AND_LINE_BREAKS && c != '\t' && c != '\n' && c != '\r') {
                    return CONTROL_CHARACTERS_IN_FREE_TEXT;
                }
            }
        }
        return null;
    }
}
