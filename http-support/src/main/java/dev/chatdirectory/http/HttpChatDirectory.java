package dev.chatdirectory.http;

import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.GroupOperations;
import dev.chatdirectory.MemberOperations;
import dev.chatdirectory.PresenceOperations;
import dev.chatdirectory.UserOperations;
import dev.chatdirectory.spi.ProviderDescriptor;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Objects;

/**
 * The shell every HTTP directory shares: the four facets, the descriptor, and {@link #unwrap}
 * reaching the directory itself, the JDK {@link HttpClient} that carries its requests, and any
 * vendor client the adapter chooses to expose.
 *
 * <p>Adapters extend it with an injected constructor that hands over their facets. {@link
 * #close()} releases nothing: the JDK 17 {@code HttpClient} has no close and drops idle
 * connections by itself, and the shared wrapper already refuses calls after close. Thread-safe
 * when the facets are.
 */
public abstract class HttpChatDirectory implements ChatDirectory {

    private final ProviderDescriptor descriptor;
    private final HttpClient httpClient;
    private final UserOperations users;
    private final PresenceOperations presence;
    private final GroupOperations groups;
    private final MemberOperations members;
    private final List<Object> vendorClients;

    /**
     * Creates the directory.
     *
     * @param descriptor the provider's descriptor
     * @param httpClient the transport, reachable through {@code unwrap(HttpClient.class)}
     * @param users the users facet
     * @param presence the presence facet
     * @param groups the groups facet
     * @param members the members facet
     * @param vendorClients vendor clients reachable through {@link #unwrap}, e.g. the Feign
     *     interface (not a stable API)
     */
    protected HttpChatDirectory(
            ProviderDescriptor descriptor,
            HttpClient httpClient,
            UserOperations users,
            PresenceOperations presence,
            GroupOperations groups,
            MemberOperations members,
            List<?> vendorClients) {
        this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
        this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
        this.users = Objects.requireNonNull(users, "users");
        this.presence = Objects.requireNonNull(presence, "presence");
        this.groups = Objects.requireNonNull(groups, "groups");
        this.members = Objects.requireNonNull(members, "members");
        this.vendorClients = List.copyOf(vendorClients);
    }

    @Override
    public final UserOperations users() {
        return users;
    }

    @Override
    public final PresenceOperations presence() {
        return presence;
    }

    @Override
    public final GroupOperations groups() {
        return groups;
    }

    @Override
    public final MemberOperations members() {
        return members;
    }

    @Override
    public final ProviderDescriptor provider() {
        return descriptor;
    }

    /**
     * Returns this directory for its own types, the JDK {@link HttpClient} for {@code
     * HttpClient.class}, or a vendor client of the given type.
     *
     * @throws IllegalArgumentException if the directory has nothing of that type
     */
    @Override
    public final <T> T unwrap(Class<T> type) {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        if (type == HttpClient.class) {
            return type.cast(httpClient);
        }
        for (Object client : vendorClients) {
            if (type.isInstance(client)) {
                return type.cast(client);
            }
        }
        throw new IllegalArgumentException("a " + descriptor.id() + " directory has nothing of type " + type.getName());
    }

    /** Releases nothing; see the class description. */
    @Override
    public void close() {}

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + descriptor.id() + "]";
    }
}
