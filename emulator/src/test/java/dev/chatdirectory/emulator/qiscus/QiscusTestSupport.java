package dev.chatdirectory.emulator.qiscus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Starts one emulator per test class, resets it before every test and talks to it over HTTP with
 * the JDK client, the way an adapter would.
 */
abstract class QiscusTestSupport {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static QiscusEmulator emulator;

    @BeforeAll
    static void startEmulator() {
        emulator = new QiscusEmulator().start();
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @BeforeEach
    void resetEmulator() {
        emulator.reset();
        emulator.useClock(Clock.systemUTC());
    }

    /** A decoded answer. */
    record Reply(int status, HttpHeaders headers, JsonNode body) {

        JsonNode results() {
            return body.path("results");
        }

        String errorMessage() {
            return body.path("error").path("message").asText();
        }

        List<String> detailedMessages() {
            return JSON.convertValue(
                    body.path("error").path("detailed_messages"),
                    JSON.getTypeFactory().constructCollectionType(List.class, String.class));
        }

        /** Asserts a success envelope and returns its results. */
        JsonNode ok() {
            assertThat(status).as("HTTP status of %s", body).isEqualTo(200);
            assertThat(body.path("status").asInt()).isEqualTo(200);
            return results();
        }

        /** Asserts an error envelope with the given status and message. */
        void assertError(int expectedStatus, String expectedMessage) {
            assertThat(status).as("HTTP status of %s", body).isEqualTo(expectedStatus);
            assertThat(body.path("status").asInt()).isEqualTo(expectedStatus);
            assertThat(errorMessage()).isEqualTo(expectedMessage);
            assertThat(body.path("error").path("detailed_messages").isArray()).isTrue();
            assertThat(body.has("results")).isFalse();
        }
    }

    /** Builds a JSON body from alternating keys and values. */
    static String json(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        try {
            return JSON.writeValueAsString(map);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HttpRequest.Builder request(String endpoint) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/" + endpoint));
        emulator.authHeaders().forEach(builder::header);
        return builder;
    }

    static Reply get(String endpoint) {
        return send(request(endpoint).GET().build());
    }

    static Reply post(String endpoint, String jsonBody) {
        return send(request(endpoint)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody))
                .build());
    }

    static Reply postForm(String endpoint, String formBody) {
        return send(request(endpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody))
                .build());
    }

    static Reply delete(String endpoint, String jsonBody) {
        return send(request(endpoint)
                .header("Content-Type", "application/json")
                .method("DELETE", HttpRequest.BodyPublishers.ofString(jsonBody))
                .build());
    }

    static Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), parse(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Parses a JSON body; a body that is not JSON (a fault stub's) becomes a text node. */
    private static JsonNode parse(String body) {
        try {
            return body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(body);
        }
    }

    /** Registers a user through the API and returns the user object. */
    static JsonNode register(String userId, String username) {
        return post("login_or_register", json("user_id", userId, "username", username))
                .ok()
                .path("user");
    }

    /** Creates a group room through the API and returns its id. */
    static String createGroup(String name, String creator, String... participants) {
        return post("create_room", json("room_name", name, "creator", creator, "participants", List.of(participants)))
                .ok()
                .path("room")
                .path("room_id")
                .asText();
    }

    /** Returns the user ids of a JSON array of user objects. */
    static List<String> userIds(JsonNode users) {
        return stream(users).map(user -> user.path("user_id").asText()).toList();
    }

    /** Returns one field of every element of a JSON array. */
    static List<String> field(JsonNode array, String name) {
        return stream(array).map(node -> node.path(name).asText()).toList();
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }
}
