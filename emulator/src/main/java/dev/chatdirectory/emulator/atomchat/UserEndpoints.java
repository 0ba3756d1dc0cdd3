package dev.chatdirectory.emulator.atomchat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatdirectory.emulator.EmulatorResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Users, friends and presence: createUser, getUser, updateUser, deleteUser, listUsers,
 * getUserStatus, addFriends and deleteFriends.
 *
 * <p>Every scalar in a reply is a JSON string, because the vendor passes database rows through.
 */
final class UserEndpoints {

    private final AtomChatDirectory directory;
    private final Supplier<ListUsersPaging> paging;

    UserEndpoints(AtomChatDirectory directory, Supplier<ListUsersPaging> paging) {
        this.directory = directory;
        this.paging = paging;
    }

    void registerOn(Map<String, Endpoint> routes) {
        routes.put("createUser", this::createUser);
        routes.put("getUser", this::getUser);
        routes.put("updateUser", this::updateUser);
        routes.put("deleteUser", this::deleteUser);
        routes.put("listUsers", this::listUsers);
        routes.put("getUserStatus", this::getUserStatus);
        routes.put("addFriends", this::addFriends);
        routes.put("deleteFriends", this::deleteFriends);
    }

    private EmulatorResponse createUser(FormFields form) {
        String uid = form.trimmed("UID");
        if (uid.isEmpty()) {
            return Replies.failed("Invalid UID.");
        }
        Optional<UserRecord> created = directory.createUser(uid);
        if (created.isEmpty()) {
            return Replies.failed("User already exists");
        }
        // [I] A missing name is stored empty although the docs call it required, as the server code does.
        storeProfile(created.get(), form);
        return Replies.success("User created successfully!");
    }

    private EmulatorResponse getUser(FormFields form) {
        Optional<UserRecord> found = directory.user(form.trimmed("UID"));
        if (found.isEmpty()) {
            return Replies.failed("User not registered");
        }
        UserRecord user = found.get();
        boolean withFriends = form.flag("returnFriends", "getfriends");
        boolean withGroups = form.flag("returnJoinedGroups", "joinedgroups");
        return Replies.success("User details accessed successfully", extras -> {
            ObjectNode data = extras.putObject("data");
            data.set("user", userDetails(user));
            if (withFriends) {
                ArrayNode friends = data.putArray("friends");
                user.friends().stream()
                        .map(directory::user)
                        .flatMap(Optional::stream)
                        .forEach(friend -> friends.add(userDetails(friend)));
            }
            if (withGroups) {
                ArrayNode groups = data.putArray("groups");
                for (GroupRecord group : directory.groupsJoinedBy(user.uid())) {
                    groups.addObject()
                            .put("guid", group.guid())
                            .put("name", group.name())
                            .put("type", group.typeLabel());
                }
            }
        });
    }

    /**
     * Stores a new profile. [V] The vendor rewrites every column, so fields the caller leaves out
     * become empty (role becomes {@code default}): this is real behaviour an adapter must cope with.
     */
    private EmulatorResponse updateUser(FormFields form) {
        String uid = form.trimmed("UID");
        if (uid.isEmpty()) {
            return Replies.failed("Invalid UID.");
        }
        Optional<UserRecord> user = directory.user(uid);
        if (user.isEmpty()) {
            return Replies.failed("Invalid UID");
        }
        storeProfile(user.get(), form);
        return Replies.success("User updated successfully");
    }

    private EmulatorResponse deleteUser(FormFields form) {
        // One page of the docs names the field UIDs (a documentation slip); both spellings work.
        String uid = form.has("UID") ? form.trimmed("UID") : form.trimmed("UIDs");
        if (uid.isEmpty()) {
            return Replies.failed("Invalid UID.");
        }
        Optional<UserRecord> user = directory.user(uid);
        if (user.isEmpty()) {
            return Replies.failed("Invalid UID");
        }
        directory.deleteUser(user.get());
        return Replies.success("User deleted successfully!");
    }

    private EmulatorResponse listUsers(FormFields form) {
        ListUsersPaging mode = paging.get();
        int offset = mode.offset(form);
        int limit = mode.limit(form);
        List<UserRecord> users = directory.users();
        List<UserRecord> page =
                users.subList(Math.min(offset, users.size()), (int) Math.min((long) offset + limit, users.size()));
        return Replies.success("List fetched successfully", extras -> {
            ArrayNode data = extras.putArray("data");
            for (UserRecord user : page) {
                data.addObject()
                        .put("userid", Long.toString(user.cid()))
                        .put("uid", user.uid())
                        .put("username", user.name())
                        .put("displayname", user.name())
                        .put("friends", String.join(",", user.friends()))
                        .put("role", user.role())
                        .put("status", user.status().wireValue())
                        .put("lastactivity", Long.toString(user.lastActivity()));
            }
        });
    }

    /**
     * [I] The only evidence of this reply is a client DTO: the success object is a map keyed by UID
     * with no status/message pair. [U] Unknown UIDs are left out, and {@code conversations} (meaning
     * unknown) is always {@code "0"} by our choice.
     */
    private EmulatorResponse getUserStatus(FormFields form) {
        ObjectNode byUid = Replies.object();
        for (String uid : form.list("UIDs")) {
            directory
                    .user(uid)
                    .ifPresent(user -> byUid.putObject(uid)
                            .put("user", user.uid())
                            .put("status", user.status().wireValue())
                            .put("lastactivity", Long.toString(user.lastActivity()))
                            .put("conversations", "0"));
        }
        return Replies.bareSuccess(byUid);
    }

    /**
     * Adds friends. The 2018 server ignores {@code clearExisting} and appends duplicates; we honour
     * the documented replace-when-true and keep the list free of repeats.
     */
    private EmulatorResponse addFriends(FormFields form) {
        return changeFriends(form, (user, friends) -> {
            if (form.flag("clearExisting")) {
                user.clearFriends();
            }
            user.addFriends(friends);
        });
    }

    private EmulatorResponse deleteFriends(FormFields form) {
        return changeFriends(form, UserRecord::removeFriends);
    }

    private EmulatorResponse changeFriends(FormFields form, BiConsumer<UserRecord, List<String>> change) {
        Optional<UserRecord> user = directory.user(form.trimmed("UID"));
        if (user.isEmpty()) {
            return Replies.failed("Invalid UID");
        }
        List<String> friends = form.list("friendsUID");
        if (friends.isEmpty()) {
            return Replies.failed("Invalid Friends UID");
        }
        change.accept(user.get(), friends);
        return Replies.success("Friends updated successfully!");
    }

    private static void storeProfile(UserRecord user, FormFields form) {
        user.setProfile(
                form.text("name"),
                form.text("avatarURL"),
                form.text("profileURL"),
                form.trimmed("role"),
                form.text("email"));
    }

    private static ObjectNode userDetails(UserRecord user) {
        return Replies.object()
                .put("uid", user.uid())
                .put("name", user.name())
                .put("link", user.link())
                .put("avatar", user.avatar())
                .put("friends", String.join(",", user.friends()))
                .put("role", user.role())
                .put("credits", "0")
                .put("cid", Long.toString(user.cid()))
                .put("lastactivity", Long.toString(user.lastActivity()));
    }
}
