package dev.chatdirectory.model;

import dev.chatdirectory.InvalidRequestException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Copies and checks JSON-like values: the {@code metadata} and raw vendor payloads carried by the
 * models.
 *
 * <p>A JSON-like value is a {@link String}, a finite number of an immutable JDK type ({@link
 * Integer}, {@link Long}, {@link Short}, {@link Byte}, {@link Double}, {@link Float}, {@link
 * BigInteger} or {@link BigDecimal}), a {@link Boolean}, a {@link List} of JSON-like values or a {@link Map} from non-blank strings to JSON-like values. Copies are
 * deep and unmodifiable, keep insertion order, and contain no {@code null}. Stateless and
 * thread-safe.
 */
public final class JsonValues {

    /**
     * Deepest nesting accepted in metadata, counting the metadata map itself as the first level
     * and every nested map or list as one more (as JSON parsers count nesting depth).
     */
    public static final int MAX_DEPTH = 16;

    /** Largest serialized metadata size accepted before any provider limit, in bytes. */
    public static final int MAX_METADATA_BYTES = 64 * 1024;

    private JsonValues() {}

    /**
     * Validates and deep-copies metadata sent in a request.
     *
     * <p>The limits are checked while walking: the walk stops at the first value beyond {@link
     * #MAX_DEPTH} or past {@link #MAX_METADATA_BYTES} of JSON, so an oversized map costs no more
     * than the part that fits, whatever its total size.
     *
     * @param field the request field, for error messages
     * @param metadata the metadata, {@code null} meaning empty
     * @return an unmodifiable deep copy
     * @throws InvalidRequestException if a key is blank, a key or string is not well-formed UTF-16
     *     (see {@link TextRules#isWellFormed}), a value is {@code null} or not JSON-like, nesting is
     *     deeper than {@link #MAX_DEPTH} or the JSON form exceeds {@link #MAX_METADATA_BYTES}
     */
    public static Map<String, Object> strictCopy(String field, Map<String, ?> metadata) {
        if (metadata == null) {
            return Map.of();
        }
        return new Copier(field, true).map(metadata, null, 0);
    }

    /**
     * Deep-copies a vendor payload, dropping {@code null} values and blank keys and turning keys
     * and values that are not JSON-like into strings; never throws for content.
     *
     * @param payload the payload, {@code null} meaning empty
     * @return an unmodifiable deep copy
     */
    public static Map<String, Object> lenientCopy(Map<String, ?> payload) {
        return payload == null ? Map.of() : new Copier("raw", false).map(payload, null, 0);
    }

    /**
     * Renders a JSON-like value as compact JSON text.
     *
     * @param value a JSON-like value
     * @return the JSON text
     */
    public static String toJson(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value);
        return sb.toString();
    }

    /**
     * Compares two JSON-like values as JSON sees them: numbers by value whatever their Java type
     * ({@code 1}, {@code 1L}, {@code 1.0} and {@code new BigDecimal("1.00")} are equal), maps by
     * their entries regardless of order, lists element by element in order, at every depth.
     *
     * <p>A number is never equal to a string or a boolean. A non-finite {@code double} or {@code
     * float} equals its string form ({@code "NaN"}), because that is what {@link #lenientCopy}
     * stores for it.
     *
     * @param a a JSON-like value, or {@code null}
     * @param b a JSON-like value, or {@code null}
     * @return whether the two are equal as JSON
     */
    public static boolean jsonEquals(Object a, Object b) {
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : x.entrySet()) {
                if (!y.containsKey(e.getKey()) || !jsonEquals(e.getValue(), y.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            Iterator<?> i = x.iterator();
            Iterator<?> j = y.iterator();
            while (i.hasNext()) {
                if (!jsonEquals(i.next(), j.next())) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(canonicalScalar(a), canonicalScalar(b));
    }

    /**
     * Returns a JSON scalar in the form {@link #jsonEquals} compares: a number as its canonical
     * {@link BigDecimal} (its decimal value without trailing zeros, whatever its Java type; a
     * non-finite {@code double} as its string form), anything else unchanged. Two scalars are
     * equal as JSON exactly when their canonical forms are {@code equals}.
     *
     * @param value a JSON scalar, or {@code null}
     * @return its canonical form
     */
    public static Object canonicalScalar(Object value) {
        if (!(value instanceof Number n)) {
            return value;
        }
        if (n instanceof BigDecimal d) {
            return d.stripTrailingZeros();
        }
        if (n instanceof BigInteger i) {
            return new BigDecimal(i).stripTrailingZeros();
        }
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            return BigDecimal.valueOf(n.longValue()).stripTrailingZeros();
        }
        try {
            // The decimal string of a double or float is the shortest that reads back as the same
            // value, so 0.1 compares equal to BigDecimal("0.1"), not to its binary expansion.
            return new BigDecimal(n.toString()).stripTrailingZeros();
        } catch (NumberFormatException e) {
            return n.toString();
        }
    }

    /**
     * Where a value sits below the copied map: a key ({@code index < 0}) or a list index. Only
     * error messages render it, so a copy that succeeds builds no path strings.
     */
    private record Path(Path parent, String key, int index) {

        String render(String root) {
            StringBuilder sb = new StringBuilder();
            for (Path p = this; p != null; p = p.parent) {
                sb.insert(0, p.index < 0 ? "." + p.key : "[" + p.index + "]");
            }
            return sb.insert(0, root).toString();
        }
    }

    /**
     * One deep copy. When strict it counts the bytes of the JSON that {@link #toJson} writes for
     * the copy so far, and refuses the first value that does not fit.
     */
    private static final class Copier {
        // A little under log10(2): a number of n bits has more than n * log10(2) - 1 decimal digits.
        private static final double DIGITS_PER_BIT = 0.301;

        private final String field;
        private final boolean strict;
        private long remaining = MAX_METADATA_BYTES;

        Copier(String field, boolean strict) {
            this.field = field;
            this.strict = strict;
        }

        private String at(Path path) {
            return path == null ? field : path.render(field);
        }

        Map<String, Object> map(Map<?, ?> source, Path path, int depth) {
            checkDepth(path, depth);
            charge(2);
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : source.entrySet()) {
                // Callers may pass raw maps: a key is not necessarily a String, whatever the signature says.
                Object rawKey = e.getKey();
                if (rawKey != null && !(rawKey instanceof String)) {
                    if (strict) {
                        throw InvalidRequestException.of(at(path), "keys must be strings");
                    }
                    rawKey = rawKey.toString();
                }
                String key = (String) rawKey;
                if (strict) {
                    // the colon, and a comma before every entry but the first
                    charge(out.isEmpty() ? 1 : 2);
                    if (key != null) {
                        chargeString(key, path, "keys ");
                    }
                }
                if (key == null || key.isBlank()) {
                    if (strict) {
                        throw InvalidRequestException.of(at(path), "keys must not be blank");
                    }
                    continue;
                }
                Object value = value(e.getValue(), new Path(path, key, -1), depth + 1);
                if (value != null) {
                    out.put(key, value);
                }
            }
            return Collections.unmodifiableMap(out);
        }

        private Object value(Object value, Path path, int depth) {
            if (value == null) {
                if (strict) {
                    throw InvalidRequestException.of(at(path), "must not be null");
                }
                return null;
            }
            if (value instanceof String s) {
                if (strict) {
                    chargeString(s, path, "");
                }
                return s;
            }
            if (value instanceof Boolean b) {
                if (strict) {
                    charge(b ? 4 : 5);
                }
                return b;
            }
            if (value instanceof Number n && isJsonNumberType(n)) {
                if (n instanceof Double d && (d.isNaN() || d.isInfinite())
                        || n instanceof Float f && (f.isNaN() || f.isInfinite())) {
                    if (strict) {
                        throw InvalidRequestException.of(at(path), "must be a finite number");
                    }
                    return n.toString();
                }
                if (strict) {
                    chargeNumber(n);
                }
                return n;
            }
            if (value instanceof Map<?, ?> map) {
                return map(map, path, depth);
            }
            if (value instanceof List<?> list) {
                checkDepth(path, depth);
                charge(2);
                List<Object> out = new ArrayList<>();
                int index = 0;
                for (Object element : list) {
                    if (strict && index > 0) {
                        charge(1);
                    }
                    Object item = value(element, new Path(path, null, index), depth + 1);
                    if (item != null) {
                        out.add(item);
                    }
                    index++;
                }
                return Collections.unmodifiableList(out);
            }
            if (strict) {
                throw InvalidRequestException.of(
                        at(path),
                        "must be a string, number, boolean, list or map, was "
                                + value.getClass().getName());
            }
            return value.toString();
        }

        private void checkDepth(Path path, int depth) {
            // depth is 0 for the top-level map, which is nesting level 1
            if (strict && depth >= MAX_DEPTH) {
                throw InvalidRequestException.of(at(path), "must not nest deeper than " + MAX_DEPTH + " levels");
            }
        }

        private void charge(long bytes) {
            remaining -= bytes;
            if (remaining < 0) {
                throw InvalidRequestException.of(
                        field, "must serialize to at most " + MAX_METADATA_BYTES + " bytes of JSON");
            }
        }

        /** Refuses, before anything is rendered, a value that takes at least this many bytes and cannot fit. */
        private void refuseBeyond(long minimumBytes) {
            if (minimumBytes > remaining) {
                charge(minimumBytes);
            }
        }

        /** Charges a string as {@link #writeString} writes it, in UTF-8; {@code what} prefixes the rule. */
        private void chargeString(String s, Path path, String what) {
            // Every char takes at least one byte, so a huge string is refused unread.
            charge(2L + s.length());
            if (!TextRules.isWellFormed(s)) {
                throw InvalidRequestException.of(at(path), what + TextRules.UNPAIRED_SURROGATE);
            }
            long extra = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t') {
                    extra += 1;
                } else if (c < 0x20) {
                    extra += 5;
                } else if (c >= 0x80) {
                    // two bytes below U+0800, three above; a surrogate pair is four bytes for two chars
                    extra += c < 0x800 || Character.isSurrogate(c) ? 1 : 2;
                }
            }
            charge(extra);
        }

        private void chargeNumber(Number n) {
            if (n instanceof BigInteger b) {
                refuseBeyond((long) (b.bitLength() * DIGITS_PER_BIT) - 1);
                charge(b.toString().length());
            } else if (n instanceof BigDecimal d) {
                // The plain form holds every digit and every zero the scale implies (1E+999999999
                // would take a gigabyte); zero with a scale of zero or below is just "0".
                if (d.signum() != 0 || d.scale() > 0) {
                    refuseBeyond(Math.abs((long) d.scale()));
                    refuseBeyond((long) (d.unscaledValue().bitLength() * DIGITS_PER_BIT) - 1);
                }
                charge(d.toPlainString().length());
            } else if (n instanceof Double || n instanceof Float) {
                charge(String.valueOf(n.doubleValue()).length());
            } else {
                charge(n.toString().length());
            }
        }
    }

    /**
     * Whether a number is of one of the immutable types that render exactly as JSON; others
     * (AtomicInteger, LongAdder, custom subclasses) may change after the copy or print oddly.
     */
    private static boolean isJsonNumberType(Number n) {
        return n instanceof Integer
                || n instanceof Long
                || n instanceof Double
                || n instanceof Float
                || n instanceof Short
                || n instanceof Byte
                || n instanceof BigInteger
                || n instanceof BigDecimal;
    }

    private static void write(StringBuilder sb, Object value) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof String s) {
            writeString(sb, s);
        } else if (value instanceof Boolean
                || value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof Byte
                || value instanceof BigInteger) {
            sb.append(value);
        } else if (value instanceof BigDecimal d) {
            sb.append(d.toPlainString());
        } else if (value instanceof Number n) {
            sb.append(n.doubleValue());
        } else if (value instanceof Map<?, ?> map) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                writeString(sb, String.valueOf(e.getKey()));
                sb.append(':');
                write(sb, e.getValue());
            }
            sb.append('}');
        } else if (value instanceof List<?> list) {
            sb.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                write(sb, list.get(i));
            }
            sb.append(']');
        } else {
            writeString(sb, value.toString());
        }
    }

    private static void writeString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
