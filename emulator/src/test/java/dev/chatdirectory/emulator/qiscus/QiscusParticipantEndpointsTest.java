package dev.chatdirectory.emulator.qiscus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Qiscus emulator: participant endpoints")
class QiscusParticipantEndpointsTest extends QiscusTestSupport {

    private String roomId;

    @BeforeEach
    void room() {
        register("alice", "Alice");
        register("bob", "Bob");
        register("carol", "Carol");
        roomId = createGroup("Team", "alice", "alice");
    }

    private String singleRoom() {
        return post("get_or_create_room_with_target", json("user_ids", List.of("alice", "bob")))
                .ok()
                .path("room")
                .path("room_id")
                .asText();
    }

    @Nested
    @DisplayName("POST add_room_participants")
    class Add {

        @Test
        @DisplayName("adds users and lists them as user objects in participants_added")
        void adds() {
            JsonNode added = post("add_room_participants", json("room_id", roomId, "user_ids", List.of("bob", "carol")))
                    .ok()
                    .path("participants_added");

            assertThat(userIds(added)).containsExactly("bob", "carol");
            assertThat(added.get(0).fieldNames())
                    .toIterable()
                    .containsExactly("user_id", "username", "avatar_url", "extras", "active");
            assertThat(added.get(0).path("username").asText()).isEqualTo("Bob");
            assertThat(emulator.participants(roomId)).containsExactly("alice", "bob", "carol");
        }

        @Test
        @DisplayName("accepts users already present and leaves them out of participants_added")
        void alreadyPresent() {
            JsonNode added = post("add_room_participants", json("room_id", roomId, "user_ids", List.of("alice", "bob")))
                    .ok()
                    .path("participants_added");

            assertThat(userIds(added)).containsExactly("bob");
            assertThat(emulator.participants(roomId)).containsExactly("alice", "bob");
        }

        @Test
        @DisplayName("answers an empty participants_added when every user is already in, and changes nothing")
        void allAlreadyPresent() {
            post("add_room_participants", json("room_id", roomId, "user_ids", List.of("bob")))
                    .ok();

            JsonNode added = post("add_room_participants", json("room_id", roomId, "user_ids", List.of("alice", "bob")))
                    .ok()
                    .path("participants_added");

            assertThat(added.isArray()).as("participants_added is %s", added).isTrue();
            assertThat(added).isEmpty();
            assertThat(emulator.participants(roomId)).containsExactly("alice", "bob");
        }

        @Test
        @DisplayName("accepts a form body with user_ids[] as sent by Qiscus sample code")
        void formBody() {
            JsonNode added = postForm("add_room_participants", "room_id=" + roomId + "&user_ids[]=bob&user_ids[]=carol")
                    .ok()
                    .path("participants_added");

            assertThat(userIds(added)).containsExactly("bob", "carol");
        }

        @Test
        @DisplayName("refuses unknown users with 400 and adds nobody")
        void unknownUser() {
            Reply reply = post("add_room_participants", json("room_id", roomId, "user_ids", List.of("bob", "ghost")));

            reply.assertError(400, "user not found");
            assertThat(reply.detailedMessages()).containsExactly("user ghost not found");
            assertThat(emulator.participants(roomId)).containsExactly("alice");
        }

        @Test
        @DisplayName("names every unknown user in its own detailed message under one general message")
        void severalUnknownUsers() {
            Reply reply = post(
                    "add_room_participants",
                    json("room_id", roomId, "user_ids", List.of("ghost", "bob", "phantom.user@example.com")));

            reply.assertError(400, "user not found");
            assertThat(reply.detailedMessages())
                    .containsExactly("user ghost not found", "user phantom.user@example.com not found");
        }

        @Test
        @DisplayName("refuses single rooms, unknown rooms and missing parameters")
        void refusals() {
            post("add_room_participants", json("room_id", singleRoom(), "user_ids", List.of("carol")))
                    .assertError(400, "participants of a single room can not be changed");
            post("add_room_participants", json("room_id", "999", "user_ids", List.of("carol")))
                    .assertError(400, "room not found");
            post("add_room_participants", json("user_ids", List.of("carol"))).assertError(400, "room_id is required");
            post("add_room_participants", json("room_id", roomId)).assertError(400, "user_ids is required");
        }

        @Test
        @DisplayName("refuses to grow a group beyond 100 participants")
        void groupLimit() {
            List<String> many =
                    IntStream.rangeClosed(1, 100).mapToObj(i -> "m" + i).toList();
            many.forEach(id -> emulator.createUser(id, id));
            post("add_room_participants", json("room_id", roomId, "user_ids", many.subList(0, 99)))
                    .ok();

            post("add_room_participants", json("room_id", roomId, "user_ids", List.of("m100")))
                    .assertError(400, "the maximum number of participants for a group room is 100");
            assertThat(emulator.participants(roomId)).hasSize(100);
        }
    }

    @Nested
    @DisplayName("POST remove_room_participants")
    class Remove {

        @Test
        @DisplayName("removes members, lists them in participants_removed and ignores non-members")
        void removes() {
            post("add_room_participants", json("room_id", roomId, "user_ids", List.of("bob")))
                    .ok();

            JsonNode removed = post(
                            "remove_room_participants", json("room_id", roomId, "user_ids", List.of("bob", "carol")))
                    .ok()
                    .path("participants_removed");

            assertThat(userIds(removed)).containsExactly("bob");
            assertThat(emulator.participants(roomId)).containsExactly("alice");
        }

        @Test
        @DisplayName("refuses single rooms and unknown users")
        void refusals() {
            post("remove_room_participants", json("room_id", singleRoom(), "user_ids", List.of("bob")))
                    .assertError(400, "participants of a single room can not be changed");
            post("remove_room_participants", json("room_id", roomId, "user_ids", List.of("ghost")))
                    .assertError(400, "user not found");
            assertThat(emulator.participants(roomId)).containsExactly("alice");
        }
    }

    @Nested
    @DisplayName("GET get_room_participants")
    class ListParticipants {

        @Test
        @DisplayName("pages participants in join order with the mobile-style meta")
        void pages() {
            List<String> many =
                    IntStream.rangeClosed(1, 24).mapToObj(i -> "m" + i).toList();
            many.forEach(id -> emulator.createUser(id, id));
            post("add_room_participants", json("room_id", roomId, "user_ids", many))
                    .ok();

            JsonNode second = get("get_room_participants?room_id=" + roomId + "&page=2&limit=10")
                    .ok();
            JsonNode third = get("get_room_participants?room_id=" + roomId + "&page=3&limit=10")
                    .ok();

            assertThat(userIds(second.path("participants"))).containsExactlyElementsOf(many.subList(9, 19));
            assertThat(second.path("meta").path("current_offset").asInt()).isEqualTo(10);
            assertThat(second.path("meta").path("current_page").asInt()).isEqualTo(2);
            assertThat(second.path("meta").path("per_page").asInt()).isEqualTo(10);
            assertThat(second.path("meta").path("total").asInt()).isEqualTo(25);
            assertThat(third.path("participants")).hasSize(5);
        }

        @Test
        @DisplayName("defaults to page 1 of 20")
        void defaults() {
            IntStream.rangeClosed(1, 24).forEach(i -> emulator.createUser("m" + i, "M"));
            post(
                            "add_room_participants",
                            json(
                                    "room_id",
                                    roomId,
                                    "user_ids",
                                    IntStream.rangeClosed(1, 24)
                                            .mapToObj(i -> "m" + i)
                                            .toList()))
                    .ok();

            JsonNode results = get("get_room_participants?room_id=" + roomId).ok();

            assertThat(results.path("participants")).hasSize(20);
            assertThat(results.path("participants").get(0).path("user_id").asText())
                    .isEqualTo("alice");
            assertThat(results.path("meta").path("per_page").asInt()).isEqualTo(20);
            assertThat(results.path("meta").path("current_offset").asInt()).isZero();
        }

        @Test
        @DisplayName("lists single rooms too, and shows deactivated members as inactive")
        void singleAndInactive() {
            String single = singleRoom();
            delete("deactivate_users", json("user_ids", List.of("bob"))).ok();

            JsonNode participants =
                    get("get_room_participants?room_id=" + single).ok().path("participants");

            assertThat(userIds(participants)).containsExactly("alice", "bob");
            assertThat(participants.get(1).path("active").asBoolean()).isFalse();
        }

        @Test
        @DisplayName("keeps a deactivated member in a group room, listed and counted as inactive, and removable")
        void deactivatedMemberOfGroup() {
            post("add_room_participants", json("room_id", roomId, "user_ids", List.of("bob", "carol")))
                    .ok();
            delete("deactivate_users", json("user_ids", List.of("bob"))).ok();

            JsonNode results = get("get_room_participants?room_id=" + roomId).ok();

            assertThat(userIds(results.path("participants"))).containsExactly("alice", "bob", "carol");
            assertThat(results.path("participants").get(1).path("active").asBoolean(true))
                    .isFalse();
            assertThat(results.path("meta").path("total").asInt()).isEqualTo(3);
            JsonNode removed = post("remove_room_participants", json("room_id", roomId, "user_ids", List.of("bob")))
                    .ok()
                    .path("participants_removed");
            assertThat(userIds(removed)).containsExactly("bob");
            assertThat(emulator.participants(roomId)).containsExactly("alice", "carol");
        }

        @Test
        @DisplayName("answers 400 room not found for an unknown room")
        void unknownRoom() {
            get("get_room_participants?room_id=31337").assertError(400, "room not found");
        }
    }
}
