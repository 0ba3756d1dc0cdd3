package dev.chatdirectory.provider.cometchat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.chatdirectory.ChatDirectory;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every operation sends the method, path, headers, query and body the CometChat reference
 * prescribes, checked in the emulator's request journal.
 */
@DisplayName("CometChat requests")
class CometChatRequestShapeTest {

    /** Awkward text for query values and JSON strings: spaces, separators, plus, non-ASCII. */
    private static final String AWKWARD = "Zoë a b,c&d=e+f/ü?";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static EmulatedCometChat cometChat;
    private ChatDirectory directory;

    @BeforeAll
    static void start() {
        cometChat = new EmulatedCometChat();
    }

    @AfterAll
    static void stop() {
        cometChat.close();
    }

    @BeforeEach
    void open() {
        cometChat.reset();
        directory = cometChat.open();
    }

    @AfterEach
    void close() {
        directory.close();
        cometChat.assertRequestsConformToSpec();
    }

    /** Runs a setup step, then forgets its requests so that only the step under test is seen. */
    private void given(Runnable setup) {
        setup.run();
        cometChat.forgetRequests();
    }

    private LoggedRequest only() {
        return cometChat.onlyRequest();
    }

    private static JsonNode body(LoggedRequest request) throws Exception {
        return JSON.readTree(request.getBodyAsString());
    }

    private static void assertJsonRequest(LoggedRequest request, String method, String path) {
        assertThat(request.getMethod().getName()).isEqualTo(method);
        assertThat(request.getUrl()).startsWith(path);
        assertThat(request.getUrl().length() == path.length()
                        || request.getUrl().charAt(path.length()) == '?')
                .as("path of %s", request.getUrl())
                .isTrue();
        assertThat(request.getHeader("apikey")).isEqualTo(cometChat.emulator().apiKey());
        assertThat(request.getHeader("Accept")).isEqualTo("application/json");
        if (request.getBody().length > 0) {
            assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        }
        assertThat(request.containsHeader("onBehalfOf"))
                .as("the REST key acts with full authority: no onBehalfOf")
                .isFalse();
    }

    private void createUser(String id) {
        directory.users().create(UserCreate.builder(id, id).build());
    }

    private void createGroup(String id) {
        directory.groups().create(GroupCreate.builder(id, id, GroupType.PUBLIC).build());
    }

    @Nested
    @DisplayName("for users")
    class Users {

        @Test
        @DisplayName("create is POST /users with uid, name, avatar, link, role and metadata")
        void create() throws Exception {
            directory
                    .users()
                    .create(UserCreate.builder("zoe", AWKWARD)
                            .avatarUrl("https://example.com/a%20b.png?x=1&y=2")
                            .profileUrl("https://example.com/u/zoe")
                            .role("vip")
                            .metadata(Map.of("k&=", AWKWARD, "n", 1))
                            .build());
            LoggedRequest request = only();
            assertJsonRequest(request, "POST", "/v3/users");
            assertThat(body(request))
                    .isEqualTo(JSON.readTree("{\"uid\":\"zoe\",\"name\":" + JSON.writeValueAsString(AWKWARD)
                            + ",\"avatar\":\"https://example.com/a%20b.png?x=1&y=2\","
                            + "\"link\":\"https://example.com/u/zoe\",\"role\":\"vip\","
                            + "\"metadata\":{\"k&=\":" + JSON.writeValueAsString(AWKWARD) + ",\"n\":1}}"));
        }

        @Test
        @DisplayName("create leaves out every field the request does not set")
        void createMinimal() throws Exception {
            createUser("ann");
            assertThat(body(only())).isEqualTo(JSON.readTree("{\"uid\":\"ann\",\"name\":\"ann\"}"));
        }

        @Test
        @DisplayName("get is GET /users/{uid} without a body")
        void get() {
            directory.users().get("ann");
            LoggedRequest request = only();
            assertJsonRequest(request, "GET", "/v3/users/ann");
            assertThat(request.getBody()).isEmpty();
            assertThat(request.containsHeader("Content-Type")).isFalse();
        }

        @Test
        @DisplayName("update is PUT /users/{uid} with the set fields and unset for cleared ones")
        void update() throws Exception {
            given(() -> createUser("ann"));
            directory
                    .users()
                    .update(
                            "ann",
                            UserUpdate.builder()
                                    .name(AWKWARD)
                                    .clearAvatarUrl()
                                    .clearProfileUrl()
                                    .clearMetadata()
                                    .role("staff")
                                    .build());
            LoggedRequest request = only();
            assertJsonRequest(request, "PUT", "/v3/users/ann");
            assertThat(body(request))
                    .isEqualTo(JSON.readTree("{\"name\":" + JSON.writeValueAsString(AWKWARD)
                            + ",\"role\":\"staff\",\"unset\":[\"avatar\",\"link\",\"metadata\"]}"));
        }

        @Test
        @DisplayName("clearing the role sets CometChat's default role, which cannot be unset")
        void clearRole() throws Exception {
            given(() -> createUser("ann"));
            directory.users().update("ann", UserUpdate.builder().clearRole().build());
            assertThat(body(only())).isEqualTo(JSON.readTree("{\"role\":\"default\"}"));
        }

        @Test
        @DisplayName("setting metadata sends the whole map; setting an empty one unsets it")
        void metadata() throws Exception {
            given(() -> createUser("ann"));
            directory
                    .users()
                    .update(
                            "ann",
                            UserUpdate.builder()
                                    .metadata(Map.of("a", List.of(1, "b")))
                                    .build());
            assertThat(body(only())).isEqualTo(JSON.readTree("{\"metadata\":{\"a\":[1,\"b\"]}}"));
            cometChat.forgetRequests();
            directory
                    .users()
                    .update("ann", UserUpdate.builder().metadata(Map.of()).build());
            assertThat(body(only())).isEqualTo(JSON.readTree("{\"unset\":[\"metadata\"]}"));
        }

        @Test
        @DisplayName("delete is DELETE /users/{uid} with {\"permanent\": true}")
        void delete() throws Exception {
            given(() -> createUser("ann"));
            directory.users().delete("ann");
            LoggedRequest request = only();
            assertJsonRequest(request, "DELETE", "/v3/users/ann");
            assertThat(body(request)).isEqualTo(JSON.readTree("{\"permanent\":true}"));
        }

        @Test
        @DisplayName("deactivate is DELETE /users with uidsToDeactivate")
        void deactivate() throws Exception {
            given(() -> createUser("ann"));
            directory.users().deactivate("ann");
            LoggedRequest request = only();
            assertJsonRequest(request, "DELETE", "/v3/users");
            assertThat(body(request)).isEqualTo(JSON.readTree("{\"uidsToDeactivate\":[\"ann\"]}"));
        }

        @Test
        @DisplayName("reactivate is PUT /users with uidsToActivate")
        void reactivate() throws Exception {
            given(() -> {
                createUser("ann");
                directory.users().deactivate("ann");
            });
            directory.users().reactivate("ann");
            LoggedRequest request = only();
            assertJsonRequest(request, "PUT", "/v3/users");
            assertThat(body(request)).isEqualTo(JSON.readTree("{\"uidsToActivate\":[\"ann\"]}"));
        }

        @Test
        @DisplayName("list is GET /users with perPage, page and the filters, values percent-encoded")
        void list() {
            directory
                    .users()
                    .list(UserQuery.builder()
                            .search(AWKWARD)
                            .role("vip")
                            .presence(PresenceState.ONLINE)
                            .pageSize(7)
                            .build());
            LoggedRequest request = only();
            assertJsonRequest(request, "GET", "/v3/users");
            assertThat(request.queryParameter("perPage").values()).containsExactly("7");
            assertThat(request.queryParameter("page").values()).containsExactly("1");
            assertThat(request.queryParameter("searchKey").values()).containsExactly(AWKWARD);
            assertThat(request.queryParameter("role").values()).containsExactly("vip");
            assertThat(request.queryParameter("status").values()).containsExactly("available");
            String query = request.getUrl().substring(request.getUrl().indexOf('?') + 1);
            assertThat(query.split("&")).hasSize(5);
            assertThat(query).doesNotContain(" ").doesNotContain("+").contains("searchKey=Zo%C3%AB");
        }

        @Test
        @DisplayName("including deactivated users adds withDeactivated=true; the default listing leaves it out")
        void listWithDeactivated() {
            directory.users().list(UserQuery.builder().includeDeactivated(true).build());
            assertThat(only().queryParameter("withDeactivated").values()).containsExactly("true");
            cometChat.forgetRequests();
            directory.users().list(UserQuery.all());
            assertThat(only().queryParameter("withDeactivated").isPresent()).isFalse();
        }

        @Test
        @DisplayName("the offline filter is status=offline; the default page size is 100")
        void listOffline() {
            directory
                    .users()
                    .list(UserQuery.builder().presence(PresenceState.OFFLINE).build());
            LoggedRequest request = only();
            assertThat(request.queryParameter("status").values()).containsExactly("offline");
            assertThat(request.queryParameter("perPage").values()).containsExactly("100");
        }

        @Test
        @DisplayName("the next page keeps the page size and asks for page 2")
        void nextPage() {
            given(() -> List.of("a1", "a2", "a3").forEach(CometChatRequestShapeTest.this::createUser));
            String cursor = directory
                    .users()
                    .list(UserQuery.builder().pageSize(2).build())
                    .nextCursor()
                    .orElseThrow();
            cometChat.forgetRequests();
            directory.users().list(UserQuery.all().withCursor(cursor));
            LoggedRequest request = only();
            assertThat(request.queryParameter("page").values()).containsExactly("2");
            assertThat(request.queryParameter("perPage").values()).containsExactly("2");
        }
    }

    @Nested
    @DisplayName("for presence")
    class Presence {

        @Test
        @DisplayName("each id is one GET /users/{uid}, in request order")
        void presence() {
            directory.presence().get(List.of("bob", "ann"));
            assertThat(cometChat.requests())
                    .extracting(r -> r.getMethod().getName() + " " + r.getUrl())
                    .containsExactly("GET /v3/users/bob", "GET /v3/users/ann");
        }
    }

    @Nested
    @DisplayName("for groups")
    class Groups {

        @Test
        @DisplayName("create is POST /groups with guid, name, type, password, icon, description, metadata, owner")
        void create() throws Exception {
            given(() -> createUser("ann"));
            directory
                    .groups()
                    .create(GroupCreate.builder("g1", AWKWARD, GroupType.PASSWORD)
                            .password("p&ss w+rd")
                            .iconUrl("https://example.com/i.png")
                            .description(AWKWARD)
                            .metadata(Map.of("k", true))
                            .ownerId("ann")
                            .build());
            LoggedRequest request = only();
            assertJsonRequest(request, "POST", "/v3/groups");
            assertThat(body(request))
                    .isEqualTo(JSON.readTree("{\"guid\":\"g1\",\"name\":" + JSON.writeValueAsString(AWKWARD)
                            + ",\"type\":\"password\",\"password\":\"p&ss w+rd\","
                            + "\"icon\":\"https://example.com/i.png\",\"description\":"
                            + JSON.writeValueAsString(AWKWARD) + ",\"metadata\":{\"k\":true},\"owner\":\"ann\"}"));
        }

        @Test
        @DisplayName("create always sends the type and sends a generated guid when the request has none")
        void createMinimal() throws Exception {
            directory
                    .groups()
                    .create(GroupCreate.withoutId("Open", GroupType.PRIVATE).build());
            JsonNode body = body(only());
            assertThat(body.get("type").asText()).isEqualTo("private");
            assertThat(body.get("guid").asText()).matches("g-[a-z0-9]{20}");
            assertThat(body.size()).isEqualTo(3);
        }

        @Test
        @DisplayName("get is GET /groups/{guid}")
        void get() {
            directory.groups().get("g1");
            assertJsonRequest(only(), "GET", "/v3/groups/g1");
        }

        @Test
        @DisplayName("update is PUT /groups/{guid} with set fields and unset for cleared ones")
        void update() throws Exception {
            given(() -> createGroup("g1"));
            directory
                    .groups()
                    .update(
                            "g1",
                            GroupUpdate.builder()
                                    .name("New")
                                    .type(GroupType.PASSWORD)
                                    .password("pw")
                                    .clearDescription()
                                    .clearIconUrl()
                                    .clearMetadata()
                                    .build());
            LoggedRequest request = only();
            assertJsonRequest(request, "PUT", "/v3/groups/g1");
            assertThat(body(request))
                    .isEqualTo(JSON.readTree("{\"name\":\"New\",\"type\":\"password\",\"password\":\"pw\","
                            + "\"unset\":[\"description\",\"icon\",\"metadata\"]}"));
        }

        @Test
        @DisplayName("ownership transfer is PUT /groups/{guid} with only the owner, without onBehalfOf")
        void transfer() throws Exception {
            given(() -> {
                createUser("ann");
                createGroup("g1");
            });
            directory.groups().transferOwnership("g1", "ann");
            LoggedRequest request = only();
            assertJsonRequest(request, "PUT", "/v3/groups/g1");
            assertThat(body(request)).isEqualTo(JSON.readTree("{\"owner\":\"ann\"}"));
        }

        @Test
        @DisplayName("delete is DELETE /groups/{guid} without a body")
        void delete() {
            given(() -> createGroup("g1"));
            directory.groups().delete("g1");
            LoggedRequest request = only();
            assertJsonRequest(request, "DELETE", "/v3/groups/g1");
            assertThat(request.getBody()).isEmpty();
        }

        @Test
        @DisplayName("list is GET /groups with perPage, page, searchKey and type")
        void list() {
            directory
                    .groups()
                    .list(GroupQuery.builder()
                            .search(AWKWARD)
                            .type(GroupType.PASSWORD)
                            .pageSize(3)
                            .build());
            LoggedRequest request = only();
            assertJsonRequest(request, "GET", "/v3/groups");
            assertThat(request.queryParameter("perPage").values()).containsExactly("3");
            assertThat(request.queryParameter("page").values()).containsExactly("1");
            assertThat(request.queryParameter("searchKey").values()).containsExactly(AWKWARD);
            assertThat(request.queryParameter("type").values()).containsExactly("password");
        }

        @Test
        @DisplayName("a user's groups are GET /groups with hasJoined=true, perPage and page, onBehalfOf the user")
        void groupsOfMember() {
            given(() -> {
                createUser("ann");
                createGroup("g1");
                createGroup("g2");
                directory.members().add("g1", List.of(MemberSpec.participant("ann")));
                directory.members().add("g2", List.of(MemberSpec.participant("ann")));
            });
            directory.groups().streamForMember("ann", PageRequest.ofSize(1)).toList();
            List<LoggedRequest> requests = cometChat.requests();
            assertThat(requests).hasSize(2);
            for (int i = 0; i < requests.size(); i++) {
                LoggedRequest request = requests.get(i);
                assertThat(request.getMethod().getName()).isEqualTo("GET");
                assertThat(request.getUrl()).startsWith("/v3/groups?");
                assertThat(request.getHeader("apikey"))
                        .isEqualTo(cometChat.emulator().apiKey());
                assertThat(request.getHeader("Accept")).isEqualTo("application/json");
                assertThat(request.getHeader("onBehalfOf")).isEqualTo("ann");
                assertThat(request.queryParameter("hasJoined").values()).containsExactly("true");
                assertThat(request.queryParameter("perPage").values()).containsExactly("1");
                assertThat(request.queryParameter("page").values()).containsExactly(String.valueOf(i + 1));
                assertThat(request.getBody()).isEmpty();
            }
        }
    }

    @Nested
    @DisplayName("for members and bans")
    class Members {

        @BeforeEach
        void group() {
            given(() -> {
                List.of("ann", "bob", "cid").forEach(CometChatRequestShapeTest.this::createUser);
                createGroup("g1");
            });
        }

        @Test
        @DisplayName("add is one POST /groups/{guid}/members with UIDs by scope")
        void add() throws Exception {
            directory
                    .members()
                    .add(
                            "g1",
                            List.of(
                                    MemberSpec.of("ann", MemberRole.ADMIN),
                                    MemberSpec.participant("bob"),
                                    MemberSpec.participant("cid")));
            LoggedRequest request = only();
            assertJsonRequest(request, "POST", "/v3/groups/g1/members");
            assertThat(body(request))
                    .isEqualTo(JSON.readTree("{\"admins\":[\"ann\"],\"participants\":[\"bob\",\"cid\"]}"));
        }

        @Test
        @DisplayName("list is GET /groups/{guid}/members with perPage, page and scopes")
        void list() {
            directory.members().list("g1", MemberQuery.withRole(MemberRole.MODERATOR));
            LoggedRequest request = only();
            assertJsonRequest(request, "GET", "/v3/groups/g1/members");
            assertThat(request.queryParameter("scopes").values()).containsExactly("moderator");
            assertThat(request.queryParameter("perPage").values()).containsExactly("100");
            assertThat(request.queryParameter("page").values()).containsExactly("1");
        }

        @Test
        @DisplayName("change role is PUT /groups/{guid}/members/{uid} with the scope")
        void changeRole() throws Exception {
            given(() -> directory.members().add("g1", List.of(MemberSpec.participant("ann"))));
            directory.members().changeRole("g1", "ann", MemberRole.MODERATOR);
            LoggedRequest request = only();
            assertJsonRequest(request, "PUT", "/v3/groups/g1/members/ann");
            assertThat(body(request)).isEqualTo(JSON.readTree("{\"scope\":\"moderator\"}"));
        }

        @Test
        @DisplayName("remove is one DELETE /groups/{guid}/members/{uid} per user")
        void remove() {
            directory.members().remove("g1", List.of("ann", "bob"));
            assertThat(cometChat.requests())
                    .extracting(r -> r.getMethod().getName() + " " + r.getUrl())
                    .containsExactly("DELETE /v3/groups/g1/members/ann", "DELETE /v3/groups/g1/members/bob");
            assertThat(cometChat.requests())
                    .allSatisfy(r -> assertThat(r.getBody()).isEmpty());
        }

        @Test
        @DisplayName("ban is one POST /groups/{guid}/bannedusers/{uid} per user, without a body")
        void ban() {
            given(() -> directory.members().add("g1", List.of(MemberSpec.participant("ann"))));
            directory.members().ban("g1", List.of("ann", "bob"));
            assertThat(cometChat.requests())
                    .extracting(r -> r.getMethod().getName() + " " + r.getUrl())
                    .containsExactly("POST /v3/groups/g1/bannedusers/ann", "POST /v3/groups/g1/bannedusers/bob");
            assertThat(cometChat.requests()).allSatisfy(r -> {
                assertJsonRequest(r, "POST", r.getUrl());
                assertThat(r.getBody()).isEmpty();
            });
        }

        @Test
        @DisplayName("unban is one DELETE /groups/{guid}/bannedusers/{uid} per user")
        void unban() {
            directory.members().unban("g1", List.of("ann"));
            assertJsonRequest(only(), "DELETE", "/v3/groups/g1/bannedusers/ann");
        }

        @Test
        @DisplayName("the banned list is GET /groups/{guid}/bannedusers with perPage and page")
        void listBanned() {
            directory.members().listBanned("g1", PageRequest.ofSize(5));
            LoggedRequest request = only();
            assertJsonRequest(request, "GET", "/v3/groups/g1/bannedusers");
            assertThat(request.queryParameter("perPage").values()).containsExactly("5");
            assertThat(request.queryParameter("page").values()).containsExactly("1");
        }
    }
}
