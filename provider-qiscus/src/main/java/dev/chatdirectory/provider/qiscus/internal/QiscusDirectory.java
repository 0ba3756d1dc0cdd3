package dev.chatdirectory.provider.qiscus.internal;

import dev.chatdirectory.Capability;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.GroupOperations;
import dev.chatdirectory.MemberOperations;
import dev.chatdirectory.PresenceOperations;
import dev.chatdirectory.UnsupportedCapabilityException;
import dev.chatdirectory.UserOperations;
import dev.chatdirectory.model.Presence;
import dev.chatdirectory.spi.ProviderDescriptor;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.util.Collection;
import java.util.Map;

/**
 * The directory of one Qiscus app. Wrapped by {@link dev.chatdirectory.spi.GuardedChatDirectory},
 * which validates requests and refuses undeclared capabilities before they get here.
 *
 * <p>{@link #unwrap} gives this directory, the JDK {@link HttpClient} it sends with, or the {@link
 * QiscusApi} Feign client (internal, not a stable API). Thread-safe.
 */
final class QiscusDirectory implements ChatDirectory {

    private final ProviderDescriptor descriptor;
    private final HttpClient httpClient;
    private final QiscusApi api;
    private final UserOperations users;
    private final GroupOperations groups;
    private final MemberOperations members;
    private final PresenceOperations presence;

    @Inject
    QiscusDirectory(
            ProviderDescriptor descriptor,
            HttpClient httpClient,
            QiscusApi api,
            QiscusUsers users,
            QiscusGroups groups,
            QiscusMembers members) {
        this.descriptor = descriptor;
        this.httpClient = httpClient;
        this.api = api;
        this.users = users;
        this.groups = groups;
        this.members = members;
        this.presence = new NoPresence(descriptor.id());
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
        if (type == HttpClient.class) {
            return type.cast(httpClient);
        }
        if (type == QiscusApi.class) {
            return type.cast(api);
        }
        throw new IllegalArgumentException("a Qiscus directory has nothing of type " + type.getName());
    }

    /** Nothing to release: the JDK client's idle connections close by themselves. */
    @Override
    public void close() {}

    @Override
    public String toString() {
        return "QiscusDirectory[" + descriptor.id() + "]";
    }

    /**
     * Presence: Qiscus clients publish it over MQTT; the server API has no endpoint for it, so
     * {@link Capability#PRESENCE} is not declared.
     */
    private record NoPresence(String providerId) implements PresenceOperations {
        @Override
        public Map<String, Presence> get(Collection<String> userIds) {
            throw new UnsupportedCapabilityException(providerId, Capability.PRESENCE);
        }
    }
}
