package dev.chatdirectory;

import dev.chatdirectory.spi.ProviderDescriptor;

/**
 * The user directory of one chat app at one provider: its users, their presence, its groups and
 * their members.
 *
 * <p>Open one with {@link ChatDirectories#open(ProviderConfig, Capability...)} (discovery) or
 * through a provider directly. A directory is thread-safe and meant to be shared and kept for the
 * life of the application; {@link #close()} releases its connections. Operations on a closed
 * directory throw {@link IllegalStateException}.
 *
 * <pre>{@code
 * try (ChatDirectory directory = ChatDirectories.open(ProviderConfig.builder().provider("memory").build())) {
 *     directory.users().create(UserCreate.builder("alice", "Alice").build());
 *     directory.users().get("alice").ifPresent(System.out::println);
 * }
 * }</pre>
 */
public interface ChatDirectory extends AutoCloseable {

    /** {@return the users facet} */
    UserOperations users();

    /** {@return the presence facet; needs {@link Capability#PRESENCE}} */
    PresenceOperations presence();

    /** {@return the groups facet} */
    GroupOperations groups();

    /** {@return the members and bans facet} */
    MemberOperations members();

    /** {@return the descriptor of the provider behind this directory: id, capabilities, limits} */
    ProviderDescriptor provider();

    /**
     * Returns an object of the given type behind this directory: the escape hatch to the
     * provider's own client for what the portable API does not cover.
     *
     * @param type the wanted type, e.g. a provider's directory class
     * @param <T> the wanted type
     * @return the object
     * @throws IllegalArgumentException if this directory has nothing of that type
     */
    <T> T unwrap(Class<T> type);

    /** Releases connections and other resources; idempotent. Never throws a checked exception. */
    @Override
    void close();
}
