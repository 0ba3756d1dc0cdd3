package dev.chatdirectory.emulator.cometchat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Factory of every CometChat error the emulator produces, with the reference's status codes and
 * message strings. Messages marked {@code [I]} are not captured from the service; they follow the
 * wording pattern of the captured ones.
 */
final class Errors {

    /** The message of every validation failure, verified in fixtures and live test suites. */
    static final String VALIDATION_MESSAGE = "Failed to validate the data sent with the request.";

    private Errors() {}

    static CometChatException emptyApiKey() {
        // [I] status 401 and wording: only the code is documented for a missing key.
        return new CometChatException(
                401,
                "AUTH_ERR_EMPTY_APIKEY",
                "The apiKey is missing in the headers. Please provide an apiKey.",
                "The apiKey header is empty, so please provide an apiKey with the request.");
    }

    static CometChatException apiKeyNotFound(String key) {
        String masked = mask(key);
        return new CometChatException(
                401,
                "AUTH_ERR_APIKEY_NOT_FOUND",
                "The key " + masked + " does not exist. Please use correct apiKey.",
                "The " + masked + " key doesn't work. Please use correct apiKey.");
    }

    static CometChatException noAccess(String key) {
        String masked = mask(key);
        return new CometChatException(
                403,
                "AUTH_ERR_NO_ACCESS",
                "The key " + masked
                        + " cannot be used to perform this operation. Please use API key with a correct scope to"
                        + " perform the operation.",
                "The " + masked
                        + " key does not have enough clearance. To perform the operation, please use the API key"
                        + " with the correct scope.");
    }

    static CometChatException apiNotFound() {
        String message = "The API endpoint is invalid. Please verify the API call.";
        return new CometChatException(404, "ERR_API_NOT_FOUND", message, message);
    }

    static CometChatException validation(Map<String, List<String>> details) {
        return new CometChatException(400, "ERR_BAD_REQUEST", VALIDATION_MESSAGE, VALIDATION_MESSAGE, details);
    }

    static CometChatException malformedJson() {
        // [I] the service is a Laravel app; an unparsable body is reported as a validation failure
        // without field details because no field could be read.
        return new CometChatException(400, "ERR_BAD_REQUEST", VALIDATION_MESSAGE, VALIDATION_MESSAGE);
    }

    static CometChatException uidNotFound(String uid) {
        // The UID is URL-encoded in the text: a blank path segment is reported as "%20" (live suite).
        String shown = encode(uid);
        return new CometChatException(
                404,
                "ERR_UID_NOT_FOUND",
                "The UID " + shown + " does not exist, please make sure you have created a user with UID " + shown
                        + ".",
                "The UID " + shown + " does not exist, so please make sure you have created a user with UID " + shown
                        + ".");
    }

    static CometChatException uidAlreadyExists(String uid) {
        // [I] wording; the code and the 400 status are verified.
        return new CometChatException(
                400,
                "ERR_UID_ALREADY_EXISTS",
                "The UID " + uid
                        + " already exists. Please use another UID or try after permanently deleting the user.",
                "The UID " + uid
                        + " already exists, so please use another UID or try after permanently deleting the user.");
    }

    static CometChatException guidNotFound(String guid) {
        // [I] wording, by analogy with ERR_UID_NOT_FOUND.
        String shown = encode(guid);
        return new CometChatException(
                404,
                "ERR_GUID_NOT_FOUND",
                "The GUID " + shown + " does not exist, please make sure you have created a group with GUID " + shown
                        + ".",
                "The GUID " + shown + " does not exist, so please make sure you have created a group with GUID " + shown
                        + ".");
    }

    static CometChatException guidAlreadyExists(String guid) {
        // [I] status 400 (mirrors the UID case) and wording.
        return new CometChatException(
                400,
                "ERR_GUID_ALREADY_EXISTS",
                "The GUID " + guid + " already exists. Please use another GUID.",
                "The GUID " + guid + " already exists, so please use another GUID.");
    }

    static CometChatException roleNotFound(String role) {
        // [I] status 404 and wording, by analogy with ERR_UID_NOT_FOUND.
        return new CometChatException(
                404,
                "ERR_ROLE_NOT_FOUND",
                "The role " + role + " does not exist, please make sure you have created a role " + role + ".",
                "The role " + role + " does not exist, so please make sure you have created a role " + role + ".");
    }

    static CometChatException emptyGroupPassword() {
        // [I] status 400 and wording; the code is documented for password groups created without one.
        return new CometChatException(
                400,
                "ERR_EMPTY_GROUP_PASS",
                "The password is required for a group of type password.",
                "The password is empty, so please provide a password for the group of type password.");
    }

    static CometChatException notAMember(String uid, String guid) {
        // Status and code verified live for bans; [I] wording.
        return new CometChatException(
                404,
                "ERR_NOT_A_MEMBER",
                "The user with UID " + uid + " is not a member of the group with GUID " + guid + ".",
                "The user with UID " + uid + " is not a member of the group with GUID " + guid
                        + ", so the action cannot be performed.");
    }

    static CometChatException alreadyJoined(String uid, String guid) {
        // [I] status and wording; only reported inside per-member results.
        return new CometChatException(
                400,
                "ERR_ALREADY_JOINED",
                "The user with UID " + uid + " has already joined the group with GUID " + guid + ".",
                "The user with UID " + uid + " is already a member of the group with GUID " + guid + ".");
    }

    static CometChatException alreadyBanned(String uid, String guid) {
        // [I] status and wording.
        return new CometChatException(
                400,
                "ERR_ALREADY_BANNED",
                "The user with UID " + uid + " is already banned from the group with GUID " + guid + ".",
                "The user with UID " + uid + " has already been banned from the group with GUID " + guid + ".");
    }

    static CometChatException bannedGroupMember(String uid, String guid) {
        // [I] status 403 and wording.
        return new CometChatException(
                403,
                "ERR_BANNED_GROUPMEMBER",
                "The user with UID " + uid + " is banned from the group with GUID " + guid + ".",
                "The user with UID " + uid + " is banned from the group with GUID " + guid
                        + ", so please unban the user first.");
    }

    static CometChatException notABannedUser(String uid, String guid) {
        // Status verified live; [I] code pairing and wording.
        return new CometChatException(
                404,
                "ERR_NOT_A_BANNED_USER",
                "The user with UID " + uid + " is not banned from the group with GUID " + guid + ".",
                "The user with UID " + uid + " is not a banned user of the group with GUID " + guid + ".");
    }

    static CometChatException sameScope(String uid, String guid, Scope scope) {
        // Status 403 verified live; [I] code pairing and wording.
        return new CometChatException(
                403,
                "ERR_SAME_SCOPE",
                "The user with UID " + uid + " already has the scope " + scope.wire() + " in the group with GUID "
                        + guid + ".",
                "The existing and the new scope of the user with UID " + uid + " are the same.");
    }

    static CometChatException tooManyRequests() {
        // [I] wording; status and code are documented.
        return new CometChatException(
                429,
                "ERR_TOO_MANY_REQUESTS",
                "Too many requests. Please try again after some time.",
                "The rate limit of the app has been exceeded, so please retry after the Retry-After interval.");
    }

    /**
     * Masks an API key as the service does: the first and last five characters are kept and every
     * character between them becomes {@code *} (a 32-character key shows 22 stars).
     */
    static String mask(String key) {
        if (key.length() <= 10) {
            return key;
        }
        return key.substring(0, 5) + "*".repeat(key.length() - 10) + key.substring(key.length() - 5);
    }

    private static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
