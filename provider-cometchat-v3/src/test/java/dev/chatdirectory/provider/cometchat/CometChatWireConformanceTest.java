package dev.chatdirectory.provider.cometchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.NotFoundException;
import dev.chatdirectory.model.GroupCreate;
import dev.chatdirectory.model.GroupQuery;
import dev.chatdirectory.model.GroupType;
import dev.chatdirectory.model.GroupUpdate;
import dev.chatdirectory.model.MemberQuery;
import dev.chatdirectory.model.MemberRole;
import dev.chatdirectory.model.MemberSpec;
import dev.chatdirectory.model.PageRequest;
import dev.chatdirectory.model.PresenceState;
import dev.chatdirectory.model.UserCreate;
import dev.chatdirectory.model.UserQuery;
import dev.chatdirectory.model.UserUpdate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every request the adapter sends conforms to CometChat's own OpenAPI spec, checked with
 * Atlassian's swagger-request-validator; the few places where the adapter follows the vendor
 * reference instead are listed in {@link CometChatSpec#DEVIATIONS}, each with its reason, and
 * each is shown to be needed.
 *
 * <p>The contract run ({@link CometChatContractTest}) checks every request it sends through the
 * kit's proxy the same way after every test, and so do the other emulator-backed test classes:
 * the whole run of the adapter's tests is covered, error paths and injected faults included.
 */
@DisplayName("CometChat wire conformance")
class CometChatWireConformanceTest {

    private static EmulatedCometChat cometChat;

    @BeforeAll
    static void start() {
        cometChat = new EmulatedCometChat();
    }

    @AfterAll
    static void stop() {
        cometChat.close();
    }

    @BeforeEach
    void reset() {
        cometChat.reset();
        cometChat.assertRequestsConformToSpec();
    }

    @Test
    @DisplayName("a run calling every operation, with every filter and error path, sends only conforming requests")
    void everyOperationConforms() {
        try (ChatDirectory d = cometChat.open()) {
            d.users()
                    .create(UserCreate.builder("ann", "Ann Ünïcødé")
                            .avatarUrl("https://example.com/a.png")
                            .profileUrl("https://example.com/u/ann")
                            .role("vip")
                            .metadata(Map.of("nested", Map.of("k", List.of(1, "two")), "@private", Map.of("x", 1)))
                            .build());
            d.users().create(UserCreate.builder("bob", "Bob").build());
            d.users().create(UserCreate.builder("cid", "Cid").build());
            d.users().get("ann");
            d.users().get("nobody");
            d.users()
                    .update(
                            "ann",
                            UserUpdate.builder()
                                    .name("Anne")
                                    .clearAvatarUrl()
                                    .clearProfileUrl()
                                    .clearMetadata()
                                    .clearRole()
                                    .build());
            d.users()
                    .update(
                            "ann",
                            UserUpdate.builder()
                                    .metadata(Map.of("k", "v"))
                                    .role("staff")
                                    .build());
            d.users()
                    .list(UserQuery.builder()
                            .search("a b&c=d+é")
                            .role("vip")
                            .presence(PresenceState.ONLINE)
                            .pageSize(5)
                            .build());
            d.users().stream(UserQuery.builder().pageSize(1).build()).forEach(u -> {});
            d.users().list(UserQuery.builder().presence(PresenceState.OFFLINE).build());
            d.users().deactivate("cid");
            d.users().deactivate("cid");
            d.users().reactivate("cid");
            d.users().reactivate("cid");
            d.presence().get(List.of("ann", "nobody"));

            d.groups()
                    .create(GroupCreate.builder("g1", "Gröup", GroupType.PASSWORD)
                            .password("pw")
                            .description("d")
                            .iconUrl("https://example.com/i.png")
                            .ownerId("ann")
                            .metadata(Map.of("x", true))
                            .build());
            d.groups()
                    .create(GroupCreate.withoutId("Private", GroupType.PRIVATE).build());
            d.groups().get("g1");
            d.groups().get("nope");
            d.groups()
                    .update(
                            "g1",
                            GroupUpdate.builder()
                                    .name("N")
                                    .type(GroupType.PUBLIC)
                                    .clearDescription()
                                    .clearIconUrl()
                                    .clearMetadata()
                                    .build());
            d.groups()
                    .update("g1", GroupUpdate.builder().metadata(Map.of("y", 2)).build());
            for (GroupType type : GroupType.values()) {
                d.groups()
                        .list(GroupQuery.builder()
                                .search("g")
                                .type(type)
                                .pageSize(10)
                                .build());
            }
            d.groups().stream(GroupQuery.builder().pageSize(1).build()).forEach(g -> {});

            d.members()
                    .add(
                            "g1",
                            List.of(
                                    MemberSpec.of("bob", MemberRole.MODERATOR),
                                    MemberSpec.of("cid", MemberRole.ADMIN),
                                    MemberSpec.participant("nobody")));
            for (MemberRole role : MemberRole.values()) {
                d.members().list("g1", MemberQuery.withRole(role));
            }
            d.members().stream("g1", MemberQuery.pageSize(1)).forEach(m -> {});
            d.members().changeRole("g1", "bob", MemberRole.PARTICIPANT);
            d.members().changeRole("g1", "bob", MemberRole.PARTICIPANT);
            d.groups().transferOwnership("g1", "bob");
            d.members().ban("g1", List.of("cid", "nobody"));
            d.members().listBanned("g1", PageRequest.ofSize(10));
            d.members().unban("g1", List.of("cid", "bob"));
            d.members().remove("g1", List.of("bob", "cid"));
            assertThatThrownBy(() -> d.members().add("nope", List.of(MemberSpec.participant("ann"))))
                    .isInstanceOf(NotFoundException.class);
            d.groups().delete("g1");
            d.groups().delete("g1");
            d.users().delete("ann");
            d.users().delete("ann");
        }
        List<String> operations = cometChat.requests().stream()
                .map(r -> r.getMethod().getName() + " " + template(r))
                .collect(Collectors.toCollection(java.util.TreeSet::new))
                .stream()
                .toList();
        assertThat(operations)
                .as("the run covers every endpoint the adapter uses")
                .containsExactlyInAnyOrder(
                        "DELETE /v3/groups/{guid}",
                        "DELETE /v3/groups/{guid}/bannedusers/{uid}",
                        "DELETE /v3/groups/{guid}/members/{uid}",
                        "DELETE /v3/users",
                        "DELETE /v3/users/{uid}",
                        "GET /v3/groups",
                        "GET /v3/groups/{guid}",
                        "GET /v3/groups/{guid}/bannedusers",
                        "GET /v3/groups/{guid}/members",
                        "GET /v3/users",
                        "GET /v3/users/{uid}",
                        "POST /v3/groups",
                        "POST /v3/groups/{guid}/bannedusers/{uid}",
                        "POST /v3/groups/{guid}/members",
                        "POST /v3/users",
                        "PUT /v3/groups/{guid}",
                        "PUT /v3/groups/{guid}/members/{uid}",
                        "PUT /v3/users",
                        "PUT /v3/users/{uid}");
        cometChat.assertRequestsConformToSpec();
    }

    private static String template(LoggedRequest request) {
        String path = java.net.URI.create(request.getUrl()).getRawPath();
        String[] parts = path.split("/");
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < parts.length; i++) {
            String previous = parts[i - 1];
            String part = parts[i];
            if (previous.equals("users") || previous.equals("members") || previous.equals("bannedusers")) {
                part = "{uid}";
            } else if (previous.equals("groups")) {
                part = "{guid}";
            }
            sb.append('/').append(part);
        }
        return sb.toString();
    }

    @Test
    @DisplayName("the validator is not vacuous: it rejects requests CometChat's spec forbids")
    void validatorRejects() {
        assertThat(errors(SimpleRequest.Builder.post("/v3/groups")
                        .withHeader("apikey", "k")
                        .withContentType("application/json")
                        .withBody("{\"guid\":\"g1\",\"name\":\"G\"}")
                        .build()))
                .as("a group without its required type")
                .contains("validation.request.body.schema.required");
        assertThat(errors(SimpleRequest.Builder.get("/v3/users")
                        .withHeader("apikey", "k")
                        .withQueryParam("status", "busy")
                        .build()))
                .as("a status outside available/offline")
                .contains("validation.request.parameter.schema.enum");
        assertThat(errors(SimpleRequest.Builder.get("/v3/users")
                        .withHeader("apikey", "k")
                        .withQueryParam("pageSize", "10")
                        .build()))
                .as("a query parameter the endpoint does not have")
                .contains("validation.request.parameter.query.unexpected");
        assertThat(errors(SimpleRequest.Builder.get("/v3/users/ann").build()))
                .as("a request without the apikey header")
                .contains("validation.request.security.missing");
        assertThat(errors(SimpleRequest.Builder.get("/v3/persons")
                        .withHeader("apikey", "k")
                        .build()))
                .as("a path the API does not have")
                .contains("validation.request.path.missing");
    }

    private static Set<String> errors(com.atlassian.oai.validator.model.Request request) {
        return CometChatSpec.validator().validateRequest(request).getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(ValidationReport.Message::getKey)
                .collect(Collectors.toSet());
    }

    @Test
    @DisplayName("each listed deviation is needed: the spec alone rejects a request the adapter sends")
    void deviationsAreNeeded() {
        List<com.atlassian.oai.validator.model.Request> samples = List.of(
                SimpleRequest.Builder.post("/v3/users")
                        .withHeader("apikey", "k")
                        .withContentType("application/json")
                        .withBody("{\"uid\":\"ann\",\"name\":\"Ann\",\"metadata\":{\"team\":\"x\"}}")
                        .build(),
                SimpleRequest.Builder.get("/v3/groups")
                        .withHeader("apikey", "k")
                        .withQueryParam("type", "password")
                        .build(),
                SimpleRequest.Builder.get("/v3/groups/g1/members")
                        .withHeader("apikey", "k")
                        .withQueryParam("scopes", "admin")
                        .build(),
                SimpleRequest.Builder.get("/v3/groups/g1/bannedusers")
                        .withHeader("apikey", "k")
                        .withQueryParam("perPage", "100")
                        .build());
        assertThat(samples).hasSameSizeAs(CometChatSpec.DEVIATIONS);
        for (int i = 0; i < samples.size(); i++) {
            CometChatSpec.Deviation deviation = CometChatSpec.DEVIATIONS.get(i);
            com.atlassian.oai.validator.model.Request sample = samples.get(i);
            List<ValidationReport.Message> messages =
                    CometChatSpec.validator().validateRequest(sample).getMessages().stream()
                            .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                            .toList();
            assertThat(messages)
                    .as("deviation %s", deviation)
                    .isNotEmpty()
                    .allSatisfy(
                            m -> assertThat(deviation.covers(sample.getMethod().name(), sample.getPath(), m))
                                    .as("%s covered", m.getKey())
                                    .isTrue());
            assertThat(deviation.reason()).isNotBlank();
        }
    }
}
