package dev.chatdirectory.provider.cometchat.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatdirectory.NotFoundException;
import dev.chatdirectory.PresenceOperations;
import dev.chatdirectory.http.HttpCallExecutor;
import dev.chatdirectory.model.Presence;
import dev.chatdirectory.model.PresenceState;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Presence from each user's {@code status} and {@code lastActiveAt}, read with one {@code GET
 * /users/{uid}} per id.
 *
 * <p>Why not one filtered {@code GET /users}: CometChat's list has no filter by a set of UIDs,
 * only a prefix {@code searchKey} over UIDs and names, which can match any number of other users
 * and would need paging; and {@code status=available} lists every online user of the app. One
 * lookup per id costs exactly one request per id (batches are capped at the descriptor's batch
 * size), is exact, and tells an unknown or deactivated UID ({@code ERR_UID_NOT_FOUND}, reported
 * {@link PresenceState#UNKNOWN}) from an offline user. Thread-safe.
 */
final class CometChatPresence implements PresenceOperations {

    private final CometChatApi api;
    private final HttpCallExecutor calls;
    private final CometChatMapper wire;
    private final Clock clock;

    @Inject
    private CometChatPresence(CometChatApi api, HttpCallExecutor calls, CometChatMapper wire, Clock clock) {
        this.api = api;
        this.calls = calls;
        this.wire = wire;
        this.clock = clock;
    }

    @Override
    public Map<String, Presence> get(Collection<String> userIds) {
        Map<String, Presence> result = new LinkedHashMap<>();
        for (String userId : userIds) {
            result.put(userId, presence(userId));
        }
        return Collections.unmodifiableMap(result);
    }

    private Presence presence(String userId) {
        try {
            JsonNode body = calls.read(() -> api.getUser(userId));
            Presence read = wire.presence(wire.data(body), clock.instant());
            // Keyed by the id asked for; CometChat answers with the same lower-case UID.
            return new Presence(userId, read.state(), read.lastActiveAt(), read.observedAt());
        } catch (NotFoundException e) {
            CometChatCodes.absentIf(e, CometChatCodes.UID_NOT_FOUND);
            return new Presence(userId, PresenceState.UNKNOWN, Optional.empty(), clock.instant());
        }
    }
}
