package dev.chatdirectory.provider.cometchat.internal;

import com.fasterxml.jackson.databind.JsonNode;
import feign.Headers;
import feign.Param;
import feign.QueryMap;
import feign.RequestLine;
import java.util.Map;

/**
 * The CometChat v3 endpoints the adapter calls, relative to the {@code /v3} base URL.
 *
 * <p>Answers are read as JSON trees and mapped by {@link CometChatMapper}, so that a malformed
 * answer becomes a typed protocol error naming the field. Path parameters are ids that passed the
 * descriptor's id rule; query maps skip {@code null} values.
 *
 * <p>Reachable through {@code ChatDirectory.unwrap(CometChatApi.class)}, as the vendor client
 * (internal, not a stable API).
 */
public interface CometChatApi {

    @RequestLine("POST /users")
    JsonNode createUser(WireBodies.UserWrite body);

    @RequestLine("GET /users/{uid}")
    JsonNode getUser(@Param("uid") String uid);

    @RequestLine("PUT /users/{uid}")
    JsonNode updateUser(@Param("uid") String uid, WireBodies.UserWrite body);

    @RequestLine("DELETE /users/{uid}")
    JsonNode deleteUser(@Param("uid") String uid, WireBodies.DeleteUser body);

    @RequestLine("DELETE /users")
    JsonNode deactivateUsers(WireBodies.Deactivate body);

    @RequestLine("PUT /users")
    JsonNode reactivateUsers(WireBodies.Reactivate body);

    @RequestLine("GET /users")
    JsonNode listUsers(@QueryMap Map<String, Object> query);

    @RequestLine("POST /groups")
    JsonNode createGroup(WireBodies.GroupWrite body);

    @RequestLine("GET /groups/{guid}")
    JsonNode getGroup(@Param("guid") String guid);

    @RequestLine("PUT /groups/{guid}")
    JsonNode updateGroup(@Param("guid") String guid, WireBodies.GroupWrite body);

    @RequestLine("DELETE /groups/{guid}")
    JsonNode deleteGroup(@Param("guid") String guid);

    @RequestLine("GET /groups")
    JsonNode listGroups(@QueryMap Map<String, Object> query);

    /** {@code GET /groups} acting for a user; with {@code hasJoined=true}, the groups that user joined. */
    @RequestLine("GET /groups")
    @Headers("onBehalfOf: {uid}")
    JsonNode listGroupsOnBehalfOf(@Param("uid") String uid, @QueryMap Map<String, Object> query);

    @RequestLine("POST /groups/{guid}/members")
    JsonNode addMembers(@Param("guid") String guid, WireBodies.MemberLists body);

    @RequestLine("GET /groups/{guid}/members")
    JsonNode listMembers(@Param("guid") String guid, @QueryMap Map<String, Object> query);

    @RequestLine("PUT /groups/{guid}/members/{uid}")
    JsonNode changeScope(@Param("guid") String guid, @Param("uid") String uid, WireBodies.ScopeChange body);

    @RequestLine("DELETE /groups/{guid}/members/{uid}")
    JsonNode kick(@Param("guid") String guid, @Param("uid") String uid);

    @RequestLine("POST /groups/{guid}/bannedusers/{uid}")
    JsonNode ban(@Param("guid") String guid, @Param("uid") String uid);

    @RequestLine("DELETE /groups/{guid}/bannedusers/{uid}")
    JsonNode unban(@Param("guid") String guid, @Param("uid") String uid);

    @RequestLine("GET /groups/{guid}/bannedusers")
    JsonNode listBanned(@Param("guid") String guid, @QueryMap Map<String, Object> query);
}
