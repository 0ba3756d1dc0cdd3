package dev.chatdirectory.emulator.cometchat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatdirectory.emulator.EmulatorResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A CometChat API error: HTTP status plus the {@code error} object of the envelope. Handlers throw
 * it; the router turns it into the response. Create instances through {@link Errors}.
 */
final class CometChatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String devMessage;
    private final Map<String, List<String>> details;

    CometChatException(int status, String code, String message, String devMessage) {
        this(status, code, message, devMessage, Map.of());
    }

    CometChatException(int status, String code, String message, String devMessage, Map<String, List<String>> details) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.devMessage = devMessage;
        this.details = new LinkedHashMap<>(details);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    /**
     * Returns the error object: {@code message}, {@code devMessage}, {@code source}, {@code details}
     * (validation errors only) and {@code code}, in the key order of the captured fixtures.
     */
    ObjectNode errorObject() {
        ObjectNode error = WireFormat.object();
        error.put("message", getMessage());
        error.put("devMessage", devMessage);
        error.put("source", "chat-api");
        if (!details.isEmpty()) {
            ObjectNode detailsNode = error.putObject("details");
            details.forEach((field, messages) -> {
                ArrayNode list = detailsNode.putArray(field);
                messages.forEach(list::add);
            });
        }
        error.put("code", code);
        return error;
    }

    /** Returns the complete HTTP answer {@code {"error": {...}}}. */
    EmulatorResponse toResponse() {
        ObjectNode body = WireFormat.object();
        body.set("error", errorObject());
        return EmulatorResponse.json(status, body);
    }
}
