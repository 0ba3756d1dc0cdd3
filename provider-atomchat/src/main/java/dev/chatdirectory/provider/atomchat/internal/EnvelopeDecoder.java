package dev.chatdirectory.provider.atomchat.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatdirectory.http.ErrorMapper;
import dev.chatdirectory.http.HttpErrorResponse;
import feign.Response;
import feign.Util;
import feign.codec.Decoder;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Reads AtomChat's envelope from every 2xx reply: returns the inner {@code success} object, throws
 * the API's exception for a {@code failed} one, and a {@link dev.chatdirectory.ProviderProtocolException}
 * for anything else.
 *
 * <p>AtomChat answers business failures with HTTP 200, so Feign's error decoder never sees them;
 * this decoder hands them to the {@link ErrorMapper} as if they were error responses, with the
 * HTTP status they came with. Feign wraps what a decoder throws in a {@code DecodeException},
 * which {@link dev.chatdirectory.http.HttpCallExecutor} unwraps. Only {@link JsonNode} results are
 * supported. Thread-safe.
 */
final class EnvelopeDecoder implements Decoder {

    private static final String SUCCESS_STATUS = "2000";

    private final ErrorMapper errors;
    private final ObjectMapper mapper;

    EnvelopeDecoder(ErrorMapper errors, ObjectMapper mapper) {
        this.errors = Objects.requireNonNull(errors, "errors");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    @Override
    public Object decode(Response response, Type type) throws IOException {
        if (type != JsonNode.class) {
            throw new IllegalStateException("AtomChat replies are decoded to JsonNode, not " + type);
        }
        int status = response.status();
        byte[] body = response.body() == null
                ? new byte[0]
                : Util.toByteArray(response.body().asInputStream());
        if (body.length == 0) {
            throw errors.protocolError("empty body with HTTP " + status, null);
        }
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (IOException e) {
            throw errors.protocolError("the body is not JSON (HTTP " + status + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw errors.protocolError(
                    "expected a JSON object holding 'success' or 'failed' (HTTP " + status + ")", null);
        }
        JsonNode success = root.get("success");
        JsonNode failed = root.get("failed");
        if (failed != null && success != null) {
            throw errors.protocolError("the reply holds both 'success' and 'failed'", null);
        }
        if (failed != null && failed.isObject()) {
            throw errors.map(
                    new HttpErrorResponse(status, headers(response), new String(body, StandardCharsets.UTF_8)));
        }
        if (success != null && success.isObject()) {
            checkStatus(success);
            return success;
        }
        if (success != null && success.isArray() && success.isEmpty()) {
            // PHP encodes an empty map as [] (getUserStatus for no known UID).
            return mapper.createObjectNode();
        }
        throw errors.protocolError("the reply holds no 'success' or 'failed' object (HTTP " + status + ")", null);
    }

    /**
     * Refuses a success object whose own status is not 2000. Only a scalar status counts: in
     * getUserStatus's UID-keyed map, a user called "status" is an object.
     */
    private void checkStatus(JsonNode success) {
        JsonNode code = success.get("status");
        if (code != null
                && code.isValueNode()
                && !code.isNull()
                && !SUCCESS_STATUS.equals(code.asText().strip())) {
            throw errors.protocolError("a 'success' reply with status " + code.asText(), null);
        }
    }

    private static Map<String, List<String>> headers(Response response) {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        response.headers().forEach((name, values) -> copy.put(name, List.copyOf(values)));
        return copy;
    }
}
