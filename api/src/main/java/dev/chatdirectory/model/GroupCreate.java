package dev.chatdirectory.model;

import dev.chatdirectory.InvalidRequestException;
import java.util.Map;
import java.util.Optional;

/**
 * A request to create a group.
 *
 * <p>The id is optional: without one the provider assigns it (see {@link
 * dev.chatdirectory.Capability#GROUP_CLIENT_IDS} for providers that accept the client's). A
 * {@link GroupType#PASSWORD} group needs a password and other types must not have one. The
 * password never appears in {@link #toString()}. Ids, the name and the password must not hold
 * control characters nor unpaired surrogates; the description may hold tab, line feed and
 * carriage return but no other control character ({@link TextRules}). Validated on construction, before anything is
 * sent. Immutable and thread-safe.
 *
 * @param id the id the group will have, or empty to let the provider choose
 * @param name the display name
 * @param type who may join
 * @param password the join password, for password groups only
 * @param description the description
 * @param iconUrl the icon URL
 * @param ownerId the owning user
 * @param metadata custom JSON-like fields
 */
public record GroupCreate(
        Optional<String> id,
        String name,
        GroupType type,
        Optional<String> password,
        Optional<String> description,
        Optional<String> iconUrl,
        Optional<String> ownerId,
        Map<String, Object> metadata) {

    private static final int MAX_PASSWORD_LENGTH = 100;

    /**
     * Creates and validates the request.
     *
     * @throws InvalidRequestException naming the field and the rule it broke
     * @param id the id the group will have, or empty to let the provider choose
     * @param name the display name
     * @param type who may join
     * @param password the join password, for password groups only
     * @param description the description
     * @param iconUrl the icon URL
     * @param ownerId the owning user
     * @param metadata custom JSON-like fields
     */
    public GroupCreate {
        Checks.notNull("groupId", id).ifPresent(v -> Checks.id("groupId", v));
        Checks.name("name", name);
        Checks.notNull("type", type);
        Checks.notNull("password", password);
        checkPassword(type, password);
        Checks.text("description", description);
        Checks.url("iconUrl", iconUrl);
        Checks.notNull("ownerId", ownerId).ifPresent(v -> Checks.id("ownerId", v));
        metadata = JsonValues.strictCopy("metadata", metadata);
    }

    static void checkPassword(GroupType type, Optional<String> password) {
        if (type == GroupType.PASSWORD && password.map(String::isEmpty).orElse(true)) {
            throw InvalidRequestException.of("password", "is required for PASSWORD groups");
        }
        if (type != GroupType.PASSWORD && password.isPresent()) {
            throw InvalidRequestException.of("password", "is only allowed for PASSWORD groups");
        }
        checkPasswordContent(password);
    }

    /** Length and characters; the messages never show the password. */
    static void checkPasswordContent(Optional<String> password) {
        password.ifPresent(p -> {
            if (p.length() > MAX_PASSWORD_LENGTH) {
                throw InvalidRequestException.of("password", "must be at most " + MAX_PASSWORD_LENGTH + " characters");
            }
            Checks.oneLine("password", p);
        });
    }

    /**
     * Starts a builder for a group with a client-chosen id.
     *
     * @param id the group id
     * @param name the display name
     * @param type the group type
     * @return the builder
     * @throws InvalidRequestException if id is {@code null}; {@link #withoutId} lets the provider
     *     choose the id
     */
    public static Builder builder(String id, String name, GroupType type) {
        if (id == null) {
            throw InvalidRequestException.of(
                    "groupId", "must not be null; use GroupCreate.withoutId to let the provider choose the id");
        }
        return new Builder(id, name, type);
    }

    /**
     * Starts a builder for a group whose id the provider assigns.
     *
     * @param name the display name
     * @param type the group type
     * @return the builder
     */
    public static Builder withoutId(String name, GroupType type) {
        return new Builder(null, name, type);
    }

    /** Returns this request with the password redacted. */
    @Override
    public String toString() {
        return "GroupCreate[id=" + id + ", name=" + name + ", type=" + type + ", password="
                + (password.isPresent() ? "****" : "none") + ", description=" + description + ", iconUrl="
                + iconUrl + ", ownerId=" + ownerId + ", metadata=" + metadata + "]";
    }

    /** Builds {@link GroupCreate} requests; not thread-safe. */
    public static final class Builder {
        private final String id;
        private final String name;
        private final GroupType type;
        private String password;
        private String description;
        private String iconUrl;
        private String ownerId;
        private Map<String, ?> metadata = Map.of();

        private Builder(String id, String name, GroupType type) {
            this.id = id;
            this.name = name;
            this.type = type;
        }

        /**
         * Sets the join password (password groups only).
         *
         * @param password the join password, for password groups only
         * @return this builder
         */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /**
         * Sets the description.
         *
         * @param description the description
         * @return this builder
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * Sets the icon URL.
         *
         * @param iconUrl the icon URL
         * @return this builder
         */
        public Builder iconUrl(String iconUrl) {
            this.iconUrl = iconUrl;
            return this;
        }

        /**
         * Sets the owner.
         *
         * @param ownerId the owning user
         * @return this builder
         */
        public Builder ownerId(String ownerId) {
            this.ownerId = ownerId;
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
         * @throws InvalidRequestException naming the field and the rule it broke
         * @return the request
         */
        @SuppressWarnings("unchecked")
        public GroupCreate build() {
            return new GroupCreate(
                    Optional.ofNullable(id),
                    name,
                    type,
                    Optional.ofNullable(password),
                    Optional.ofNullable(description),
                    Optional.ofNullable(iconUrl),
                    Optional.ofNullable(ownerId),
                    (Map<String, Object>) metadata);
        }
    }
}
