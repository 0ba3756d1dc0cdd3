package dev.chatdirectory.model;

import dev.chatdirectory.InvalidRequestException;
import java.util.Map;

/**
 * A partial update of a user: only the fields that are set or cleared change.
 *
 * <p>The id cannot change. The name can be set but not cleared. {@code metadata}, when set,
 * replaces the whole metadata map. Validated on construction, before anything is sent; an update
 * that changes nothing is rejected. Immutable and thread-safe.
 *
 * @param name the new display name
 * @param avatarUrl the avatar URL change
 * @param profileUrl the profile URL change
 * @param email the e-mail change
 * @param role the role change
 * @param metadata the metadata change
 */
public record UserUpdate(
        Patch<String> name,
        Patch<String> avatarUrl,
        Patch<String> profileUrl,
        Patch<String> email,
        Patch<String> role,
        Patch<Map<String, Object>> metadata) {

    /**
     * Creates and validates the update.
     *
     * @throws InvalidRequestException naming the field and the rule it broke
     * @param name the new display name
     * @param avatarUrl the avatar URL change
     * @param profileUrl the profile URL change
     * @param email the e-mail change
     * @param role the role change
     * @param metadata the metadata change
     */
    public UserUpdate {
        Checks.notNull("name", name);
        Checks.notNull("avatarUrl", avatarUrl);
        Checks.notNull("profileUrl", profileUrl);
        Checks.notNull("email", email);
        Checks.notNull("role", role);
        Checks.notNull("metadata", metadata);
        if (name.isClear()) {
            throw InvalidRequestException.of("name", "must not be cleared: every user has a name");
        }
        name.ifSet(v -> Checks.name("name", v));
        avatarUrl.ifSet(v -> Checks.url("avatarUrl", v));
        profileUrl.ifSet(v -> Checks.url("profileUrl", v));
        email.ifSet(v -> Checks.email("email", v));
        role.ifSet(v -> Checks.role("role", v));
        metadata = metadata.map(m -> JsonValues.strictCopy("metadata", m));
        if (name.isUnchanged()
                && avatarUrl.isUnchanged()
                && profileUrl.isUnchanged()
                && email.isUnchanged()
                && role.isUnchanged()
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
     * Applies this update to a user; used by providers that read, modify and write back.
     *
     * @param user the current user
     * @return the user with this update applied (timestamps, deactivation state and raw payload are
     *     kept)
     */
    public User applyTo(User user) {
        return new User(
                user.id(),
                name.isSet() ? name.value() : user.name(),
                avatarUrl.applyTo(user.avatarUrl()),
                profileUrl.applyTo(user.profileUrl()),
                email.applyTo(user.email()),
                role.applyTo(user.role()),
                metadata.applyTo(java.util.Optional.of(user.metadata())).orElse(Map.of()),
                user.createdAt(),
                user.updatedAt(),
                user.deactivated(),
                user.deactivatedAt(),
                user.raw());
    }

    /** Builds {@link UserUpdate} values; not thread-safe. */
    public static final class Builder {
        private Patch<String> name = Patch.unchanged();
        private Patch<String> avatarUrl = Patch.unchanged();
        private Patch<String> profileUrl = Patch.unchanged();
        private Patch<String> email = Patch.unchanged();
        private Patch<String> role = Patch.unchanged();
        private Patch<Map<String, Object>> metadata = Patch.unchanged();

        private Builder() {}

        /**
         * Sets the display name.
         *
         * @param name the new display name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Checks.setPatch("name", name);
            return this;
        }

        /**
         * Sets the avatar URL.
         *
         * @param avatarUrl the avatar URL change
         * @return this builder
         */
        public Builder avatarUrl(String avatarUrl) {
            this.avatarUrl = Checks.setPatch("avatarUrl", avatarUrl);
            return this;
        }

        /**
         * Removes the avatar URL.
         *
         * @return this builder
         */
        public Builder clearAvatarUrl() {
            this.avatarUrl = Patch.clear();
            return this;
        }

        /**
         * Sets the profile URL.
         *
         * @param profileUrl the profile URL change
         * @return this builder
         */
        public Builder profileUrl(String profileUrl) {
            this.profileUrl = Checks.setPatch("profileUrl", profileUrl);
            return this;
        }

        /**
         * Removes the profile URL.
         *
         * @return this builder
         */
        public Builder clearProfileUrl() {
            this.profileUrl = Patch.clear();
            return this;
        }

        /**
         * Sets the e-mail address.
         *
         * @param email the e-mail change
         * @return this builder
         */
        public Builder email(String email) {
            this.email = Checks.setPatch("email", email);
            return this;
        }

        /**
         * Removes the e-mail address.
         *
         * @return this builder
         */
        public Builder clearEmail() {
            this.email = Patch.clear();
            return this;
        }

        /**
         * Sets the role.
         *
         * @param role the role change
         * @return this builder
         */
        public Builder role(String role) {
            this.role = Checks.setPatch("role", role);
            return this;
        }

        /**
         * Removes the role (the provider falls back to its default role).
         *
         * @return this builder
         */
        public Builder clearRole() {
            this.role = Patch.clear();
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
        public UserUpdate build() {
            return new UserUpdate(name, avatarUrl, profileUrl, email, role, metadata);
        }
    }
}
