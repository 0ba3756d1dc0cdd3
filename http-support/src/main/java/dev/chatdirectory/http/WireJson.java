package dev.chatdirectory.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatdirectory.model.JsonValues;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads fields of vendor JSON defensively: a missing mandatory field or a value of the wrong
 * type becomes a {@link dev.chatdirectory.ProviderProtocolException} naming the field, never a
 * {@code NullPointerException}.
 *
 * <p>Vendors are loose with types (numbers sent as strings and the other way round), so the
 * readers accept both where the meaning is clear. Thread-safe.
 */
public final class WireJson {

    private final ErrorMapper errors;
    private final ObjectMapper mapper;

    /**
     * Creates a reader.
     *
     * @param errors builds the protocol exceptions, with the provider id
     * @param mapper parses the JSON some vendors embed in strings ({@link #parse})
     */
    public WireJson(ErrorMapper errors, ObjectMapper mapper) {
        this.errors = Objects.requireNonNull(errors, "errors");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /**
     * Returns a mandatory object member.
     *
     * @param node the parent, may be {@code null}
     * @param field the member name
     * @return the member, an object
     * @throws dev.chatdirectory.ProviderProtocolException if absent or not an object
     */
    public JsonNode object(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !value.isObject()) {
            throw errors.protocolError("expected an object in '" + field + "'", null);
        }
        return value;
    }

    /**
     * Returns a mandatory array member.
     *
     * @param node the parent, may be {@code null}
     * @param field the member name
     * @return the member, an array
     * @throws dev.chatdirectory.ProviderProtocolException if absent or not an array
     */
    public JsonNode array(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !value.isArray()) {
            throw errors.protocolError("expected an array in '" + field + "'", null);
        }
        return value;
    }

    /**
     * Returns a mandatory, non-blank text (a number is accepted and rendered as text).
     *
     * @param node the parent, may be {@code null}
     * @param field the member name
     * @return the text
     * @throws dev.chatdirectory.ProviderProtocolException if absent, blank, or not a scalar
     */
    public String requiredText(JsonNode node, String field) {
        String text = text(node, field).orElse("");
        if (text.isBlank()) {
            throw errors.protocolError("missing '" + field + "'", null);
        }
        return text;
    }

    /**
     * Returns an optional text; absent, {@code null} and empty strings give empty.
     *
     * @param node the parent, may be {@code null}
     * @param field the member name
     * @return the text
     * @throws dev.chatdirectory.ProviderProtocolException if present but an object or array
     */
    public Optional<String> text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isValueNode()) {
            throw errors.protocolError("expected text in '" + field + "'", null);
        }
        String text = value.asText();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /**
     * Returns an optional whole number, given as a number or as digits in a string.
     *
     * @param node the parent, may be {@code null}
     * @param field the member name
     * @return the number
     * @throws dev.chatdirectory.ProviderProtocolException if present but not a whole number
     */
    public Optional<Long> number(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null
                || value.isNull()
                || (value.isTextual() && value.asText().isEmpty())) {
            return Optional.empty();
        }
        if (value.isIntegralNumber()) {
            return Optional.of(value.asLong());
        }
        if (value.isTextual()) {
            try {
                return Optional.of(Long.parseLong(value.asText().strip()));
            } catch (NumberFormatException e) {
                throw errors.protocolError("expected a whole number in '" + field + "'", e);
            }
        }
        throw errors.protocolError("expected a whole number in '" + field + "'", null);
    }

    /**
     * Returns an optional boolean, given as a boolean, {@code 0}/{@code 1} or {@code "true"}.
     *
     * @param node the parent, may be {@code null}
     * @param field the member name
     * @return the boolean
     */
    public Optional<Boolean> bool(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.isBoolean()) {
            return Optional.of(value.asBoolean());
        }
        String text = value.asText().strip();
        return Optional.of(text.equals("1") || text.equalsIgnoreCase("true"));
    }

    /**
     * Returns an optional time given in Unix epoch seconds; zero counts as absent.
     *
     * @param node the parent, may be {@code null}
     * @param field the member name
     * @return the instant
     */
    public Optional<Instant> epochSeconds(JsonNode node, String field) {
        return number(node, field).filter(n -> n > 0).map(Instant::ofEpochSecond);
    }

    /**
     * Returns an optional time given as ISO-8601 / RFC 3339 text.
     *
     * @param node the parent, may be {@code null}
     * @param field the member name
     * @return the instant
     * @throws dev.chatdirectory.ProviderProtocolException if present but not a time
     */
    public Optional<Instant> isoInstant(JsonNode node, String field) {
        return text(node, field).map(text -> {
            Instant common = commonIsoInstant(text);
            if (common != null) {
                return common;
            }
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw errors.protocolError("expected an ISO-8601 time in '" + field + "'", e);
            }
        });
    }

    /**
     * Reads the form vendors send, {@code 2017-10-09T06:47:00.004482Z} (a fraction of up to nine
     * digits or none, {@code Z} or an offset {@code +HH:MM}), to the instant {@link Instant#parse}
     * gives for it; {@code null} for any other text, which {@link Instant#parse} then reads or
     * refuses. {@link Instant#parse} builds a formatter and adds the fraction up in {@code
     * BigDecimal}s for every call, which a listing pays for twice a row.
     */
    private static Instant commonIsoInstant(String text) {
        int length = text.length();
        if (length < 20
                || text.charAt(4) != '-'
                || text.charAt(7) != '-'
                || text.charAt(10) != 'T'
                || text.charAt(13) != ':'
                || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        // a leap second (60) and everything else unusual is left to Instant.parse
        if (year < 0
                || month < 0
                || day < 0
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 59) {
            return null;
        }
        int at = 19;
        int nanos = 0;
        if (text.charAt(at) == '.') {
            int start = ++at;
            while (at < length && at - start < 9 && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
                nanos = nanos * 10 + (text.charAt(at) - '0');
                at++;
            }
            if (at == start) {
                return null;
            }
            for (int scale = at - start; scale < 9; scale++) {
                nanos *= 10;
            }
        }
        int offset;
        if (at == length - 1 && text.charAt(at) == 'Z') {
            offset = 0;
        } else if (at == length - 6
                && (text.charAt(at) == '+' || text.charAt(at) == '-')
                && text.charAt(at + 3) == ':') {
            int offsetHours = digits(text, at + 1, at + 3);
            int offsetMinutes = digits(text, at + 4, at + 6);
            if (offsetHours < 0 || offsetHours > 18 || offsetMinutes < 0 || offsetMinutes > 59) {
                return null;
            }
            offset = (text.charAt(at) == '-' ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
        } else {
            return null;
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return null;
        }
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3600L + minute * 60L + second - offset, nanos);
    }

    /** {@return the number the ASCII digits from {@code start} to {@code end} spell, {@code -1} if one is not a digit} */
    private static int digits(String text, int start, int end) {
        int value = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * Converts an object node to a JSON-like Java map (for metadata and raw payloads); anything
     * other than an object gives an empty map.
     *
     * @param node the object, may be {@code null}
     * @return the map, as {@link JsonValues#lenientCopy} copies it (unmodifiable, without {@code
     *     null} values), which the models keep without copying it again
     */
    public Map<String, Object> toMap(JsonNode node) {
        return toMap(node, name -> false);
    }

    /**
     * Converts an object node to a JSON-like Java map without the members whose name {@code
     * dropped} accepts, at any depth: a raw payload without its secret fields, say. Anything other
     * than an object gives an empty map.
     *
     * <p>The tree is copied once, straight into the map the models keep: a vendor's every listed
     * row carries one, so no intermediate copy is made.
     *
     * @param node the object, may be {@code null}
     * @param dropped tells the names of the members to leave out
     * @return the map, as {@link JsonValues#lenientCopy} copies it (unmodifiable, without {@code
     *     null} values), which the models keep without copying it again
     */
    public Map<String, Object> toMap(JsonNode node, Predicate<String> dropped) {
        Objects.requireNonNull(dropped, "dropped");
        if (node == null || !node.isObject()) {
            return Map.of();
        }
        return JsonValues.lenientCopy(new ObjectView(node, dropped));
    }

    /**
     * A JSON value of a tree as {@link JsonValues} takes it: text, the number the node holds
     * (read by the mapper that parsed it, so as {@code convertValue} would give it), a boolean, a
     * view of an object or array, or {@code null}.
     */
    private static Object javaValue(JsonNode value, Predicate<String> dropped) {
        return switch (value.getNodeType()) {
            case STRING -> value.textValue();
            case NUMBER -> value.numberValue();
            case BOOLEAN -> value.booleanValue();
            case OBJECT -> new ObjectView(value, dropped);
            case ARRAY -> new ArrayView(value, dropped);
            case NULL, MISSING -> null;
            // Parsed text holds neither: only a tree built in code can, and its text stands for it.
            case BINARY, POJO -> value.asText();
        };
    }

    /**
     * A read-only view of an object node without its dropped members, which only {@link
     * JsonValues#lenientCopy} reads, once: it turns nothing into Java values until asked.
     */
    private static final class ObjectView extends AbstractMap<String, Object> {

        private final JsonNode node;
        private final Predicate<String> dropped;

        ObjectView(JsonNode node, Predicate<String> dropped) {
            this.node = node;
            this.dropped = dropped;
        }

        @Override
        public Set<Map.Entry<String, Object>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public int size() {
                    int size = 0;
                    for (Map.Entry<String, JsonNode> member : node.properties()) {
                        if (!dropped.test(member.getKey())) {
                            size++;
                        }
                    }
                    return size;
                }

                @Override
                public Iterator<Map.Entry<String, Object>> iterator() {
                    Iterator<Map.Entry<String, JsonNode>> members =
                            node.properties().iterator();
                    return new Iterator<>() {
                        private Map.Entry<String, JsonNode> next = advance();

                        private Map.Entry<String, JsonNode> advance() {
                            while (members.hasNext()) {
                                Map.Entry<String, JsonNode> member = members.next();
                                if (!dropped.test(member.getKey())) {
                                    return member;
                                }
                            }
                            return null;
                        }

                        @Override
                        public boolean hasNext() {
                            return next != null;
                        }

                        @Override
                        public Map.Entry<String, Object> next() {
                            if (next == null) {
                                throw new NoSuchElementException();
                            }
                            Map.Entry<String, JsonNode> member = next;
                            next = advance();
                            return new SimpleImmutableEntry<>(member.getKey(), javaValue(member.getValue(), dropped));
                        }
                    };
                }
            };
        }
    }

    /** A read-only view of an array node, as {@link ObjectView} is of an object. */
    private static final class ArrayView extends AbstractList<Object> {

        private final JsonNode node;
        private final Predicate<String> dropped;

        ArrayView(JsonNode node, Predicate<String> dropped) {
            this.node = node;
            this.dropped = dropped;
        }

        @Override
        public Object get(int index) {
            if (index < 0 || index >= node.size()) {
                throw new IndexOutOfBoundsException(index);
            }
            return javaValue(node.get(index), dropped);
        }

        @Override
        public int size() {
            return node.size();
        }
    }

    /**
     * Parses JSON text; used for vendors that embed JSON in strings.
     *
     * @param text the JSON text
     * @param what what the text is, for the error message
     * @return the tree
     * @throws dev.chatdirectory.ProviderProtocolException if the text is not JSON
     */
    public JsonNode parse(String text, String what) {
        try {
            return mapper.readTree(text);
        } catch (java.io.IOException e) {
            throw errors.protocolError(what + " is not valid JSON", e);
        }
    }
}
