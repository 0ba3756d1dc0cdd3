package dev.chatdirectory.provider.qiscus.internal;

import dev.chatdirectory.Capability;
import dev.chatdirectory.PresenceOperations;
import dev.chatdirectory.UnsupportedCapabilityException;
import dev.chatdirectory.http.HttpChatDirectory;
import dev.chatdirectory.model.Presence;
import dev.chatdirectory.spi.ProviderDescriptor;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The directory of one Qiscus app. Wrapped by {@link dev.chatdirectory.spi.GuardedChatDirectory},
 * which validates requests and refuses undeclared capabilities before they get here.
 *
 * <p>{@link #unwrap} gives this directory, the JDK {@link HttpClient} it sends with, or the {@link
 * QiscusApi} Feign client (internal, not a stable API). Thread-safe.
 */
public final class QiscusDirectory extends HttpChatDirectory {

    @Inject
    private QiscusDirectory(
            ProviderDescriptor descriptor,
            HttpClient httpClient,
            QiscusApi api,
            QiscusUsers users,
            QiscusGroups groups,
            QiscusMembers members) {
        super(descriptor, httpClient, users, new NoPresence(descriptor.id()), groups, members, List.of(api));
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
