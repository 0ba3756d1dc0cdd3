package dev.chatdirectory.emulator.qiscus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Qiscus emulator: room endpoints")
class QiscusRoomEndpointsTest extends QiscusTestSupport {

    @BeforeEach
    void users() {
        register("alice", "Alice");
        register("bob", "Bob");
        register("carol", "Carol");
    }

    @Nested
    @DisplayName("POST create_room")
    class CreateRoom {

        @Test
        @DisplayName("creates a group and answers the v2.1 room object with string id and string options")
        void creates() {
            JsonNode room = post(
                            "create_room",
                            json(
                                    "room_name", "Qiscus Demo Room",
                                    "creator", "alice",
                                    "participants", List.of("alice", "bob"),
                                    "room_avatar_url", "http://placehold.it/20x20",
                                    "room_options", "{\"background\":\"green\"}"))
                    .ok()
                    .path("room");

            assertThat(room.fieldNames())
                    .toIterable()
                    .containsExactly(
                            "room_id", "room_name", "room_type", "room_avatar_url", "room_options", "room_channel_id");
            assertThat(room.path("room_id").isTextual()).isTrue();
            assertThat(room.path("room_id").asText()).matches("\\d+");
            assertThat(room.path("room_name").asText()).isEqualTo("Qiscus Demo Room");
            assertThat(room.path("room_type").asText()).isEqualTo("group");
            assertThat(room.path("room_avatar_url").asText()).isEqualTo("http://placehold.it/20x20");
            assertThat(room.path("room_options").isTextual()).isTrue();
            assertThat(room.path("room_options").asText()).isEqualTo("{\"background\":\"green\"}");
            assertThat(room.path("room_channel_id").asText()).isEmpty();
        }

        @Test
        @DisplayName("does not add the creator, and defaults options to the string {}")
        void creatorNotAdded() {
            JsonNode room = post(
                            "create_room",
                            json("room_name", "R", "creator", "alice", "participants", List.of("bob", "carol")))
                    .ok()
                    .path("room");

            assertThat(room.path("room_options").asText()).isEqualTo("{}");
            assertThat(emulator.participants(room.path("room_id").asText())).containsExactly("bob", "carol");
        }

        @Test
        @DisplayName("always creates a new room")
        void notIdempotent() {
            assertThat(createGroup("Same", "alice", "alice")).isNotEqualTo(createGroup("Same", "alice", "alice"));
        }

        @Test
        @DisplayName("requires room_name, participants and creator")
        void requiredFields() {
            post("create_room", json("creator", "alice", "participants", List.of("alice")))
                    .assertError(400, "room_name is required");
            post("create_room", json("room_name", "R", "creator", "alice"))
                    .assertError(400, "participants is required");
            post("create_room", json("room_name", "R", "participants", List.of("alice")))
                    .assertError(400, "creator is required");
        }

        @Test
        @DisplayName("refuses unknown participants or creator with 400 naming them")
        void unknownUsers() {
            Reply reply = post(
                    "create_room",
                    json("room_name", "R", "creator", "alice", "participants", List.of("alice", "x1", "x2")));
            reply.assertError(400, "user not found");
            assertThat(reply.detailedMessages()).containsExactly("user x1 not found", "user x2 not found");
            post("create_room", json("room_name", "R", "creator", "ghost", "participants", List.of("alice")))
                    .assertError(400, "user not found");
            assertThat(get("get_user_rooms?user_id=alice").ok().path("rooms")).isEmpty();
        }

        @Test
        @DisplayName("refuses room_options sent as an object instead of a string")
        void optionsObject() {
            post(
                            "create_room",
                            json(
                                    "room_name",
                                    "R",
                                    "creator",
                                    "alice",
                                    "participants",
                                    List.of("alice"),
                                    "room_options",
                                    Map.of("background", "green")))
                    .assertError(400, "room_options must be a string containing JSON");
        }

        @Test
        @DisplayName("refuses more than 100 participants")
        void groupLimit() {
            List<String> many =
                    IntStream.rangeClosed(1, 101).mapToObj(i -> "m" + i).toList();
            many.forEach(id -> emulator.createUser(id, id));

            post("create_room", json("room_name", "R", "creator", "m1", "participants", many))
                    .assertError(400, "the maximum number of participants for a group room is 100");
            assertThat(post(
                                    "create_room",
                                    json("room_name", "R", "creator", "m1", "participants", many.subList(0, 100)))
                            .status())
                    .isEqualTo(200);
        }
    }

    @Nested
    @DisplayName("POST get_or_create_room_with_target")
    class RoomWithTarget {

        @Test
        @DisplayName("returns one single room per pair, whatever the order")
        void samePair() {
            JsonNode room = post("get_or_create_room_with_target", json("user_ids", List.of("alice", "bob")))
                    .ok()
                    .path("room");
            JsonNode again = post("get_or_create_room_with_target", json("user_ids[]", List.of("bob", "alice")))
                    .ok()
                    .path("room");

            assertThat(room.path("room_type").asText()).isEqualTo("single");
            assertThat(room.path("room_name").asText()).isEmpty();
            assertThat(room.path("room_options").asText()).isEqualTo("{}");
            assertThat(again.path("room_id").asText())
                    .isEqualTo(room.path("room_id").asText());
            assertThat(emulator.participants(room.path("room_id").asText())).containsExactly("alice", "bob");
        }

        @Test
        @DisplayName("requires exactly two different existing users")
        void exactlyTwo() {
            String message = "user_ids must contain exactly 2 different user ids";
            post("get_or_create_room_with_target", json("user_ids", List.of("alice")))
                    .assertError(400, message);
            post("get_or_create_room_with_target", json("user_ids", List.of("alice", "alice")))
                    .assertError(400, message);
            post("get_or_create_room_with_target", json("user_ids", List.of("alice", "bob", "carol")))
                    .assertError(400, message);
            post("get_or_create_room_with_target", json("user_ids", List.of("alice", "ghost")))
                    .assertError(400, "user not found");
        }
    }

    @Nested
    @DisplayName("POST get_or_create_channel")
    class Channel {

        @Test
        @DisplayName("creates a group-typed room keyed by unique_id and returns it again unchanged")
        void idempotent() {
            JsonNode created = post(
                            "get_or_create_channel",
                            json("unique_id", "test123", "room_name", "Team", "participants", List.of("alice")))
                    .ok();
            JsonNode again = post(
                            "get_or_create_channel", json("unique_id", "test123", "participants", List.of("alice")))
                    .ok();

            assertThat(created.path("changed").asBoolean()).isTrue();
            assertThat(created.path("room").path("room_type").asText()).isEqualTo("group");
            assertThat(created.path("room").path("room_channel_id").asText()).isEqualTo("test123");
            assertThat(created.path("room").path("room_name").asText()).isEqualTo("Team");
            assertThat(again.path("changed").asBoolean()).isFalse();
            assertThat(again.path("room")).isEqualTo(created.path("room"));
        }

        @Test
        @DisplayName("lets new participants join and reports the change")
        void joins() {
            post("get_or_create_channel", json("unique_id", "c1", "participants", List.of("alice")))
                    .ok();

            JsonNode results = post("get_or_create_channel", json("unique_id", "c1", "participants", List.of("bob")))
                    .ok();

            assertThat(results.path("changed").asBoolean()).isTrue();
            assertThat(emulator.participants(
                            results.path("room").path("room_id").asText()))
                    .containsExactly("alice", "bob");
        }

        @Test
        @DisplayName("refuses # and + in unique_id and requires at least one participant")
        void validation() {
            post("get_or_create_channel", json("unique_id", "a#b", "participants", List.of("alice")))
                    .assertError(400, "unique_id can not contain '#' or '+'");
            post("get_or_create_channel", json("unique_id", "a+b", "participants", List.of("alice")))
                    .assertError(400, "unique_id can not contain '#' or '+'");
            post("get_or_create_channel", json("unique_id", "ab", "participants", List.of()))
                    .assertError(400, "participants must contain at least 1 user id");
            post("get_or_create_channel", json("participants", List.of("alice")))
                    .assertError(400, "unique_id is required");
        }

        @Test
        @DisplayName("holds up to 5000 participants, unlike a group")
        void channelLimit() {
            List<String> many =
                    IntStream.rangeClosed(1, 5001).mapToObj(i -> "m" + i).toList();
            many.forEach(id -> emulator.createUser(id, id));

            String roomId = post(
                            "get_or_create_channel", json("unique_id", "big", "participants", many.subList(0, 5000)))
                    .ok()
                    .path("room")
                    .path("room_id")
                    .asText();
            post("add_room_participants", json("room_id", roomId, "user_ids", List.of("m5001")))
                    .assertError(400, "the maximum number of participants for a channel is 5000");
            assertThat(emulator.participants(roomId)).hasSize(5000);
        }
    }

    @Nested
    @DisplayName("GET get_rooms_info")
    class RoomsInfo {

        @Test
        @DisplayName("returns rooms by id and by channel id in request order, leaving unknown ids out")
        void byIds() {
            String first = createGroup("First", "alice", "alice");
            String second = createGroup("Second", "alice", "alice");
            post("get_or_create_channel", json("unique_id", "chan", "participants", List.of("alice")))
                    .ok();

            JsonNode rooms = get("get_rooms_info?room_ids[]=" + second + "&room_ids[]=999&room_ids[]=" + first
                            + "&room_ids[]=" + second + "&room_channel_ids[]=chan&room_channel_ids[]=nope")
                    .ok()
                    .path("rooms");

            assertThat(field(rooms, "room_name")).containsExactly("Second", "First", "");
            assertThat(rooms.get(2).path("room_channel_id").asText()).isEqualTo("chan");
        }

        @Test
        @DisplayName("accepts the bare key and answers an empty list for unknown ids")
        void bareKeyAndUnknown() {
            String id = createGroup("Only", "alice", "alice");
            assertThat(field(get("get_rooms_info?room_ids=" + id).ok().path("rooms"), "room_id"))
                    .containsExactly(id);
            assertThat(get("get_rooms_info?room_ids[]=abc").ok().path("rooms")).isEmpty();
        }

        @Test
        @DisplayName("requires at least one id")
        void requiresIds() {
            get("get_rooms_info").assertError(400, "room_ids is required");
        }
    }

    @Nested
    @DisplayName("POST update_room")
    class UpdateRoom {

        @Test
        @DisplayName("changes the given fields, keeps the omitted ones and reports whether anything changed")
        void updates() {
            String id = post(
                            "create_room",
                            json(
                                    "room_name", "Old",
                                    "creator", "alice",
                                    "participants", List.of("alice"),
                                    "room_avatar_url", "https://img/old.png",
                                    "room_options", "{\"a\":1}"))
                    .ok()
                    .path("room")
                    .path("room_id")
                    .asText();

            JsonNode changed = post("update_room", json("room_id", id, "room_name", "New", "room_options", ""))
                    .ok();
            JsonNode unchanged =
                    post("update_room", json("room_id", id, "room_name", "New")).ok();

            assertThat(changed.path("changed").asBoolean()).isTrue();
            assertThat(changed.path("room").path("room_name").asText()).isEqualTo("New");
            assertThat(changed.path("room").path("room_avatar_url").asText()).isEqualTo("https://img/old.png");
            assertThat(changed.path("room").path("room_options").asText()).isEqualTo("{\"a\":1}");
            assertThat(unchanged.path("changed").asBoolean()).isFalse();
        }

        @Test
        @DisplayName("sets a channel id that get_rooms_info then finds, refusing one already taken")
        void channelId() {
            String id = createGroup("G", "alice", "alice");
            String other = createGroup("H", "alice", "alice");

            assertThat(post("update_room", json("room_id", id, "room_channel_id", "group-1"))
                            .ok()
                            .path("room")
                            .path("room_channel_id")
                            .asText())
                    .isEqualTo("group-1");
            assertThat(field(
                            get("get_rooms_info?room_channel_ids[]=group-1")
                                    .ok()
                                    .path("rooms"),
                            "room_id"))
                    .containsExactly(id);
            post("update_room", json("room_id", other, "room_channel_id", "group-1"))
                    .assertError(400, "room_channel_id is already used by another room");
        }

        @Test
        @DisplayName("refuses single rooms, unknown rooms and a missing room_id")
        void refusals() {
            String single = post("get_or_create_room_with_target", json("user_ids", List.of("alice", "bob")))
                    .ok()
                    .path("room")
                    .path("room_id")
                    .asText();
            post("update_room", json("room_id", single, "room_name", "x"))
                    .assertError(400, "only group rooms can be updated");
            post("update_room", json("room_id", "424242", "room_name", "x")).assertError(400, "room not found");
            post("update_room", json("room_name", "x")).assertError(400, "room_id is required");
        }
    }

    @Nested
    @DisplayName("GET get_user_rooms")
    class UserRooms {

        @Test
        @DisplayName("lists the user's rooms newest first with meta, filtered by room_type")
        void lists() {
            String group = createGroup("G", "alice", "alice", "bob");
            String single = post("get_or_create_room_with_target", json("user_ids", List.of("alice", "carol")))
                    .ok()
                    .path("room")
                    .path("room_id")
                    .asText();
            createGroup("Not mine", "bob", "bob");

            JsonNode all = get("get_user_rooms?user_id=alice").ok();
            JsonNode groups =
                    get("get_user_rooms?user_id=alice&room_type=group").ok();

            assertThat(field(all.path("rooms"), "room_id")).containsExactly(single, group);
            assertThat(all.path("meta").path("current_page").asInt()).isEqualTo(1);
            assertThat(all.path("meta").path("total_room").asInt()).isEqualTo(2);
            assertThat(field(groups.path("rooms"), "room_id")).containsExactly(group);
            assertThat(groups.path("meta").path("total_room").asInt()).isEqualTo(1);
        }

        @Test
        @DisplayName("pages with page and limit")
        void pages() {
            List<String> ids = IntStream.rangeClosed(1, 3)
                    .mapToObj(i -> createGroup("G" + i, "alice", "alice"))
                    .toList();

            JsonNode second = get("get_user_rooms?user_id=alice&page=2&limit=2").ok();

            assertThat(field(second.path("rooms"), "room_id")).containsExactly(ids.get(0));
            assertThat(second.path("meta").path("current_page").asInt()).isEqualTo(2);
            assertThat(second.path("meta").path("total_room").asInt()).isEqualTo(3);
        }

        @Test
        @DisplayName("answers 404 for an unknown user and 400 for an unknown room_type")
        void refusals() {
            get("get_user_rooms?user_id=ghost").assertError(404, "user not found");
            get("get_user_rooms?user_id=alice&room_type=channel").assertError(400, "room_type must be single or group");
        }
    }
}
