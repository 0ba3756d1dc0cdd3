package dev.chatdirectory.testkit;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares JSON-like values the way a JSON round trip sees them: numbers by value, whatever their
 * Java type ({@code 7}, {@code 7L} and {@code 7.0} are equal), maps regardless of key order, lists
 * in order.
 */
final class JsonComparison {

    private JsonComparison() {}

    /** Returns whether two JSON-like values are equal as JSON. */
    static boolean jsonEquals(Object expected, Object actual) {
        return normalize(expected).equals(normalize(actual));
    }

    /** Returns the value with every number as a canonical {@link BigDecimal}. */
    static Object normalize(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, normalize(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(normalize(v)));
            return out;
        }
        if (value instanceof Number n) {
            return number(n);
        }
        return value;
    }

    private static Object number(Number n) {
        BigDecimal d;
        if (n instanceof BigDecimal b) {
            d = b;
        } else if (n instanceof BigInteger i) {
            d = new BigDecimal(i);
        } else if (n instanceof Double || n instanceof Float) {
            double v = n.doubleValue();
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                return n.toString();
            }
            d = new BigDecimal(n.toString());
        } else {
            d = BigDecimal.valueOf(n.longValue());
        }
        return d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
    }
}
