package dev.chatdirectory.model;

import dev.chatdirectory.InvalidRequestException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

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
     * <p>A map this class copied already (by this method or {@link #strictCopy}), at the top or
     * nested in the payload, is kept as it is rather than copied again: it is deep, unmodifiable
     * and JSON-like, and no class outside this one can pass for it. So a model built from another
     * model's {@code raw}, or from a payload an adapter copied once, costs no second copy.
     *
     * @param payload the payload, {@code null} meaning empty
     * @return an unmodifiable deep copy
     */
    public static Map<String, Object> lenientCopy(Map<String, ?> payload) {
        if (payload instanceof FrozenMap frozen) {
            return frozen;
        }
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
            if (strict) {
                charge(2);
            }
            // A request's map may claim any size, or count its entries to answer: strict copies grow
            // as they read, so an oversized map costs only the part read before it is refused.
            int capacity = strict ? 8 : source.size();
            String[] keys = new String[capacity];
            Object[] values = new Object[capacity];
            int size = 0;
            boolean stringified = false;
            for (Map.Entry<?, ?> e : source.entrySet()) {
                // Callers may pass raw maps: a key is not necessarily a String, whatever the signature says.
                Object rawKey = e.getKey();
                if (rawKey != null && !(rawKey instanceof String)) {
                    if (strict) {
                        throw InvalidRequestException.of(at(path), "keys must be strings");
                    }
                    rawKey = rawKey.toString();
                    stringified = true;
                }
                String key = (String) rawKey;
                if (strict) {
                    // the colon, and a comma before every entry but the first
                    charge(size == 0 ? 1 : 2);
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
                // Only a strict copy reports where a value failed: a lenient one pays for no path.
                Object value = value(e.getValue(), strict ? new Path(path, key, -1) : null, depth + 1);
                if (value != null) {
                    if (size == keys.length) {
                        keys = Arrays.copyOf(keys, size * 2 + 1);
                        values = Arrays.copyOf(values, size * 2 + 1);
                    }
                    keys[size] = key;
                    values[size] = value;
                    size++;
                }
            }
            return stringified ? FrozenMap.deduplicated(keys, values, size) : new FrozenMap(keys, values, size);
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
            if (value instanceof FrozenMap frozen && !strict) {
                return frozen;
            }
            if (value instanceof Map<?, ?> map) {
                return map(map, path, depth);
            }
            if (value instanceof List<?> list) {
                checkDepth(path, depth);
                List<Object> out = new ArrayList<>(list.size());
                int index = 0;
                if (strict) {
                    charge(2);
                }
                for (Object element : list) {
                    if (strict && index > 0) {
                        charge(1);
                    }
                    Object item = value(element, strict ? new Path(path, null, index) : null, depth + 1);
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
     * The maps {@link Copier} makes: keys and values in two arrays, in insertion order, with an
     * open-addressing index once lookups by scanning would be slow. Far smaller than a {@link
     * LinkedHashMap} behind an unmodifiable view (no entry object per member), which matters as
     * every row of every listing carries one. Immutable: every mutator throws {@link
     * UnsupportedOperationException}. Being private and final, it cannot be forged from outside,
     * which is what lets {@link #lenientCopy} trust it without copying.
     */
    private static final class FrozenMap extends AbstractMap<String, Object> {

        /** Up to this many members a lookup scans the keys; past it, it goes through the index. */
        private static final int SCANNED = 8;

        private final String[] keys;
        private final Object[] values;
        private final int size;
        /** Slot {@code i} holds a member's position plus one, {@code 0} when free; {@code null} when scanned. */
        private final int[] index;

        /** Takes the arrays without copying; keys must be distinct and non-null, values non-null. */
        FrozenMap(String[] keys, Object[] values, int size) {
            this.keys = keys;
            this.values = values;
            this.size = size;
            this.index = size > SCANNED ? index(keys, size) : null;
        }

        /**
         * Builds a map from members that may repeat a key (non-string keys rendered as the same
         * string): the later value wins at the first position, as {@link Map#put} would have it.
         */
        static FrozenMap deduplicated(String[] keys, Object[] values, int size) {
            Map<String, Object> unique = new LinkedHashMap<>();
            for (int i = 0; i < size; i++) {
                unique.put(keys[i], values[i]);
            }
            String[] uniqueKeys = new String[unique.size()];
            Object[] uniqueValues = new Object[unique.size()];
            int i = 0;
            for (Map.Entry<String, Object> e : unique.entrySet()) {
                uniqueKeys[i] = e.getKey();
                uniqueValues[i] = e.getValue();
                i++;
            }
            return new FrozenMap(uniqueKeys, uniqueValues, i);
        }

        private static int[] index(String[] keys, int size) {
            // a power of two at least twice the members, so probe runs stay short
            int[] slots = new int[Integer.highestOneBit(size) << 2];
            for (int i = 0; i < size; i++) {
                int slot = spread(keys[i].hashCode()) & (slots.length - 1);
                while (slots[slot] != 0) {
                    slot = (slot + 1) & (slots.length - 1);
                }
                slots[slot] = i + 1;
            }
            return slots;
        }

        private static int spread(int hash) {
            return hash ^ (hash >>> 16);
        }

        private int positionOf(Object key) {
            if (!(key instanceof String)) {
                return -1;
            }
            if (index == null) {
                for (int i = 0; i < size; i++) {
                    if (keys[i].equals(key)) {
                        return i;
                    }
                }
                return -1;
            }
            int mask = index.length - 1;
            for (int slot = spread(key.hashCode()) & mask; index[slot] != 0; slot = (slot + 1) & mask) {
                if (keys[index[slot] - 1].equals(key)) {
                    return index[slot] - 1;
                }
            }
            return -1;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public boolean isEmpty() {
            return size == 0;
        }

        @Override
        public boolean containsKey(Object key) {
            return positionOf(key) >= 0;
        }

        @Override
        public Object get(Object key) {
            int position = positionOf(key);
            return position < 0 ? null : values[position];
        }

        @Override
        public void forEach(BiConsumer<? super String, ? super Object> action) {
            for (int i = 0; i < size; i++) {
                action.accept(keys[i], values[i]);
            }
        }

        @Override
        public Set<Map.Entry<String, Object>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public int size() {
                    return size;
                }

                @Override
                public Iterator<Map.Entry<String, Object>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < size;
                        }

                        @Override
                        public Map.Entry<String, Object> next() {
                            if (next >= size) {
                                throw new NoSuchElementException();
                            }
                            Map.Entry<String, Object> entry = new SimpleImmutableEntry<>(keys[next], values[next]);
                            next++;
                            return entry;
                        }
                    };
                }
            };
        }

        @Override
        public int hashCode() {
            int hash = 0;
            for (int i = 0; i < size; i++) {
                hash += keys[i].hashCode() ^ values[i].hashCode();
            }
            return hash;
        }

        @Override
        public Object put(String key, Object value) {
            throw immutable();
        }

        @Override
        public Object remove(Object key) {
            throw immutable();
        }

        @Override
        public void putAll(Map<? extends String, ?> map) {
            throw immutable();
        }

        @Override
        public void clear() {
            throw immutable();
        }

        @Override
        public void replaceAll(BiFunction<? super String, ? super Object, ?> function) {
            throw immutable();
        }

        @Override
        public Object putIfAbsent(String key, Object value) {
            throw immutable();
        }

        @Override
        public boolean remove(Object key, Object value) {
            throw immutable();
        }

        @Override
        public boolean replace(String key, Object oldValue, Object newValue) {
            throw immutable();
        }

        @Override
        public Object replace(String key, Object value) {
            throw immutable();
        }

        @Override
        public Object computeIfAbsent(String key, Function<? super String, ?> function) {
            throw immutable();
        }

        @Override
        public Object computeIfPresent(String key, BiFunction<? super String, ? super Object, ?> function) {
            throw immutable();
        }

        @Override
        public Object compute(String key, BiFunction<? super String, ? super Object, ?> function) {
            throw immutable();
        }

        @Override
        public Object merge(String key, Object value, BiFunction<? super Object, ? super Object, ?> function) {
            throw immutable();
        }

        private static UnsupportedOperationException immutable() {
            return new UnsupportedOperationException("a JSON value copy is unmodifiable");
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
