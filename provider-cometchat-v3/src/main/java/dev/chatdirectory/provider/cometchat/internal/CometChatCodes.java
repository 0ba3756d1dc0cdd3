package dev.chatdirectory.provider.cometchat.internal;

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
    static boolean is(dev.chatdirectory.ChatDirectoryException failure, String code) {
        return failure.vendorCode().filter(code::equals).isPresent();
    }
}
