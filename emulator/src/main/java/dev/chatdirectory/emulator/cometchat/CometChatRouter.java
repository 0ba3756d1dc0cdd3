package dev.chatdirectory.emulator.cometchat;

import dev.chatdirectory.emulator.EmulatorRequest;
import dev.chatdirectory.emulator.EmulatorResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Matches a request to an endpoint, authenticates it and runs the endpoint's handler, turning every
 * {@link CometChatException} into CometChat's error envelope.
 *
 * <p>Order of checks: route first (an unknown route or method is a 404 {@code ERR_API_NOT_FOUND}
 * whatever the key, as in a Laravel app where routing precedes route middleware [I]), then the
 * {@code apikey} header, then the key's scope, then the {@code onBehalfOf} user, then the handler.
 */
final class CometChatRouter {

    /** Base path of the v3 REST API. */
    static final String BASE_PATH = "/v3";

    /** An endpoint implementation. */
    @FunctionalInterface
    interface Handler {
        EmulatorResponse handle(ApiCall call);
    }

    private record Route(String method, List<String> pattern, boolean authOnlyAllowed, Handler handler) {

        /** Returns the path parameters when the segments match, lower-cased. */
        Optional<Map<String, String>> match(List<String> segments) {
            if (segments.size() != pattern.size()) {
                return Optional.empty();
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < pattern.size(); i++) {
                String expected = pattern.get(i);
                String actual = segments.get(i);
                if (expected.startsWith("{")) {
                    params.put(expected.substring(1, expected.length() - 1), actual.toLowerCase(Locale.ROOT));
                } else if (!expected.equals(actual)) {
                    return Optional.empty();
                }
            }
            return Optional.of(params);
        }
    }

    private final List<Route> routes = new ArrayList<>();
    private final ApiKeys keys;
    private final CometChatStore store;

    CometChatRouter(ApiKeys keys, CometChatStore store) {
        this.keys = keys;
        this.store = store;
    }

    /**
     * Registers an endpoint callable with a fullAccess key only.
     *
     * @param path the path below {@code /v3}, with {@code {name}} placeholders
     */
    CometChatRouter route(String method, String path, Handler handler) {
        return add(method, path, false, handler);
    }

    /** Registers an endpoint that an authOnly key may call as well. */
    CometChatRouter authOnlyRoute(String method, String path, Handler handler) {
        return add(method, path, true, handler);
    }

    private CometChatRouter add(String method, String path, boolean authOnlyAllowed, Handler handler) {
        List<String> pattern = List.of(path.substring(1).split("/"));
        routes.add(new Route(method, pattern, authOnlyAllowed, handler));
        return this;
    }

    /**
     * Answers one request.
     *
     * @param request the decoded request
     * @param now the current time in epoch seconds
     * @return the endpoint's answer or CometChat's error envelope
     */
    EmulatorResponse dispatch(EmulatorRequest request, long now) {
        try {
            return serve(request, now);
        } catch (CometChatException e) {
            return e.toResponse();
        }
    }

    private EmulatorResponse serve(EmulatorRequest request, long now) {
        String path = request.path();
        if (!path.equals(BASE_PATH) && !path.startsWith(BASE_PATH + "/")) {
            throw Errors.apiNotFound();
        }
        List<String> segments = request.segmentsAfter(BASE_PATH);
        for (Route route : routes) {
            if (!route.method().equals(request.method())) {
                continue;
            }
            Optional<Map<String, String>> params = route.match(segments);
            if (params.isPresent()) {
                authenticate(request, route);
                UserRecord actor = actor(request);
                return route.handler().handle(new ApiCall(request, params.get(), actor, now));
            }
        }
        throw Errors.apiNotFound();
    }

    private void authenticate(EmulatorRequest request, Route route) {
        String key = request.header("apikey").map(String::trim).orElse("");
        if (key.isEmpty()) {
            throw Errors.emptyApiKey();
        }
        switch (keys.access(key)) {
            case UNKNOWN -> throw Errors.apiKeyNotFound(key);
            case AUTH_ONLY -> {
                if (!route.authOnlyAllowed()) {
                    throw Errors.noAccess(key);
                }
            }
            case FULL -> {
                // A fullAccess key may call every endpoint.
            }
        }
    }

    /** Resolves {@code onBehalfOf}; an unknown or deactivated user is a 404 {@code ERR_UID_NOT_FOUND} [I]. */
    private UserRecord actor(EmulatorRequest request) {
        Optional<String> onBehalfOf =
                request.header("onBehalfOf").map(String::trim).filter(s -> !s.isEmpty());
        return onBehalfOf
                .map(uid -> store.activeUser(uid.toLowerCase(Locale.ROOT)))
                .orElse(null);
    }
}
