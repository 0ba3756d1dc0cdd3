package dev.chatdirectory.provider.cometchat;

import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.ProviderConfig;
import dev.chatdirectory.RateLimitSettings;
import dev.chatdirectory.RetrySettings;
import dev.chatdirectory.model.MemberQuery;
import dev.chatdirectory.model.UserCreate;
import dev.chatdirectory.model.UserQuery;
import dev.chatdirectory.testkit.fuzz.MalformedResponses;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;

/** The fuzz kit's mutated bodies, seeded with the 200 examples of CometChat's OpenAPI spec ({@link CometChatSpec}). */
@DisplayName("CometChat's decoding of mutated realistic answers")
class CometChatMalformedResponsesTest extends MalformedResponses {

    /** The spec's 200 example of an endpoint, served for requests to it. */
    private static Stub example(String method, String path) {
        String body = CometChatSpec.json()
                .path("paths")
                .path(path)
                .path(method.toLowerCase(Locale.ROOT))
                .path("responses")
                .path("200")
                .path("content")
                .path("application/json")
                .path("example")
                .toString();
        return Stub.ok(method, "/v3" + path.replaceAll("\\{[a-z]+}", "[^/]+"), body);
    }

    @Override
    protected String providerId() {
        return CometChatProvider.ID;
    }

    @Override
    protected List<Scenario> scenarios() {
        return List.of(
                new Scenario(
                        "get user",
                        example("GET", "/users/{uid}"),
                        List.of(),
                        d -> d.users().get("cometchat-uid-1")),
                new Scenario(
                        "list users",
                        example("GET", "/users"),
                        List.of(),
                        d -> d.users().list(UserQuery.all())),
                new Scenario(
                        "get group",
                        example("GET", "/groups/{guid}"),
                        List.of(),
                        d -> d.groups().get("cometchat-guid-1")),
                new Scenario(
                        "list members",
                        example("GET", "/groups/{guid}/members"),
                        List.of(),
                        d -> d.members().list("cometchat-guid-1", MemberQuery.all())),
                new Scenario(
                        "create user",
                        example("POST", "/users"),
                        List.of(),
                        d -> d.users()
                                .create(UserCreate.builder("cometchat-uid-1", "Andrew Joseph")
                                        .build())));
    }

    @Override
    protected ChatDirectory open(URI baseUrl) {
        return new CometChatProvider()
                .open(ProviderConfig.builder()
                        .endpoint(baseUrl + "/v3")
                        .credential("appId", "abc123")
                        .credential("apiKey", "3f9c1ab2e7d04c55b8a1f0e2d3c4b5a6")
                        .retry(RetrySettings.none())
                        .readTimeout(CALL_TIMEOUT)
                        .callTimeout(CALL_TIMEOUT)
                        .rateLimit(RateLimitSettings.unlimited())
                        .maxResponseSize(SIZE_CAP)
                        .build());
    }
}
