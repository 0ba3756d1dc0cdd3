package dev.chatdirectory.emulator.qiscus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The user endpoints: {@code login_or_register}, {@code user_profile}, {@code get_user_list},
 * {@code deactivate_users}, {@code reactivate_users}, {@code reset_user_token} and {@code
 * get_user_token}.
 */
final class UserEndpoints {

    /** "Any string without symbols except . - _ @" [DOC]; the exact pattern is the reference's [INF]. */
    private static final Pattern USER_ID = Pattern.compile("^[A-Za-z0-9._@-]+$");

    /** The Go client's default page size; the server's is [UNK]. */
    static final int DEFAULT_USER_LIST_LIMIT = 20;

    /**
     * The largest page: the server's maximum is [UNK]; 100 is the bound Qiscus documents for its
     * other user listing ({@code get_unread_users}: "between 1-100, otherwise will override").
     */
    static final int MAX_USER_LIST_LIMIT = 100;

    /**
     * {@code order_query} is an SQL-like clause: {@code <column> [asc|desc] [nulls first|last]}.
     * The emulator understands that form for the columns a listing item shows.
     */
    private static final Pattern ORDER_QUERY = Pattern.compile(
            "^\\s*([a-z_]+)(?:\\s+(asc|desc))?(?:\\s+nulls\\s+(?:first|last))?\\s*$", Pattern.CASE_INSENSITIVE);

    private static final String DEFAULT_ORDER_QUERY = "created_at desc nulls last";

    private static final Map<String, Comparator<QiscusUser>> ORDER_COLUMNS = Map.of(
            "created_at", Comparator.comparing((QiscusUser user) -> user.createdAt),
            "updated_at", Comparator.comparing((QiscusUser user) -> user.updatedAt),
            "id", Comparator.comparingLong((QiscusUser user) -> user.internalId),
            "name", Comparator.comparing((QiscusUser user) -> user.username),
            "username", Comparator.comparing((QiscusUser user) -> user.username),
            "email", Comparator.comparing((QiscusUser user) -> user.userId));

    private final QiscusStore store;

    UserEndpoints(QiscusStore store) {
        this.store = store;
    }

    /** Tells whether a user id follows Qiscus's character rule. */
    static boolean isValidUserId(String userId) {
        return userId != null && USER_ID.matcher(userId).matches();
    }

    /** Adds these endpoints to the route table. */
    void register(QiscusRouter router) {
        router.post("login_or_register", this::loginOrRegister);
        router.get("user_profile", this::userProfile);
        router.get("get_user_list", this::userList);
        router.delete("deactivate_users", params -> setActive(params, false));
        router.post("reactivate_users", params -> setActive(params, true));
        router.post("reset_user_token", this::resetUserToken);
        router.get("get_user_token", this::userToken);
    }

    /**
     * Creates or updates a user. An existing user can only be updated when a password is sent
     * ("you can not use this API login_or_register without passing password value" [DOC]); the
     * answer to that mistake is [UNK], the emulator refuses it with a 400. The active flag is left
     * alone: whether upserting reactivates a deactivated user is [UNK], and reactivation has its
     * own endpoint.
     */
    private ObjectNode loginOrRegister(QiscusParams params) {
        String userId = params.required("user_id");
        if (!isValidUserId(userId)) {
            throw QiscusApiException.badRequest(
                    "user_id can only contain letters, numbers and the symbols '.', '-', '_' and '@'");
        }
        String username = params.required("username");
        Optional<ObjectNode> extras = extras(params);
        Optional<String> avatarUrl = params.nonBlank("avatar_url");
        Optional<String> password = params.nonBlank("password");

        Optional<QiscusUser> existing = store.user(userId);
        QiscusUser user;
        if (existing.isPresent()) {
            user = existing.get();
            if (password.isEmpty()) {
                throw QiscusApiException.badRequest("password is required to update an existing user");
            }
            boolean changed = !user.username.equals(username)
                    || avatarUrl.filter(url -> !url.equals(user.avatarUrl)).isPresent()
                    || extras.filter(value -> !value.equals(user.extras)).isPresent()
                    || !password.get().equals(user.password);
            user.username = username;
            avatarUrl.ifPresent(url -> user.avatarUrl = url);
            extras.ifPresent(value -> user.extras = value);
            user.changePassword(password.get());
            if (changed) {
                user.updatedAt = store.now();
            }
        } else {
            user = store.createUser(userId, username);
            avatarUrl.ifPresent(url -> user.avatarUrl = url);
            extras.ifPresent(value -> user.extras = value);
            // A password given at creation is the first one, not a change.
            password.ifPresent(given -> user.password = given);
        }
        ObjectNode results = QiscusJson.object();
        results.set("user", QiscusJson.user(user));
        return results;
    }

    /**
     * Reads {@code extras}: a JSON object, or a string holding one ("JSON string or valid JSON
     * object" in the 2018 docs [REPO]); a blank string counts as absent.
     */
    private static Optional<ObjectNode> extras(QiscusParams params) {
        Optional<JsonNode> value = params.json("extras");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        JsonNode node = value.get();
        if (node.isTextual()) {
            if (node.asText().isBlank()) {
                return Optional.empty();
            }
            try {
                node = QiscusJson.MAPPER.readTree(node.asText());
            } catch (JsonProcessingException e) {
                throw QiscusApiException.badRequest("extras must be a JSON object");
            }
        }
        if (node instanceof ObjectNode object) {
            return Optional.of(object.deepCopy());
        }
        throw QiscusApiException.badRequest("extras must be a JSON object");
    }

    /**
     * Returns one user. Deactivated users are still returned, with {@code "active": false}: the
     * Go client's response struct carries {@code active}, which only makes sense if inactive users
     * can be read [INF].
     */
    private ObjectNode userProfile(QiscusParams params) {
        QiscusUser user = store.requireUser(params.required("user_id"));
        ObjectNode results = QiscusJson.object();
        results.set("user", QiscusJson.user(user));
        return results;
    }

    /**
     * Lists users page by page. {@code show_all=true} includes deactivated users, which are hidden
     * otherwise (the parameter's meaning is [UNK]; this is the reference's reading [INF]).
     */
    private ObjectNode userList(QiscusParams params) {
        QiscusPage page = QiscusPage.of(params, DEFAULT_USER_LIST_LIMIT, MAX_USER_LIST_LIMIT);
        Comparator<QiscusUser> order = order(params.nonBlank("order_query").orElse(DEFAULT_ORDER_QUERY));
        boolean showAll = params.flag("show_all");
        List<QiscusUser> matching = store.users().stream()
                .filter(user -> showAll || user.active)
                .sorted(order)
                .toList();

        ObjectNode results = QiscusJson.object();
        ObjectNode meta = results.putObject("meta");
        meta.put("total_data", matching.size());
        meta.put("total_page", page.totalPages(matching.size()));
        ArrayNode items = results.putArray("users");
        page.slice(matching).forEach(user -> items.add(QiscusJson.userListItem(user)));
        return results;
    }

    /**
     * Parses {@code order_query}; ties are broken by internal id in the same direction so that
     * users created in the same microsecond keep a stable, creation-ordered sequence.
     *
     * @throws QiscusApiException 400 for a clause the emulator does not understand (the real
     *     server passes it to SQL; its answer to a bad one is [UNK])
     */
    private static Comparator<QiscusUser> order(String orderQuery) {
        Matcher matcher = ORDER_QUERY.matcher(orderQuery);
        Comparator<QiscusUser> column =
                matcher.matches() ? ORDER_COLUMNS.get(matcher.group(1).toLowerCase(Locale.ROOT)) : null;
        if (column == null) {
            throw QiscusApiException.badRequest("order_query is invalid: " + orderQuery);
        }
        Comparator<QiscusUser> ascending =
                column.thenComparing(Comparator.comparingLong((QiscusUser user) -> user.internalId));
        boolean descending = matcher.group(2) != null && matcher.group(2).equalsIgnoreCase("desc");
        return descending ? ascending.reversed() : ascending;
    }

    /**
     * Deactivates or reactivates users. Every id must exist, or nothing changes (the real
     * behaviour with unknown ids is [UNK]). The confirmation text is [UNK]; only the key {@code
     * message} is known [LIB].
     */
    private ObjectNode setActive(QiscusParams params, boolean active) {
        List<String> userIds = params.list("user_ids");
        if (userIds.isEmpty()) {
            throw QiscusApiException.badRequest("user_ids is required");
        }
        List<QiscusUser> users = store.requireUsers(userIds);
        Instant now = store.now();
        for (QiscusUser user : users) {
            if (user.active != active) {
                user.active = active;
                user.updatedAt = now;
            }
        }
        ObjectNode results = QiscusJson.object();
        results.put("message", (active ? "reactivated " : "deactivated ") + users.size() + " users");
        return results;
    }

    private ObjectNode resetUserToken(QiscusParams params) {
        return token(params, store::resetToken);
    }

    private ObjectNode userToken(QiscusParams params) {
        return token(params, user -> user.token);
    }

    private ObjectNode token(QiscusParams params, Function<QiscusUser, String> token) {
        QiscusUser user = store.requireUser(params.required("user_id"));
        ObjectNode results = QiscusJson.object();
        results.put("token", token.apply(user));
        return results;
    }
}
