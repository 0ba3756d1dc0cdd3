package dev.chatdirectory.http;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A vendor's error response, as handed to an {@link ErrorMapper}: status, headers and body text.
 *
 * <p>Immutable and thread-safe; header names are matched ignoring case.
 *
 * @param status the HTTP status
 * @param headers the response headers
 * @param body the body as UTF-8 text, empty when there was none
 */
public record HttpErrorResponse(int status, Map<String, List<String>> headers, String body) {

    /** Creates a response, copying the headers into a case-insensitive map. */
    public HttpErrorResponse {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        headers = java.util.Collections.unmodifiableMap(copy);
        body = body == null ? "" : body;
    }

    /**
     * Builds a response from Feign's parts.
     *
     * @param status the HTTP status
     * @param headers Feign's headers
     * @param body the body bytes, may be {@code null}
     * @return the response
     */
    static HttpErrorResponse of(int status, Map<String, Collection<String>> headers, byte[] body) {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return new HttpErrorResponse(status, copy, body == null ? "" : new String(body, StandardCharsets.UTF_8));
    }

    /**
     * Returns the first value of a header.
     *
     * @param name the header name, any case
     * @return the value, empty if absent
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
