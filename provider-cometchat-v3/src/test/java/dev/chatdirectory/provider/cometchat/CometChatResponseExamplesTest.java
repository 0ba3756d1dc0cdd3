package dev.chatdirectory.provider.cometchat;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.NotFoundException;
import dev.chatdirectory.ProviderConfig;
import dev.chatdirectory.ProviderProtocolException;
import dev.chatdirectory.RateLimitSettings;
import dev.chatdirectory.RetrySettings;
import dev.chatdirectory.model.BannedMember;
import dev.chatdirectory.model.BatchResult;
import dev.chatdirectory.model.Group;
import dev.chatdirectory.model.GroupCreate;
import dev.chatdirectory.model.GroupQuery;
import dev.chatdirectory.model.GroupType;
import dev.chatdirectory.model.GroupUpdate;
import dev.chatdirectory.model.ItemOutcome;
import dev.chatdirectory.model.Member;
import dev.chatdirectory.model.MemberQuery;
import dev.chatdirectory.model.MemberRole;
import dev.chatdirectory.model.MemberSpec;
import dev.chatdirectory.model.OutcomeStatus;
import dev.chatdirectory.model.Page;
import dev.chatdirectory.model.PageRequest;
import dev.chatdirectory.model.Presence;
import dev.chatdirectory.model.PresenceState;
import dev.chatdirectory.model.User;
import dev.chatdirectory.model.UserCreate;
import dev.chatdirectory.model.UserQuery;
import dev.chatdirectory.model.UserUpdate;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every response example CometChat publishes for an endpoint the adapter uses, served as the
 * vendor's answer, is read by the adapter into the expected model: the OpenAPI spec's examples
 * (the spec's response schemas are unreliable, its examples are the vendor's own), the examples
 * of the vendor reference, and the stored docs page of the users list.
 */
@DisplayName("CometChat response examples")
class CometChatResponseExamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static WireMockExtension vendor = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private ChatDirectory directory;

    @BeforeEach
    void open() {
        directory = new CometChatProvider()
                .open(ProviderConfig.builder()
                        .endpoint(vendor.baseUrl() + "/v3")
                        .credential("appId", "abc123")
                        .credential("apiKey", "key-1234567890")
                        .retry(RetrySettings.none())
                        .rateLimit(RateLimitSettings.unlimited())
                        .build());
    }

    @AfterEach
    void close() {
        directory.close();
    }

    /** Serves the spec's 200 example of an endpoint for requests to that endpoint only. */
    private static void serveSpecExample(String method, String path) {
        serve(method, path, specExample(method, path));
    }

    /** Serves a body for requests to an endpoint given as an OpenAPI path template. */
    private static void serve(String method, String path, JsonNode body) {
        String regex = "/v3" + path.replaceAll("\\{[a-z]+}", "[^/]+");
        vendor.stubFor(request(method, urlPathMatching(regex)).willReturn(okJson(body.toString())));
    }

    private static JsonNode specExample(String method, String path) {
        JsonNode example = CometChatSpec.json()
                .path("paths")
                .path(path)
                .path(method.toLowerCase())
                .path("responses")
                .path("200")
                .path("content")
                .path("application/json")
                .path("example");
        assertThat(example.isObject())
                .as("the spec has a 200 example for %s %s", method, path)
                .isTrue();
        return example;
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Instant at(long epochSeconds) {
        return Instant.ofEpochSecond(epochSeconds);
    }

    @Nested
    @DisplayName("from the OpenAPI spec")
    class Spec {

        @Test
        @DisplayName("POST /users: the created user, with its metadata object as sent and without its auth token")
        void createUser() {
            serveSpecExample("POST", "/users");
            User user = directory
                    .users()
                    .create(UserCreate.builder("superhero6", "Barry Allen").build());
            assertThat(user)
                    .isEqualTo(User.builder("superhero6", "Barry Allen")
                            .profileUrl("http://placehold.it")
                            .avatarUrl("http://placehold.it/120x120&text=image1")
                            .role("manager")
                            .metadata(Map.of("rawMetadata", "{'gender':'Male'}"))
                            .createdAt(at(1638354015))
                            .raw(user.raw())
                            .build());
            assertThat(user.raw()).containsKeys("status", "tags").doesNotContainKey("authToken");
        }

        @Test
        @DisplayName("GET /users: three users, the last page (cursor at the top level)")
        void listUsers() {
            serveSpecExample("GET", "/users");
            Page<User> page = directory.users().list(UserQuery.all());
            assertThat(page.items())
                    .extracting(
                            User::id,
                            User::name,
                            u -> u.role().orElseThrow(),
                            u -> u.updatedAt().orElseThrow())
                    .containsExactly(
                            tuple("superhero6", "Barry Allen", "manager", at(1638354799)),
                            tuple("superhero2", "Captain America", "default", at(1630308676)),
                            tuple("superhero3", "Captain America", "default", at(1638351060)));
            assertThat(page.items().get(0).metadata())
                    .isEqualTo(Map.of("email", "user@email.com", "contactNumber", "0123456789"));
            assertThat(page.items().get(0).email())
                    .as("CometChat has no e-mail field")
                    .isEmpty();
            assertThat(page.items().get(1).profileUrl()).isEmpty();
            assertThat(page.items().get(2).raw()).containsEntry("blockedByMe", true);
            assertThat(page.nextCursor()).isEmpty();
        }

        @Test
        @DisplayName("PUT /users: a user who was not deactivated is reported unchanged")
        void reactivate() {
            serveSpecExample("PUT", "/users");
            assertThat(directory.users().reactivate("superhero2")).isFalse();
        }

        @Test
        @DisplayName("DELETE /users: a deactivated user is reported changed")
        void deactivate() {
            serveSpecExample("DELETE", "/users");
            assertThat(directory.users().deactivate("superhero3")).isTrue();
        }

        @Test
        @DisplayName("GET /users/{uid}: the user, and its presence OFFLINE without a last-active time")
        void getUser() {
            serveSpecExample("GET", "/users/{uid}");
            assertThat(directory.users().get("superhero6")).get().satisfies(u -> {
                assertThat(u.name()).isEqualTo("Barry Allen");
                assertThat(u.profileUrl()).contains("http://placehold.it");
                assertThat(u.avatarUrl()).contains("http://placehold.it/120x120&text=image1");
                assertThat(u.role()).contains("manager");
                assertThat(u.metadata()).isEmpty();
                assertThat(u.createdAt()).contains(at(1638354015));
                assertThat(u.updatedAt()).isEmpty();
            });
            Presence presence = directory.presence().get("superhero6");
            assertThat(presence.state()).isEqualTo(PresenceState.OFFLINE);
            assertThat(presence.lastActiveAt()).isEmpty();
        }

        @Test
        @DisplayName("PUT /users/{uid}: the updated user")
        void updateUser() {
            serveSpecExample("PUT", "/users/{uid}");
            User user = directory
                    .users()
                    .update(
                            "superhero6",
                            UserUpdate.builder().name("Barry Allen").build());
            assertThat(user.metadata()).isEqualTo(Map.of("email", "user@email.com", "contactNumber", "0123456789"));
            assertThat(user.updatedAt()).contains(at(1638354799));
            assertThat(user.raw()).containsKey("tags");
        }

        @Test
        @DisplayName("DELETE /users/{uid}: deleted")
        void deleteUser() {
            serveSpecExample("DELETE", "/users/{uid}");
            assertThat(directory.users().delete("superhero6")).isTrue();
        }

        private final Group projectGroup = Group.builder("project-group", "Project Group", GroupType.PUBLIC)
                .description("project related discussions between members")
                .iconUrl("http://placehold.it/120x120&text=image1")
                .ownerId("superhero4")
                .memberCount(1)
                .createdAt(at(1638440784))
                .build();

        @Test
        @DisplayName("POST /groups: the created group; the viewer fields stay in the raw payload")
        void createGroup() {
            serveSpecExample("POST", "/groups");
            Group group = directory
                    .groups()
                    .create(GroupCreate.builder("project-group", "Project Group", GroupType.PUBLIC)
                            .build());
            assertThat(group)
                    .isEqualTo(projectGroup.toBuilder().raw(group.raw()).build());
            assertThat(group.raw()).containsKeys("scope", "joinedAt", "hasJoined", "conversationId", "tags");
        }

        @Test
        @DisplayName("GET /groups: the example is malformed (a docs artifact), so it is refused; its groups read")
        void listGroups() {
            // The example nests a group under "0" inside a "data" object that also holds "meta": the
            // reference (2.1) calls it a documentation artifact. A list whose data is not an array
            // must be refused, not guessed at; the group objects inside it still read as groups.
            JsonNode example = specExample("GET", "/groups");
            serve("GET", "/groups", example);
            assertThatThrownBy(() -> directory.groups().list(GroupQuery.all()))
                    .isInstanceOf(ProviderProtocolException.class);

            ObjectNode outer = example.get("data").get("0").deepCopy();
            JsonNode inner = outer.remove("0");
            serve("GET", "/groups/{guid}", json("{\"data\":" + outer + "}"));
            assertThat(directory.groups().get("project-group").orElseThrow().id())
                    .isEqualTo("project-group");
            vendor.resetAll();
            serve("GET", "/groups/{guid}", json("{\"data\":" + inner + "}"));
            assertThat(directory.groups().get("project-group-2").orElseThrow()).satisfies(g -> {
                assertThat(g.id()).isEqualTo("project-group-2");
                assertThat(g.name()).isEqualTo("Project Group 2");
                assertThat(g.ownerId()).contains("superhero4");
            });
        }

        @Test
        @DisplayName("GET /groups?hasJoined=true onBehalfOf a user: the example's two groups, in a well-formed list,"
                + " are the user's groups, with the user's scope and join time in the raw payload")
        void listGroupsOfMember() {
            // The spec's only list example is malformed (see above); its two group objects, which
            // carry the acting user's scope, joinedAt and hasJoined, are served as a well-formed list
            // with the pagination of the reference (2.1).
            ObjectNode outer =
                    specExample("GET", "/groups").get("data").get("0").deepCopy();
            JsonNode inner = outer.remove("0");
            serve(
                    "GET",
                    "/groups",
                    json("{\"data\":[" + inner + "," + outer + "],\"meta\":{\"pagination\":{\"total\":2,"
                            + "\"count\":2,\"per_page\":100,\"current_page\":1,\"total_pages\":1},"
                            + "\"cursor\":{\"updatedAt\":1638440784,\"affix\":\"prepend\"}}}"));

            Page<Group> page = directory.groups().listForMember("superhero4", PageRequest.first());

            assertThat(page.hasNext()).isFalse();
            assertThat(page.items())
                    .extracting(Group::id, Group::name, Group::type, Group::ownerId)
                    .containsExactly(
                            tuple("project-group-2", "Project Group 2", GroupType.PUBLIC, Optional.of("superhero4")),
                            tuple("project-group", "Project Group", GroupType.PUBLIC, Optional.of("superhero4")));
            assertThat(page.items().get(0).description()).contains("project related discussions between members");
            assertThat(page.items().get(0).raw())
                    .containsEntry("scope", "admin")
                    .containsEntry("hasJoined", true)
                    .containsEntry("joinedAt", 1638440784);
            assertThat(vendor.getAllServeEvents())
                    .singleElement()
                    .satisfies(e ->
                            assertThat(e.getRequest().getHeader("onBehalfOf")).isEqualTo("superhero4"));
        }

        @Test
        @DisplayName("GET /groups?hasJoined=true: a group marked hasJoined false is refused, not passed off as the"
                + " user's")
        void listGroupsOfMemberUnfiltered() {
            ObjectNode group =
                    specExample("GET", "/groups").get("data").get("0").deepCopy();
            group.remove("0");
            group.put("hasJoined", false);
            serve("GET", "/groups", json("{\"data\":[" + group + "]}"));

            assertThatThrownBy(() -> directory.groups().listForMember("superhero4", PageRequest.first()))
                    .isInstanceOf(ProviderProtocolException.class)
                    .hasMessageContaining("hasJoined");
        }

        @Test
        @DisplayName("GET /groups/{guid}: the group")
        void getGroup() {
            serveSpecExample("GET", "/groups/{guid}");
            Group group = directory.groups().get("project-group").orElseThrow();
            assertThat(group)
                    .isEqualTo(projectGroup.toBuilder().raw(group.raw()).build());
        }

        @Test
        @DisplayName("PUT /groups/{guid}: the group after an update or an ownership transfer")
        void updateGroup() {
            serveSpecExample("PUT", "/groups/{guid}");
            Group updated = directory
                    .groups()
                    .update(
                            "project-group",
                            GroupUpdate.builder().name("Project Group").build());
            assertThat(updated)
                    .isEqualTo(projectGroup.toBuilder().raw(updated.raw()).build());
            assertThat(directory
                            .groups()
                            .transferOwnership("project-group", "superhero4")
                            .ownerId())
                    .contains("superhero4");
        }

        @Test
        @DisplayName("DELETE /groups/{guid}: deleted")
        void deleteGroup() {
            serveSpecExample("DELETE", "/groups/{guid}");
            assertThat(directory.groups().delete("project-group")).isTrue();
        }

        @Test
        @DisplayName("POST /groups/{guid}/members: every user added, each in the bucket of its scope")
        void addMembers() {
            serveSpecExample("POST", "/groups/{guid}/members");
            BatchResult result = directory
                    .members()
                    .add(
                            "project-group",
                            List.of(
                                    MemberSpec.of("superhero1", MemberRole.ADMIN),
                                    MemberSpec.of("superhero3", MemberRole.MODERATOR),
                                    MemberSpec.participant("superhero4"),
                                    MemberSpec.participant("superhero5")));
            assertThat(result.applied()).containsExactly("superhero1", "superhero3", "superhero4", "superhero5");
        }

        @Test
        @DisplayName("GET /groups/{guid}/members: members with their scopes, join times and names")
        void listMembers() {
            serveSpecExample("GET", "/groups/{guid}/members");
            Page<Member> page = directory.members().list("supergroup", MemberQuery.all());
            assertThat(page.items())
                    .containsExactly(
                            member("superhero2", MemberRole.PARTICIPANT, 1638360106, "Captain America"),
                            member("superhero3", MemberRole.PARTICIPANT, 1638360106, "Captain America"),
                            member("superhero5", MemberRole.MODERATOR, 1638360106, "Cyclops"),
                            member("superhero4", MemberRole.ADMIN, 1638359534, "Wolverine"));
            assertThat(page.nextCursor()).isEmpty();
        }

        @Test
        @DisplayName("PUT /groups/{guid}/members/{uid}: applied")
        void changeScope() {
            serveSpecExample("PUT", "/groups/{guid}/members/{uid}");
            assertThat(directory.members().changeRole("supergroup", "superhero2", MemberRole.PARTICIPANT))
                    .isEqualTo(ItemOutcome.applied("superhero2"));
        }

        @Test
        @DisplayName("DELETE /groups/{guid}/members/{uid}: applied")
        void kick() {
            serveSpecExample("DELETE", "/groups/{guid}/members/{uid}");
            assertThat(directory
                            .members()
                            .remove("supergroup", List.of("superhero3"))
                            .applied())
                    .containsExactly("superhero3");
        }

        @Test
        @DisplayName("GET /groups/{guid}/bannedusers: the banned users, without a ban time, former scope or join time")
        void listBanned() {
            serveSpecExample("GET", "/groups/{guid}/bannedusers");
            assertThat(directory
                            .members()
                            .listBanned("supergroup", PageRequest.first())
                            .items())
                    .containsExactly(
                            new BannedMember("supergroup", "superhero6", Optional.empty()),
                            new BannedMember("supergroup", "superhero2", Optional.empty()),
                            new BannedMember("supergroup", "superhero3", Optional.empty()));
        }

        @Test
        @DisplayName("POST /groups/{guid}/bannedusers/{uid}: applied")
        void ban() {
            serveSpecExample("POST", "/groups/{guid}/bannedusers/{uid}");
            assertThat(directory
                            .members()
                            .ban("supergroup", List.of("superhero3"))
                            .applied())
                    .containsExactly("superhero3");
        }

        @Test
        @DisplayName("DELETE /groups/{guid}/bannedusers/{uid}: applied")
        void unban() {
            serveSpecExample("DELETE", "/groups/{guid}/bannedusers/{uid}");
            assertThat(directory
                            .members()
                            .unban("supergroup", List.of("superhero3"))
                            .applied())
                    .containsExactly("superhero3");
        }
    }

    private static Member member(String uid, MemberRole role, long joinedAt, String name) {
        return new Member("supergroup", uid, role, Optional.of(at(joinedAt)), Optional.of(name));
    }

    @Nested
    @DisplayName("from the vendor reference and docs pages")
    class Reference {

        @Test
        @DisplayName("the 2021 banned-users example (6.5) gives each ban its former scope and join time, no ban time")
        void bannedWithFormerScope() {
            // The developerhub export's example, verbatim: banned users carry the scope and the
            // joinedAt of the membership the ban ended; neither is the time of the ban.
            serve(
                    "GET",
                    "/groups/{guid}/bannedusers",
                    json("{\"data\":[{\"uid\":\"superhero3\",\"name\":\"Spiderman\","
                            + "\"avatar\":\"https://data-eu.cometchat-dev.com/assets/images/avatars/spiderman.png\","
                            + "\"status\":\"offline\",\"role\":\"default\",\"scope\":\"participant\","
                            + "\"isBanned\":true,\"joinedAt\":1587080996,\"createdAt\":1573129813},"
                            + "{\"uid\":\"superhero4\",\"name\":\"Wolverine\","
                            + "\"avatar\":\"https://data-eu.cometchat-dev.com/assets/images/avatars/wolverine.png\","
                            + "\"status\":\"offline\",\"role\":\"default\",\"scope\":\"moderator\","
                            + "\"isBanned\":true,\"joinedAt\":\"1587080997\",\"createdAt\":1573129813}],"
                            + "\"meta\":{\"pagination\":{\"total\":2,\"count\":2,\"per_page\":100,"
                            + "\"current_page\":1,\"total_pages\":1},"
                            + "\"cursor\":{\"joinedAt\":1587086054,\"affix\":\"prepend\"}}}"));
            assertThat(directory
                            .members()
                            .listBanned("supergroup", PageRequest.first())
                            .items())
                    .containsExactly(
                            new BannedMember(
                                    "supergroup",
                                    "superhero3",
                                    Optional.empty(),
                                    Optional.of(MemberRole.PARTICIPANT),
                                    Optional.of(at(1587080996))),
                            new BannedMember(
                                    "supergroup",
                                    "superhero4",
                                    Optional.empty(),
                                    Optional.of(MemberRole.MODERATOR),
                                    Optional.of(at(1587080997))));
        }

        @Test
        @DisplayName("deactivatedAt marks a listed user deactivated at that time; 0, \"0\" or absent mean active")
        void deactivatedAt() {
            // A withDeactivated listing as CometChat sends it: epoch seconds as numbers, possibly as
            // strings, and 0 (the SDK entity's value for an active user) that must not become 1970.
            serve(
                    "GET",
                    "/users",
                    json("{\"data\":["
                            + "{\"uid\":\"superhero1\",\"name\":\"Iron Man\",\"status\":\"offline\","
                            + "\"role\":\"default\",\"createdAt\":1629869270,\"deactivatedAt\":1638548581},"
                            + "{\"uid\":\"superhero2\",\"name\":\"Captain America\",\"status\":\"offline\","
                            + "\"role\":\"default\",\"createdAt\":1629869270,\"deactivatedAt\":\"1638548600\"},"
                            + "{\"uid\":\"superhero3\",\"name\":\"Spiderman\",\"status\":\"available\","
                            + "\"role\":\"default\",\"createdAt\":1629869270,\"deactivatedAt\":0},"
                            + "{\"uid\":\"superhero4\",\"name\":\"Wolverine\",\"status\":\"offline\","
                            + "\"role\":\"default\",\"createdAt\":1629869270,\"deactivatedAt\":\"0\"},"
                            + "{\"uid\":\"superhero5\",\"name\":\"Cyclops\",\"status\":\"offline\","
                            + "\"role\":\"default\",\"createdAt\":1629869270}],"
                            + "\"meta\":{\"pagination\":{\"total\":5,\"count\":5,\"per_page\":100,"
                            + "\"current_page\":1,\"total_pages\":1}}}"));
            List<User> users = directory
                    .users()
                    .list(UserQuery.builder().includeDeactivated(true).build())
                    .items();
            assertThat(users)
                    .extracting(User::id, User::deactivated, User::deactivatedAt)
                    .containsExactly(
                            tuple("superhero1", true, Optional.of(at(1638548581))),
                            tuple("superhero2", true, Optional.of(at(1638548600))),
                            tuple("superhero3", false, Optional.empty()),
                            tuple("superhero4", false, Optional.empty()),
                            tuple("superhero5", false, Optional.empty()));
        }

        @Test
        @DisplayName("a deactivatedAt that is not a number is a protocol error, not a guess")
        void malformedDeactivatedAt() {
            serve(
                    "GET",
                    "/users",
                    json("{\"data\":[{\"uid\":\"superhero1\",\"name\":\"Iron Man\","
                            + "\"deactivatedAt\":\"yesterday\"}]}"));
            assertThatThrownBy(() -> directory
                            .users()
                            .list(UserQuery.builder().includeDeactivated(true).build()))
                    .isInstanceOf(ProviderProtocolException.class)
                    .hasMessageContaining("deactivatedAt");
        }

        @Test
        @DisplayName("get never returns a deactivated user, even should CometChat answer with one")
        void getHidesDeactivated() {
            // CometChat answers 404 for a deactivated UID; a body marked deactivated all the same
            // must not surface a user that get promises to hide.
            serve(
                    "GET",
                    "/users/{uid}",
                    json("{\"data\":{\"uid\":\"superhero1\",\"name\":\"Iron Man\","
                            + "\"createdAt\":1629869270,\"deactivatedAt\":1638548581}}"));
            assertThat(directory.users().get("superhero1")).isEmpty();
        }

        @Test
        @DisplayName("a banned user with a scope CometChat does not define is a protocol error")
        void bannedWithUnknownScope() {
            serve(
                    "GET",
                    "/groups/{guid}/bannedusers",
                    json("{\"data\":[{\"uid\":\"superhero3\",\"scope\":\"owner\",\"isBanned\":true}]}"));
            assertThatThrownBy(() -> directory.members().listBanned("supergroup", PageRequest.first()))
                    .isInstanceOf(ProviderProtocolException.class)
                    .hasMessageContaining("scope");
        }

        @Test
        @DisplayName("the full user object (3.2) reads with its presence and last-active time")
        void fullUser() {
            serve(
                    "GET",
                    "/users/{uid}",
                    json("{\"data\":{\"uid\":\"superhero6\",\"name\":\"Barry Allen\","
                            + "\"avatar\":\"https://example.com/a.png\",\"link\":\"https://example.com/u/6\","
                            + "\"role\":\"default\",\"metadata\":{\"externalId\":\"1849031\"},"
                            + "\"status\":\"available\",\"statusMessage\":\"on leave\",\"lastActiveAt\":1638548581,"
                            + "\"createdAt\":1638354015,\"updatedAt\":1638354799,\"tags\":[\"engineer\"],"
                            + "\"authToken\":\"superhero6_16383540156641d37a023c75d26f4c22a21ff126\"}}"));
            User user = directory.users().get("superhero6").orElseThrow();
            assertThat(user)
                    .isEqualTo(User.builder("superhero6", "Barry Allen")
                            .avatarUrl("https://example.com/a.png")
                            .profileUrl("https://example.com/u/6")
                            .role("default")
                            .metadata(Map.of("externalId", "1849031"))
                            .createdAt(at(1638354015))
                            .updatedAt(at(1638354799))
                            .raw(user.raw())
                            .build());
            Presence presence = directory.presence().get("superhero6");
            assertThat(presence.state()).isEqualTo(PresenceState.ONLINE);
            assertThat(presence.lastActiveAt()).contains(at(1638548581));
        }

        @Test
        @DisplayName("the full group object (5.2) reads with metadata and member count")
        void fullGroup() {
            serve(
                    "GET",
                    "/groups/{guid}",
                    json("{\"data\":{\"guid\":\"project-group\",\"name\":\"Project Group\",\"type\":\"password\","
                            + "\"description\":\"project discussions\",\"icon\":\"https://example.com/g.png\","
                            + "\"metadata\":{\"k\":\"v\"},\"owner\":\"superhero4\",\"tags\":[\"project\"],"
                            + "\"membersCount\":1,\"createdAt\":1638440784,\"updatedAt\":1638440799,"
                            + "\"conversationId\":\"group_project-group\",\"scope\":\"admin\","
                            + "\"joinedAt\":1638440784,\"hasJoined\":true}}"));
            Group group = directory.groups().get("project-group").orElseThrow();
            assertThat(group)
                    .isEqualTo(Group.builder("project-group", "Project Group", GroupType.PASSWORD)
                            .description("project discussions")
                            .iconUrl("https://example.com/g.png")
                            .metadata(Map.of("k", "v"))
                            .ownerId("superhero4")
                            .memberCount(1)
                            .createdAt(at(1638440784))
                            .updatedAt(at(1638440799))
                            .raw(group.raw())
                            .build());
        }

        @Test
        @DisplayName("a group owned by the system user (created without owner) has no owner")
        void systemOwner() {
            serve(
                    "GET",
                    "/groups/{guid}",
                    json("{\"data\":{\"guid\":\"g\",\"name\":\"G\",\"type\":\"private\",\"owner\":\"app_system\","
                            + "\"membersCount\":0,\"createdAt\":1638440784}}"));
            assertThat(directory.groups().get("g").orElseThrow().ownerId()).isEmpty();
        }

        @Test
        @DisplayName("a list with meta.cursor and more pages (2.1) offers a next cursor")
        void listEnvelope() {
            serve(
                    "GET",
                    "/users",
                    json("{\"data\":[{\"uid\":\"superhero2\",\"name\":\"Captain America\",\"status\":\"offline\","
                            + "\"role\":\"default\",\"createdAt\":1629869270,\"updatedAt\":1630308676}],"
                            + "\"meta\":{\"pagination\":{\"total\":4,\"count\":1,\"per_page\":1,"
                            + "\"current_page\":1,\"total_pages\":4},"
                            + "\"cursor\":{\"updatedAt\":1630308676,\"affix\":\"prepend\"}}}"));
            Page<User> page =
                    directory.users().list(UserQuery.builder().pageSize(1).build());
            assertThat(page.items()).extracting(User::id).containsExactly("superhero2");
            assertThat(page.nextCursor()).isPresent();
        }

        @Test
        @DisplayName("the bulk deactivation buckets (3.3) tell changed, already so and unknown apart")
        void bulkBuckets() {
            serve(
                    "DELETE",
                    "/users",
                    json("{\"data\":{\"deactivatedUids\":[\"superhero4\"],"
                            + "\"alreadyDeactivatedUids\":[\"superhero5\"],\"notFound\":[\"superhuman\"]}}"));
            assertThat(directory.users().deactivate("superhero4")).isTrue();
            assertThat(directory.users().deactivate("superhero5")).isFalse();
            assertThatThrownBy(() -> directory.users().deactivate("superhuman")).isInstanceOf(NotFoundException.class);
            serve(
                    "PUT",
                    "/users",
                    json("{\"data\":{\"reactivatedUids\":[\"superhero4\"],\"notFound\":[\"superhuman\"]}}"));
            assertThat(directory.users().reactivate("superhero4")).isTrue();
            assertThatThrownBy(() -> directory.users().reactivate("superhuman")).isInstanceOf(NotFoundException.class);
        }

        @Test
        @DisplayName("a soft-delete answer is not mistaken for anything else: delete sends permanent and reads success")
        void permanentDelete() {
            serve(
                    "DELETE",
                    "/users/{uid}",
                    json("{\"data\":{\"success\":true,\"message\":\"A user with uid superhero6 has been deleted"
                            + " successfully.\"}}"));
            assertThat(directory.users().delete("superhero6")).isTrue();
        }

        @Test
        @DisplayName("an add-members answer with a failed entry (6.1) gives that user's failure")
        void addWithFailure() {
            serve(
                    "POST",
                    "/groups/{guid}/members",
                    json("{\"data\":{\"participants\":{\"superhero4\":{\"success\":true,\"data\":{\"id\":\"34\"}},"
                            + "\"ghost\":{\"success\":false,\"error\":{\"message\":\"The UID ghost does not exist.\","
                            + "\"devMessage\":\"x\",\"source\":\"chat-api\",\"code\":\"ERR_UID_NOT_FOUND\"}}}}}"));
            BatchResult result = directory
                    .members()
                    .add(
                            "project-group",
                            List.of(MemberSpec.participant("superhero4"), MemberSpec.participant("ghost")));
            assertThat(result.outcomes())
                    .extracting(ItemOutcome::id, ItemOutcome::status)
                    .containsExactly(tuple("superhero4", OutcomeStatus.APPLIED), tuple("ghost", OutcomeStatus.FAILED));
        }

        @Test
        @DisplayName("the stored docs page of GET /users (seed 002) reads as three users")
        void seedUsersList() throws IOException {
            try (InputStream in = getClass().getResourceAsStream("/seed-002-users-list.json")) {
                serve("GET", "/users", JSON.readTree(in));
            }
            assertThat(directory.users().list(UserQuery.all()).items())
                    .extracting(User::id, u -> u.role().orElseThrow())
                    .containsExactly(
                            tuple("superhero6", "manager"),
                            tuple("superhero2", "default"),
                            tuple("superhero3", "default"));
        }
    }
}
