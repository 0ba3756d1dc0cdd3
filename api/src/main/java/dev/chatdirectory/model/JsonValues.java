package dev.chatdirectory.model;

import dev.chatdirectory.InvalidRequestException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
     * @param field the request field, for error messages
     * @param metadata the metadata, {@code null} meaning empty
     * @return an unmodifiable deep copy
     * @throws InvalidRequestException if a key is blank, a value is {@code null} or not JSON-like,
     *     nesting is deeper than {@link #MAX_DEPTH} or the JSON form exceeds {@link
     *     #MAX_METADATA_BYTES}
     */
    public static Map<String, Object> strictCopy(String field, Map<String, ?> metadata) {
        if (metadata == null) {
            return Map.of();
        }
        Map<String, Object> copy = copyMap(field, metadata, true, 0);
        int size = toJson(copy).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (size > MAX_METADATA_BYTES) {
            throw InvalidRequestException.of(
                    field, "must serialize to at most " + MAX_METADATA_BYTES + " bytes of JSON, was " + size);
        }
        return copy;
    }

    /**
     * Deep-copies a vendor payload, dropping {@code null} values and blank keys and turning keys
     * and values that are not JSON-like into strings; never throws for content.
     *
     * @param payload the payload, {@code null} meaning empty
     * @return an unmodifiable deep copy
     */
    public static Map<String, Object> lenientCopy(Map<String, ?> payload) {
        return payload == null ? Map.of() : copyMap("raw", payload, false, 0);
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

    private static Map<String, Object> copyMap(String field, Map<?, ?> source, boolean strict, int depth) {
        checkDepth(field, depth, strict);
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : source.entrySet()) {
            // Callers may pass raw maps: a key is not necessarily a String, whatever the signature says.
            Object rawKey = e.getKey();
            if (rawKey != null && !(rawKey instanceof String)) {
                if (strict) {
                    throw InvalidRequestException.of(field, "keys must be strings");
                }
                rawKey = rawKey.toString();
            }
            String key = (String) rawKey;
            if (key == null || key.isBlank()) {
                if (strict) {
                    throw InvalidRequestException.of(field, "keys must not be blank");
                }
                continue;
            }
            Object value = copyValue(field + "." + key, e.getValue(), strict, depth + 1);
            if (value != null) {
                out.put(key, value);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    private static Object copyValue(String field, Object value, boolean strict, int depth) {
        if (value == null) {
            if (strict) {
                throw InvalidRequestException.of(field, "must not be null");
            }
            return null;
        }
        if (value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number n && isJsonNumberType(n)) {
            if (n instanceof Double d && (d.isNaN() || d.isInfinite())
                    || n instanceof Float f && (f.isNaN() || f.isInfinite())) {
                if (strict) {
                    throw InvalidRequestException.of(field, "must be a finite number");
                }
                return n.toString();
            }
            return n;
        }
        if (value instanceof Map<?, ?> map) {
            return copyMap(field, map, strict, depth);
        }
        if (value instanceof List<?> list) {
            checkDepth(field, depth, strict);
            List<Object> out = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                Object item = copyValue(field + "[" + i + "]", list.get(i), strict, depth + 1);
                if (item != null) {
                    out.add(item);
                }
            }
            return Collections.unmodifiableList(out);
        }
        if (strict) {
            throw InvalidRequestException.of(
                    field,
                    "must be a string, number, boolean, list or map, was "
                            + value.getClass().getName());
        }
        return value.toString();
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

    private static void checkDepth(String field, int depth, boolean strict) {
        // depth is 0 for the top-level map, which is nesting level 1
        if (strict && depth >= MAX_DEPTH) {
            throw InvalidRequestException.of(field, "must not nest deeper than " + MAX_DEPTH + " levels");
        }
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
