package dev.chatdirectory.provider.atomchat.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatdirectory.http.EnvelopeReader;
import dev.chatdirectory.http.HttpErrorResponse;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Reads AtomChat's envelope from every 2xx reply: returns the inner {@code success} object, throws
 * the API's exception for a {@code failed} one, and a {@link dev.chatdirectory.ProviderProtocolException}
 * for anything else.
 *
 * <p>AtomChat answers business failures with HTTP 200, so Feign's error decoder never sees them;
 * this reader hands them to the {@link AtomChatErrorMapper} with the operation they answer and the
 * HTTP status they came with. A failure that {@link AtomChatFailures#isAnswer is the operation's
 * answer} is returned instead, as the inner {@code failed} object (its status is not 2000, which
 * tells it from a success). Reading the body and refusing empty or malformed JSON is the shared
 * decoder's job. Thread-safe.
 */
final class AtomChatEnvelope implements EnvelopeReader {

    /** The vendor status of every success. */
    static final String SUCCESS_STATUS = "2000";

    private final AtomChatErrorMapper errors;
    private final ObjectMapper mapper;

    AtomChatEnvelope(AtomChatErrorMapper errors, ObjectMapper mapper) {
        this.errors = Objects.requireNonNull(errors, "errors");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    @Override
    public JsonNode read(String methodKey, int status, JsonNode root, Supplier<HttpErrorResponse> response) {
        if (!root.isObject()) {
            throw errors.protocolError(
                    "expected a JSON object holding 'success' or 'failed' (HTTP " + status + ")", null);
        }
        JsonNode success = root.get("success");
        JsonNode failed = root.get("failed");
        if (failed != null && success != null) {
            throw errors.protocolError("the reply holds both 'success' and 'failed'", null);
        }
        if (failed != null && failed.isObject()) {
            String operation = AtomChatFailures.operation(methodKey);
            if (AtomChatFailures.isAnswer(operation, text(failed, "status"), text(failed, "message"))) {
                return failed;
            }
            throw errors.refusal(operation, response.get());
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

    private static String text(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value != null && value.isValueNode() && !value.isNull() ? value.asText() : "";
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
}
