package dev.chatdirectory;

import dev.chatdirectory.model.Presence;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The online status of users. Needs {@link Capability#PRESENCE}: without it every method throws
 * {@link UnsupportedCapabilityException} and sends nothing.
 *
 * <p>Implementations are thread-safe. Presence is read-only: it is driven by the users' own
 * connections, not by the server API.
 */
public interface PresenceOperations {

    /**
     * Reads the presence of several users at once.
     *
     * @param userIds the users, without duplicates
     * @return one entry per requested id, in request order; ids the provider does not know are
     *     reported {@link dev.chatdirectory.model.PresenceState#UNKNOWN}
     */
    Map<String, Presence> get(Collection<String> userIds);

    /**
     * Reads the presence of one user.
     *
     * @param userId the user
     * @return the presence, {@link dev.chatdirectory.model.PresenceState#UNKNOWN} for an unknown user
     */
    default Presence get(String userId) {
        return get(List.of(userId)).get(userId);
    }
}
