package dev.chatdirectory.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A user of the chat app, as the provider stores it.
 *
 * <p>Immutable and thread-safe. Optional fields are empty when the provider does not store them
 * or the user has none. {@code raw} holds the vendor's payload for anything this model does not
 * carry; its keys are the vendor's wire names and it is not part of the portable contract.
 *
 * <p>A deactivated user keeps its id and fields but cannot log in to the chat app. {@link
 * dev.chatdirectory.UserOperations#get} never returns one; listings return them only when the query
 * {@linkplain UserQuery.Builder#includeDeactivated includes deactivated users}, so every user read
 * otherwise has {@code deactivated() == false}. The time is present when the provider reports it
 * (always with {@link dev.chatdirectory.Capability#USER_LIST_DEACTIVATED}); it never is for an
 * active user.
 *
 * @param id the user's id at the provider
 * @param name the display name (may be empty when the vendor allows it)
 * @param avatarUrl the avatar image URL
 * @param profileUrl the profile page URL
 * @param email the e-mail address
 * @param role the application role (e.g. {@code default})
 * @param metadata custom JSON-like fields
 * @param createdAt when the user was created, if the vendor says
 * @param updatedAt when the user was last changed, if the vendor says
 * @param deactivated whether the user is deactivated
 * @param deactivatedAt when the user was deactivated, if the vendor says; empty for active users
 * @param raw the vendor's payload, JSON-like
 */
public record User(
        String id,
        String name,
        Optional<String> avatarUrl,
        Optional<String> profileUrl,
        Optional<String> email,
        Optional<String> role,
        Map<String, Object> metadata,
        Optional<Instant> createdAt,
        Optional<Instant> updatedAt,
        boolean deactivated,
        Optional<Instant> deactivatedAt,
        Map<String, Object> raw) {

    /**
     * Creates a user; maps are deep-copied, {@code null} values dropped.
     *
     * @throws NullPointerException if id, name or an optional is {@code null}
     * @throws IllegalArgumentException if {@code deactivatedAt} is present for an active user
     * @param id the user's id at the provider
     * @param name the display name (may be empty when the vendor allows it)
     * @param avatarUrl the avatar image URL
     * @param profileUrl the profile page URL
     * @param email the e-mail address
     * @param role the application role (e.g. {@code default})
     * @param metadata custom JSON-like fields
     * @param createdAt when the user was created, if the vendor says
     * @param updatedAt when the user was last changed, if the vendor says
     * @param deactivated whether the user is deactivated
     * @param deactivatedAt when the user was deactivated, if the vendor says; empty for active users
     * @param raw the vendor's payload, JSON-like
     */
    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(avatarUrl, "avatarUrl");
        Objects.requireNonNull(profileUrl, "profileUrl");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(deactivatedAt, "deactivatedAt");
        if (deactivatedAt.isPresent() && !deactivated) {
            throw new IllegalArgumentException(
                    "deactivatedAt is only for deactivated users: user '" + id + "' is active");
        }
        metadata = JsonValues.lenientCopy(metadata);
        raw = JsonValues.lenientCopy(raw);
    }

    /**
     * Starts a builder.
     *
     * @param id the user id
     * @param name the display name
     * @return a builder with every optional field empty
     */
    public static Builder builder(String id, String name) {
        return new Builder(id, name);
    }

    /**
     * Returns a builder pre-filled with this user's fields.
     *
     * @return this builder
     */
    public Builder toBuilder() {
        return new Builder(id, name)
                .avatarUrl(avatarUrl.orElse(null))
                .profileUrl(profileUrl.orElse(null))
                .email(email.orElse(null))
                .role(role.orElse(null))
                .metadata(metadata)
                .createdAt(createdAt.orElse(null))
                .updatedAt(updatedAt.orElse(null))
                .deactivated(deactivated)
                .deactivatedAt(deactivatedAt.orElse(null))
                .raw(raw);
    }

    /** Builds {@link User} values; not thread-safe. Setters accept {@code null} for "absent". */
    public static final class Builder {
        private String id;
        private String name;
        private String avatarUrl;
        private String profileUrl;
        private String email;
        private String role;
        private Map<String, ?> metadata = Map.of();
        private Instant createdAt;
        private Instant updatedAt;
        private boolean deactivated;
        private Instant deactivatedAt;
        private Map<String, ?> raw = Map.of();

        private Builder(String id, String name) {
            this.id = id;
            this.name = name;
        }

        /**
         * Sets the id.
         *
         * @param id the user's id at the provider
         * @return this builder
         */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /**
         * Sets the display name.
         *
         * @param name the display name (may be empty when the vendor allows it)
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * Sets the avatar URL.
         *
         * @param avatarUrl the avatar image URL
         * @return this builder
         */
        public Builder avatarUrl(String avatarUrl) {
            this.avatarUrl = avatarUrl;
            return this;
        }

        /**
         * Sets the profile URL.
         *
         * @param profileUrl the profile page URL
         * @return this builder
         */
        public Builder profileUrl(String profileUrl) {
            this.profileUrl = profileUrl;
            return this;
        }

        /**
         * Sets the e-mail address.
         *
         * @param email the e-mail address
         * @return this builder
         */
        public Builder email(String email) {
            this.email = email;
            return this;
        }

        /**
         * Sets the role.
         *
         * @param role the application role (e.g. {@code default})
         * @return this builder
         */
        public Builder role(String role) {
            this.role = role;
            return this;
        }

        /**
         * Sets the metadata.
         *
         * @param metadata custom JSON-like fields
         * @return this builder
         */
        public Builder metadata(Map<String, ?> metadata) {
            this.metadata = metadata == null ? Map.of() : metadata;
            return this;
        }

        /**
         * Sets the creation time.
         *
         * @param createdAt when the user was created, if the vendor says
         * @return this builder
         */
        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /**
         * Sets the last-update time.
         *
         * @param updatedAt when the user was last changed, if the vendor says
         * @return this builder
         */
        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        /**
         * Marks the user deactivated or active; marking it active also drops the deactivation time.
         *
         * @param deactivated whether the user is deactivated
         * @return this builder
         */
        public Builder deactivated(boolean deactivated) {
            this.deactivated = deactivated;
            if (!deactivated) {
                this.deactivatedAt = null;
            }
            return this;
        }

        /**
         * Sets the deactivation time; a time also marks the user deactivated.
         *
         * @param deactivatedAt when the user was deactivated, or {@code null} when unknown
         * @return this builder
         */
        public Builder deactivatedAt(Instant deactivatedAt) {
            this.deactivatedAt = deactivatedAt;
            if (deactivatedAt != null) {
                this.deactivated = true;
            }
            return this;
        }

        /**
         * Sets the vendor payload.
         *
         * @param raw the vendor's payload, JSON-like
         * @return this builder
         */
        public Builder raw(Map<String, ?> raw) {
            this.raw = raw == null ? Map.of() : raw;
            return this;
        }

        /**
         * Builds the user.
         *
         * @return the user
         */
        @SuppressWarnings("unchecked")
        public User build() {
            return new User(
                    id,
                    name,
                    Optional.ofNullable(avatarUrl),
                    Optional.ofNullable(profileUrl),
                    Optional.ofNullable(email),
                    Optional.ofNullable(role),
                    (Map<String, Object>) metadata,
                    Optional.ofNullable(createdAt),
                    Optional.ofNullable(updatedAt),
                    deactivated,
                    Optional.ofNullable(deactivatedAt),
                    (Map<String, Object>) raw);
        }
    }
}
