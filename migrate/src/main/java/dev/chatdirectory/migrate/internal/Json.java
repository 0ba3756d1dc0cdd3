package dev.chatdirectory.migrate.internal;

import dev.chatdirectory.model.JsonValues;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Canonical JSON for the journal: keys sorted and numbers normalised, so that two equal values
 * give the same text whatever map order or number type a provider returned ({@code 3}, {@code 3L}
 * and {@code 3.0} are one value). The parser reads back only what {@link #canonical} writes.
 * Stateless and thread-safe.
 */
public final class Json {

    private Json() {}

    /**
     * {@return the canonical text of a JSON-like value}
     *
     * @param value a JSON-like value (see {@link JsonValues})
     */
    public static String canonical(Object value) {
        return JsonValues.toJson(normalise(value));
    }

    private static Object normalise(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), normalise(v)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(normalise(v)));
            return out;
        }
        if (value instanceof Number n) {
            return number(n);
        }
        return value;
    }

    /** The number as {@link JsonValues#canonicalScalar} compares it, written without an exponent. */
    private static Object number(Number n) {
        Object canonical = JsonValues.canonicalScalar(n);
        return canonical instanceof BigDecimal d && d.scale() < 0 ? d.setScale(0) : canonical;
    }

    /**
     * Parses canonical JSON text into JSON-like values: objects as ordered maps, arrays as lists,
     * integral numbers as {@link Integer} or {@link Long} where they fit, other numbers as {@link
     * Double} (exact for every number a model held as a double).
     *
     * @param text the text
     * @return the value
     * @throws IllegalArgumentException if the text is not JSON
     */
    public static Object parse(String text) {
        Parser p = new Parser(text);
        Object value = p.value();
        p.skipSpace();
        if (p.pos != text.length()) {
            throw p.error("trailing characters");
        }
        return value;
    }

    /**
     * Parses a canonical JSON object.
     *
     * @param text the text of an object
     * @return its members, in text order
     * @throws IllegalArgumentException if the text is not a JSON object
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String text) {
        Object value = parse(text);
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException("not a JSON object");
        }
        return (Map<String, Object>) value;
    }

    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException("malformed journal JSON at " + pos + ": " + what);
        }

        void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        Object value() {
            skipSpace();
            if (pos >= s.length()) {
                throw error("unexpected end");
            }
            char c = s.charAt(pos);
            switch (c) {
                case '{':
                    return object();
                case '[':
                    return array();
                case '"':
                    return string();
                case 't':
                    return literal("true", Boolean.TRUE);
                case 'f':
                    return literal("false", Boolean.FALSE);
                default:
                    return number();
            }
        }

        private Object literal(String word, Object value) {
            if (!s.startsWith(word, pos)) {
                throw error("unknown literal");
            }
            pos += word.length();
            return value;
        }

        private Map<String, Object> object() {
            pos++;
            Map<String, Object> out = new LinkedHashMap<>();
            skipSpace();
            if (peek() == '}') {
                pos++;
                return Collections.unmodifiableMap(out);
            }
            while (true) {
                skipSpace();
                String key = string();
                skipSpace();
                expect(':');
                out.put(key, value());
                skipSpace();
                if (peek() == ',') {
                    pos++;
                } else {
                    expect('}');
                    return Collections.unmodifiableMap(out);
                }
            }
        }

        private List<Object> array() {
            pos++;
            List<Object> out = new ArrayList<>();
            skipSpace();
            if (peek() == ']') {
                pos++;
                return Collections.unmodifiableList(out);
            }
            while (true) {
                out.add(value());
                skipSpace();
                if (peek() == ',') {
                    pos++;
                } else {
                    expect(']');
                    return Collections.unmodifiableList(out);
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder sb = new StringBuilder();
            while (true) {
                if (pos >= s.length()) {
                    throw error("unterminated string");
                }
                char c = s.charAt(pos++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                char e = s.charAt(pos++);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'u' -> {
                        sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                        pos += 4;
                    }
                    default -> sb.append(e);
                }
            }
        }

        private Number number() {
            int start = pos;
            while (pos < s.length() && "+-0123456789.eE".indexOf(s.charAt(pos)) >= 0) {
                pos++;
            }
            if (start == pos) {
                throw error("unexpected character");
            }
            BigDecimal d = new BigDecimal(s.substring(start, pos));
            if (d.scale() <= 0) {
                try {
                    long l = d.longValueExact();
                    return l == (int) l ? (Number) (int) l : (Number) l;
                } catch (ArithmeticException tooBig) {
                    return d.toBigIntegerExact();
                }
            }
            return d.doubleValue();
        }

        private char peek() {
            if (pos >= s.length()) {
                throw error("unexpected end");
            }
            return s.charAt(pos);
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }
    }
}
