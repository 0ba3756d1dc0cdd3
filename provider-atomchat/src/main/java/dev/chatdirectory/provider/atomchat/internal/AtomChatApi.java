package dev.chatdirectory.provider.atomchat.internal;

import com.fasterxml.jackson.databind.JsonNode;
import feign.Headers;
import feign.RequestLine;
import java.util.Map;

/**
 * The AtomChat v2 endpoints the adapter uses, as Feign declares them: every one a {@code POST} of
 * form fields to {@code <base>/<camelCaseName>}, answered with a {@code success} or {@code failed}
 * envelope.
 *
 * <p>Each method returns the inner {@code success} object; a {@code failed} one is thrown as the
 * API's exception by {@link AtomChatEnvelope}, for the operation the method names (see {@link
 * AtomChatFailures}), unless it is the operation's answer. The form maps are encoded by {@link
 * dev.chatdirectory.http.FormEncoder}, which percent-encodes every value; field names are
 * AtomChat's, as documented (e.g. {@code UID}, {@code UIDs}, {@code GUID}).
 *
 * <p>Reachable through {@code ChatDirectory.unwrap(AtomChatApi.class)}, as the vendor client
 * (internal, not a stable API).
 */
@Headers({"Content-Type: application/x-www-form-urlencoded; charset=UTF-8", "Accept: application/json"})
public interface AtomChatApi {

    /** Fields: {@code UID}, {@code name}, {@code avatarURL}, {@code profileURL}, {@code role}. */
    @RequestLine("POST /createUser")
    JsonNode createUser(Map<String, String> form);

    /** Fields: {@code UID}, and {@code returnJoinedGroups} to add the user's groups. */
    @RequestLine("POST /getUser")
    JsonNode getUser(Map<String, String> form);

    /** Fields: {@code UID}, {@code name}, {@code avatarURL}, {@code profileURL}, {@code role}. */
    @RequestLine("POST /updateUser")
    JsonNode updateUser(Map<String, String> form);

    /** Fields: {@code UID}. */
    @RequestLine("POST /deleteUser")
    JsonNode deleteUser(Map<String, String> form);

    /** Fields: {@code offset}, {@code limit}. */
    @RequestLine("POST /listUsers")
    JsonNode listUsers(Map<String, String> form);

    /** Fields: {@code UIDs} (comma separated). */
    @RequestLine("POST /getUserStatus")
    JsonNode getUserStatus(Map<String, String> form);

    /** Fields: {@code GUID}, {@code name}, {@code type}, {@code password}, {@code createdby}. */
    @RequestLine("POST /createGroup")
    JsonNode createGroup(Map<String, String> form);

    /** Fields: {@code GUID}, {@code name}, {@code type}, {@code password}. */
    @RequestLine("POST /updateGroup")
    JsonNode updateGroup(Map<String, String> form);

    /** Fields: {@code GUID}. */
    @RequestLine("POST /deleteGroup")
    JsonNode deleteGroup(Map<String, String> form);

    /** Fields: {@code GUIDs} (comma separated, optional). */
    @RequestLine("POST /getGroupList")
    JsonNode getGroupList(Map<String, String> form);

    /** Fields: {@code GUIDs} (comma separated). */
    @RequestLine("POST /getGroupUserList")
    JsonNode getGroupUserList(Map<String, String> form);

    /**
     * Fields: {@code GUID}, {@code UIDs} (comma separated), {@code clearExisting}. Returns the
     * {@code failed} object itself when AtomChat added nobody ({@code Users already part of
     * group.}), since its {@code data} tells why for each UID.
     */
    @RequestLine("POST /addUsersToGroup")
    JsonNode addUsersToGroup(Map<String, String> form);

    /** Fields: {@code GUID}, {@code UIDs} (comma separated). */
    @RequestLine("POST /removeUsersFromGroup")
    JsonNode removeUsersFromGroup(Map<String, String> form);

    /** Fields: {@code GUID}, {@code UIDs} (comma separated). */
    @RequestLine("POST /banUsersFromGroup")
    JsonNode banUsersFromGroup(Map<String, String> form);

    /** Fields: {@code GUID}, {@code UIDs} (comma separated). */
    @RequestLine("POST /unbanUsersFromGroup")
    JsonNode unbanUsersFromGroup(Map<String, String> form);
}
