package dev.chatdirectory.model;

import java.util.Map;
import java.util.Optional;

/**
 * A request to create a user.
 *
 * <p>Validated on construction, before anything is sent: the id must be a non-blank id, the name
 * non-blank, neither with surrounding whitespace, and no text field may hold an unpaired surrogate
 * or a control character ({@link TextRules#brokenRule}); URLs must be absolute http(s), the e-mail
 * well formed and the metadata JSON-like within {@link JsonValues}' limits. Providers then apply their own id rules and
 * limits, still before sending. Immutable and thread-safe.
 *
 * @param id the id the user will have
 * @param name the display name
 * @param avatarUrl the avatar image URL
 * @param profileUrl the profile page URL
 * @param email the e-mail address
 * @param role the application role
 * @param metadata custom JSON-like fields
 */
public record UserCreate(
        String id,
        String name,
        Optional<String> avatarUrl,
        Optional<String> profileUrl,
        Optional<String> email,
        Optional<String> role,
        Map<String, Object> metadata) {

    /**
     * Creates and validates the request.
     *
     * @throws dev.chatdirectory.InvalidRequestException naming the field and the rule it broke
     * @param id the id the user will have
     * @param name the display name
     * @param avatarUrl the avatar image URL
     * @param profileUrl the profile page URL
     * @param email the e-mail address
     * @param role the application role
     * @param metadata custom JSON-like fields
     */
    public UserCreate {
        Checks.id("userId", id);
        Checks.name("name", name);
        Checks.url("avatarUrl", avatarUrl);
        Checks.url("profileUrl", profileUrl);
        Checks.email("email", email);
        Checks.role("role", role);
        metadata = JsonValues.strictCopy("metadata", metadata);
    }

    /**
     * Starts a builder.
     *
     * @param id the user id
     * @param name the display name
     * @return the builder
     */
    public static Builder builder(String id, String name) {
        return new Builder(id, name);
    }

    /**
     * Returns a request to recreate the given user elsewhere (same id and fields).
     *
     * @param user the user to copy
     * @return the request
     * @throws dev.chatdirectory.InvalidRequestException if user is {@code null}, or its fields break
     *     a rule of requests (a vendor may store what requests may not hold)
     */
    public static UserCreate copyOf(User user) {
        Checks.notNull("user", user);
        return new UserCreate(
                user.id(),
                user.name(),
                user.avatarUrl(),
                user.profileUrl(),
                user.email(),
                user.role(),
                user.metadata());
    }

    /** Builds {@link UserCreate} requests; not thread-safe. */
    public static final class Builder {
        private final String id;
        private final String name;
        private String avatarUrl;
        private String profileUrl;
        private String email;
        private String role;
        private Map<String, ?> metadata = Map.of();

        private Builder(String id, String name) {
            this.id = id;
            this.name = name;
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
         * @param role the application role
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
            this.metadata = metadata;
            return this;
        }

        /**
         * Builds and validates the request.
         *
         * @throws dev.chatdirectory.InvalidRequestException naming the field and the rule it broke
         * @return the request
         */
        @SuppressWarnings("unchecked")
        public UserCreate build() {
            return new UserCreate(
                    id,
                    name,
                    Optional.ofNullable(avatarUrl),
                    Optional.ofNullable(profileUrl),
                    Optional.ofNullable(email),
                    Optional.ofNullable(role),
                    (Map<String, Object>) metadata);
        }
    }
}
