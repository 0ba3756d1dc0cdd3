package dev.chatdirectory.provider.qiscus.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import feign.Headers;
import feign.Param;
import feign.RequestLine;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The endpoints of the Qiscus server API v2.1 the adapter uses, relative to the base URL ({@code
 * https://api.qiscus.com/api/v2.1/rest}). Every answer is Qiscus's success envelope {@code
 * {"results": ..., "status": 200}}, read defensively by {@link QiscusMapper}.
 *
 * <p>POST and DELETE bodies are JSON with the bare array keys of Qiscus's JSON examples ({@code
 * "user_ids": [...]}); GET arrays repeat the bracketed key ({@code room_ids[]=1&room_ids[]=2}), as
 * Qiscus's Go client sends them.
 */
@Headers("Accept: application/json")
public interface QiscusApi {

    /** Creates or updates a user (an upsert). */
    @RequestLine("POST /login_or_register")
    @Headers("Content-Type: application/json")
    JsonNode loginOrRegister(LoginOrRegister body);

    /** Returns one user, deactivated ones included. */
    @RequestLine("GET /user_profile?user_id={userId}")
    JsonNode userProfile(@Param("userId") String userId);

    /** Returns one 1-based page of users; the user id of each item is in {@code email}. */
    @RequestLine("GET /get_user_list?page={page}&limit={limit}&order_query={orderQuery}")
    JsonNode userList(@Param("page") long page, @Param("limit") int limit, @Param("orderQuery") String orderQuery);

    /** Deactivates users. */
    @RequestLine("DELETE /deactivate_users")
    @Headers("Content-Type: application/json")
    JsonNode deactivateUsers(UserIds body);

    /** Reactivates users. */
    @RequestLine("POST /reactivate_users")
    @Headers("Content-Type: application/json")
    JsonNode reactivateUsers(UserIds body);

    /** Creates a group room; every call creates a new one. */
    @RequestLine("POST /create_room")
    @Headers("Content-Type: application/json")
    JsonNode createRoom(CreateRoom body);

    /** Returns the rooms with the given ids; unknown ids are left out. */
    @RequestLine("GET /get_rooms_info?room_ids[]={roomIds}")
    JsonNode roomsInfo(@Param("roomIds") List<String> roomIds);

    /** Returns one 1-based page of a user's rooms of one type ({@code single} or {@code group}). */
    @RequestLine("GET /get_user_rooms?user_id={userId}&room_type={roomType}&page={page}&limit={limit}")
    JsonNode userRooms(
            @Param("userId") String userId,
            @Param("roomType") String roomType,
            @Param("page") long page,
            @Param("limit") int limit);

    /** Updates a group room; omitted fields keep their values. */
    @RequestLine("POST /update_room")
    @Headers("Content-Type: application/json")
    JsonNode updateRoom(UpdateRoom body);

    /** Adds users to a group room. */
    @RequestLine("POST /add_room_participants")
    @Headers("Content-Type: application/json")
    JsonNode addParticipants(Participants body);

    /** Removes users from a group room. */
    @RequestLine("POST /remove_room_participants")
    @Headers("Content-Type: application/json")
    JsonNode removeParticipants(Participants body);

    /** Returns one 1-based page of a room's participants. */
    @RequestLine("GET /get_room_participants?room_id={roomId}&page={page}&limit={limit}")
    JsonNode participants(@Param("roomId") String roomId, @Param("page") long page, @Param("limit") int limit);

    /**
     * The body of {@code login_or_register}; empty optionals are left out.
     *
     * @param userId the user id
     * @param username the display name (required by Qiscus)
     * @param password the password to set; replaces the current one of an existing user
     * @param avatarUrl the avatar URL
     * @param extras the custom fields, a JSON object
     */
    record LoginOrRegister(
            @JsonProperty("user_id") String userId,
            @JsonProperty("username") String username,
            @JsonProperty("password") Optional<String> password,
            @JsonProperty("avatar_url") Optional<String> avatarUrl,
            @JsonProperty("extras") Optional<Map<String, Object>> extras) {

        /** Describes the body without the password. */
        @Override
        public String toString() {
            return "LoginOrRegister[userId=" + userId + ", username=" + username + ", password="
                    + (password.isPresent() ? "****" : "none") + ", avatarUrl=" + avatarUrl + ", extras=" + extras
                    + "]";
        }
    }

    /**
     * The body of {@code deactivate_users} and {@code reactivate_users}.
     *
     * @param userIds the users
     */
    record UserIds(@JsonProperty("user_ids") List<String> userIds) {}

    /**
     * The body of {@code create_room}.
     *
     * @param roomName the room name
     * @param creator the creating user, who must exist
     * @param participants the first participants; Qiscus does not add the creator by itself
     * @param roomAvatarUrl the room avatar URL
     * @param roomOptions the options, a string holding a JSON object
     */
    record CreateRoom(
            @JsonProperty("room_name") String roomName,
            @JsonProperty("creator") String creator,
            @JsonProperty("participants") List<String> participants,
            @JsonProperty("room_avatar_url") Optional<String> roomAvatarUrl,
            @JsonProperty("room_options") Optional<String> roomOptions) {}

    /**
     * The body of {@code update_room}; empty optionals are left out and keep their values.
     *
     * @param roomId the room
     * @param roomName the new name
     * @param roomAvatarUrl the new avatar URL
     * @param roomOptions the new options, a string holding a JSON object
     */
    record UpdateRoom(
            @JsonProperty("room_id") String roomId,
            @JsonProperty("room_name") Optional<String> roomName,
            @JsonProperty("room_avatar_url") Optional<String> roomAvatarUrl,
            @JsonProperty("room_options") Optional<String> roomOptions) {}

    /**
     * The body of {@code add_room_participants} and {@code remove_room_participants}.
     *
     * @param roomId the room
     * @param userIds the users
     */
    record Participants(
            @JsonProperty("room_id") String roomId,
            @JsonProperty("user_ids") List<String> userIds) {}
}
