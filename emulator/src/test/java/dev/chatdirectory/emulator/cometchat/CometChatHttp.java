package dev.chatdirectory.emulator.cometchat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A small JSON client for the emulator, built on the JDK HTTP client. */
final class CometChatHttp {

    static final ObjectMapper JSON = new ObjectMapper();

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final URI baseUrl;
    private final Map<String, String> headers = new LinkedHashMap<>();

    CometChatHttp(URI baseUrl, String apiKey) {
        this.baseUrl = baseUrl;
        if (apiKey != null) {
            headers.put("apikey", apiKey);
        }
    }

    /** Returns a copy of this client that sends one more header on every call. */
    CometChatHttp withHeader(String name, String value) {
        CometChatHttp copy = new CometChatHttp(baseUrl, null);
        copy.headers.putAll(headers);
        copy.headers.put(name, value);
        return copy;
    }

    /** Returns a copy of this client without the given header. */
    CometChatHttp withoutHeader(String name) {
        CometChatHttp copy = new CometChatHttp(baseUrl, null);
        copy.headers.putAll(headers);
        copy.headers.remove(name);
        return copy;
    }

    Response get(String path) {
        return send("GET", path, null);
    }

    Response post(String path, String json) {
        return send("POST", path, json);
    }

    Response put(String path, String json) {
        return send("PUT", path, json);
    }

    Response delete(String path) {
        return send("DELETE", path, null);
    }

    Response delete(String path, String json) {
        return send("DELETE", path, json);
    }

    /** Sends a request; {@code path} is appended to the base URL as is (it may carry a query). */
    Response send(String method, String path, String json) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        builder.header("Accept", "application/json");
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        headers.forEach(builder::header);
        try {
            HttpResponse<String> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * An answer.
     *
     * @param status the HTTP status
     * @param headers the headers
     * @param body the body text
     */
    record Response(int status, Map<String, List<String>> headers, String body) {

        /** Returns the body as JSON, or a missing node when it is not JSON. */
        JsonNode json() {
            try {
                return body.isEmpty() ? MissingNode.getInstance() : JSON.readTree(body);
            } catch (IOException e) {
                return MissingNode.getInstance();
            }
        }

        /** Returns {@code data} of the body. */
        JsonNode data() {
            return json().path("data");
        }

        /** Returns {@code error} of the body. */
        JsonNode error() {
            return json().path("error");
        }

        /** Returns the first value of a header, matched case-insensitively. */
        Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst();
        }
    }
}
