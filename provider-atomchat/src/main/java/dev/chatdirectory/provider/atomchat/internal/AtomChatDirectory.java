package dev.chatdirectory.provider.atomchat.internal;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.GroupOperations;
import dev.chatdirectory.MemberOperations;
import dev.chatdirectory.PresenceOperations;
import dev.chatdirectory.UserOperations;
import dev.chatdirectory.spi.ProviderDescriptor;
import java.net.http.HttpClient;

/**
 * A directory of one AtomChat app, reached with {@code directory.unwrap(AtomChatDirectory.class)};
 * {@code unwrap(HttpClient.class)} gives the JDK client it sends requests with.
 *
 * <p>Opened by {@link dev.chatdirectory.provider.atomchat.AtomChatProvider}, which wraps it in the
 * shared request checks. Thread-safe.
 */
@Singleton
public final class AtomChatDirectory implements ChatDirectory {

    private final ProviderDescriptor descriptor;
    private final HttpClient httpClient;
    private final AtomChatUsers users;
    private final AtomChatPresenceReader presence;
    private final AtomChatGroups groups;
    private final AtomChatMembers members;

    @Inject
    AtomChatDirectory(
            ProviderDescriptor descriptor,
            HttpClient httpClient,
            AtomChatUsers users,
            AtomChatPresenceReader presence,
            AtomChatGroups groups,
            AtomChatMembers members) {
        this.descriptor = descriptor;
        this.httpClient = httpClient;
        this.users = users;
        this.presence = presence;
        this.groups = groups;
        this.members = members;
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

    @Override
    public <T> T unwrap(Class<T> type) {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        if (type.isInstance(httpClient)) {
            return type.cast(httpClient);
        }
        throw new IllegalArgumentException("an AtomChat directory has nothing of type " + type.getName());
    }

    /**
     * Releases nothing: the JDK 17 {@link HttpClient} has no close, and its connections end when it
     * is no longer referenced. The shared request checks refuse every call after close.
     */
    @Override
    public void close() {}

    @Override
    public String toString() {
        return "AtomChatDirectory[" + descriptor.id() + "]";
    }
}
