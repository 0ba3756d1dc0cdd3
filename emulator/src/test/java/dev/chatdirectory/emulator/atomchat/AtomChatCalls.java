package dev.chatdirectory.emulator.atomchat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Test client that talks HTTP to a running {@link AtomChatEmulator} the way AtomChat clients do. */
final class AtomChatCalls {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final AtomChatEmulator emulator;

    AtomChatCalls(AtomChatEmulator emulator) {
        this.emulator = emulator;
    }

    /** Starts a URL-encoded call to {@code /api/v2/<endpoint>} carrying the right {@code api-key} header. */
    Call call(String endpoint) {
        return new Call(URI.create(emulator.baseUrl() + "/" + endpoint)).header("api-key", emulator.apiKey());
    }

    /** Sends a URL-encoded call with alternating field names and values. */
    Reply post(String endpoint, String... namesAndValues) {
        Call call = call(endpoint);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            call.field(namesAndValues[i], namesAndValues[i + 1]);
        }
        return call.send();
    }

    /** Creates a user and checks that it worked. */
    void createUser(String uid, String name) {
        post("createUser", "UID", uid, "name", name).assertSuccess("User created successfully!");
    }

    /** Creates a public group and checks that it worked. */
    void createGroup(String guid, String name) {
        post("createGroup", "GUID", guid, "name", name).assertSuccess("Group created successfully");
    }

    /** One request under construction. */
    static final class Call {
        private final URI uri;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final List<Map.Entry<String, String>> fields = new ArrayList<>();
        private String method = "POST";
        private boolean multipart;
        private String jsonBody;

        Call(URI uri) {
            this.uri = uri;
        }

        Call field(String name, String value) {
            fields.add(Map.entry(name, value));
            return this;
        }

        Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Call withoutHeader(String name) {
            headers.remove(name);
            return this;
        }

        Call multipart() {
            multipart = true;
            return this;
        }

        /** Sends a JSON body instead of form fields. */
        Call json(String body) {
            jsonBody = body;
            return this;
        }

        Call method(String method) {
            this.method = method;
            return this;
        }

        Reply send() {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri);
            headers.forEach(request::header);
            if (jsonBody != null) {
                request.header("Content-Type", "application/json");
                request.method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
            } else if (multipart) {
                String boundary = "----chatdirectory-test-boundary";
                request.header("Content-Type", "multipart/form-data; boundary=" + boundary);
                request.method(method, HttpRequest.BodyPublishers.ofByteArray(multipartBody(boundary)));
            } else {
                request.header("Content-Type", "application/x-www-form-urlencoded");
                String body = fields.stream()
                        .map(f -> encode(f.getKey()) + "=" + encode(f.getValue()))
                        .collect(Collectors.joining("&"));
                request.method(method, HttpRequest.BodyPublishers.ofString(body));
            }
            try {
                HttpResponse<String> response =
                        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                return new Reply(response.statusCode(), response.headers(), response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** Writes each field as its own part, without a part content type, as browsers' FormData does. */
        private byte[] multipartBody(String boundary) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (Map.Entry<String, String> field : fields) {
                String head =
                        "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n";
                out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
                out.writeBytes(field.getValue().getBytes(StandardCharsets.UTF_8));
                out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return out.toByteArray();
        }

        private static String encode(String text) {
            return URLEncoder.encode(text, StandardCharsets.UTF_8);
        }
    }

    /** One answer: HTTP status, headers and body text. */
    record Reply(int status, HttpHeaders headers, String body) {

        /** Returns the body parsed as JSON. */
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Returns the inner {@code success} object after checking the envelope around it. */
        JsonNode success() {
            assertThat(status).as("HTTP status").isEqualTo(200);
            JsonNode json = json();
            assertThat(json.fieldNames()).toIterable().as("top-level keys").containsExactly("success");
            return json.get("success");
        }

        /** Returns the inner {@code failed} object after checking the envelope around it. */
        JsonNode failed() {
            JsonNode json = json();
            assertThat(json.fieldNames()).toIterable().as("top-level keys").containsExactly("failed");
            return json.get("failed");
        }

        /** Checks a success envelope with status {@code "2000"} and the exact message. */
        JsonNode assertSuccess(String message) {
            JsonNode success = success();
            assertThat(success.get("status").isTextual())
                    .as("status is a JSON string")
                    .isTrue();
            assertThat(success.get("status").asText()).isEqualTo("2000");
            assertThat(success.get("message").asText()).isEqualTo(message);
            return success;
        }

        /** Checks an HTTP 200 failed envelope with status {@code "2001"} and the exact message. */
        JsonNode assertFailed(String message) {
            return assertFailed("2001", message);
        }

        /** Checks an HTTP 200 failed envelope with the given vendor status and exact message. */
        JsonNode assertFailed(String vendorStatus, String message) {
            assertThat(status).as("HTTP status").isEqualTo(200);
            JsonNode failed = failed();
            assertThat(failed.get("status").isTextual())
                    .as("status is a JSON string")
                    .isTrue();
            assertThat(failed.get("status").asText()).isEqualTo(vendorStatus);
            assertThat(failed.get("message").asText()).isEqualTo(message);
            return failed;
        }
    }
}
