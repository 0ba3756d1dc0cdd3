package dev.chatdirectory.provider.atomchat.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatdirectory.Capability;
import dev.chatdirectory.ErrorContext;
import dev.chatdirectory.NotFoundException;
import dev.chatdirectory.UnsupportedCapabilityException;
import dev.chatdirectory.UserOperations;
import dev.chatdirectory.http.AttemptRecord;
import dev.chatdirectory.http.CallSafety;
import dev.chatdirectory.http.ErrorMapper;
import dev.chatdirectory.http.HttpCallExecutor;
import dev.chatdirectory.model.Page;
import dev.chatdirectory.model.User;
import dev.chatdirectory.model.UserCreate;
import dev.chatdirectory.model.UserQuery;
import dev.chatdirectory.model.UserUpdate;
import dev.chatdirectory.spi.ProviderDescriptor;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Users at AtomChat: createUser, getUser, updateUser, deleteUser and listUsers.
 *
 * <p>createUser returns nothing but a message, so a created user is read back with getUser.
 * updateUser rewrites every profile field (omitted ones become empty, an omitted role becomes
 * {@code default}), so an update reads the user, applies the patch and sends the whole profile;
 * a change someone else makes between that read and the write is lost. E-mail is never sent:
 * AtomChat returns it from no endpoint, so it is not a supported field. Thread-safe.
 */
@Singleton
final class AtomChatUsers implements UserOperations {

    private final AtomChatApi api;
    private final HttpCallExecutor executor;
    private final AtomChatMapper wire;
    private final UserListing listing;
    private final ProviderDescriptor descriptor;
    private final ErrorMapper errors;
    private final ListedUsers listed;

    @Inject
    private AtomChatUsers(
            AtomChatApi api,
            HttpCallExecutor executor,
            AtomChatMapper wire,
            UserListing listing,
            ProviderDescriptor descriptor,
            ErrorMapper errors,
            ListedUsers listed) {
        this.api = api;
        this.executor = executor;
        this.wire = wire;
        this.listing = listing;
        this.descriptor = descriptor;
        this.errors = errors;
        this.listed = listed;
    }

    @Override
    public User create(UserCreate request) {
        Map<String, String> form = Form.of("UID", request.id())
                .and("name", request.name())
                .and("avatarURL", request.avatarUrl().orElse(null))
                .and("profileURL", request.profileUrl().orElse(null))
                .and("role", request.role().orElse(null))
                .fields();
        executor.guardedCreate(() -> api.createUser(form), () -> lookUp(request.id()));
        return get(request.id())
                .orElseThrow(() -> errors.protocolError("the created user is not found by getUser", null));
    }

    @Override
    public Optional<User> get(String userId) {
        try {
            return Optional.of(wire.user(executor.read(() -> api.getUser(uid(userId)))));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** {@return whether a user exists, for the reports that tell unknown users apart} */
    boolean exists(String userId) {
        try {
            executor.read(() -> api.getUser(uid(userId)));
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    @Override
    public User update(String userId, UserUpdate update) {
        User current = get(userId).orElseThrow(() -> notFound(userId));
        User merged = update.applyTo(current);
        Map<String, String> form = Form.of("UID", userId)
                .and("name", merged.name())
                .and("avatarURL", merged.avatarUrl().orElse(""))
                .and("profileURL", merged.profileUrl().orElse(""))
                // Left out when cleared: AtomChat then stores its default role.
                .and("role", merged.role().orElse(null))
                .fields();
        // The whole profile is sent, so repeating the write changes nothing more.
        executor.call(CallSafety.IDEMPOTENT_WRITE, () -> api.updateUser(form));
        return get(userId).orElseThrow(() -> notFound(userId));
    }

    /**
     * Deletes a user. A repeat after a lost answer that finds the user gone reports {@code true},
     * as {@link UserOperations#delete} documents: the lost attempt may have deleted it.
     */
    @Override
    public boolean delete(String userId) {
        AttemptRecord attempts = new AttemptRecord();
        try {
            executor.call(CallSafety.CONVERGENT_WRITE, attempts, () -> api.deleteUser(uid(userId)));
            return true;
        } catch (NotFoundException e) {
            return attempts.answerLost();
        }
    }

    @Override
    public boolean deactivate(String userId) {
        throw new UnsupportedCapabilityException(descriptor.id(), Capability.USER_DEACTIVATION);
    }

    @Override
    public boolean reactivate(String userId) {
        throw new UnsupportedCapabilityException(descriptor.id(), Capability.USER_DEACTIVATION);
    }

    /**
     * Lists users as listUsers rows describe them, without avatar or profile URL, which only getUser
     * returns; with {@link ListedUsers#DETAILS} each listed user is read with getUser instead, and a
     * user deleted in between is left out.
     */
    @Override
    public Page<User> list(UserQuery query) {
        UserListing.Slice slice =
                listing.read(query.pageSize().orElse(descriptor.limits().defaultPageSize()), query.cursor());
        List<User> users = new ArrayList<>(slice.rows().size());
        for (JsonNode row : slice.rows()) {
            if (listed == ListedUsers.DETAILS) {
                get(wire.uid(row)).ifPresent(users::add);
            } else {
                users.add(wire.listedUser(row));
            }
        }
        return new Page<>(users, slice.nextCursor());
    }

    private Optional<JsonNode> lookUp(String userId) {
        try {
            return Optional.of(Direct.call(() -> api.getUser(uid(userId))));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private NotFoundException notFound(String userId) {
        return new NotFoundException("no user with id '" + userId + "'", ErrorContext.of(descriptor.id()));
    }

    private static Map<String, String> uid(String userId) {
        return Form.of("UID", userId).fields();
    }
}
