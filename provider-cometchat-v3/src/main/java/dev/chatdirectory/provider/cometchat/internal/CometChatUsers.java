package dev.chatdirectory.provider.cometchat.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatdirectory.ErrorContext;
import dev.chatdirectory.NotFoundException;
import dev.chatdirectory.UserOperations;
import dev.chatdirectory.http.AttemptRecord;
import dev.chatdirectory.http.CallSafety;
import dev.chatdirectory.http.HttpCallExecutor;
import dev.chatdirectory.model.Page;
import dev.chatdirectory.model.PresenceState;
import dev.chatdirectory.model.User;
import dev.chatdirectory.model.UserCreate;
import dev.chatdirectory.model.UserQuery;
import dev.chatdirectory.model.UserUpdate;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Users on CometChat's {@code /users} endpoints.
 *
 * <p>Delete is CometChat's permanent delete ({@code "permanent": true}), which also removes a
 * deactivated user and frees its UID. Deactivation and reactivation use the bulk endpoints, whose
 * answers tell "already so" apart from "no such user". Thread-safe.
 */
final class CometChatUsers implements UserOperations {

    /** The role every CometChat app has; clearing a user's role falls back to it. */
    static final String DEFAULT_ROLE = "default";

    private final CometChatApi api;
    private final HttpCallExecutor calls;
    private final CometChatMapper wire;
    private final CometChatPaging paging;
    private final String providerId;

    @Inject
    private CometChatUsers(
            CometChatApi api,
            HttpCallExecutor calls,
            CometChatMapper wire,
            CometChatPaging paging,
            CometChatErrorMapper errors) {
        this.api = api;
        this.calls = calls;
        this.wire = wire;
        this.paging = paging;
        this.providerId = errors.providerId();
    }

    @Override
    public User create(UserCreate request) {
        WireBodies.UserWrite body = new WireBodies.UserWrite(
                request.id(),
                request.name(),
                request.avatarUrl().orElse(null),
                request.profileUrl().orElse(null),
                request.role().orElse(null),
                request.metadata().isEmpty() ? null : request.metadata(),
                null);
        return calls.guardedCreate(() -> wire.user(wire.data(api.createUser(body))), () -> get(request.id()));
    }

    @Override
    public Optional<User> get(String userId) {
        try {
            // CometChat answers 404 for a deactivated UID; the filter keeps that promise should it
            // ever answer with the user instead.
            return Optional.of(wire.user(wire.data(calls.read(() -> api.getUser(userId)))))
                    .filter(user -> !user.deactivated());
        } catch (NotFoundException e) {
            return CometChatCodes.absentIf(e, CometChatCodes.UID_NOT_FOUND);
        }
    }

    @Override
    public User update(String userId, UserUpdate update) {
        List<String> unset = new ArrayList<>();
        String avatar = WireBodies.valueOrUnset(update.avatarUrl(), "avatar", unset);
        String link = WireBodies.valueOrUnset(update.profileUrl(), "link", unset);
        Map<String, Object> metadata = WireBodies.metadataOrUnset(update.metadata(), unset);
        // CometChat cannot unset a role; every user has one, "default" unless told otherwise.
        String role = update.role().isClear()
                ? DEFAULT_ROLE
                : update.role().setValue().orElse(null);
        WireBodies.UserWrite body = new WireBodies.UserWrite(
                null,
                update.name().setValue().orElse(null),
                avatar,
                link,
                role,
                metadata,
                unset.isEmpty() ? null : unset);
        return wire.user(wire.data(calls.call(CallSafety.IDEMPOTENT_WRITE, () -> api.updateUser(userId, body))));
    }

    /**
     * Deletes for good. A repeat after a lost answer that is told "no such user" reports {@code
     * true}, as {@link UserOperations#delete} documents: the lost attempt may have deleted the user.
     */
    @Override
    public boolean delete(String userId) {
        AttemptRecord attempts = new AttemptRecord();
        try {
            calls.call(
                    CallSafety.CONVERGENT_WRITE,
                    attempts,
                    () -> api.deleteUser(userId, new WireBodies.DeleteUser(true)));
            return true;
        } catch (NotFoundException e) {
            if (CometChatCodes.is(e, CometChatCodes.UID_NOT_FOUND)) {
                return attempts.answerLost();
            }
            throw e;
        }
    }

    /** Deactivates; "already deactivated" after a lost answer is {@code true}, as the API documents. */
    @Override
    public boolean deactivate(String userId) {
        AttemptRecord attempts = new AttemptRecord();
        JsonNode data = wire.data(calls.call(
                CallSafety.CONVERGENT_WRITE,
                attempts,
                () -> api.deactivateUsers(new WireBodies.Deactivate(List.of(userId)))));
        return bulkOutcome(userId, data, "deactivatedUids", "alreadyDeactivatedUids") || attempts.answerLost();
    }

    /** Reactivates; "not deactivated" after a lost answer is {@code true}, as the API documents. */
    @Override
    public boolean reactivate(String userId) {
        AttemptRecord attempts = new AttemptRecord();
        JsonNode data = wire.data(calls.call(
                CallSafety.CONVERGENT_WRITE,
                attempts,
                () -> api.reactivateUsers(new WireBodies.Reactivate(List.of(userId)))));
        return bulkOutcome(userId, data, "reactivatedUids", "nonDeactivatedUids") || attempts.answerLost();
    }

    /**
     * Reads the outcome of one UID from a bulk (de)activation answer: changed, already so, or no
     * such user. Bucket names are compared ignoring case, like the UIDs in them. A UID in no bucket,
     * in several, or in one the adapter does not know is a protocol error, never taken as done.
     */
    private boolean bulkOutcome(String userId, JsonNode data, String changed, String alreadySo) {
        Optional<JsonNode> result = wire.uidResult(data, userId);
        if (result.isPresent()) {
            return perUidOutcome(userId, result.get());
        }
        List<String> buckets = wire.bucketsHolding(data, userId);
        if (buckets.isEmpty()) {
            throw wire.protocolError("the answer names no outcome for user '" + userId + "'");
        }
        if (buckets.size() > 1) {
            throw wire.protocolError("the answer puts user '" + userId + "' in several buckets: " + buckets);
        }
        String bucket = buckets.get(0);
        if (bucket.equalsIgnoreCase(changed)) {
            return true;
        }
        if (bucket.equalsIgnoreCase(alreadySo)) {
            return false;
        }
        if (bucket.equalsIgnoreCase("notFound")) {
            throw notFound(userId);
        }
        throw wire.protocolError("the answer puts user '" + userId + "' in the unknown bucket '" + bucket + "'");
    }

    /**
     * Reads the older per-UID answer form (the 2021 OpenAPI example of reactivation). Only {@code
     * "success": true} and CometChat's not-found code have a known meaning there; whether a user
     * already in the asked state gets success or a failure is undocumented, so any other failure is
     * a protocol error rather than a guess.
     */
    private boolean perUidOutcome(String userId, JsonNode result) {
        if (wire.succeeded(result)) {
            return true;
        }
        boolean missing = CometChatErrorMapper.vendorError(result.get("error"))
                .code()
                .filter(CometChatCodes.UID_NOT_FOUND::equals)
                .isPresent();
        if (missing) {
            throw notFound(userId);
        }
        throw wire.protocolError("the answer reports a failure for user '" + userId + "' with no known meaning");
    }

    private NotFoundException notFound(String userId) {
        return new NotFoundException("no user with id '" + userId + "'", ErrorContext.of(providerId));
    }

    @Override
    public Page<User> list(UserQuery query) {
        CometChatPaging.Position position = paging.start("users", query.pageSize(), query.cursor());
        if (query.presence().filter(p -> p == PresenceState.UNKNOWN).isPresent()) {
            // Every CometChat user is either available or offline: none has an unknown presence.
            return Page.of(List.of(), null);
        }
        Map<String, Object> params = position.query();
        query.search().ifPresent(s -> params.put("searchKey", s));
        query.role().ifPresent(r -> params.put("role", r));
        query.presence().ifPresent(p -> params.put("status", p == PresenceState.ONLINE ? "available" : "offline"));
        if (query.includeDeactivated()) {
            params.put("withDeactivated", true);
        }
        JsonNode body = calls.read(() -> api.listUsers(params));
        return paging.page(position, body, wire.items(body, wire::user));
    }
}
