package dev.chatdirectory.provider.qiscus;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.chatdirectory.NotFoundException;
import dev.chatdirectory.ProviderProtocolException;
import dev.chatdirectory.model.Group;
import dev.chatdirectory.model.GroupType;
import dev.chatdirectory.model.GroupUpdate;
import dev.chatdirectory.model.Member;
import dev.chatdirectory.model.MemberQuery;
import dev.chatdirectory.model.MemberRole;
import dev.chatdirectory.model.MemberSpec;
import dev.chatdirectory.model.OutcomeStatus;
import dev.chatdirectory.model.Page;
import dev.chatdirectory.model.PageRequest;
import dev.chatdirectory.model.User;
import dev.chatdirectory.model.UserCreate;
import dev.chatdirectory.model.UserQuery;
import dev.chatdirectory.model.UserUpdate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The response examples of the Qiscus reference ({@code shared/vendors/qiscus.md}) and of the
 * vendor's page ({@code shared/seeds/003_2b520255e9f0d62f.txt}), served verbatim and read through
 * the directory into the expected models.
 */
@DisplayName("Qiscus's documented response examples")
class QiscusResponseExamplesTest extends StubServerSupport {

    /** Reference §3.2, login_or_register [DOC]. */
    static final String LOGIN_OR_REGISTER_DOC = """
            { "results": { "user": { "avatar_url": "https://image.url/image.jpeg", "extras": {},
              "user_id": "guest99@qiscus.com", "username": "QISCUS demo user" } }, "status": 200 }
            """;

    /** Reference §2, the v2.1 user object with {@code active} [LIB]. */
    static final String USER_OBJECT = """
            { "results": { "user": { "user_id": "guest99@qiscus.com", "username": "QISCUS demo user",
              "avatar_url": "https://image.url/image.jpeg", "extras": {}, "active": true } }, "status": 200 }
            """;

    /**
     * The seed's login_or_register and user_profile example, verbatim: the trailing comma after the
     * user object is a typo of the page (no JSON server emits it), and the e-mail address was
     * obfuscated by the page's host.
     */
    static final String USER_SEED_VERBATIM = """
            {
                "results": {
                    "user": {
                        "user_id": "[email protected]",
                        "username": "Johnny Cage",
                        "avatar_url": "https://myimagebucket.com/image.jpg"
                    },
                },
                "status": 200
            }
            """;

    /** The seed's get_user_list example, verbatim. */
    static final String USER_LIST_SEED = """
            {
                "results": {
                    "meta": {
                        "total_data": 3147,
                        "total_page": 1573
                    },
                    "users": [
                        {
                            "avatar_url": "https://qiscuss3.s3.amazonaws.com/uploads/55c0c6ee486be6b686d52e5b9bbedbbf/2.png",
                            "created_at": "2017-10-09T06:47:00.004482Z",
                            "email": "\\"\\"",
                            "id": 185284,
                            "name": "A. Athaullah",
                            "updated_at": "2017-10-09T06:47:00.004482Z",
                            "username": "A. Athaullah"
                        },
                        {
                            "avatar_url": "https://qiscuss3.s3.amazonaws.com/uploads/55c0c6ee486be6b686d52e5b9bbedbbf/2.png",
                            "created_at": "2017-09-18T04:15:04Z",
                            "email": "[email protected]",
                            "id": 178,
                            "name": "iPhone test User",
                            "updated_at": "2017-09-18T04:15:04Z",
                            "username": "iPhone test User"
                        }
                    ]
                },
                "status": 200
            }
            """;

    /** Reference §5.2, create_room [DOC]. */
    static final String CREATE_ROOM_DOC = """
            { "results": { "room": { "room_id": "5037393", "room_name": "Qiscus Demo Room",
              "room_type": "group", "room_avatar_url": "http://placehold.it/20x20",
              "room_options": "{\\"background\\":\\"green\\"}", "room_channel_id": "" } }, "status": 200 }
            """;

    /** A group room, a channel and a 1-on-1 room, as room objects of the reference (§2, §5.4). */
    static final String THREE_ROOMS = """
            [ { "room_id": "5037393", "room_name": "Qiscus Demo Room", "room_type": "group",
                "room_avatar_url": "http://placehold.it/20x20",
                "room_options": "{\\"background\\":\\"green\\"}", "room_channel_id": "" },
              { "room_id": "5037394", "room_name": "Channel", "room_type": "group",
                "room_avatar_url": "", "room_options": "{}", "room_channel_id": "test123" },
              { "room_id": "5037395", "room_name": "", "room_type": "single",
                "room_avatar_url": "", "room_options": "{}", "room_channel_id": "" } ]
            """;

    /** Reference §5.5, get_rooms_info [REPO] [LIB], with a group room, a channel and a 1-on-1 room. */
    static final String ROOMS_INFO = "{ \"results\": { \"rooms\": " + THREE_ROOMS + " }, \"status\": 200 }";

    /** Reference §5.6, update_room [REPO] [LIB]. */
    static final String UPDATE_ROOM = """
            { "results": { "changed": true, "room": { "room_id": "5037393", "room_name": "Renamed",
              "room_type": "group", "room_avatar_url": "http://placehold.it/20x20",
              "room_options": "{\\"background\\":\\"green\\"}", "room_channel_id": "" } }, "status": 200 }
            """;

    /** Reference §5.12, get_room_participants [REPO] [LIB]. */
    static final String PARTICIPANTS = """
            { "results": { "participants": [
                { "avatar_url": "https://example.com/avatar.png", "extras": {},
                  "user_id": "guest2@qiscus.com", "username": "Qiscus Guest2" },
                { "avatar_url": "https://example.com/avatar.png", "extras": {},
                  "user_id": "guest@qiscus.com", "username": "Qiscus Demo" } ] }, "status": 200 }
            """;

    /** Reference §5.10, add_room_participants [REPO] [LIB] [CODE]. */
    static final String PARTICIPANTS_ADDED = """
            { "results": { "participants_added": [
                { "avatar_url": "https://example.com/image.jpg", "user_id": "alice@example.com",
                  "username": "Alice", "extras": {}, "active": true } ] }, "status": 200 }
            """;

    /** Reference §5.11, remove_room_participants: same item shape under participants_removed. */
    static final String PARTICIPANTS_REMOVED = """
            { "results": { "participants_removed": [
                { "avatar_url": "https://example.com/avatar.png", "user_id": "guest2@qiscus.com",
                  "username": "Qiscus Guest2", "extras": {}, "active": true } ] }, "status": 200 }
            """;

    /** Reference §11, deactivate_users / reactivate_users: only the key message is known [LIB]. */
    static final String MESSAGE = "{\"results\":{\"message\":\"success\"},\"status\":200}";

    /** Reference §6, the error envelope. */
    static final String ROOM_NOT_FOUND = """
            { "error": { "message": "room not found", "detailed_messages": ["room not found"] },
              "status": 400 }
            """;

    /**
     * Reference §5.7, get_user_rooms [REPO] [LIB]: meta and rooms, here the three rooms, as if
     * Qiscus ignored room_type.
     */
    static final String USER_ROOMS = "{ \"results\": { \"meta\": { \"current_page\": 1, \"total_room\": 3 },"
            + " \"rooms\": " + THREE_ROOMS + " }, \"status\": 200 }";

    private static Group demoRoom() {
        return Group.builder("5037393", "Qiscus Demo Room", GroupType.PRIVATE)
                .iconUrl("http://placehold.it/20x20")
                .metadata(Map.of("background", "green"))
                .raw(Map.of(
                        "room_id", "5037393",
                        "room_name", "Qiscus Demo Room",
                        "room_type", "group",
                        "room_avatar_url", "http://placehold.it/20x20",
                        "room_options", "{\"background\":\"green\"}",
                        "room_channel_id", ""))
                .build();
    }

    @Nested
    @DisplayName("of users")
    class Users {

        @Test
        @DisplayName("login_or_register [DOC] becomes the created user")
        void loginOrRegister() {
            answer("user_profile", 404, "{\"error\":{\"message\":\"user not found\"},\"status\":404}");
            answer("login_or_register", 200, LOGIN_OR_REGISTER_DOC);
            User user = directory
                    .users()
                    .create(UserCreate.builder("guest99@qiscus.com", "QISCUS demo user")
                            .build());
            assertThat(user)
                    .isEqualTo(User.builder("guest99@qiscus.com", "QISCUS demo user")
                            .avatarUrl("https://image.url/image.jpeg")
                            .raw(Map.of(
                                    "avatar_url", "https://image.url/image.jpeg",
                                    "extras", Map.of(),
                                    "user_id", "guest99@qiscus.com",
                                    "username", "QISCUS demo user"))
                            .build());
        }

        @Test
        @DisplayName("the user object with active: true [LIB] is found by get")
        void userProfile() {
            answer("user_profile", 200, USER_OBJECT);
            Optional<User> user = directory.users().get("guest99@qiscus.com");
            assertThat(user).hasValueSatisfying(u -> {
                assertThat(u.id()).isEqualTo("guest99@qiscus.com");
                assertThat(u.name()).isEqualTo("QISCUS demo user");
                assertThat(u.avatarUrl()).contains("https://image.url/image.jpeg");
                assertThat(u.metadata()).isEmpty();
            });
        }

        @Test
        @DisplayName("the seed's user example, once its trailing-comma typo is removed, is the user Johnny Cage")
        void seedUser() {
            answer("user_profile", 200, USER_SEED_VERBATIM.replace("},\n    },", "}\n    },"));
            assertThat(directory.users().get("johnny")).hasValueSatisfying(u -> {
                assertThat(u.id()).isEqualTo("[email protected]");
                assertThat(u.name()).isEqualTo("Johnny Cage");
                assertThat(u.avatarUrl()).contains("https://myimagebucket.com/image.jpg");
            });
        }

        @Test
        @DisplayName("the seed's user example verbatim is not JSON: a ProviderProtocolException, not a crash")
        void seedUserVerbatim() {
            answer("user_profile", 200, USER_SEED_VERBATIM);
            assertThatThrownBy(() -> directory.users().get("johnny")).isInstanceOf(ProviderProtocolException.class);
        }

        @Test
        @DisplayName("the seed's get_user_list becomes a page of two users (ids from email) with a next page")
        void seedUserList() {
            answer("get_user_list", 200, USER_LIST_SEED);
            Page<User> page = directory.users().list(UserQuery.all().withPageSize(2));
            assertThat(page.items()).extracting(User::id).containsExactly("\"\"", "[email protected]");
            User first = page.items().get(0);
            assertThat(first.name()).isEqualTo("A. Athaullah");
            assertThat(first.avatarUrl())
                    .contains("https://qiscuss3.s3.amazonaws.com/uploads/55c0c6ee486be6b686d52e5b9bbedbbf/2.png");
            assertThat(first.createdAt()).contains(Instant.parse("2017-10-09T06:47:00.004482Z"));
            assertThat(first.updatedAt()).contains(Instant.parse("2017-10-09T06:47:00.004482Z"));
            assertThat(first.metadata()).isEmpty();
            assertThat(first.raw()).containsEntry("id", 185284);
            assertThat(page.items().get(1).createdAt()).contains(Instant.parse("2017-09-18T04:15:04Z"));
            assertThat(page.hasNext()).as("page 1 of 1573").isTrue();
        }

        @Test
        @DisplayName("deactivate_users and reactivate_users answers are accepted")
        void activation() {
            answer("user_profile", 200, USER_OBJECT);
            answer("deactivate_users", 200, MESSAGE);
            assertThat(directory.users().deactivate("guest99@qiscus.com")).isTrue();
            answer("user_profile", 200, USER_OBJECT.replace("\"active\": true", "\"active\": false"));
            answer("reactivate_users", 200, MESSAGE);
            assertThat(directory.users().reactivate("guest99@qiscus.com")).isTrue();
        }

        @Test
        @DisplayName("an update answered with the documented user becomes that user")
        void update() {
            answer("user_profile", 200, USER_OBJECT);
            answer("login_or_register", 200, LOGIN_OR_REGISTER_DOC);
            User user = directory
                    .users()
                    .update(
                            "guest99@qiscus.com",
                            UserUpdate.builder().name("QISCUS demo user").build());
            assertThat(user.name()).isEqualTo("QISCUS demo user");
        }
    }

    @Nested
    @DisplayName("of rooms")
    class Rooms {

        @Test
        @DisplayName("create_room [DOC] becomes a private group with its icon and its options as metadata")
        void createRoom() {
            answer("user_profile", 200, USER_OBJECT);
            answer("create_room", 200, CREATE_ROOM_DOC);
            Group group = directory
                    .groups()
                    .create(dev.chatdirectory.model.GroupCreate.withoutId("Qiscus Demo Room", GroupType.PRIVATE)
                            .ownerId("guest99@qiscus.com")
                            .build());
            assertThat(group).isEqualTo(demoRoom());
        }

        @Test
        @DisplayName("get_rooms_info: a group room is a private group, a channel a public one, a 1-on-1 room no group")
        void roomsInfo() {
            answer("get_rooms_info", 200, ROOMS_INFO);
            assertThat(directory.groups().get("5037393")).contains(demoRoom());
            assertThat(directory.groups().get("5037394")).hasValueSatisfying(channel -> {
                assertThat(channel.type()).isEqualTo(GroupType.PUBLIC);
                assertThat(channel.iconUrl()).isEmpty();
                assertThat(channel.metadata()).isEmpty();
            });
            assertThat(directory.groups().get("5037395")).isEmpty();
            assertThat(directory.groups().get("5037396"))
                    .as("an id Qiscus left out")
                    .isEmpty();
        }

        @Test
        @DisplayName("update_room [REPO] becomes the updated group")
        void updateRoom() {
            answer("get_rooms_info", 200, ROOMS_INFO);
            answer("update_room", 200, UPDATE_ROOM);
            Group group = directory
                    .groups()
                    .update("5037393", GroupUpdate.builder().name("Renamed").build());
            assertThat(group.name()).isEqualTo("Renamed");
            assertThat(group.metadata()).isEqualTo(Map.of("background", "green"));
        }

        @Test
        @DisplayName("the error envelope 'room not found' [CLIENT] is a NotFoundException")
        void roomNotFound() {
            answer("get_room_participants", 400, ROOM_NOT_FOUND);
            assertThatThrownBy(() -> directory.members().list("1", MemberQuery.all()))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("room not found");
        }
    }

    @Nested
    @DisplayName("of the rooms of a user")
    class RoomsOfUser {

        private String userRooms(int page, int totalRooms, String... roomIds) {
            StringBuilder rooms = new StringBuilder();
            for (String id : roomIds) {
                rooms.append(rooms.length() == 0 ? "" : ",")
                        .append("{\"room_id\":\"")
                        .append(id)
                        .append("\",\"room_name\":\"R")
                        .append(id)
                        .append("\",\"room_type\":\"group\",\"room_options\":\"{}\",\"room_channel_id\":\"\"}");
            }
            return "{\"results\":{\"meta\":{\"current_page\":" + page + ",\"total_room\":" + totalRooms
                    + "},\"rooms\":[" + rooms + "]},\"status\":200}";
        }

        private void answerPage(int page, String body) {
            qiscus.stubFor(WireMock.get(urlPathEqualTo(BASE + "/get_user_rooms"))
                    .withQueryParam("page", equalTo(String.valueOf(page)))
                    .willReturn(okJson(body)));
        }

        @Test
        @DisplayName("get_user_rooms [REPO]: the group room and the channel are the user's groups, a 1-on-1 room none")
        void userRooms() {
            answer("user_profile", 200, USER_OBJECT);
            answer("get_user_rooms", 200, USER_ROOMS);

            Page<Group> page = directory.groups().listForMember("guest99@qiscus.com", PageRequest.first());

            assertThat(page.items()).extracting(Group::id).containsExactly("5037393", "5037394");
            assertThat(page.items().get(0)).isEqualTo(demoRoom());
            assertThat(page.items().get(1).type()).isEqualTo(GroupType.PUBLIC);
            assertThat(page.hasNext()).isFalse();
        }

        @Test
        @DisplayName("an unknown or deactivated user is NotFoundException, and get_user_rooms is not asked")
        void unknownUser() {
            answer(
                    "user_profile",
                    400,
                    "{\"error\":{\"message\":\"user not found\",\"detailed_messages\":"
                            + "[\"user not found\"]},\"status\":400}");
            answer("get_user_rooms", 200, USER_ROOMS);
            assertThatThrownBy(() -> directory.groups().listForMember("ghost", PageRequest.first()))
                    .isInstanceOf(NotFoundException.class);

            answer("user_profile", 200, USER_OBJECT.replace("\"active\": true", "\"active\": false"));
            assertThatThrownBy(() -> directory.groups().listForMember("guest99@qiscus.com", PageRequest.first()))
                    .isInstanceOf(NotFoundException.class);
            assertThat(count("get_user_rooms")).isZero();
        }

        @Test
        @DisplayName("a short page is the last, even when total_room counts rooms the next page does not hold")
        void shortPageIsLast() {
            answer("user_profile", 200, USER_OBJECT);
            answerPage(1, userRooms(1, 5, "1", "2"));
            answerPage(2, userRooms(2, 5));

            Page<Group> page = directory.groups().listForMember("guest99@qiscus.com", PageRequest.ofSize(3));

            assertThat(page.items()).extracting(Group::id).containsExactly("1", "2");
            assertThat(page.hasNext()).isFalse();
        }

        @Test
        @DisplayName("a short page followed by more rooms (Qiscus capping pages) is a protocol error, not a lost room")
        void cappedPages() {
            answer("user_profile", 200, USER_OBJECT);
            answerPage(1, userRooms(1, 5, "1", "2"));
            answerPage(2, userRooms(2, 5, "3", "4"));

            assertThatThrownBy(() -> directory.groups().listForMember("guest99@qiscus.com", PageRequest.ofSize(3)))
                    .isInstanceOf(ProviderProtocolException.class)
                    .hasMessageContaining("smaller pages");
        }
    }

    @Nested
    @DisplayName("of participants")
    class Participants {

        @Test
        @DisplayName("get_room_participants [REPO] becomes members named by their username, without roles")
        void participants() {
            answer("get_room_participants", 200, PARTICIPANTS);
            Page<Member> page = directory.members().list("5037393", MemberQuery.pageSize(20));
            assertThat(page.items())
                    .containsExactly(
                            new Member(
                                    "5037393",
                                    "guest2@qiscus.com",
                                    MemberRole.PARTICIPANT,
                                    Optional.empty(),
                                    Optional.of("Qiscus Guest2")),
                            new Member(
                                    "5037393",
                                    "guest@qiscus.com",
                                    MemberRole.PARTICIPANT,
                                    Optional.empty(),
                                    Optional.of("Qiscus Demo")));
            assertThat(page.hasNext()).as("a short page is the last").isFalse();
        }

        @Test
        @DisplayName("add_room_participants [REPO] is accepted as applied")
        void added() {
            answer("get_room_participants", 200, PARTICIPANTS);
            answer("add_room_participants", 200, PARTICIPANTS_ADDED);
            assertThat(directory
                            .members()
                            .add("5037393", List.of(MemberSpec.participant("alice@example.com")))
                            .outcomes())
                    .singleElement()
                    .satisfies(o -> assertThat(o.status()).isEqualTo(OutcomeStatus.APPLIED));
        }

        @Test
        @DisplayName("remove_room_participants [REPO] is accepted as applied")
        void removed() {
            answer("get_room_participants", 200, PARTICIPANTS);
            answer("remove_room_participants", 200, PARTICIPANTS_REMOVED);
            assertThat(directory
                            .members()
                            .remove("5037393", List.of("guest2@qiscus.com"))
                            .applied())
                    .containsExactly("guest2@qiscus.com");
        }
    }
}
