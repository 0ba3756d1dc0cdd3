package dev.chatdirectory.provider.cometchat.internal;

import dev.chatdirectory.ChatDirectoryException;
import java.util.Optional;

/** CometChat error codes the adapter decides on. */
final class CometChatCodes {

    static final String UID_NOT_FOUND = "ERR_UID_NOT_FOUND";
    static final String GUID_NOT_FOUND = "ERR_GUID_NOT_FOUND";
    static final String UID_ALREADY_EXISTS = "ERR_UID_ALREADY_EXISTS";
    static final String GUID_ALREADY_EXISTS = "ERR_GUID_ALREADY_EXISTS";
    static final String NOT_A_MEMBER = "ERR_NOT_A_MEMBER";
    static final String NOT_A_BANNED_USER = "ERR_NOT_A_BANNED_USER";
    static final String ALREADY_JOINED = "ERR_ALREADY_JOINED";
    static final String ALREADY_BANNED = "ERR_ALREADY_BANNED";
    static final String BANNED_GROUPMEMBER = "ERR_BANNED_GROUPMEMBER";
    static final String SAME_SCOPE = "ERR_SAME_SCOPE";
    static final String ROLE_NOT_FOUND = "ERR_ROLE_NOT_FOUND";
    static final String TOO_MANY_REQUESTS = "ERR_TOO_MANY_REQUESTS";

    private CometChatCodes() {}

    /**
     * {@return whether a failure carries the given CometChat code}
     *
     * @param failure the mapped failure
     * @param code the code
     */
    static boolean is(ChatDirectoryException failure, String code) {
        return failure.vendorCode().filter(code::equals).isPresent();
    }

    /**
     * Turns a failure into an empty result when it carries the code that means the entity itself
     * is missing, and rethrows anything else (e.g. a 404 for an unknown endpoint).
     *
     * @param failure the mapped failure
     * @param code the code of a missing entity, e.g. {@link #UID_NOT_FOUND}
     * @param <T> the result type
     * @return an empty result
     * @throws ChatDirectoryException the failure, when it carries another code
     */
    static <T> Optional<T> absentIf(ChatDirectoryException failure, String code) {
        if (is(failure, code)) {
            return Optional.empty();
        }
        throw failure;
    }
}
