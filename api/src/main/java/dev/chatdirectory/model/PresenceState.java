package dev.chatdirectory.model;

/** Whether a user is connected to the chat service right now, as far as the provider knows. */
public enum PresenceState {
    /** Connected (the vendor's "available", "online", "away", "busy"). */
    ONLINE,
    /** Not connected, or hiding (the vendor's "offline", "invisible"). */
    OFFLINE,
    /** The provider does not know, e.g. for an id it has no user for. */
    UNKNOWN
}
