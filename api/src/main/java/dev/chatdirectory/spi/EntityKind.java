package dev.chatdirectory.spi;

/** The kinds of entity a directory creates, for facts a descriptor states per kind. */
public enum EntityKind {
    /** A user. */
    USER,
    /** A group. */
    GROUP
}
