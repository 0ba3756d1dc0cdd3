package dev.chatdirectory.provider.atomchat.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatdirectory.PresenceOperations;
import dev.chatdirectory.http.HttpCallExecutor;
import dev.chatdirectory.model.Presence;
import dev.chatdirectory.model.PresenceState;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Presence from getUserStatus, one call per batch of UIDs.
 *
 * <p>Whether AtomChat answers for UIDs it does not know is not documented; the emulator leaves
 * them out. A UID missing from the reply is therefore looked up with getUser: OFFLINE if the user
 * exists (AtomChat stores no status until a user first connects), UNKNOWN otherwise. That costs one
 * call per missing UID, and none when every UID is answered. Thread-safe.
 */
@Singleton
final class AtomChatPresence implements PresenceOperations {

    private final AtomChatApi api;
    private final HttpCallExecutor executor;
    private final AtomChatMapper wire;
    private final AtomChatUsers users;
    private final Clock clock;

    @Inject
    private AtomChatPresence(
            AtomChatApi api, HttpCallExecutor executor, AtomChatMapper wire, AtomChatUsers users, Clock clock) {
        this.api = api;
        this.executor = executor;
        this.wire = wire;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public Map<String, Presence> get(Collection<String> userIds) {
        JsonNode success = executor.read(
                () -> api.getUserStatus(Form.ofList("UIDs", userIds).fields()));
        Instant observedAt = clock.instant();
        Map<String, JsonNode> entries = wire.presenceEntries(success);
        Map<String, Presence> result = new LinkedHashMap<>();
        for (String userId : userIds) {
            JsonNode entry = entries.get(userId);
            if (entry != null) {
                result.put(userId, wire.presence(userId, entry, observedAt));
            } else {
                PresenceState state = users.exists(userId) ? PresenceState.OFFLINE : PresenceState.UNKNOWN;
                result.put(userId, new Presence(userId, state, Optional.empty(), observedAt));
            }
        }
        return Collections.unmodifiableMap(result);
    }
}
