package dev.chatdirectory.testkit.fuzz;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Mutates a realistic JSON body into a malformed one of a chosen {@link Kind}, reproducibly from
 * a random source (see {@link FuzzRun}). Thread-safe: every call works on its own copy of the tree.
 */
public final class JsonMutator {

    /** The ways a vendor body goes wrong. */
    public enum Kind {
        /** Cut anywhere before its end. */
        TRUNCATED,
        /** One value replaced by a value of another JSON type. */
        WRONG_TYPE,
        /** One member removed from an object. */
        MISSING_FIELD,
        /** One value replaced by {@code null}. */
        NULL_VALUE,
        /** One value replaced by a string of up to twice the size cap. */
        HUGE_STRING,
        /** One value replaced by arrays and objects nested up to 20,000 levels deep. */
        DEEP_NESTING,
        /** One object holding a member twice, with different values. */
        DUPLICATE_KEY
    }

    private static final int[] DEPTHS = {8, 64, 999, 1001, 5000, 20_000};

    private final long sizeCap;

    /**
     * Creates a mutator.
     *
     * @param sizeCap the response size cap of the directory under test, in bytes: huge strings are
     *     made on both sides of it
     */
    public JsonMutator(long sizeCap) {
        this.sizeCap = sizeCap;
    }

    /**
     * Returns the body mutated.
     *
     * @param body a JSON document
     * @param kind how to mutate it
     * @param random the source of the mutation's choices
     * @return the mutated text
     * @throws IllegalArgumentException if the body is not JSON
     */
    public String mutate(String body, Kind kind, SplittableRandom random) {
        String text = body.strip();
        if (kind == Kind.TRUNCATED) {
            return text.substring(0, 1 + random.nextInt(text.length() - 1));
        }
        Object root = Json.read(text);
        List<Slot> slots = new ArrayList<>();
        collect(root, slots);
        if (kind == Kind.DUPLICATE_KEY) {
            // only an object member can be written twice; an array element would leave the body as it was
            slots.removeIf(s -> s.object() == null);
        }
        if (slots.isEmpty()) {
            return text;
        }
        Slot slot = slots.get(random.nextInt(slots.size()));
        switch (kind) {
            case WRONG_TYPE -> slot.set(otherType(slot.get(), random));
            case MISSING_FIELD -> slot.remove();
            case NULL_VALUE -> slot.set(null);
            case HUGE_STRING ->
                slot.set("x".repeat((int) Math.min(Integer.MAX_VALUE - 16, 1 + random.nextLong(2 * sizeCap))));
            case DEEP_NESTING -> slot.set(new Json.Raw(nesting(DEPTHS[random.nextInt(DEPTHS.length)], random)));
            case DUPLICATE_KEY ->
                slot.object().put(slot.key(), new Json.Repeated(otherType(slot.get(), random), slot.get()));
            default -> throw new IllegalStateException("unhandled kind " + kind);
        }
        return Json.write(root);
    }

    private static String nesting(int depth, SplittableRandom random) {
        StringBuilder open = new StringBuilder();
        StringBuilder close = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            if (random.nextBoolean()) {
                open.append('[');
                close.append(']');
            } else {
                open.append("{\"k\":");
                close.append('}');
            }
        }
        return open + "1" + close.reverse();
    }

    private static Object otherType(Object value, SplittableRandom random) {
        Object[] candidates = {
            "text",
            new BigDecimal("42"),
            Boolean.TRUE,
            new ArrayList<>(List.of("a")),
            new LinkedHashMap<>(Map.of("a", 1))
        };
        while (true) {
            Object candidate = candidates[random.nextInt(candidates.length)];
            if (value == null || !candidate.getClass().equals(value.getClass())) {
                return candidate;
            }
        }
    }

    /** A place in the tree: a member of an object or an element of an array. */
    private record Slot(Map<String, Object> object, String key, List<Object> array, int index) {
        Object get() {
            return object != null ? object.get(key) : array.get(index);
        }

        void set(Object value) {
            if (object != null) {
                object.put(key, value);
            } else {
                array.set(index, value);
            }
        }

        void remove() {
            if (object != null) {
                object.remove(key);
            } else {
                array.remove(index);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void collect(Object node, List<Slot> slots) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> object = (Map<String, Object>) map;
            for (String key : object.keySet()) {
                slots.add(new Slot(object, key, null, -1));
                collect(object.get(key), slots);
            }
        } else if (node instanceof List<?> list) {
            List<Object> array = (List<Object>) list;
            for (int i = 0; i < array.size(); i++) {
                slots.add(new Slot(null, null, array, i));
                collect(array.get(i), slots);
            }
        }
    }
}
