package dev.chatdirectory.model;

import static dev.chatdirectory.testing.RequestAssertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.chatdirectory.InvalidRequestException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("JsonValues")
class JsonValuesTest {

    /** A map nested {@code levels} deep, the top-level map counting as the first level. */
    static Map<String, Object> nestedMaps(int levels) {
        Map<String, Object> value = Map.of("leaf", "v");
        for (int i = 1; i < levels; i++) {
            value = Map.of("k", value);
        }
        return value;
    }

    @Nested
    @DisplayName("strictCopy (request metadata)")
    class Strict {

        @Test
        @DisplayName("accepts strings, finite numbers of every JSON type, booleans, lists and maps")
        void accepts() {
            Map<String, Object> source = new LinkedHashMap<>();
            source.put("s", "text");
            source.put("i", 1);
            source.put("l", 2L);
            source.put("sh", (short) 3);
            source.put("b", (byte) 4);
            source.put("d", 1.5d);
            source.put("f", 2.5f);
            source.put("bi", new BigInteger("123456789012345678901234567890"));
            source.put("bd", new BigDecimal("0.1"));
            source.put("t", true);
            source.put("list", List.of(1, "two", List.of(3)));
            source.put("map", Map.of("inner", false));

            assertThat(JsonValues.strictCopy("metadata", source)).isEqualTo(source);
        }

        @Test
        @DisplayName("treats null as empty metadata")
        void nullIsEmpty() {
            assertThat(JsonValues.strictCopy("metadata", null)).isEmpty();
        }

        @Test
        @DisplayName("keeps insertion order")
        void order() {
            Map<String, Object> source = new LinkedHashMap<>();
            for (String k : List.of("z", "a", "m", "b")) {
                source.put(k, k);
            }

            assertThat(JsonValues.strictCopy("metadata", source).keySet()).containsExactly("z", "a", "m", "b");
        }

        @Test
        @DisplayName("rejects null values at the top level, in nested maps and in lists, naming the path")
        void nullValues() {
            Map<String, Object> top = new HashMap<>();
            top.put("a", null);
            Map<String, Object> inner = new HashMap<>();
            inner.put("b", null);
            List<Object> list = Arrays.asList("x", null);

            assertInvalid(() -> JsonValues.strictCopy("metadata", top), "metadata.a", "must not be null");
            assertInvalid(
                    () -> JsonValues.strictCopy("metadata", Map.of("outer", inner)),
                    "metadata.outer.b",
                    "must not be null");
            assertInvalid(
                    () -> JsonValues.strictCopy("metadata", Map.of("tags", list)),
                    "metadata.tags[1]",
                    "must not be null");
        }

        @Test
        @DisplayName("rejects blank and null keys, at any depth")
        void blankKeys() {
            Map<String, Object> nullKey = new HashMap<>();
            nullKey.put(null, "v");

            assertInvalid(
                    () -> JsonValues.strictCopy("metadata", Map.of("", "v")), "metadata", "keys must not be blank");
            assertInvalid(
                    () -> JsonValues.strictCopy("metadata", Map.of("  ", "v")), "metadata", "keys must not be blank");
            assertInvalid(() -> JsonValues.strictCopy("metadata", nullKey), "metadata", "keys must not be blank");
            assertInvalid(
                    () -> JsonValues.strictCopy("metadata", Map.of("a", Map.of(" ", 1))),
                    "metadata.a",
                    "keys must not be blank");
        }

        @Test
        @DisplayName("rejects keys that are not strings, at the top level too")
        @SuppressWarnings({"unchecked", "rawtypes"})
        void nonStringKeys() {
            Map raw = new HashMap();
            raw.put(1, "one");

            assertInvalid(() -> JsonValues.strictCopy("metadata", raw), "metadata", "keys must be strings");
            assertInvalid(
                    () -> JsonValues.strictCopy("metadata", Map.of("nested", raw)),
                    "metadata.nested",
                    "keys must be strings");
        }

        @Test
        @DisplayName("rejects types that are not JSON-like, naming the path and the type")
        void nonJsonTypes() {
            for (Object value : List.of(
                    new Object(), LocalDate.of(2024, 1, 1), 'c', Optional.of("x"), Set.of("a"), new int[] {1})) {
                InvalidRequestException e = assertInvalid(
                        () -> JsonValues.strictCopy("metadata", Map.of("v", value)),
                        "metadata.v",
                        "must be a string, number, boolean, list or map");
                assertThat(e.rule()).contains(value.getClass().getName());
            }
        }

        @Test
        @DisplayName("rejects mutable or unknown Number types, which would break immutability and JSON output")
        void mutableNumbers() {
            assertInvalid(
                    () -> JsonValues.strictCopy("metadata", Map.of("count", new AtomicInteger(1))),
                    "metadata.count",
                    AtomicInteger.class.getName());
        }

        @Test
        @DisplayName("rejects NaN and infinities of double and float")
        void nonFinite() {
            for (Object value : List.of(Double.NaN, Double.POSITIVE_INFINITY, Float.NaN, Float.NEGATIVE_INFINITY)) {
                assertInvalid(
                        () -> JsonValues.strictCopy("metadata", Map.of("n", value)),
                        "metadata.n",
                        "must be a finite number");
            }
            assertInvalid(
                    () -> JsonValues.strictCopy("metadata", Map.of("scores", List.of(1.0, Double.NaN))),
                    "metadata.scores[1]",
                    "finite");
        }

        @Test
        @DisplayName("accepts nesting of exactly MAX_DEPTH levels, counting the top-level map, and rejects one more")
        void depth() {
            assertThat(JsonValues.strictCopy("metadata", nestedMaps(JsonValues.MAX_DEPTH)))
                    .isNotEmpty();
            assertInvalid(
                    () -> JsonValues.strictCopy("metadata", nestedMaps(JsonValues.MAX_DEPTH + 1)),
                    "metadata" + ".k".repeat(JsonValues.MAX_DEPTH),
                    "must not nest deeper than " + JsonValues.MAX_DEPTH + " levels");
        }

        @Test
        @DisplayName("counts lists as nesting levels too")
        void depthWithLists() {
            Object value = "leaf";
            for (int i = 1; i < JsonValues.MAX_DEPTH; i++) {
                value = List.of(value);
            }
            Map<String, Object> ok = Map.of("k", value); // map + 15 lists = 16 levels
            Map<String, Object> tooDeep = Map.of("k", List.of(value));

            assertThat(JsonValues.strictCopy("metadata", ok)).isNotEmpty();
            assertInvalid(
                    () -> JsonValues.strictCopy("metadata", tooDeep),
                    "metadata.k" + "[0]".repeat(JsonValues.MAX_DEPTH - 1),
                    "nest deeper");
        }

        @Test
        @DisplayName("accepts metadata of exactly MAX_METADATA_BYTES as JSON and rejects one byte more")
        void size() {
            int overhead = "{\"k\":\"\"}".length();
            String fits = "x".repeat(JsonValues.MAX_METADATA_BYTES - overhead);

            assertThat(JsonValues.strictCopy("metadata", Map.of("k", fits))).isNotEmpty();
            assertInvalid(
                    () -> JsonValues.strictCopy("metadata", Map.of("k", fits + "x")),
                    "metadata",
                    "at most " + JsonValues.MAX_METADATA_BYTES + " bytes");
        }

        @Test
        @DisplayName("measures size in UTF-8 bytes, not characters")
        void sizeInBytes() {
            int overhead = "{\"k\":\"\"}".length();
            String threeBytesEach = "€".repeat((JsonValues.MAX_METADATA_BYTES - overhead) / 3 + 1);

            assertInvalid(() -> JsonValues.strictCopy("metadata", Map.of("k", threeBytesEach)), "metadata", "bytes");
        }

        @Test
        @DisplayName("returns a deep, unmodifiable copy")
        @SuppressWarnings("unchecked")
        void deepCopy() {
            List<Object> list = new ArrayList<>(List.of(1));
            Map<String, Object> inner = new HashMap<>(Map.of("a", list));
            Map<String, Object> source = new HashMap<>(Map.of("inner", inner));

            Map<String, Object> copy = JsonValues.strictCopy("metadata", source);
            list.add(2);
            inner.put("b", 3);
            source.clear();

            assertThat(copy).isEqualTo(Map.of("inner", Map.of("a", List.of(1))));
            Map<String, Object> copiedInner = (Map<String, Object>) copy.get("inner");
            assertThatThrownBy(() -> copiedInner.put("c", 1)).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> ((List<Object>) copiedInner.get("a")).set(0, 9))
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    @DisplayName("strictCopy checks its limits while walking")
    class Bounded {

        /** Generates {@code size} entries {@code "k<i>": i} on demand and counts those read. */
        private static final class GeneratedMap extends AbstractMap<String, Object> {
            private final int size;
            private final AtomicInteger read = new AtomicInteger();

            GeneratedMap(int size) {
                this.size = size;
            }

            @Override
            public Set<Entry<String, Object>> entrySet() {
                return new AbstractSet<>() {
                    @Override
                    public Iterator<Entry<String, Object>> iterator() {
                        return new Iterator<>() {
                            private int next;

                            @Override
                            public boolean hasNext() {
                                return next < size;
                            }

                            @Override
                            public Entry<String, Object> next() {
                                read.incrementAndGet();
                                int i = next++;
                                return Map.entry("k" + i, i);
                            }
                        };
                    }

                    @Override
                    public int size() {
                        return size;
                    }
                };
            }
        }

        /** A map that counts how often its entries are walked. */
        private static Map<String, Object> counting(AtomicInteger walks, Map<String, Object> inner) {
            return new AbstractMap<>() {
                @Override
                public Set<Entry<String, Object>> entrySet() {
                    walks.incrementAndGet();
                    return inner.entrySet();
                }
            };
        }

        @Test
        @DisplayName("metadata of 1,000,000 keys is refused after reading only the entries that fit")
        void millionKeys() {
            GeneratedMap huge = new GeneratedMap(1_000_000);

            assertInvalid(
                    () -> JsonValues.strictCopy("metadata", huge),
                    "metadata",
                    "at most " + JsonValues.MAX_METADATA_BYTES + " bytes");
            // every entry takes at least 6 bytes: "k0":0 and a comma
            assertThat(huge.read.get()).isLessThanOrEqualTo(JsonValues.MAX_METADATA_BYTES / 6 + 1);
        }

        @Test
        @DisplayName("metadata 10,000 levels deep is refused after opening MAX_DEPTH levels")
        void tenThousandLevels() {
            AtomicInteger walks = new AtomicInteger();
            Map<String, Object> value = Map.of("leaf", "v");
            for (int i = 1; i < 10_000; i++) {
                value = counting(walks, Map.of("k", value));
            }
            Map<String, Object> deep = value;

            assertInvalid(
                    () -> JsonValues.strictCopy("metadata", deep),
                    "metadata" + ".k".repeat(JsonValues.MAX_DEPTH),
                    "nest deeper");
            assertThat(walks.get()).isLessThanOrEqualTo(JsonValues.MAX_DEPTH);
        }

        @Test
        @DisplayName("a number whose plain form would take a gigabyte is refused without writing it out")
        void hugeNumbers() {
            for (Number n : List.of(
                    new BigDecimal("1E+999999999"),
                    new BigDecimal(BigInteger.ONE, 999_999_999),
                    BigInteger.ONE.shiftLeft(1 << 22))) {
                // Rendering any of them takes tens of seconds or runs out of memory; refusing takes microseconds.
                assertTimeoutPreemptively(
                        Duration.ofSeconds(10),
                        () -> assertInvalid(
                                () -> JsonValues.strictCopy("metadata", Map.of("n", n)),
                                "metadata",
                                "at most " + JsonValues.MAX_METADATA_BYTES + " bytes"));
            }
            assertThat(JsonValues.strictCopy("metadata", Map.of("zero", new BigDecimal("0E+999999999"))))
                    .containsKey("zero");
        }

        @Test
        @DisplayName("counts bytes exactly as toJson writes them, for every kind of value")
        void exactCount() {
            Map<String, Object> mixed = new LinkedHashMap<>();
            mixed.put("s", "quote\" backslash\\ nl\n tab\t ctl\u0001 é 山 🙂");
            mixed.put(
                    "n",
                    List.of(
                            1,
                            -2L,
                            (short) 3,
                            (byte) 4,
                            1.5d,
                            2.5f,
                            0.1f,
                            new BigInteger("-123456789012345678901234567890"),
                            new BigDecimal("1E+3"),
                            new BigDecimal("-0.00012"),
                            new BigDecimal("0E+5")));
            mixed.put("b", List.of(true, false));
            mixed.put("m", Map.of("k", Map.of()));
            mixed.put("ключ", List.of());
            int used = JsonValues.toJson(mixed).getBytes(StandardCharsets.UTF_8).length;
            // ,"pad":"" takes 9 bytes around the padding
            String pad = "x".repeat(JsonValues.MAX_METADATA_BYTES - used - 9);

            mixed.put("pad", pad);
            Map<String, Object> copy = JsonValues.strictCopy("metadata", mixed);
            assertThat(JsonValues.toJson(copy).getBytes(StandardCharsets.UTF_8)).hasSize(JsonValues.MAX_METADATA_BYTES);

            mixed.put("pad", pad + "x");
            assertInvalid(() -> JsonValues.strictCopy("metadata", mixed), "metadata", "bytes of JSON");
        }

        @Test
        @DisplayName("strings and keys must be well-formed UTF-16; control characters are fine, JSON escapes them")
        void wellFormedStrings() {
            assertInvalid(
                    () -> JsonValues.strictCopy("metadata", Map.of("k", "a\uD800")),
                    "metadata.k",
                    "well-formed UTF-16");
            assertInvalid(
                    () -> JsonValues.strictCopy("metadata", Map.of("l", List.of("ok", "\uDC00"))),
                    "metadata.l[1]",
                    "well-formed UTF-16");
            assertInvalid(
                    () -> JsonValues.strictCopy("metadata", Map.of("k\uDC00", 1)),
                    "metadata",
                    "keys must be well-formed UTF-16");

            assertThat(JsonValues.strictCopy("metadata", Map.of("k", "a\u0000\u0007\u0085b")))
                    .containsEntry("k", "a\u0000\u0007\u0085b");
        }
    }

    @Nested
    @DisplayName("lenientCopy (vendor payloads)")
    class Lenient {

        @Test
        @DisplayName("drops null values and blank keys instead of failing")
        void dropsNulls() {
            Map<String, Object> source = new LinkedHashMap<>();
            source.put("a", null);
            source.put("", "blank key");
            source.put("b", Arrays.asList(1, null, 2));
            source.put("c", "kept");

            assertThat(JsonValues.lenientCopy(source)).isEqualTo(Map.of("b", List.of(1, 2), "c", "kept"));
        }

        @Test
        @DisplayName("turns values that are not JSON-like into strings")
        void stringifies() {
            Map<String, Object> copy = JsonValues.lenientCopy(
                    Map.of("date", LocalDate.of(2024, 1, 2), "nan", Double.NaN, "counter", new AtomicInteger(7)));

            assertThat(copy).containsEntry("date", "2024-01-02").containsEntry("nan", "NaN");
            assertThat(copy.get("counter")).isEqualTo("7");
        }

        @Test
        @DisplayName("never throws for depth or size")
        void noLimits() {
            assertThat(JsonValues.lenientCopy(nestedMaps(JsonValues.MAX_DEPTH + 5)))
                    .isNotEmpty();
            assertThat(JsonValues.lenientCopy(Map.of("k", "x".repeat(JsonValues.MAX_METADATA_BYTES + 1))))
                    .isNotEmpty();
        }

        @Test
        @DisplayName("treats null as empty")
        void nullIsEmpty() {
            assertThat(JsonValues.lenientCopy(null)).isEmpty();
        }

        @Test
        @DisplayName("copies a payload of more containers than the metadata size limit would allow, as it has no limit")
        void manyContainers() {
            List<Object> rows = new ArrayList<>();
            for (int i = 0; i < JsonValues.MAX_METADATA_BYTES; i++) {
                rows.add(Map.of());
            }

            assertThat(JsonValues.lenientCopy(Map.of("rows", rows)).get("rows"))
                    .asList()
                    .hasSize(rows.size());
        }

        @Test
        @DisplayName("keeps the last value of keys that render as the same string, at the first one's place")
        void stringifiedKeysCollide() {
            Map<Object, Object> source = new LinkedHashMap<>();
            source.put(1, "number");
            source.put("b", "kept");
            source.put("1", "string");
            @SuppressWarnings({"unchecked", "rawtypes"})
            Map<String, Object> copy = JsonValues.lenientCopy((Map) source);

            assertThat(copy).containsExactly(Map.entry("1", "string"), Map.entry("b", "kept"));
        }
    }

    @Nested
    @DisplayName("the copies")
    class Copies {

        /** A map of {@code size} members {@code k0..}, valued by their position. */
        private Map<String, Object> members(int size) {
            Map<String, Object> source = new LinkedHashMap<>();
            for (int i = 0; i < size; i++) {
                source.put("k" + i, i);
            }
            return source;
        }

        @Test
        @DisplayName("are kept as they are by lenientCopy, whichever copy made them, so a payload is copied once")
        void ownCopiesAreKept() {
            Map<String, Object> lenient = JsonValues.lenientCopy(Map.of("a", List.of(1, Map.of("b", 2))));
            Map<String, Object> strict = JsonValues.strictCopy("metadata", Map.of("a", 1));

            assertThat(JsonValues.lenientCopy(lenient)).isSameAs(lenient);
            assertThat(JsonValues.lenientCopy(strict)).isSameAs(strict);
            assertThat(JsonValues.lenientCopy(Map.of("outer", lenient)).get("outer"))
                    .isSameAs(lenient);
        }

        @Test
        @DisplayName("are still checked by strictCopy, which does not trust a lenient copy to fit its limits")
        void strictCopyChecksCopies() {
            Map<String, Object> deep = JsonValues.lenientCopy(nestedMaps(JsonValues.MAX_DEPTH + 1));

            assertThatThrownBy(() -> JsonValues.strictCopy("metadata", deep))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("levels");
        }

        @Test
        @DisplayName("refuse every change, also through their views and entries")
        void immutable() {
            Map<String, Object> copy = JsonValues.lenientCopy(members(12));
            Map<String, Object> small = JsonValues.lenientCopy(Map.of("a", 1));

            assertThatThrownBy(() -> copy.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> copy.remove("k1")).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> copy.remove("absent")).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(copy::clear).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> copy.putAll(Map.of("x", 1))).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> copy.merge("k1", 1, (a, b) -> b))
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> copy.computeIfAbsent("x", k -> 1))
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> copy.replaceAll((k, v) -> 0)).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> small.entrySet().iterator().next().setValue(2))
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> {
                        Iterator<String> keys = small.keySet().iterator();
                        keys.next();
                        keys.remove();
                    })
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThat(copy).hasSize(12);
            assertThat(small).containsExactly(Map.entry("a", 1));
        }

        @Test
        @DisplayName("find every member, small or large, keep their order and equal a map of the same members")
        void behaveAsMaps() {
            for (int size : new int[] {0, 1, 8, 9, 100}) {
                Map<String, Object> source = members(size);
                Map<String, Object> copy = JsonValues.lenientCopy(source);

                assertThat(copy).isEqualTo(source).hasSameHashCodeAs(source).hasToString(source.toString());
                assertThat(copy.keySet()).containsExactlyElementsOf(source.keySet());
                source.forEach((key, value) -> {
                    assertThat(copy.get(key)).isEqualTo(value);
                    assertThat(copy.containsKey(key)).isTrue();
                });
                assertThat(copy.get("absent")).isNull();
                assertThat(copy.containsKey("absent")).isFalse();
                assertThat(copy.get(1)).isNull();
                assertThat(copy.containsKey(null)).isFalse();
            }
        }

        @Test
        @DisplayName("are not taken for a map of another class, however unmodifiable: that one is copied")
        void otherMapsAreCopied() {
            Map<String, Object> inner = new LinkedHashMap<>(Map.of("a", 1));
            Map<String, Object> view = java.util.Collections.unmodifiableMap(inner);
            Map<String, Object> forged = new AbstractMap<>() {
                @Override
                public Set<Map.Entry<String, Object>> entrySet() {
                    return inner.entrySet();
                }
            };

            Map<String, Object> fromView = JsonValues.lenientCopy(view);
            Map<String, Object> fromForged = JsonValues.lenientCopy(forged);
            inner.put("a", 2);

            assertThat(fromView).isNotSameAs(view).containsExactly(Map.entry("a", 1));
            assertThat(fromForged).isNotSameAs(forged).containsExactly(Map.entry("a", 1));
        }
    }

    @Nested
    @DisplayName("toJson")
    class ToJson {

        @Test
        @DisplayName("renders compact JSON of nested maps and lists in insertion order")
        void structure() {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("b", List.of(1, 2L, true, "x"));
            value.put("a", Map.of("n", 1.5));
            value.put("empty", List.of());

            assertThat(JsonValues.toJson(value)).isEqualTo("{\"b\":[1,2,true,\"x\"],\"a\":{\"n\":1.5},\"empty\":[]}");
        }

        @Test
        @DisplayName("escapes quotes, backslashes and control characters")
        void escaping() {
            assertThat(JsonValues.toJson("say \"hi\"\\")).isEqualTo("\"say \\\"hi\\\"\\\\\"");
            assertThat(JsonValues.toJson("a\nb\rc\td")).isEqualTo("\"a\\nb\\rc\\td\"");
            assertThat(JsonValues.toJson("\u0000\u0001\b\f\u001f"))
                    .isEqualTo("\"\\u0000\\u0001\\u0008\\u000c\\u001f\"");
        }

        @Test
        @DisplayName("escapes map keys like strings")
        void keys() {
            assertThat(JsonValues.toJson(Map.of("k\"ey\n", 1))).isEqualTo("{\"k\\\"ey\\n\":1}");
        }

        @Test
        @DisplayName("keeps non-ASCII characters, which are valid JSON as they are")
        void nonAscii() {
            assertThat(JsonValues.toJson("Zoë 山田 🙂 \u007f")).isEqualTo("\"Zoë 山田 🙂 \u007f\"");
        }

        @Test
        @DisplayName("renders big numbers exactly and decimals in plain notation")
        void numbers() {
            assertThat(JsonValues.toJson(new BigInteger("123456789012345678901234567890")))
                    .isEqualTo("123456789012345678901234567890");
            assertThat(JsonValues.toJson(new BigDecimal("1E+3"))).isEqualTo("1000");
            assertThat(JsonValues.toJson(Long.MAX_VALUE)).isEqualTo("9223372036854775807");
            assertThat(JsonValues.toJson(null)).isEqualTo("null");
        }
    }

    @Nested
    @DisplayName("jsonEquals")
    class JsonEquals {

        @Test
        @DisplayName("compares numbers by value whatever their Java type, at any depth")
        void numbersByValue() {
            assertThat(JsonValues.jsonEquals(1, 1L)).isTrue();
            assertThat(JsonValues.jsonEquals(1, 1.0)).isTrue();
            assertThat(JsonValues.jsonEquals(1.0f, new BigDecimal("1.00"))).isTrue();
            assertThat(JsonValues.jsonEquals(new BigInteger("10"), new BigDecimal("1E+1")))
                    .isTrue();
            assertThat(JsonValues.jsonEquals(0.1, new BigDecimal("0.1"))).isTrue();
            assertThat(JsonValues.jsonEquals((short) 0, new BigDecimal("0.000")))
                    .isTrue();
            assertThat(JsonValues.jsonEquals(
                            Map.of("a", List.of(Map.of("b", 2))), Map.of("a", List.of(Map.of("b", 2.0d)))))
                    .isTrue();
            assertThat(JsonValues.jsonEquals(1, 1.5)).isFalse();
            assertThat(JsonValues.jsonEquals(
                            Map.of("a", List.of(Map.of("b", 2))), Map.of("a", List.of(Map.of("b", 3)))))
                    .isFalse();
        }

        @Test
        @DisplayName("tells numbers from strings and booleans")
        void typesStillMatter() {
            assertThat(JsonValues.jsonEquals(1, "1")).isFalse();
            assertThat(JsonValues.jsonEquals(true, "true")).isFalse();
            assertThat(JsonValues.jsonEquals(Double.NaN, "NaN")).isTrue();
            assertThat(JsonValues.jsonEquals(null, null)).isTrue();
            assertThat(JsonValues.jsonEquals(null, 0)).isFalse();
        }

        @Test
        @DisplayName("compares maps regardless of key order and lists in order")
        void structure() {
            Map<String, Object> ab = new LinkedHashMap<>();
            ab.put("a", 1);
            ab.put("b", 2);
            Map<String, Object> ba = new LinkedHashMap<>();
            ba.put("b", 2L);
            ba.put("a", 1L);

            assertThat(JsonValues.jsonEquals(ab, ba)).isTrue();
            assertThat(JsonValues.jsonEquals(Map.of("a", 1), Map.of("a", 1, "b", 2)))
                    .isFalse();
            assertThat(JsonValues.jsonEquals(Map.of("a", 1), Map.of("b", 1))).isFalse();
            assertThat(JsonValues.jsonEquals(List.of(1, 2), List.of(2, 1))).isFalse();
            assertThat(JsonValues.jsonEquals(List.of(1, 2), List.of(1, 2, 3))).isFalse();
            assertThat(JsonValues.jsonEquals(List.of(1), Map.of("0", 1))).isFalse();
        }
    }
}
