package dev.chatdirectory.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A group (room, channel) as the provider stores it. The password of a password group is never
 * returned.
 *
 * <p>Immutable and thread-safe. {@code raw} holds the vendor's payload for anything this model
 * does not carry.
 *
 * @param id the group's id at the provider
 * @param name the display name
 * @param type who may join
 * @param description the description
 * @param iconUrl the icon URL
 * @param ownerId the owning user, when the provider has owners
 * @param metadata custom JSON-like fields
 * @param memberCount the number of members, when the provider says
 * @param createdAt when the group was created, if the vendor says
 * @param updatedAt when the group was last changed, if the vendor says
 * @param raw the vendor's payload, JSON-like
 */
public record Group(
        String id,
        String name,
        GroupType type,
        Optional<String> description,
        Optional<String> iconUrl,
        Optional<String> ownerId,
        Map<String, Object> metadata,
        OptionalInt memberCount,
        Optional<Instant> createdAt,
        Optional<Instant> updatedAt,
        Map<String, Object> raw) {

    /**
     * Creates a group; maps are deep-copied, {@code null} values dropped.
     *
     * @throws NullPointerException if a required value or an optional is {@code null}
     * @param id the group's id at the provider
     * @param name the display name
     * @param type who may join
     * @param description the description
     * @param iconUrl the icon URL
     * @param ownerId the owning user, when the provider has owners
     * @param metadata custom JSON-like fields
     * @param memberCount the number of members, when the provider says
     * @param createdAt when the group was created, if the vendor says
     * @param updatedAt when the group was last changed, if the vendor says
     * @param raw the vendor's payload, JSON-like
     */
    public Group {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(iconUrl, "iconUrl");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(memberCount, "memberCount");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        metadata = JsonValues.lenientCopy(metadata);
        raw = JsonValues.lenientCopy(raw);
    }

    /**
     * Starts a builder.
     *
     * @param id the group id
     * @param name the display name
     * @param type the group type
     * @return a builder with every optional field empty
     */
    public static Builder builder(String id, String name, GroupType type) {
        return new Builder(id, name, type);
    }

    /**
     * Returns a builder pre-filled with this group's fields.
     *
     * @return this builder
     */
    public Builder toBuilder() {
        Builder b = new Builder(id, name, type)
                .description(description.orElse(null))
                .iconUrl(iconUrl.orElse(null))
                .ownerId(ownerId.orElse(null))
                .metadata(metadata)
                .createdAt(createdAt.orElse(null))
                .updatedAt(updatedAt.orElse(null))
                .raw(raw);
        memberCount.ifPresent(b::memberCount);
        return b;
    }

    /** Builds {@link Group} values; not thread-safe. Setters accept {@code null} for "absent". */
    public static final class Builder {
        private String id;
        private String name;
        private GroupType type;
        private String description;
        private String iconUrl;
        private String ownerId;
        private Map<String, ?> metadata = Map.of();
        private Integer memberCount;
        private Instant createdAt;
        private Instant updatedAt;
        private Map<String, ?> raw = Map.of();

        private Builder(String id, String name, GroupType type) {
            this.id = id;
            this.name = name;
            this.type = type;
        }

        /**
         * Sets the id.
         *
         * @param id the group's id at the provider
         * @return this builder
         */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /**
         * Sets the name.
         *
         * @param name the display name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * Sets the type.
         *
         * @param type who may join
         * @return this builder
         */
        public Builder type(GroupType type) {
            this.type = type;
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
         * @param ownerId the owning user, when the provider has owners
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
            this.metadata = metadata == null ? Map.of() : metadata;
            return this;
        }

        /**
         * Sets the member count.
         *
         * @param memberCount the number of members, when the provider says
         * @return this builder
         */
        public Builder memberCount(int memberCount) {
            this.memberCount = memberCount;
            return this;
        }

        /**
         * Sets the creation time.
         *
         * @param createdAt when the group was created, if the vendor says
         * @return this builder
         */
        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /**
         * Sets the last-update time.
         *
         * @param updatedAt when the group was last changed, if the vendor says
         * @return this builder
         */
        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
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
         * Builds the group.
         *
         * @return the group
         */
        @SuppressWarnings("unchecked")
        public Group build() {
            return new Group(
                    id,
                    name,
                    type,
                    Optional.ofNullable(description),
                    Optional.ofNullable(iconUrl),
                    Optional.ofNullable(ownerId),
                    (Map<String, Object>) metadata,
                    memberCount == null ? OptionalInt.empty() : OptionalInt.of(memberCount),
                    Optional.ofNullable(createdAt),
                    Optional.ofNullable(updatedAt),
                    (Map<String, Object>) raw);
        }
    }
}
