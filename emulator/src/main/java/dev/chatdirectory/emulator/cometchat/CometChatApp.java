package dev.chatdirectory.emulator.cometchat;

import dev.chatdirectory.emulator.EmulatorRequest;
import dev.chatdirectory.emulator.EmulatorResponse;

/**
 * One emulated CometChat app: its store, the endpoint handlers and the route table. The emulator
 * replaces the whole app on reset, so no handler can keep stale state.
 */
final class CometChatApp {

    private final CometChatStore store;
    private final CometChatRouter router;

    /**
     * Creates an empty app.
     *
     * @param keys the API keys, shared across resets
     * @param tokens the auth tokens handed out, shared across resets
     * @param createdAt epoch seconds the app was created at
     */
    CometChatApp(ApiKeys keys, AuthTokens tokens, long createdAt) {
        this.store = new CometChatStore(createdAt);
        WireFormat wire = new WireFormat(store);
        UserHandlers users = new UserHandlers(store, wire, tokens);
        MemberHandlers members = new MemberHandlers(store, wire);
        GroupHandlers groups = new GroupHandlers(store, wire, members);
        this.router = new CometChatRouter(keys, store)
                // An authOnly key may only create users (documented: "create users and auth tokens";
                // auth tokens are outside the emulated surface).
                .authOnlyRoute("POST", "/users", users::create)
                .route("GET", "/users", users::list)
                .route("PUT", "/users", users::reactivateMany)
                .route("DELETE", "/users", users::deactivateMany)
                .route("GET", "/users/{uid}", users::get)
                .route("PUT", "/users/{uid}", users::update)
                .route("DELETE", "/users/{uid}", users::delete)
                .route("POST", "/groups", groups::create)
                .route("GET", "/groups", groups::list)
                .route("GET", "/groups/{guid}", groups::get)
                .route("PUT", "/groups/{guid}", groups::update)
                .route("DELETE", "/groups/{guid}", groups::delete)
                .route("POST", "/groups/{guid}/members", members::add)
                .route("GET", "/groups/{guid}/members", members::list)
                .route("PUT", "/groups/{guid}/members/{uid}", members::changeScope)
                .route("DELETE", "/groups/{guid}/members/{uid}", members::kick)
                .route("GET", "/groups/{guid}/bannedusers", members::listBanned)
                .route("POST", "/groups/{guid}/bannedusers/{uid}", members::ban)
                .route("DELETE", "/groups/{guid}/bannedusers/{uid}", members::unban);
    }

    CometChatStore store() {
        return store;
    }

    EmulatorResponse dispatch(EmulatorRequest request, long now) {
        return router.dispatch(request, now);
    }
}
