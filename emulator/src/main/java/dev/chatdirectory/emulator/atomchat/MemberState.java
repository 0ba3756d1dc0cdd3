package dev.chatdirectory.emulator.atomchat;

/** State of one user's membership row in a group. */
enum MemberState {
    /** A member who is listed and may take part. */
    ACTIVE,
    /** A member row kept with {@code isbanned=1}: not a member for any purpose but listing. */
    BANNED
}
