package dev.chatdirectory.model;

import dev.chatdirectory.Capability;

/** Who may join a group. */
public enum GroupType {
    /** Anyone may join. */
    PUBLIC(Capability.GROUP_TYPE_PUBLIC),
    /** Anyone with the password may join. */
    PASSWORD(Capability.GROUP_TYPE_PASSWORD),
    /** Only invited users are members. */
    PRIVATE(Capability.GROUP_TYPE_PRIVATE);

    private final Capability capability;

    GroupType(Capability capability) {
        this.capability = capability;
    }

    /** {@return the capability a provider needs to create groups of this type} */
    public Capability capability() {
        return capability;
    }
}
