package dev.chatdirectory.emulator.qiscus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.chatdirectory.emulator.EmulatorRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters of one Qiscus request, merged from its JSON body, form body and query string.
 *
 * <p>Qiscus's backend merges body and query parameters the way Phoenix does, the body winning;
 * the emulator does the same. Arrays are accepted under both spellings the reference shows: the
 * bare key of the JSON examples ({@code "user_ids": [...]}) and the bracketed key of the parameter
 * tables and form/query encodings ({@code user_ids[]=a&user_ids[]=b}) [INF, reference section 1.4].
 */
final class QiscusParams {

    private final ObjectNode body;
    private final Map<String, List<String>> form;
    private final Map<String, List<String>> query;

    private QiscusParams(ObjectNode body, Map<String, List<String>> form, Map<String, List<String>> query) {
        this.body = body;
        this.form = form;
        this.query = query;
    }

    /**
     * Decodes the parameters of a request.
     *
     * @throws QiscusApiException 400 when a JSON body is not a JSON object
     */
    static QiscusParams of(EmulatorRequest request) {
        return new QiscusParams(jsonBody(request), request.form(), request.query());
    }

    private static ObjectNode jsonBody(EmulatorRequest request) {
        String contentType = request.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        boolean formBody = contentType.contains("x-www-form-urlencoded") || contentType.startsWith("multipart/");
        if (formBody || request.body().isBlank()) {
            return QiscusJson.object();
        }
        try {
            JsonNode parsed = QiscusJson.MAPPER.readTree(request.body());
            if (parsed instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            // Falls through to the same answer as a JSON value that is not an object.
        }
        throw QiscusApiException.badRequest("invalid JSON body");
    }

    /**
     * Returns a scalar parameter as text; absent when missing or JSON {@code null}.
     *
     * @throws QiscusApiException 400 when the JSON value is an object or an array
     */
    Optional<String> text(String name) {
        JsonNode node = body.get(name);
        if (node != null && !node.isNull()) {
            if (!node.isValueNode()) {
                throw QiscusApiException.badRequest(name + " must be a string");
            }
            return Optional.of(node.asText());
        }
        return first(form, name).or(() -> first(query, name));
    }

    /**
     * Returns a parameter that is present and not blank.
     *
     * <p>Blank counts as absent because the Qiscus Go client serialises every unset optional field
     * as {@code ""} (no {@code omitempty}); the server must therefore ignore empty strings, or the
     * client would blank passwords, avatars and room names on every call [INF].
     */
    Optional<String> nonBlank(String name) {
        return text(name).filter(value -> !value.isBlank());
    }

    /**
     * Returns a required parameter.
     *
     * @throws QiscusApiException 400 {@code "<name> is required"} when missing or blank
     */
    String required(String name) {
        return nonBlank(name).orElseThrow(() -> QiscusApiException.badRequest(name + " is required"));
    }

    /**
     * Returns an array parameter given as {@code name} or {@code name[]}, in the JSON body, the
     * form body or the query string (the first source that has it); a lone string counts as a
     * one-element array.
     *
     * @throws QiscusApiException 400 when a JSON array holds objects or arrays
     */
    List<String> list(String name) {
        List<String> fromBody = new ArrayList<>();
        for (String key : List.of(name, name + "[]")) {
            JsonNode node = body.get(key);
            if (node == null || node.isNull()) {
                continue;
            }
            if (node.isArray()) {
                for (JsonNode element : node) {
                    if (!element.isValueNode()) {
                        throw QiscusApiException.badRequest(name + " must be an array of strings");
                    }
                    fromBody.add(element.asText());
                }
            } else if (node.isValueNode()) {
                fromBody.add(node.asText());
            } else {
                throw QiscusApiException.badRequest(name + " must be an array of strings");
            }
        }
        if (!fromBody.isEmpty()) {
            return fromBody;
        }
        List<String> fromForm = all(form, name);
        return fromForm.isEmpty() ? all(query, name) : fromForm;
    }

    /** Returns a parameter as JSON: the body's value as sent, or form/query text as a string node. */
    Optional<JsonNode> json(String name) {
        JsonNode node = body.get(name);
        if (node != null && !node.isNull()) {
            return Optional.of(node);
        }
        return first(form, name).or(() -> first(query, name)).map(TextNode::valueOf);
    }

    /**
     * Returns a positive integer parameter, or the default when it is missing, not a number or
     * below 1: Qiscus documents "otherwise will override" for out-of-range page sizes rather than
     * an error (reference, get_unread_users), so bad paging values are corrected, not refused [INF].
     */
    int positiveInt(String name, int defaultValue) {
        return nonBlank(name)
                .map(String::trim)
                .flatMap(QiscusParams::parseInt)
                .filter(value -> value >= 1)
                .orElse(defaultValue);
    }

    /** Returns a boolean parameter: {@code true} for "true" (any case) or "1", else {@code false}. */
    boolean flag(String name) {
        return nonBlank(name)
                .map(value ->
                        value.trim().equalsIgnoreCase("true") || value.trim().equals("1"))
                .orElse(false);
    }

    private static Optional<Integer> parseInt(String value) {
        try {
            return Optional.of(Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> first(Map<String, List<String>> source, String name) {
        List<String> values = source.getOrDefault(name, List.of());
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    private static List<String> all(Map<String, List<String>> source, String name) {
        List<String> values = new ArrayList<>(source.getOrDefault(name + "[]", List.of()));
        values.addAll(source.getOrDefault(name, List.of()));
        return values;
    }
}
