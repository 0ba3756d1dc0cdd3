package dev.chatdirectory.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The baseline: what an application would write by hand for one vendor with the JDK {@link
 * HttpClient} and Jackson, one request per operation (the vendor's own endpoint for it), reading
 * each answer into a tree and the users in it into {@link RawUser}s. It sends the same bytes as the
 * adapter where the adapter sends that request, so both read the same recorded answers.
 *
 * <p>HTTP/1.1 is asked for explicitly: the loopback server speaks nothing else, so the baseline
 * carries no upgrade attempt. Thread-safe.
 */
final class RawClient {

    /** A user as the baseline reads it: id and display name. */
    record RawUser(String id, String name) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Vendor vendor;
    private final String base;
    private final Map<String, String> headers;
    private final HttpClient http;

    /**
     * Creates the client.
     *
     * @param vendor which vendor's requests to send
     * @param baseUrl the vendor's base URL (on the loopback server)
     * @param credentials the emulator's credentials
     */
    RawClient(Vendor vendor, URI baseUrl, Map<String, String> credentials) {
        this.vendor = vendor;
        this.base = baseUrl.toString();
        this.headers = switch (vendor) {
            case ATOMCHAT -> Map.of("api-key", credentials.get("apiKey"));
            case COMETCHAT -> Map.of("apikey", credentials.get("apiKey"));
            case QISCUS ->
                Map.of("QISCUS-SDK-APP-ID", credentials.get("appId"), "QISCUS-SDK-SECRET", credentials.get("secret"));
        };
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    /**
     * Reads one user.
     *
     * @param id the user id
     * @return the user
     */
    RawUser get(String id) {
        JsonNode root = switch (vendor) {
            case ATOMCHAT ->
                form("/getUser", Map.of("UID", id)).path("success").path("data").path("user");
            case COMETCHAT -> send("GET", "/users/" + id, null, null).path("data");
            case QISCUS ->
                send("GET", "/user_profile?user_id=" + encode(id), null, null)
                        .path("results")
                        .path("user");
        };
        return switch (vendor) {
            case ATOMCHAT, COMETCHAT -> new RawUser(text(root, "uid"), text(root, "name"));
            case QISCUS -> new RawUser(text(root, "user_id"), text(root, "username"));
        };
    }

    /**
     * Reads the first page of users.
     *
     * @param size the page size
     * @return the users of the page
     */
    List<RawUser> list(int size) {
        return page(0, size);
    }

    /**
     * Reads one page of users.
     *
     * @param index the page, from 0
     * @param size the page size
     * @return the users of the page
     */
    List<RawUser> page(long index, int size) {
        JsonNode items = switch (vendor) {
            case ATOMCHAT ->
                form("/listUsers", linked("offset", Long.toString(index * size), "limit", Integer.toString(size)))
                        .path("success")
                        .path("data");
            case COMETCHAT ->
                send("GET", "/users?perPage=" + size + "&page=" + (index + 1), null, null)
                        .path("data");
            case QISCUS ->
                send(
                                "GET",
                                "/get_user_list?page=" + (index + 1) + "&limit=" + size
                                        + "&order_query=created_at%20asc",
                                null,
                                null)
                        .path("results")
                        .path("users");
        };
        List<RawUser> users = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            users.add(
                    switch (vendor) {
                        case ATOMCHAT -> new RawUser(text(item, "uid"), text(item, "displayname"));
                        case COMETCHAT -> new RawUser(text(item, "uid"), text(item, "name"));
                        case QISCUS -> new RawUser(text(item, "email"), text(item, "username"));
                    });
        }
        return users;
    }

    /**
     * Creates a user.
     *
     * @param id the user id
     * @param name the display name
     * @return the vendor's answer
     */
    JsonNode create(String id, String name) {
        return switch (vendor) {
            case ATOMCHAT -> form("/createUser", linked("UID", id, "name", name));
            case COMETCHAT ->
                send("POST", "/users", "{\"uid\":\"" + id + "\",\"name\":\"" + name + "\"}", "application/json");
            case QISCUS ->
                send(
                        "POST",
                        "/login_or_register",
                        "{\"user_id\":\"" + id + "\",\"username\":\"" + name
                                + "\",\"password\":\"raw-baseline-password\"}",
                        "application/json");
        };
    }

    /**
     * Adds members to a group.
     *
     * @param groupId the group (a Qiscus room id for Qiscus)
     * @param userIds the users
     * @return the vendor's answer
     */
    JsonNode addMembers(String groupId, List<String> userIds) {
        String quoted = userIds.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(","));
        return switch (vendor) {
            case ATOMCHAT ->
                form(
                        "/addUsersToGroup",
                        linked("GUID", groupId, "UIDs", String.join(",", userIds), "clearExisting", "false"));
            case COMETCHAT ->
                send(
                        "POST",
                        "/groups/" + groupId + "/members",
                        "{\"participants\":[" + quoted + "]}",
                        "application/json");
            case QISCUS ->
                send(
                        "POST",
                        "/add_room_participants",
                        "{\"room_id\":\"" + groupId + "\",\"user_ids\":[" + quoted + "]}",
                        "application/json");
        };
    }

    private JsonNode form(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        JsonNode answer = send("POST", path, body, "application/x-www-form-urlencoded; charset=UTF-8");
        if (answer.has("failed")) {
            throw new IllegalStateException("AtomChat refused " + path + ": " + answer);
        }
        return answer;
    }

    private JsonNode send(String method, String path, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalStateException("no text field " + field + " in " + node);
        }
        return value.asText();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Map<String, String> linked(String... keysAndValues) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
