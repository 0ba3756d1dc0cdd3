package dev.chatdirectory.model;

import dev.chatdirectory.InvalidRequestException;
import java.util.Map;
import java.util.Optional;

/**
 * A partial update of a group: only the fields that are set or cleared change.
 *
 * <p>The id cannot change; ownership changes through {@link
 * dev.chatdirectory.GroupOperations#transferOwnership}. Changing the type to {@link
 * GroupType#PASSWORD} needs a password; a password alone changes the password of a password
 * group. {@code metadata}, when set, replaces the whole map. The password never appears in
 * {@link #toString()}. Validated on construction; an update that changes nothing is rejected.
 * Immutable and thread-safe.
 *
 * @param name the new name
 * @param type the new type
 * @param password the new password
 * @param description the description change
 * @param iconUrl the icon URL change
 * @param metadata the metadata change
 */
public record GroupUpdate(
        Patch<String> name,
        Optional<GroupType> type,
        Optional<String> password,
        Patch<String> description,
        Patch<String> iconUrl,
        Patch<Map<String, Object>> metadata) {

    /**
     * Creates and validates the update.
     *
     * @throws InvalidRequestException naming the field and the rule it broke
     * @param name the new name
     * @param type the new type
     * @param password the new password
     * @param description the description change
     * @param iconUrl the icon URL change
     * @param metadata the metadata change
     */
    public GroupUpdate {
        Checks.notNull("name", name);
        Checks.notNull("type", type);
        Checks.notNull("password", password);
        Checks.notNull("description", description);
        Checks.notNull("iconUrl", iconUrl);
        Checks.notNull("metadata", metadata);
        if (name.isClear()) {
            throw InvalidRequestException.of("name", "must not be cleared: every group has a name");
        }
        name.ifSet(v -> Checks.name("name", v));
        type.ifPresent(t -> GroupCreate.checkPassword(t, password));
        if (type.isEmpty() && password.isPresent() && password.get().isEmpty()) {
            throw InvalidRequestException.of("password", "must not be empty");
        }
        GroupCreate.checkPasswordContent(password);
        description.ifSet(v -> Checks.text("description", Optional.of(v)));
        iconUrl.ifSet(v -> Checks.url("iconUrl", v));
        metadata = metadata.map(m -> JsonValues.strictCopy("metadata", m));
        if (name.isUnchanged()
                && type.isEmpty()
                && password.isEmpty()
                && description.isUnchanged()
                && iconUrl.isUnchanged()
                && metadata.isUnchanged()) {
            throw InvalidRequestException.of("update", "must set or clear at least one field");
        }
    }

    /**
     * Starts a builder in which every field is unchanged.
     *
     * @return this builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Applies this update to a group; used by providers that read, modify and write back.
     *
     * @param group the current group
     * @return the group with this update applied (timestamps and raw payload are kept)
     */
    public Group applyTo(Group group) {
        return new Group(
                group.id(),
                name.isSet() ? name.value() : group.name(),
                type.orElse(group.type()),
                description.applyTo(group.description()),
                iconUrl.applyTo(group.iconUrl()),
                group.ownerId(),
                metadata.applyTo(Optional.of(group.metadata())).orElse(Map.of()),
                group.memberCount(),
                group.createdAt(),
                group.updatedAt(),
                group.raw());
    }

    /** Returns this update with the password redacted. */
    @Override
    public String toString() {
        return "GroupUpdate[name=" + name + ", type=" + type + ", password="
                + (password.isPresent() ? "****" : "unchanged") + ", description=" + description + ", iconUrl="
                + iconUrl + ", metadata=" + metadata + "]";
    }

    /** Builds {@link GroupUpdate} values; not thread-safe. */
    public static final class Builder {
        private Patch<String> name = Patch.unchanged();
        private GroupType type;
        private String password;
        private Patch<String> description = Patch.unchanged();
        private Patch<String> iconUrl = Patch.unchanged();
        private Patch<Map<String, Object>> metadata = Patch.unchanged();

        private Builder() {}

        /**
         * Sets the name.
         *
         * @param name the new name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Checks.setPatch("name", name);
            return this;
        }

        /**
         * Sets the type; {@link GroupType#PASSWORD} needs {@link #password(String)} too.
         *
         * @param type the new type
         * @return this builder
         */
        public Builder type(GroupType type) {
            this.type = type;
            return this;
        }

        /**
         * Sets the join password.
         *
         * @param password the new password
         * @return this builder
         */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /**
         * Sets the description.
         *
         * @param description the description change
         * @return this builder
         */
        public Builder description(String description) {
            this.description = Checks.setPatch("description", description);
            return this;
        }

        /**
         * Removes the description.
         *
         * @return this builder
         */
        public Builder clearDescription() {
            this.description = Patch.clear();
            return this;
        }

        /**
         * Sets the icon URL.
         *
         * @param iconUrl the icon URL change
         * @return this builder
         */
        public Builder iconUrl(String iconUrl) {
            this.iconUrl = Checks.setPatch("iconUrl", iconUrl);
            return this;
        }

        /**
         * Removes the icon URL.
         *
         * @return this builder
         */
        public Builder clearIconUrl() {
            this.iconUrl = Patch.clear();
            return this;
        }

        /**
         * Replaces the whole metadata map.
         *
         * @param metadata the metadata change
         * @return this builder
         */
        @SuppressWarnings("unchecked")
        public Builder metadata(Map<String, ?> metadata) {
            this.metadata = Checks.setPatch("metadata", (Map<String, Object>) metadata);
            return this;
        }

        /**
         * Removes all metadata.
         *
         * @return this builder
         */
        public Builder clearMetadata() {
            this.metadata = Patch.clear();
            return this;
        }

        /**
         * Builds and validates the update.
         *
         * @throws InvalidRequestException naming the field and the rule it broke
         * @return the update
         */
        public GroupUpdate build() {
            return new GroupUpdate(
                    name, Optional.ofNullable(type), Optional.ofNullable(password), description, iconUrl, metadata);
        }
    }
}
