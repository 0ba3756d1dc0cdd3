package dev.chatdirectory.emulator.qiscus;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The route table of the server API: one endpoint per method and endpoint name (the last path
 * segment under {@code /api/v2.1/rest/}).
 */
final class QiscusRouter {

    /** Answers one request with the content of the success envelope's {@code results}. */
    @FunctionalInterface
    interface Endpoint {

        /**
         * Serves a request.
         *
         * @param params the request's parameters
         * @return the {@code results} object
         * @throws QiscusApiException when the request is refused
         */
        ObjectNode handle(QiscusParams params);
    }

    private final Map<String, Endpoint> routes = new HashMap<>();

    /** Registers a GET endpoint. */
    void get(String name, Endpoint endpoint) {
        add("GET", name, endpoint);
    }

    /** Registers a POST endpoint. */
    void post(String name, Endpoint endpoint) {
        add("POST", name, endpoint);
    }

    /** Registers a DELETE endpoint. */
    void delete(String name, Endpoint endpoint) {
        add("DELETE", name, endpoint);
    }

    /** Returns the endpoint serving a method and name, if any. */
    Optional<Endpoint> find(String method, String name) {
        return Optional.ofNullable(routes.get(method + ' ' + name));
    }

    private void add(String method, String name, Endpoint endpoint) {
        if (routes.putIfAbsent(method + ' ' + name, endpoint) != null) {
            throw new IllegalStateException("duplicate route " + method + ' ' + name);
        }
    }
}
