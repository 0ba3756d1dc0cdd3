package dev.chatdirectory.emulator.cometchat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatdirectory.emulator.EmulatorRequest;
import java.util.Map;

/**
 * One routed API call: the request, its path parameters (already lower-cased, as the service
 * lowercases UIDs and GUIDs in paths), the acting {@code onBehalfOf} user and the current time.
 */
final class ApiCall {

    private final EmulatorRequest request;
    private final Map<String, String> pathParams;
    private final UserRecord actor;
    private final long now;
    private ObjectNode body;

    ApiCall(EmulatorRequest request, Map<String, String> pathParams, UserRecord actor, long now) {
        this.request = request;
        this.pathParams = Map.copyOf(pathParams);
        this.actor = actor;
        this.now = now;
    }

    EmulatorRequest request() {
        return request;
    }

    /** Returns a lower-cased path parameter such as {@code uid} or {@code guid}. */
    String path(String name) {
        return pathParams.get(name);
    }

    /** Returns the {@code onBehalfOf} user, or {@code null} when the header is absent. */
    UserRecord actor() {
        return actor;
    }

    /** Returns the {@code onBehalfOf} UID, or {@code null} when the header is absent. */
    String viewer() {
        return actor == null ? null : actor.uid;
    }

    /** Returns the current time in epoch seconds, fixed for the whole call. */
    long now() {
        return now;
    }

    /** Returns a new validation bound to this call's list parameters. */
    ListQuery query(Validation validation) {
        return new ListQuery(request, validation);
    }

    /**
     * Returns the JSON body as an object; an absent body is an empty object.
     *
     * @throws CometChatException 400 {@code ERR_BAD_REQUEST} when the body is not a JSON object
     */
    ObjectNode body() {
        if (body == null) {
            body = parse(request.body());
        }
        return body;
    }

    private static ObjectNode parse(String text) {
        if (text.isBlank()) {
            return WireFormat.object();
        }
        try {
            JsonNode node = WireFormat.MAPPER.readTree(text);
            if (node != null && node.isObject()) {
                return (ObjectNode) node;
            }
        } catch (JsonProcessingException e) {
            // Falls through to the same answer as a body that is valid JSON but not an object.
        }
        throw Errors.malformedJson();
    }
}
