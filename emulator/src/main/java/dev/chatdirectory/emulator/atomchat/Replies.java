package dev.chatdirectory.emulator.atomchat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatdirectory.emulator.EmulatorResponse;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Renders AtomChat's response envelope: one top-level {@code success} or {@code failed} object
 * holding {@code status} as a JSON string, {@code message} and any extra members.
 *
 * <p>Business failures are HTTP 200 like on the real server; only the emulator's own answers
 * (unknown endpoint, simulated rate limit) use other HTTP statuses.
 */
final class Replies {

    /** Status of every successful v2 call. */
    static final String STATUS_SUCCESS = "2000";
    /** Status of every business failure. */
    static final String STATUS_FAILED = "2001";
    /** Status of a missing or wrong API key. */
    static final String STATUS_INVALID_KEY = "1010";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Replies() {}

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** Returns {@code {"success":{"status":"2000","message":...}}}. */
    static EmulatorResponse success(String message) {
        return success(message, extras -> {});
    }

    /** Returns a success envelope whose inner object also carries the members set by {@code extras}. */
    static EmulatorResponse success(String message, Consumer<ObjectNode> extras) {
        return envelope(200, "success", STATUS_SUCCESS, message, extras);
    }

    /** Returns {@code {"success":{...}}} around an object that has no status/message pair of its own. */
    static EmulatorResponse bareSuccess(ObjectNode content) {
        ObjectNode root = object();
        root.set("success", content);
        return EmulatorResponse.json(200, root);
    }

    /** Returns {@code {"failed":{"status":"2001","message":...}}}. */
    static EmulatorResponse failed(String message) {
        return failed(STATUS_FAILED, message, extras -> {});
    }

    /** Returns a failed envelope with the given vendor status. */
    static EmulatorResponse failed(String status, String message) {
        return failed(status, message, extras -> {});
    }

    /** Returns a failed envelope whose inner object also carries the members set by {@code extras}. */
    static EmulatorResponse failed(String status, String message, Consumer<ObjectNode> extras) {
        return envelope(200, "failed", status, message, extras);
    }

    /**
     * Returns the answer to a path or method the vendor does not serve. [ours] The 2018 router
     * prints an empty HTTP 200 body here; a 404 with a failed envelope is easier to diagnose.
     */
    static EmulatorResponse unknownEndpoint(String method, String path) {
        return envelope(404, "failed", "404", "Unknown endpoint: " + method + " " + path, extras -> {});
    }

    /**
     * Returns the answer to a request over the simulated rate limit. [ours] AtomChat documents no
     * rate limit; we answer HTTP 429 with {@code Retry-After} in whole seconds (at least 1) and a
     * failed envelope with status {@code "429"}, so adapters can exercise their back-off path.
     */
    static EmulatorResponse rateLimited(Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return envelope(429, "failed", "429", "Too many requests. Retry after " + seconds + " seconds.", extras -> {})
                .withHeader("Retry-After", Long.toString(seconds));
    }

    private static EmulatorResponse envelope(
            int httpStatus, String outcome, String status, String message, Consumer<ObjectNode> extras) {
        ObjectNode inner = object();
        inner.put("status", status);
        inner.put("message", message);
        extras.accept(inner);
        ObjectNode root = object();
        root.set(outcome, inner);
        return EmulatorResponse.json(httpStatus, root);
    }
}
