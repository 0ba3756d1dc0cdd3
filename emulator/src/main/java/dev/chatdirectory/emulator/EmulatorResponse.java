package dev.chatdirectory.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer of a vendor model: status, headers and body text.
 *
 * @param status the HTTP status code
 * @param headers the response headers (single-valued)
 * @param body the body text, empty for none
 */
public record EmulatorResponse(int status, Map<String, String> headers, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Creates a response, copying the headers. */
    public EmulatorResponse {
        headers = Map.copyOf(headers);
        body = body == null ? "" : body;
    }

    /**
     * Returns a JSON response with {@code Content-Type: application/json}.
     *
     * @param status the HTTP status
     * @param json the body
     * @return the response
     */
    public static EmulatorResponse json(int status, JsonNode json) {
        try {
            return new EmulatorResponse(
                    status, Map.of("Content-Type", "application/json"), JSON.writeValueAsString(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise emulator response", e);
        }
    }

    /** Returns a copy of this response with one more header. */
    public EmulatorResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new EmulatorResponse(status, copy, body);
    }
}
