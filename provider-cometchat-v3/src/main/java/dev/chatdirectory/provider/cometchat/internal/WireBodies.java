package dev.chatdirectory.provider.cometchat.internal;

import dev.chatdirectory.model.Patch;
import java.util.List;
import java.util.Map;

/**
 * The JSON request bodies the adapter sends; {@code null} components are left out of the JSON
 * (the shared mapper writes non-absent values only).
 */
final class WireBodies {

    private WireBodies() {}

    /**
     * Returns the value a patch sets, noting a cleared attribute in {@code unset}.
     *
     * @param patch the change
     * @param attribute CometChat's name of the attribute
     * @param unset collects the attributes to clear
     * @return the value to send, {@code null} when none
     */
    static String valueOrUnset(Patch<String> patch, String attribute, List<String> unset) {
        if (patch.isClear()) {
            unset.add(attribute);
        }
        return patch.setValue().orElse(null);
    }

    /**
     * Returns the metadata a patch sets, noting cleared metadata in {@code unset}; setting an empty
     * map clears it too, which reads back the same.
     *
     * @param patch the change
     * @param unset collects the attributes to clear
     * @return the metadata to send, {@code null} when none
     */
    static Map<String, Object> metadataOrUnset(Patch<Map<String, Object>> patch, List<String> unset) {
        Map<String, Object> metadata =
                patch.setValue().filter(m -> !m.isEmpty()).orElse(null);
        if (!patch.isUnchanged() && metadata == null) {
            unset.add("metadata");
        }
        return metadata;
    }

    /**
     * Body of {@code POST /users} and {@code PUT /users/{uid}}.
     *
     * @param uid the UID, on create only
     * @param name the display name
     * @param avatar the avatar URL
     * @param link the profile URL
     * @param role the role, which must exist in the app
     * @param metadata custom fields
     * @param unset attributes to clear: {@code avatar}, {@code link}, {@code metadata}
     */
    record UserWrite(
            String uid,
            String name,
            String avatar,
            String link,
            String role,
            Map<String, Object> metadata,
            List<String> unset) {}

    /**
     * Body of {@code DELETE /users/{uid}}.
     *
     * @param permanent {@code true} removes the user for good, {@code false} deactivates
     */
    record DeleteUser(boolean permanent) {}

    /**
     * Body of {@code DELETE /users} (bulk deactivation).
     *
     * @param uidsToDeactivate the UIDs
     */
    record Deactivate(List<String> uidsToDeactivate) {}

    /**
     * Body of {@code PUT /users} (bulk reactivation).
     *
     * @param uidsToActivate the UIDs
     */
    record Reactivate(List<String> uidsToActivate) {}

    /**
     * Body of {@code POST /groups} and {@code PUT /groups/{guid}}.
     *
     * @param guid the GUID, on create only
     * @param name the name
     * @param type {@code public}, {@code private} or {@code password}
     * @param password the join password of a password group
     * @param icon the icon URL
     * @param description the description
     * @param metadata custom fields
     * @param owner the owner's UID
     * @param unset attributes to clear: {@code icon}, {@code description}, {@code metadata}
     */
    record GroupWrite(
            String guid,
            String name,
            String type,
            String password,
            String icon,
            String description,
            Map<String, Object> metadata,
            String owner,
            List<String> unset) {

        /** Hides the password, which must never reach a log line. */
        @Override
        public String toString() {
            return "GroupWrite[guid=" + guid + ", name=" + name + ", type=" + type + ", password="
                    + (password == null ? "none" : "****") + ", owner=" + owner + ", unset=" + unset + "]";
        }
    }

    /**
     * Body of {@code POST /groups/{guid}/members}: UIDs by the scope they join with.
     *
     * @param admins UIDs joining as admins
     * @param moderators UIDs joining as moderators
     * @param participants UIDs joining as participants
     */
    record MemberLists(List<String> admins, List<String> moderators, List<String> participants) {}

    /**
     * Body of {@code PUT /groups/{guid}/members/{uid}}.
     *
     * @param scope {@code admin}, {@code moderator} or {@code participant}
     */
    record ScopeChange(String scope) {}
}
