package dev.chatdirectory.emulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP request as a vendor model sees it: method, decoded path, query and form parameters,
 * headers and raw body.
 *
 * <p>Header names are matched case-insensitively. Query and form parameters keep every value in
 * arrival order; both URL-encoded and multipart form bodies are decoded into {@link #form()}.
 *
 * @param method the HTTP method in upper case
 * @param path the decoded path without query string, e.g. {@code /v3/users/alice}
 * @param query the decoded query parameters
 * @param headers the request headers, keyed case-insensitively
 * @param form the decoded form fields (empty when the body is not a form)
 * @param body the raw body as UTF-8 text (empty when there is none)
 */
public record EmulatorRequest(
        String method,
        String path,
        Map<String, List<String>> query,
        Map<String, List<String>> headers,
        Map<String, List<String>> form,
        String body) {

    /** Creates a request, copying every map so that the record stays immutable. */
    public EmulatorRequest {
        method = method.toUpperCase(Locale.ROOT);
        query = copy(query, false);
        headers = copy(headers, true);
        form = copy(form, false);
        body = body == null ? "" : body;
    }

    /** Returns the first value of a header, matched case-insensitively. */
    public Optional<String> header(String name) {
        return first(headers, name);
    }

    /** Returns the first value of a query parameter. */
    public Optional<String> queryParam(String name) {
        return first(query, name);
    }

    /** Returns every value of a query parameter (empty when absent). */
    public List<String> queryParams(String name) {
        return query.getOrDefault(name, List.of());
    }

    /** Returns the first value of a form field. */
    public Optional<String> formField(String name) {
        return first(form, name);
    }

    /** Returns every value of a form field (empty when absent). */
    public List<String> formFields(String name) {
        return form.getOrDefault(name, List.of());
    }

    /** Returns the path segments after the given prefix, e.g. {@code ["users", "alice"]}. */
    public List<String> segmentsAfter(String prefix) {
        if (!path.startsWith(prefix)) {
            return List.of();
        }
        String rest = path.substring(prefix.length());
        return java.util.Arrays.stream(rest.split("/"))
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /**
     * Decodes an {@code application/x-www-form-urlencoded} string into ordered multi-values.
     *
     * @param encoded the encoded text, may be empty
     * @return the decoded fields
     */
    public static Map<String, List<String>> decodeUrlEncoded(String encoded) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return out;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(value);
        }
        return out;
    }

    private static Optional<String> first(Map<String, List<String>> map, String name) {
        List<String> values = map.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> source, boolean caseInsensitive) {
        Map<String, List<String>> target =
                caseInsensitive ? new TreeMap<>(String.CASE_INSENSITIVE_ORDER) : new LinkedHashMap<>();
        if (source != null) {
            source.forEach((k, v) -> target.put(k, List.copyOf(v)));
        }
        return java.util.Collections.unmodifiableMap(target);
    }
}
