package dev.chatdirectory.spi;

import dev.chatdirectory.InvalidRequestException;
import dev.chatdirectory.model.TextRules;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which ids a provider accepts for users or groups, checked before anything is sent.
 *
 * <p>Whatever its pattern, every rule refuses ids that do not survive the wire: with an unpaired
 * surrogate or a control character (see {@link TextRules#brokenRule}), and, like the request
 * checks, ids that are blank or start or end with whitespace ({@link Character#isWhitespace}). Immutable and thread-safe.
 */
public final class IdRule {

    // The same rule as request ids (see UserCreate): no control characters (\p{Cc}, not the POSIX
    // \p{Cntrl}, which misses U+0080-U+009F), not blank, no whitespace at either end.
    private static final IdRule ANY = new IdRule(
            "[^\\p{javaWhitespace}\\p{Cc}](?:[^\\p{Cc}]*[^\\p{javaWhitespace}\\p{Cc}])?",
            255,
            "any text without control characters or whitespace at either end");

    private final Pattern pattern;
    private final int maxLength;
    private final String description;

    private IdRule(String regex, int maxLength, String description) {
        this.pattern = Pattern.compile(Objects.requireNonNull(regex, "regex"));
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be at least 1");
        }
        this.maxLength = maxLength;
        this.description = Objects.requireNonNull(description, "description");
    }

    /**
     * Returns a rule.
     *
     * @param regex the pattern a whole id must match
     * @param maxLength the longest id, in characters
     * @param description the rule for people, e.g. {@code "lowercase letters, digits, - and _"}
     * @return the rule
     */
    public static IdRule of(String regex, int maxLength, String description) {
        return new IdRule(regex, maxLength, description);
    }

    /**
     * {@return the rule that accepts any id of up to 255 characters without control characters or
     * whitespace at either end}
     */
    public static IdRule any() {
        return ANY;
    }

    /** {@return the pattern a whole id must match} */
    public Pattern pattern() {
        return pattern;
    }

    /** {@return the longest id, in characters} */
    public int maxLength() {
        return maxLength;
    }

    /** {@return the rule for people} */
    public String description() {
        return description;
    }

    /**
     * {@return whether the id satisfies this rule}
     *
     * @param id the id
     */
    public boolean accepts(String id) {
        return id != null
                && !id.isEmpty()
                && id.length() <= maxLength
                && TextRules.brokenRule(id).isEmpty()
                && brokenWhitespaceRule(id) == null
                && pattern.matcher(id).matches();
    }

    /**
     * Checks an id.
     *
     * @param field the request field, e.g. {@code userId}
     * @param id the id
     * @return the id
     * @throws InvalidRequestException naming the field and the rule when the id does not satisfy this
     *     rule, or holds an unpaired surrogate or a control character
     */
    public String check(String field, String id) {
        if (id == null) {
            throw InvalidRequestException.of(field, "must not be null");
        }
        if (id.length() <= maxLength) {
            Optional<String> broken = TextRules.brokenRule(id);
            if (broken.isPresent()) {
                throw InvalidRequestException.of(field, broken.get());
            }
            String whitespace = brokenWhitespaceRule(id);
            if (whitespace != null) {
                throw InvalidRequestException.of(field, whitespace);
            }
        }
        if (!accepts(id)) {
            throw InvalidRequestException.of(
                    field,
                    "must be 1 to " + maxLength + " characters matching " + pattern.pattern() + " (" + description
                            + ")");
        }
        return id;
    }

    /**
     * The request checks' whitespace rule, applied whatever the pattern: a pattern written with
     * {@code \s} (ASCII only) would otherwise let U+3000 or U+2003 through, blank or at an end.
     */
    private static String brokenWhitespaceRule(String id) {
        if (id.isBlank()) {
            return "must not be blank";
        }
        return id.strip().equals(id) ? null : "must not start or end with whitespace";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdRule r
                && pattern.pattern().equals(r.pattern.pattern())
                && maxLength == r.maxLength
                && description.equals(r.description);
    }

    @Override
    public int hashCode() {
        return Objects.hash(pattern.pattern(), maxLength, description);
    }

    @Override
    public String toString() {
        return "IdRule[" + pattern.pattern() + ", max " + maxLength + "]";
    }
}
