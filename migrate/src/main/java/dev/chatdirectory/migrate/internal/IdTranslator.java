package dev.chatdirectory.migrate.internal;

import dev.chatdirectory.migrate.EntityKind;
import dev.chatdirectory.migrate.IdMapping;
import dev.chatdirectory.migrate.IdProblem;
import dev.chatdirectory.spi.IdRule;
import java.util.Objects;

/**
 * Gives source ids their target ids: the user's mapping first, then the id itself when the
 * target's rule accepts it, else the default scheme, which is reversible and stays readable.
 *
 * <p>The default scheme writes each code point as itself when the target accepts it, an upper-case
 * letter the target refuses as {@code _} and its lower case, {@code _} as {@code __}, and any other
 * character as {@code _}, its decimal code point and {@code _}: {@code Alice@Example.com} becomes
 * {@code _alice_64__example_46_com} for a target of lowercase letters, digits, {@code -} and {@code
 * _}. {@link #decode} reverses it. Two different source ids can still meet on one target id (an
 * untranslated id equal to another's translation); the planner detects such collisions in the id
 * map. Stateless and thread-safe.
 */
public final class IdTranslator {

    /** How a target id was derived; recorded in the journal's id map. */
    public enum Derivation {
        /** The source id, accepted as is. */
        SAME,
        /** The default scheme. */
        TRANSLATED,
        /** The user's mapping. */
        MAPPED,
        /** Assigned by the target when the entity was created. */
        ASSIGNED
    }

    /**
     * A translation: a target id with how it was derived, or the problem that prevents one.
     *
     * @param targetId the target id, or {@code null} with a problem
     * @param derivation how it was derived, or {@code null} with a problem
     * @param problem what is wrong, or {@code null}
     * @param detail for people, with a problem
     */
    public record Result(String targetId, Derivation derivation, IdProblem.Kind problem, String detail) {
        /** {@return whether there is a target id} */
        public boolean ok() {
            return problem == null;
        }
    }

    private final IdMapping mapping;

    /**
     * Creates a translator.
     *
     * @param mapping the user's mapping, which takes precedence
     */
    public IdTranslator(IdMapping mapping) {
        this.mapping = Objects.requireNonNull(mapping, "mapping");
    }

    /**
     * Translates a source id for a target rule.
     *
     * @param entity {@link EntityKind#USER} or {@link EntityKind#GROUP}
     * @param sourceId the source id
     * @param rule the target's rule for such ids
     * @return the translation or its problem
     */
    public Result translate(EntityKind entity, String sourceId, IdRule rule) {
        var mapped = mapping.targetId(entity, sourceId);
        if (mapped.isPresent()) {
            String id = mapped.get();
            return rule.accepts(id)
                    ? new Result(id, Derivation.MAPPED, null, null)
                    : new Result(
                            null,
                            null,
                            IdProblem.Kind.REJECTED,
                            "mapped id '" + id + "' breaks the target rule: " + rule.description());
        }
        if (rule.accepts(sourceId)) {
            return new Result(sourceId, Derivation.SAME, null, null);
        }
        String encoded = encode(sourceId, rule);
        if (encoded == null || (encoded.length() <= rule.maxLength() && !rule.accepts(encoded))) {
            return new Result(
                    null,
                    null,
                    IdProblem.Kind.REJECTED,
                    "the target rule (" + rule.description() + ") rejects it and the default translation too");
        }
        if (encoded.length() > rule.maxLength()) {
            return new Result(
                    null,
                    null,
                    IdProblem.Kind.TOO_LONG,
                    "'" + encoded + "' has " + encoded.length() + " characters, the target allows " + rule.maxLength());
        }
        return new Result(encoded, Derivation.TRANSLATED, null, null);
    }

    /**
     * Encodes an id with the default scheme.
     *
     * @param id the source id
     * @param rule the target rule
     * @return the encoded id, or {@code null} when the rule refuses the escape character {@code _}
     */
    static String encode(String id, IdRule rule) {
        if (!acceptsChar(rule, '_')) {
            return null;
        }
        StringBuilder sb = new StringBuilder(id.length() + 8);
        id.codePoints().forEach(cp -> {
            if (cp == '_') {
                sb.append("__");
            } else if (acceptsChar(rule, cp)) {
                sb.appendCodePoint(cp);
            } else if (Character.isUpperCase(cp)
                    && Character.isLetter(Character.toLowerCase(cp))
                    && Character.toUpperCase(Character.toLowerCase(cp)) == cp
                    && acceptsChar(rule, Character.toLowerCase(cp))) {
                sb.append('_').appendCodePoint(Character.toLowerCase(cp));
            } else {
                sb.append('_').append(cp).append('_');
            }
        });
        return sb.toString();
    }

    /**
     * Reverses {@link #encode}.
     *
     * @param encoded an id the default scheme produced
     * @return the source id
     * @throws IllegalArgumentException if the text is not an encoded id
     */
    public static String decode(String encoded) {
        StringBuilder sb = new StringBuilder(encoded.length());
        int i = 0;
        while (i < encoded.length()) {
            int cp = encoded.codePointAt(i);
            i += Character.charCount(cp);
            if (cp != '_') {
                sb.appendCodePoint(cp);
                continue;
            }
            if (i >= encoded.length()) {
                throw new IllegalArgumentException("dangling escape in '" + encoded + "'");
            }
            int next = encoded.codePointAt(i);
            if (next == '_') {
                sb.append('_');
                i++;
            } else if (Character.isDigit(next)) {
                int end = encoded.indexOf('_', i);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated code point in '" + encoded + "'");
                }
                sb.appendCodePoint(Integer.parseInt(encoded.substring(i, end)));
                i = end + 1;
            } else {
                sb.appendCodePoint(Character.toUpperCase(next));
                i += Character.charCount(next);
            }
        }
        return sb.toString();
    }

    private static boolean acceptsChar(IdRule rule, int cp) {
        return rule.pattern().matcher(new String(Character.toChars(cp))).matches();
    }
}
