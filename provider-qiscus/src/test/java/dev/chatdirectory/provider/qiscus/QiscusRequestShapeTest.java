package dev.chatdirectory.provider.qiscus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.chatdirectory.model.Group;
import dev.chatdirectory.model.GroupCreate;
import dev.chatdirectory.model.GroupType;
import dev.chatdirectory.model.GroupUpdate;
import dev.chatdirectory.model.MemberQuery;
import dev.chatdirectory.model.MemberSpec;
import dev.chatdirectory.model.PageRequest;
import dev.chatdirectory.model.UserCreate;
import dev.chatdirectory.model.UserQuery;
import dev.chatdirectory.model.UserUpdate;
import dev.chatdirectory.provider.qiscus.internal.QiscusApi;
import dev.chatdirectory.provider.qiscus.internal.QiscusMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every operation sends the method, path, headers, query parameters and JSON body of the Qiscus
 * reference, checked in the emulator's request journal; values carry spaces, commas, {@code &},
 * {@code =}, {@code +}, quotes and non-ASCII text.
 */
@DisplayName("Requests sent to Qiscus")
class AtomChatRequestShapeTest extends QiscusEmulatorSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AWKWARD_NAME = "Zoë \"Z\" O'Brien, a+b & c=d 山田 🚀";
    private static final String USER_ID = "zoe.o-brien_1@example.com";
    private static final Map<String, Object> METADATA =
            ordered("note", "a+b & c=d, \"quoted\" ü", "count", 3, "ratio", 2.5, "flags", List.of(true, "x y"));

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private List<LoggedRequest> sent(String method, String endpoint) {
        return requests().stream()
                .filter(r -> r.getMethod().getName().equals(method))
                .filter(r ->
                        r.getUrl().equals(BASE + "/" + endpoint) || r.getUrl().startsWith(BASE + "/" + endpoint + "?"))
                .toList();
    }

    private LoggedRequest only(String method, String endpoint) {
        List<LoggedRequest> found = sent(method, endpoint);
        assertThat(found).as("%s %s requests", method, endpoint).hasSize(1);
        LoggedRequest request = found.get(0);
        assertThat(request.getHeader("QISCUS-SDK-APP-ID")).isEqualTo(emulator.appId());
        assertThat(request.getHeader("QISCUS-SDK-SECRET")).isEqualTo(emulator.secretKey());
        assertThat(request.containsHeader("QISCUS_SDK_SECRET")).isFalse();
        assertThat(request.getHeader("Accept")).isEqualTo("application/json");
        if (!method.equals("GET")) {
            assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        }
        return request;
    }

    private static JsonNode body(LoggedRequest request) throws Exception {
        return JSON.readTree(request.getBodyAsString());
    }

    private static JsonNode json(Object value) {
        return JSON.valueToTree(value);
    }

    private void createUser(String id) {
        directory.users().create(UserCreate.builder(id, "User " + id).build());
    }

    @Nested
    @DisplayName("for users")
    class Users {

        @Test
        @DisplayName(
                "create: GET user_profile?user_id=…, then POST login_or_register with every field and the password")
        void create() throws Exception {
            forgetRequests();
            directory
                    .users()
                    .create(UserCreate.builder(USER_ID, AWKWARD_NAME)
                            .avatarUrl("https://a.example.com/z.png?size=64&fmt=png")
                            .metadata(METADATA)
                            .build());
            LoggedRequest profile = only("GET", "user_profile");
            assertThat(profile.queryParameter("user_id").values()).containsExactly(USER_ID);
            assertThat(body(only("POST", "login_or_register")))
                    .isEqualTo(json(ordered(
                            "user_id", USER_ID,
                            "username", AWKWARD_NAME,
                            "password", derivedPassword(USER_ID),
                            "avatar_url", "https://a.example.com/z.png?size=64&fmt=png",
                            "extras", METADATA)));
            assertThat(requests()).hasSize(2);
        }

        @Test
        @DisplayName("create without optional fields leaves them out of the body")
        void createMinimal() throws Exception {
            forgetRequests();
            directory.users().create(UserCreate.builder("plain", "Plain").build());
            assertThat(body(only("POST", "login_or_register")))
                    .isEqualTo(json(
                            ordered("user_id", "plain", "username", "Plain", "password", derivedPassword("plain"))));
        }

        @Test
        @DisplayName("get: GET user_profile?user_id=… only")
        void get() {
            forgetRequests();
            directory.users().get(USER_ID);
            assertThat(only("GET", "user_profile").queryParameter("user_id").values())
                    .containsExactly(USER_ID);
            assertThat(requests()).hasSize(1);
        }

        @Test
        @DisplayName(
                "update: GET user_profile, then POST login_or_register with the whole profile and the same password")
        void update() throws Exception {
            directory
                    .users()
                    .create(UserCreate.builder(USER_ID, "Zoë")
                            .avatarUrl("https://a.example.com/z.png")
                            .metadata(METADATA)
                            .build());
            forgetRequests();
            directory
                    .users()
                    .update(USER_ID, UserUpdate.builder().name(AWKWARD_NAME).build());
            only("GET", "user_profile");
            assertThat(body(only("POST", "login_or_register")))
                    .isEqualTo(json(ordered(
                            "user_id", USER_ID,
                            "username", AWKWARD_NAME,
                            "password", derivedPassword(USER_ID),
                            "avatar_url", "https://a.example.com/z.png",
                            "extras", METADATA)));
        }

        @Test
        @DisplayName("clearing the avatar and metadata sends the placeholder avatar and empty extras")
        void clearFields() throws Exception {
            directory
                    .users()
                    .create(UserCreate.builder("zoe", "Zoë")
                            .avatarUrl("https://a.example.com/z.png")
                            .metadata(METADATA)
                            .build());
            forgetRequests();
            directory
                    .users()
                    .update(
                            "zoe",
                            UserUpdate.builder()
                                    .clearAvatarUrl()
                                    .clearMetadata()
                                    .build());
            assertThat(body(only("POST", "login_or_register")))
                    .isEqualTo(json(ordered(
                            "user_id",
                            "zoe",
                            "username",
                            "Zoë",
                            "password",
                            derivedPassword("zoe"),
                            "avatar_url",
                            QiscusMapper.DEFAULT_AVATAR_URL,
                            "extras",
                            Map.of())));
        }

        @Test
        @DisplayName("delete: GET user_profile, then DELETE deactivate_users with user_ids")
        void delete() throws Exception {
            createUser(USER_ID);
            forgetRequests();
            directory.users().delete(USER_ID);
            only("GET", "user_profile");
            assertThat(body(only("DELETE", "deactivate_users"))).isEqualTo(json(Map.of("user_ids", List.of(USER_ID))));
        }

        @Test
        @DisplayName("reactivate: GET user_profile, then POST reactivate_users with user_ids")
        void reactivate() throws Exception {
            createUser(USER_ID);
            directory.users().deactivate(USER_ID);
            forgetRequests();
            directory.users().reactivate(USER_ID);
            assertThat(body(only("POST", "reactivate_users"))).isEqualTo(json(Map.of("user_ids", List.of(USER_ID))));
        }

        @Test
        @DisplayName("list: GET get_user_list with a 1-based page, the limit and the oldest-first order")
        void list() {
            for (int i = 0; i < 4; i++) {
                createUser("user" + i);
            }
            forgetRequests();
            var first = directory.users().list(UserQuery.all().withPageSize(3));
            directory
                    .users()
                    .list(UserQuery.all()
                            .withPageSize(3)
                            .withCursor(first.nextCursor().orElseThrow()));
            List<LoggedRequest> pages = sent("GET", "get_user_list");
            assertThat(pages).hasSize(2);
            assertThat(pages.get(0).queryParameter("page").values()).containsExactly("1");
            assertThat(pages.get(1).queryParameter("page").values()).containsExactly("2");
            assertThat(pages.get(0).queryParameter("limit").values()).containsExactly("3");
            assertThat(pages.get(0).queryParameter("order_query").values()).containsExactly("created_at asc");
            assertThat(pages.get(0).getUrl()).contains("order_query=created_at%20asc");
        }

        @Test
        @DisplayName("list without a page size asks for the default 20")
        void defaultPageSize() {
            forgetRequests();
            directory.users().list(UserQuery.all());
            assertThat(only("GET", "get_user_list").queryParameter("limit").values())
                    .containsExactly("20");
        }
    }

    @Nested
    @DisplayName("for groups")
    class Groups {

        @Test
        @DisplayName(
                "create with an owner: POST create_room with the owner as creator and participant, options as a string")
        void createWithOwner() throws Exception {
            createUser("zoe");
            forgetRequests();
            directory
                    .groups()
                    .create(GroupCreate.withoutId(AWKWARD_NAME, GroupType.PRIVATE)
                            .ownerId("zoe")
                            .iconUrl("https://i.example.com/g.svg")
                            .metadata(METADATA)
                            .build());
            JsonNode body = body(only("POST", "create_room"));
            assertThat(body.get("room_options").isTextual()).isTrue();
            Map<String, Object> options = new LinkedHashMap<>(METADATA);
            options.put("chatdirectory", Map.of("owner", "zoe"));
            assertThat(JSON.readTree(body.get("room_options").asText())).isEqualTo(json(options));
            assertThat(body)
                    .isEqualTo(json(ordered(
                            "room_name",
                            AWKWARD_NAME,
                            "creator",
                            "zoe",
                            "participants",
                            List.of("zoe"),
                            "room_avatar_url",
                            "https://i.example.com/g.svg",
                            "room_options",
                            body.get("room_options").asText())));
        }

        @Test
        @DisplayName("create without an owner: POST create_room by the system user, then POST remove_room_participants")
        void createWithoutOwner() throws Exception {
            forgetRequests();
            Group group = directory
                    .groups()
                    .create(GroupCreate.withoutId("Plain", GroupType.PRIVATE).build());
            assertThat(body(only("POST", "create_room")))
                    .isEqualTo(json(ordered(
                            "room_name", "Plain", "creator", SYSTEM_USER, "participants", List.of(SYSTEM_USER))));
            assertThat(body(only("POST", "remove_room_participants")))
                    .isEqualTo(json(ordered("room_id", group.id(), "user_ids", List.of(SYSTEM_USER))));
            assertThat(requests()).hasSize(2);
        }

        @Test
        @DisplayName("get: GET get_rooms_info?room_ids[]=…")
        void get() {
            forgetRequests();
            directory.groups().get("5000001");
            LoggedRequest request = only("GET", "get_rooms_info");
            assertThat(request.queryParameter("room_ids[]").values()).containsExactly("5000001");
        }

        @Test
        @DisplayName("several room ids repeat the bracketed key: room_ids[]=1&room_ids[]=2")
        void roomIdsRepeat() {
            forgetRequests();
            directory.unwrap(QiscusApi.class).roomsInfo(List.of("5000001", "5000002"));
            LoggedRequest request = only("GET", "get_rooms_info");
            assertThat(request.queryParameter("room_ids[]").values()).containsExactly("5000001", "5000002");
            assertThat(request.getUrl().replace("%5B%5D", "[]"))
                    .isEqualTo(BASE + "/get_rooms_info?room_ids[]=5000001&room_ids[]=5000002");
        }

        @Test
        @DisplayName("update: GET get_rooms_info, then POST update_room with only what changes")
        void update() throws Exception {
            createUser("zoe");
            Group group = directory
                    .groups()
                    .create(GroupCreate.withoutId("Old", GroupType.PRIVATE)
                            .ownerId("zoe")
                            .iconUrl("https://i.example.com/g.svg")
                            .build());
            forgetRequests();
            directory
                    .groups()
                    .update(group.id(), GroupUpdate.builder().name(AWKWARD_NAME).build());
            only("GET", "get_rooms_info");
            assertThat(body(only("POST", "update_room")))
                    .isEqualTo(json(ordered("room_id", group.id(), "room_name", AWKWARD_NAME)));
        }

        @Test
        @DisplayName("update of metadata and icon: room_options keeps the owner, a cleared icon is the placeholder")
        void updateOptions() throws Exception {
            createUser("zoe");
            Group group = directory
                    .groups()
                    .create(GroupCreate.withoutId("Old", GroupType.PRIVATE)
                            .ownerId("zoe")
                            .iconUrl("https://i.example.com/g.svg")
                            .build());
            forgetRequests();
            directory
                    .groups()
                    .update(
                            group.id(),
                            GroupUpdate.builder()
                                    .metadata(METADATA)
                                    .clearIconUrl()
                                    .build());
            JsonNode body = body(only("POST", "update_room"));
            Map<String, Object> options = new LinkedHashMap<>(METADATA);
            options.put("chatdirectory", Map.of("owner", "zoe"));
            assertThat(JSON.readTree(body.get("room_options").asText())).isEqualTo(json(options));
            assertThat(body.get("room_avatar_url").asText()).isEqualTo(QiscusMapper.DEFAULT_AVATAR_URL);
            assertThat(body.has("room_name")).isFalse();
        }
    }

    @Nested
    @DisplayName("for the groups of a user")
    class GroupsOfMember {

        @Test
        @DisplayName("GET user_profile, then GET get_user_rooms with user_id, room_type=group, the 1-based page and the"
                + " limit; later pages do not read the user again")
        void groupsOfMember() {
            createUser(USER_ID);
            for (int i = 0; i < 3; i++) {
                directory
                        .groups()
                        .create(GroupCreate.withoutId("Room " + i, GroupType.PRIVATE)
                                .ownerId(USER_ID)
                                .build());
            }
            forgetRequests();
            assertThat(directory.groups().streamForMember(USER_ID, PageRequest.ofSize(2)))
                    .hasSize(3);
            List<LoggedRequest> sent = requests();
            assertThat(sent)
                    .extracting(r ->
                            r.getUrl().substring(BASE.length() + 1, r.getUrl().indexOf('?')))
                    .containsExactly("user_profile", "get_user_rooms", "get_user_rooms");
            assertThat(only("GET", "user_profile").queryParameter("user_id").values())
                    .containsExactly(USER_ID);
            for (int i = 1; i <= 2; i++) {
                LoggedRequest rooms = sent.get(i);
                assertThat(rooms.getMethod().getName()).isEqualTo("GET");
                assertThat(rooms.getHeader("QISCUS-SDK-SECRET")).isEqualTo(emulator.secretKey());
                assertThat(rooms.queryParameter("user_id").values()).containsExactly(USER_ID);
                assertThat(rooms.queryParameter("room_type").values()).containsExactly("group");
                assertThat(rooms.queryParameter("page").values()).containsExactly(String.valueOf(i));
                assertThat(rooms.queryParameter("limit").values()).containsExactly("2");
            }
        }
    }

    @Nested
    @DisplayName("for members")
    class Members {

        @Test
        @DisplayName(
                "add: GET get_room_participants (page 1, limit 100), then POST add_room_participants with user_ids")
        void add() throws Exception {
            Group group = directory
                    .groups()
                    .create(GroupCreate.withoutId("Club", GroupType.PRIVATE).build());
            createUser("zoe");
            createUser(USER_ID);
            forgetRequests();
            directory
                    .members()
                    .add(group.id(), List.of(MemberSpec.participant("zoe"), MemberSpec.participant(USER_ID)));
            LoggedRequest list = only("GET", "get_room_participants");
            assertThat(list.queryParameter("room_id").values()).containsExactly(group.id());
            assertThat(list.queryParameter("page").values()).containsExactly("1");
            assertThat(list.queryParameter("limit").values()).containsExactly("100");
            assertThat(body(only("POST", "add_room_participants")))
                    .isEqualTo(json(ordered("room_id", group.id(), "user_ids", List.of("zoe", USER_ID))));
        }

        @Test
        @DisplayName("add after a refused batch sends each user alone")
        void addSplitsARefusedBatch() throws Exception {
            Group group = directory
                    .groups()
                    .create(GroupCreate.withoutId("Club", GroupType.PRIVATE).build());
            createUser("zoe");
            forgetRequests();
            directory
                    .members()
                    .add(group.id(), List.of(MemberSpec.participant("zoe"), MemberSpec.participant("ghost")));
            List<LoggedRequest> adds = sent("POST", "add_room_participants");
            assertThat(adds).hasSize(3);
            assertThat(body(adds.get(0)).get("user_ids")).isEqualTo(json(List.of("zoe", "ghost")));
            assertThat(body(adds.get(1)).get("user_ids")).isEqualTo(json(List.of("zoe")));
            assertThat(body(adds.get(2)).get("user_ids")).isEqualTo(json(List.of("ghost")));
        }

        @Test
        @DisplayName("remove: GET get_room_participants, then POST remove_room_participants with the members only")
        void remove() throws Exception {
            Group group = directory
                    .groups()
                    .create(GroupCreate.withoutId("Club", GroupType.PRIVATE).build());
            createUser("zoe");
            directory.members().add(group.id(), List.of(MemberSpec.participant("zoe")));
            forgetRequests();
            directory.members().remove(group.id(), List.of("zoe", "outsider"));
            only("GET", "get_room_participants");
            assertThat(body(only("POST", "remove_room_participants")))
                    .isEqualTo(json(ordered("room_id", group.id(), "user_ids", List.of("zoe"))));
        }

        @Test
        @DisplayName("remove of non-members only reads")
        void removeNothing() {
            Group group = directory
                    .groups()
                    .create(GroupCreate.withoutId("Club", GroupType.PRIVATE).build());
            forgetRequests();
            directory.members().remove(group.id(), List.of("outsider"));
            assertThat(sent("POST", "remove_room_participants")).isEmpty();
        }

        @Test
        @DisplayName("list: GET get_room_participants with room_id, the 1-based page and the limit")
        void list() {
            Group group = directory
                    .groups()
                    .create(GroupCreate.withoutId("Club", GroupType.PRIVATE).build());
            forgetRequests();
            directory.members().list(group.id(), MemberQuery.pageSize(7));
            LoggedRequest request = only("GET", "get_room_participants");
            assertThat(request.queryParameter("room_id").values()).containsExactly(group.id());
            assertThat(request.queryParameter("page").values()).containsExactly("1");
            assertThat(request.queryParameter("limit").values()).containsExactly("7");
        }
    }
}
