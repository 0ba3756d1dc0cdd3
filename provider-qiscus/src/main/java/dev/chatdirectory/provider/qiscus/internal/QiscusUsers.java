package dev.chatdirectory.provider.qiscus.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatdirectory.AlreadyExistsException;
import dev.chatdirectory.ErrorContext;
import dev.chatdirectory.NotFoundException;
import dev.chatdirectory.UserOperations;
import dev.chatdirectory.http.CallSafety;
import dev.chatdirectory.http.HttpCallExecutor;
import dev.chatdirectory.http.PageCursor;
import dev.chatdirectory.model.Page;
import dev.chatdirectory.model.Patch;
import dev.chatdirectory.model.User;
import dev.chatdirectory.model.UserCreate;
import dev.chatdirectory.model.UserQuery;
import dev.chatdirectory.model.UserUpdate;
import dev.chatdirectory.provider.qiscus.internal.QiscusApi.LoginOrRegister;
import dev.chatdirectory.provider.qiscus.internal.QiscusApi.UserIds;
import dev.chatdirectory.spi.ProviderDescriptor;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Qiscus users: {@code login_or_register} (create and update), {@code user_profile}, {@code
 * get_user_list}, {@code deactivate_users} and {@code reactivate_users}.
 *
 * <p>Qiscus cannot delete users, so delete deactivates. Deactivated users keep their id, are not
 * found and are not listed.
 */
final class QiscusUsers implements UserOperations {

    /** Oldest first, so that users created during a walk land on later pages instead of shifting it. */
    static final String USER_LIST_ORDER = "created_at asc";

    private final QiscusApi api;
    private final HttpCallExecutor calls;
    private final QiscusMapper mapper;
    private final UserPasswords passwords;
    private final ProviderDescriptor descriptor;

    @Inject
    private QiscusUsers(
            QiscusApi api,
            HttpCallExecutor calls,
            QiscusMapper mapper,
            UserPasswords passwords,
            ProviderDescriptor descriptor) {
        this.api = api;
        this.calls = calls;
        this.mapper = mapper;
        this.passwords = passwords;
        this.descriptor = descriptor;
    }

    /**
     * Creates a user after checking that the id is free: {@code login_or_register} is an upsert and
     * would otherwise overwrite the existing user (and its password).
     *
     * <p>The check and the register are two calls and Qiscus offers no create-only call. Creates
     * of one id through this directory run one at a time, so of threads creating it at once one
     * gets the user and the others {@link AlreadyExistsException}. Another directory instance or
     * process registering the same id between the check and the register overwrites or is
     * overwritten; the window is one round trip.
     */
    @Override
    public User create(UserCreate request) {
        String userId = request.id();
        return calls.createIfAbsent(
                "user:" + userId,
                () -> profile(userId).isPresent(),
                () -> new AlreadyExistsException(
                        "a user with id '" + userId + "' already exists (active or deactivated)", context()),
                () -> {
                    LoginOrRegister body = new LoginOrRegister(
                            userId,
                            request.name(),
                            Optional.of(passwords.forNewUser(userId)),
                            request.avatarUrl(),
                            request.metadata().isEmpty() ? Optional.empty() : Optional.of(request.metadata()));
                    return calls.guardedCreate(
                            () -> mapper.user(mapper.userObject(api.loginOrRegister(body))),
                            () -> profile(userId).map(mapper::user));
                });
    }

    @Override
    public Optional<User> get(String userId) {
        return profile(userId).filter(mapper::active).map(mapper::user);
    }

    /**
     * Reads the user, applies the patch and sends the whole profile back with the password its
     * clients log in with, so that nothing depends on how Qiscus treats omitted fields and the
     * password does not change. A cleared avatar becomes Qiscus's placeholder, since Qiscus ignores
     * empty values.
     *
     * <p>Read and write are two calls: a change made by someone else in between is overwritten.
     */
    @Override
    public User update(String userId, UserUpdate update) {
        String password = passwords.forUpdate(userId);
        JsonNode current = profile(userId).filter(mapper::active).orElseThrow(() -> notFound(userId));
        User target = update.applyTo(mapper.user(current));
        Patch<String> avatar = update.avatarUrl();
        Optional<String> avatarUrl = avatar.isClear()
                ? Optional.of(mapper.placeholderAvatar())
                : avatar.isSet()
                        ? avatar.setValue()
                        : Optional.ofNullable(current.path("avatar_url").textValue());
        Map<String, Object> extras = target.metadata();
        LoginOrRegister body =
                new LoginOrRegister(userId, target.name(), Optional.of(password), avatarUrl, Optional.of(extras));
        // Sending the same profile and password again has no further effect.
        JsonNode answer = calls.call(CallSafety.IDEMPOTENT_WRITE, () -> api.loginOrRegister(body));
        return mapper.user(mapper.userObject(answer));
    }

    @Override
    public boolean delete(String userId) {
        Optional<JsonNode> user = profile(userId).filter(mapper::active);
        if (user.isEmpty()) {
            return false;
        }
        setActive(userId, false);
        return true;
    }

    @Override
    public boolean deactivate(String userId) {
        JsonNode user = profile(userId).orElseThrow(() -> notFound(userId));
        if (!mapper.active(user)) {
            return false;
        }
        setActive(userId, false);
        return true;
    }

    @Override
    public boolean reactivate(String userId) {
        JsonNode user = profile(userId).orElseThrow(() -> notFound(userId));
        if (mapper.active(user)) {
            return false;
        }
        setActive(userId, true);
        return true;
    }

    /**
     * Reads one page of {@code get_user_list}. Qiscus hides deactivated users from it [INF]; any
     * item marked inactive all the same is dropped, which can shorten a page but never ends the
     * walk early, because the next page is known from {@code meta.total_page} (or, should Qiscus
     * leave {@code meta} out, from a full page).
     */
    @Override
    public Page<User> list(UserQuery query) {
        PageCursor at = PageCursor.resumePage(descriptor, "users", query.cursor(), query.pageSize());
        long page = at.position();
        int size = at.pageSize();
        JsonNode results = mapper.results(calls.read(() -> api.userList(page, size, USER_LIST_ORDER)));
        JsonNode items = mapper.array(results, "users");
        List<User> users = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            if (mapper.active(item)) {
                users.add(mapper.listedUser(item));
            }
        }
        boolean more = mapper.totalPages(results).map(total -> page < total).orElse(items.size() >= size);
        return Page.of(users, more ? at.at(page + 1).encode() : null);
    }

    private void setActive(String userId, boolean active) {
        UserIds body = new UserIds(List.of(userId));
        // Setting the state a user already has changes nothing.
        calls.call(CallSafety.IDEMPOTENT_WRITE, () -> active ? api.reactivateUsers(body) : api.deactivateUsers(body));
    }

    /** Returns the user object of any user, deactivated ones included; empty when there is none. */
    Optional<JsonNode> profile(String userId) {
        try {
            return Optional.of(mapper.userObject(calls.read(() -> api.userProfile(userId))));
        } catch (NotFoundException absent) {
            return Optional.empty();
        }
    }

    private NotFoundException notFound(String userId) {
        return new NotFoundException("no user with id '" + userId + "'", context());
    }

    private ErrorContext context() {
        return ErrorContext.of(descriptor.id());
    }
}
