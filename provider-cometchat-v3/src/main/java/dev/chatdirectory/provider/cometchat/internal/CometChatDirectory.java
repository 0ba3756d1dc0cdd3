package dev.chatdirectory.provider.cometchat.internal;

import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.GroupOperations;
import dev.chatdirectory.MemberOperations;
import dev.chatdirectory.PresenceOperations;
import dev.chatdirectory.UserOperations;
import dev.chatdirectory.spi.ProviderDescriptor;
import jakarta.inject.Inject;
import java.net.http.HttpClient;

/**
 * A CometChat v3 directory: the four facets over one Feign client, call executor and JDK {@link
 * HttpClient}. Opened through {@code CometChatProvider}, which wraps it in the shared request
 * checks. Thread-safe.
 */
public final class CometChatDirectory implements ChatDirectory {

    private final ProviderDescriptor descriptor;
    private final UserOperations users;
    private final PresenceOperations presence;
    private final GroupOperations groups;
    private final MemberOperations members;
    private final HttpClient httpClient;

    @Inject
    CometChatDirectory(
            ProviderDescriptor descriptor,
            CometChatUsers users,
            CometChatPresence presence,
            CometChatGroups groups,
            CometChatMembers members,
            HttpClient httpClient) {
        this.descriptor = descriptor;
        this.users = users;
        this.presence = presence;
        this.groups = groups;
        this.members = members;
        this.httpClient = httpClient;
    }

    @Override
    public UserOperations users() {
        return users;
    }

    @Override
    public PresenceOperations presence() {
        return presence;
    }

    @Override
    public GroupOperations groups() {
        return groups;
    }

    @Override
    public MemberOperations members() {
        return members;
    }

    @Override
    public ProviderDescriptor provider() {
        return descriptor;
    }

    /**
     * Returns this directory for its own class and the JDK {@link HttpClient} that carries its
     * requests for {@code HttpClient}.
     */
    @Override
    public <T> T unwrap(Class<T> type) {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        if (type == HttpClient.class) {
            return type.cast(httpClient);
        }
        throw new IllegalArgumentException(descriptor.id() + " directory has nothing of type " + type.getName());
    }

    /**
     * Does nothing beyond what the shared wrapper does: the JDK {@link HttpClient} of Java 17 has
     * no close and releases idle connections by itself.
     */
    @Override
    public void close() {
        // Nothing to release: see above.
    }

    @Override
    public String toString() {
        return "CometChatDirectory[" + descriptor.id() + "]";
    }
}
