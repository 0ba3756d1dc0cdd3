package dev.chatdirectory.provider.cometchat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CometChat's own OpenAPI description of the Chat APIs (ReadMe export, 2023), copied unchanged
 * from the vendor's public docs repository, and a request validator built from it with
 * Atlassian's swagger-request-validator.
 *
 * <p>The {@code /roles} paths are dropped before loading: their schema defaults are invalid and
 * stop the parser, and the adapter never calls them. The spec's server URL carries the {@code /v3}
 * base path, so requests are validated with their full path.
 */
final class CometChatSpec {

    /** The spec file, as published by CometChat. */
    static final String RESOURCE = "/cometchat-chat-apis-v3.readme-export-2023.openapi.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode SPEC = load();
    // Unexpected query parameters are only reported at IGNORE level by default; here they fail.
    private static final OpenApiInteractionValidator VALIDATOR =
            OpenApiInteractionValidator.createForInlineApiSpecification(specWithoutRoles())
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.ERROR)
                            .build())
                    .build();

    /**
     * Where the spec and the vendor reference ({@code shared/vendors/cometchat-v3.md}) disagree,
     * the adapter follows the reference; each such place is listed here with the reason. Nothing
     * else is tolerated.
     */
    static final List<Deviation> DEVIATIONS = List.of(
            new Deviation(
                    "POST|PUT",
                    "/v3/users(/[^/]+)?",
                    "validation.request.body.schema.additionalProperties",
                    "[Path '/metadata",
                    "user metadata is a free-form JSON object (reference 3.2 and 3.3: 'metadata (object)', up to"
                            + " 5 KB, echoed as sent); the spec's schema names only the '@private' example key, and"
                            + " the validator then allows no other"),
            new Deviation(
                    "GET",
                    "/v3/groups",
                    "validation.request.parameter.schema.enum",
                    "(\"password\")",
                    "the group type filter takes public, private or password (reference 5.3, and the type enum"
                            + " of every other group operation in the same spec); this one parameter says"
                            + " 'protected', a type CometChat has nowhere else"),
            new Deviation(
                    "GET",
                    "/v3/groups/[^/]+/members",
                    "validation.request.parameter.schema.invalidJson",
                    "",
                    "scopes is a comma list of admin, moderator and participant (reference 6.2); the spec gives"
                            + " its items no type, so the validator tries to parse each scope as JSON"),
            new Deviation(
                    "GET",
                    "/v3/groups/[^/]+/bannedusers",
                    "validation.request.parameter.query.unexpected",
                    "",
                    "CometChat's current spec documents perPage and page on the banned-users list (reference"
                            + " 6.5); the 2023 export lists no query parameters there"));

    private CometChatSpec() {}

    /** {@return the whole spec, as published} */
    static JsonNode json() {
        return SPEC;
    }

    private static JsonNode load() {
        try (InputStream in = CometChatSpec.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + RESOURCE);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String specWithoutRoles() {
        ObjectNode copy = SPEC.deepCopy();
        ObjectNode paths = (ObjectNode) copy.get("paths");
        List<String> roles = new ArrayList<>();
        paths.fieldNames().forEachRemaining(path -> {
            if (path.equals("/roles") || path.startsWith("/roles/")) {
                roles.add(path);
            }
        });
        paths.remove(roles);
        return copy.toString();
    }

    /**
     * Returns what is wrong with a request according to the spec, apart from the listed
     * deviations.
     *
     * @param request the logged request
     * @return one line per error, empty when the request conforms
     */
    static List<String> violations(LoggedRequest request) {
        String path = URI.create(request.getUrl()).getRawPath();
        String method = request.getMethod().getName();
        List<String> violations = new ArrayList<>();
        for (ValidationReport.Message message : validate(request).getMessages()) {
            if (message.getLevel() != ValidationReport.Level.ERROR) {
                continue;
            }
            boolean tolerated = DEVIATIONS.stream().anyMatch(d -> d.covers(method, path, message));
            if (!tolerated) {
                violations.add(method + " " + request.getUrl() + ": " + message.getKey() + ": " + message.getMessage());
            }
        }
        return violations;
    }

    /**
     * Validates a request as the emulator (or a proxy) logged it.
     *
     * @param request the logged request
     * @return the validator's report
     */
    static ValidationReport validate(LoggedRequest request) {
        return VALIDATOR.validateRequest(toRequest(request));
    }

    /** {@return the validator, for tests that build requests by hand} */
    static OpenApiInteractionValidator validator() {
        return VALIDATOR;
    }

    /**
     * Converts a logged request to the validator's model: method, raw path (including {@code
     * /v3}), decoded query parameters, headers and body.
     */
    static Request toRequest(LoggedRequest logged) {
        URI url = URI.create(logged.getUrl());
        SimpleRequest.Builder builder =
                new SimpleRequest.Builder(logged.getMethod().getName(), url.getRawPath());
        decodeQuery(url.getRawQuery()).forEach(builder::withQueryParam);
        for (HttpHeader header : logged.getHeaders().all()) {
            builder.withHeader(header.key(), header.values());
        }
        if (logged.getBody() != null && logged.getBody().length > 0) {
            builder.withBody(logged.getBodyAsString());
        }
        return builder.build();
    }

    /**
     * A place where the adapter follows the vendor reference rather than the spec.
     *
     * @param methods the HTTP methods, as a regular expression
     * @param path the raw request path, as a regular expression
     * @param key the validator's message key
     * @param detail text the validator's message must contain
     * @param reason why the reference wins
     */
    record Deviation(String methods, String path, String key, String detail, String reason) {

        boolean covers(String method, String rawPath, ValidationReport.Message message) {
            return method.matches(methods)
                    && rawPath.matches(path)
                    && message.getKey().equals(key)
                    && message.getMessage().contains(detail);
        }
    }

    private static Map<String, List<String>> decodeQuery(String rawQuery) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return params;
    }
}
