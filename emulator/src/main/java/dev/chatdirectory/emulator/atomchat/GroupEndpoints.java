package dev.chatdirectory.emulator.atomchat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.chatdirectory.emulator.EmulatorResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Groups: createGroup, updateGroup, deleteGroup and getGroupList. */
final class GroupEndpoints {

    static final String UNKNOWN_GUID = "GUID does not exist.";
    private static final String PASSWORD_REQUIRED = "Password required for Password Protected Group.";
    // [ours] The vendor stores any number it gets; we reject types outside 0-4 so mistakes surface.
    private static final String INVALID_TYPE = "Invalid group type.";

    private final AtomChatDirectory directory;

    GroupEndpoints(AtomChatDirectory directory) {
        this.directory = directory;
    }

    void registerOn(Map<String, Endpoint> routes) {
        routes.put("createGroup", this::createGroup);
        routes.put("updateGroup", this::updateGroup);
        routes.put("deleteGroup", this::deleteGroup);
        routes.put("getGroupList", this::getGroupList);
    }

    /**
     * Creates a group. Types 0 (public), 1 (password) and 4 (private, docs) are documented; 2 and 3
     * from the 2018 server are accepted too and stored as given. {@code createdby} is stored as the
     * owner as the docs describe (the 2018 code always stored 0); without it the group is a system
     * group with owner {@code "0"}. The owner is not made a member.
     */
    private EmulatorResponse createGroup(FormFields form) {
        String guid = form.trimmed("GUID");
        if (guid.isEmpty()) {
            return Replies.failed("GUID is not defined.");
        }
        String name = form.text("name");
        if (name.isBlank()) {
            return Replies.failed("Group name is not defined.");
        }
        Optional<Integer> type = type(form, GroupRecord.TYPE_PUBLIC);
        if (type.isEmpty()) {
            return Replies.failed(INVALID_TYPE);
        }
        String password = form.text("password");
        if (type.get() == GroupRecord.TYPE_PASSWORD && password.isEmpty()) {
            return Replies.failed(PASSWORD_REQUIRED);
        }
        String owner = form.has("createdby") ? form.trimmed("createdby") : GroupRecord.SYSTEM_OWNER;
        Optional<GroupRecord> created = directory.createGroup(guid, name, type.get(), password, owner);
        if (created.isEmpty()) {
            return Replies.failed("GUID must be unique.");
        }
        GroupRecord group = created.get();
        return Replies.success(
                "Group created successfully",
                extras -> extras.put("roomid", group.roomId()).put("guid", group.guid()));
    }

    /**
     * Updates a group. [U] No reply sample or server code exists; by our choice fields are patched
     * (only non-blank {@code name}, {@code type} and {@code password} change anything), type 1 needs a
     * password (sent now or kept from before), and the messages follow the family's style.
     */
    private EmulatorResponse updateGroup(FormFields form) {
        Optional<GroupRecord> found = directory.group(form.trimmed("GUID"));
        if (found.isEmpty()) {
            return Replies.failed(UNKNOWN_GUID);
        }
        GroupRecord group = found.get();
        Optional<Integer> type = type(form, group.type());
        if (type.isEmpty()) {
            return Replies.failed(INVALID_TYPE);
        }
        String password = form.text("password").isEmpty() ? group.password() : form.text("password");
        if (type.get() == GroupRecord.TYPE_PASSWORD && password.isEmpty()) {
            return Replies.failed(PASSWORD_REQUIRED);
        }
        if (!form.text("name").isBlank()) {
            group.rename(form.text("name"));
        }
        group.changeType(type.get(), password);
        return Replies.success("Group updated successfully.");
    }

    private EmulatorResponse deleteGroup(FormFields form) {
        Optional<GroupRecord> group = directory.group(form.trimmed("GUID"));
        if (group.isEmpty()) {
            return Replies.failed(UNKNOWN_GUID);
        }
        directory.deleteGroup(group.get());
        return Replies.success("Group deleted successfully.");
    }

    /**
     * Lists groups in creation order, optionally only those named in {@code GUIDs} (unknown ones are
     * skipped). Items carry the public columns of the vendor's group row; never the password.
     */
    private EmulatorResponse getGroupList(FormFields form) {
        List<String> filter = form.list("GUIDs");
        List<GroupRecord> groups = directory.groups().stream()
                .filter(g -> filter.isEmpty() || filter.contains(g.guid()))
                .toList();
        return Replies.success("Groups list fetched successfully.", extras -> {
            ArrayNode data = extras.putArray("data");
            for (GroupRecord group : groups) {
                data.addObject()
                        .put("id", Long.toString(group.roomId()))
                        .put("guid", group.guid())
                        .put("name", group.name())
                        .put("type", Integer.toString(group.type()))
                        .put("createdby", group.createdBy());
            }
        });
    }

    private static Optional<Integer> type(FormFields form, int fallback) {
        if (!form.has("type")) {
            return Optional.of(fallback);
        }
        int type = form.integer("type", -1);
        return type >= GroupRecord.TYPE_PUBLIC && type <= GroupRecord.TYPE_MAX ? Optional.of(type) : Optional.empty();
    }
}
