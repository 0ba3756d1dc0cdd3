package dev.chatdirectory.spi;

import dev.chatdirectory.Capability;
import dev.chatdirectory.UnsupportedCapabilityException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a provider is and can do: id, display name, capabilities, the properties it reads, its id
 * rules, limits and which creates cannot be recovered after a lost answer. Pure data, readable
 * without credentials or network.
 *
 * <p>Built with {@link #builder(String)}; every fact beyond the id has a documented default, so a
 * fact added in a later version never breaks a provider built against an earlier one:
 *
 * <pre>{@code
 * ProviderDescriptor descriptor = ProviderDescriptor.builder("acme")
 *         .displayName("Acme Chat (REST API v1)")
 *         .capabilities(EnumSet.of(Capability.PRESENCE, Capability.GROUP_LIST))
 *         .credential(CredentialSpec.credential("apiKey").secret().description("REST API key").build())
 *         .limits(ProviderLimits.builder().maxPageSize(200).build())
 *         .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ProviderDescriptor {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    private final String id;
    private final String displayName;
    private final Set<Capability> capabilities;
    private final List<CredentialSpec> credentials;
    private final IdRule userIds;
    private final IdRule groupIds;
    private final ProviderLimits limits;
    private final Set<EntityKind> unrecoverableCreates;

    private ProviderDescriptor(Builder builder) {
        this.id = builder.id;
        this.displayName = builder.displayName == null ? builder.id : builder.displayName;
        this.capabilities = immutableEnumSet(builder.capabilities, Capability.class);
        this.credentials = List.copyOf(builder.credentials);
        this.userIds = builder.userIds;
        this.groupIds = builder.groupIds;
        this.limits = builder.limits;
        this.unrecoverableCreates = immutableEnumSet(builder.unrecoverableCreates, EntityKind.class);
    }

    private static <E extends Enum<E>> Set<E> immutableEnumSet(Collection<E> values, Class<E> type) {
        EnumSet<E> copy = EnumSet.noneOf(type);
        values.forEach(v -> copy.add(Objects.requireNonNull(v, type.getSimpleName())));
        return Collections.unmodifiableSet(copy);
    }

    /**
     * Starts a descriptor with the defaults: the display name is the id; no capabilities beyond the
     * portable core; no properties; any ids ({@link IdRule#any()}) for users and groups; the
     * defaults of {@link ProviderLimits#builder()}; every create recoverable.
     *
     * @param id the provider id, e.g. {@code cometchat-v3}: a lowercase letter, then up to 39
     *     lowercase letters, digits and dashes
     * @return a new builder
     * @throws IllegalArgumentException if the id is not of that shape
     * @throws NullPointerException if the id is {@code null}
     */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** {@return a builder holding this descriptor's facts, to derive a changed descriptor} */
    public Builder toBuilder() {
        return new Builder(id)
                .displayName(displayName)
                .capabilities(capabilities)
                .credentials(credentials)
                .userIds(userIds)
                .groupIds(groupIds)
                .limits(limits)
                .unrecoverableCreates(unrecoverableCreates);
    }

    /** {@return the provider id, e.g. {@code cometchat-v3}: lowercase letters, digits and dashes} */
    public String id() {
        return id;
    }

    /** {@return the name for people, e.g. {@code CometChat (REST API v3)}} */
    public String displayName() {
        return displayName;
    }

    /** {@return what the provider supports beyond the portable core; unmodifiable} */
    public Set<Capability> capabilities() {
        return capabilities;
    }

    /** {@return the configuration properties it reads, credentials and settings; unmodifiable} */
    public List<CredentialSpec> credentials() {
        return credentials;
    }

    /** {@return the user ids it accepts} */
    public IdRule userIds() {
        return userIds;
    }

    /** {@return the group ids it accepts} */
    public IdRule groupIds() {
        return groupIds;
    }

    /** {@return its documented limits} */
    public ProviderLimits limits() {
        return limits;
    }

    /**
     * Returns the kinds of entity whose create cannot be recovered after a lost answer: the vendor
     * assigns the id and offers no way to find the entity again (e.g. Qiscus rooms), so after a
     * timeout nobody can tell whether the create happened, and a repeat may make a duplicate. A
     * caller that must not duplicate (a migration) writes a marker into a field the vendor keeps,
     * or has a person check, for these kinds.
     *
     * @return the kinds, unmodifiable; empty when every create can be checked by reading its id
     */
    public Set<EntityKind> unrecoverableCreates() {
        return unrecoverableCreates;
    }

    /**
     * {@return whether a create of that kind can be checked after a lost answer, by reading its id}
     *
     * @param kind the kind of entity created
     */
    public boolean createRecoverable(EntityKind kind) {
        return !unrecoverableCreates.contains(Objects.requireNonNull(kind, "kind"));
    }

    /**
     * {@return whether the provider declares the capability}
     *
     * @param capability the capability an operation needs
     */
    public boolean supports(Capability capability) {
        return capabilities.contains(capability);
    }

    /**
     * Checks that the provider declares a capability.
     *
     * @param capability the capability an operation needs
     * @throws UnsupportedCapabilityException if it does not
     */
    public void require(Capability capability) {
        if (!supports(capability)) {
            throw new UnsupportedCapabilityException(id, capability);
        }
    }

    /**
     * {@return a copy that declares only the given capabilities (for tests and restricted setups)}
     *
     * @param reduced the capabilities to keep
     */
    public ProviderDescriptor withCapabilities(Set<Capability> reduced) {
        return toBuilder().capabilities(reduced).build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProviderDescriptor other
                && id.equals(other.id)
                && displayName.equals(other.displayName)
                && capabilities.equals(other.capabilities)
                && credentials.equals(other.credentials)
                && userIds.equals(other.userIds)
                && groupIds.equals(other.groupIds)
                && limits.equals(other.limits)
                && unrecoverableCreates.equals(other.unrecoverableCreates);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                id, displayName, capabilities, credentials, userIds, groupIds, limits, unrecoverableCreates);
    }

    @Override
    public String toString() {
        return "ProviderDescriptor[id=" + id + ", displayName=" + displayName + ", capabilities=" + capabilities
                + ", credentials=" + credentials + ", userIds=" + userIds + ", groupIds=" + groupIds + ", limits="
                + limits + ", unrecoverableCreates=" + unrecoverableCreates + "]";
    }

    /** Builds a {@link ProviderDescriptor}; starts from the defaults listed at {@link #builder(String)}. Not thread-safe. */
    public static final class Builder {

        private final String id;
        private String displayName;
        private Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
        private final List<CredentialSpec> credentials = new ArrayList<>();
        private IdRule userIds = IdRule.any();
        private IdRule groupIds = IdRule.any();
        private ProviderLimits limits = ProviderLimits.builder().build();
        private Set<EntityKind> unrecoverableCreates = EnumSet.noneOf(EntityKind.class);

        private Builder(String id) {
            Objects.requireNonNull(id, "id");
            if (!ID.matcher(id).matches()) {
                throw new IllegalArgumentException("provider id must match " + ID.pattern() + ": " + id);
            }
            this.id = id;
        }

        /**
         * Sets the name for people.
         *
         * @param displayName e.g. {@code CometChat (REST API v3)}
         * @return this builder
         * @throws NullPointerException if it is {@code null}
         */
        public Builder displayName(String displayName) {
            this.displayName = Objects.requireNonNull(displayName, "displayName");
            return this;
        }

        /**
         * Sets what the provider supports beyond the portable core, replacing earlier calls.
         *
         * @param capabilities the capabilities, copied
         * @return this builder
         * @throws NullPointerException if the set or an element is {@code null}
         */
        public Builder capabilities(Set<Capability> capabilities) {
            this.capabilities =
                    immutableEnumSet(Objects.requireNonNull(capabilities, "capabilities"), Capability.class);
            return this;
        }

        /**
         * Adds a property the provider reads, after those added before.
         *
         * @param spec the property
         * @return this builder
         * @throws NullPointerException if it is {@code null}
         */
        public Builder credential(CredentialSpec spec) {
            credentials.add(Objects.requireNonNull(spec, "credential"));
            return this;
        }

        /**
         * Sets the properties the provider reads, replacing earlier calls.
         *
         * @param specs the properties, in the order people should see them
         * @return this builder
         * @throws NullPointerException if the list or an element is {@code null}
         */
        public Builder credentials(List<CredentialSpec> specs) {
            List<CredentialSpec> copy = List.copyOf(specs);
            credentials.clear();
            credentials.addAll(copy);
            return this;
        }

        /**
         * Sets the user ids the provider accepts.
         *
         * @param rule the rule
         * @return this builder
         * @throws NullPointerException if it is {@code null}
         */
        public Builder userIds(IdRule rule) {
            this.userIds = Objects.requireNonNull(rule, "userIds");
            return this;
        }

        /**
         * Sets the group ids the provider accepts.
         *
         * @param rule the rule
         * @return this builder
         * @throws NullPointerException if it is {@code null}
         */
        public Builder groupIds(IdRule rule) {
            this.groupIds = Objects.requireNonNull(rule, "groupIds");
            return this;
        }

        /**
         * Sets the vendor's documented limits.
         *
         * @param limits the limits
         * @return this builder
         * @throws NullPointerException if they are {@code null}
         */
        public Builder limits(ProviderLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * Sets the kinds of entity whose create cannot be recovered after a lost answer (see {@link
         * ProviderDescriptor#unrecoverableCreates()}), replacing earlier calls.
         *
         * @param kinds the kinds, copied
         * @return this builder
         * @throws NullPointerException if the set or an element is {@code null}
         */
        public Builder unrecoverableCreates(Set<EntityKind> kinds) {
            this.unrecoverableCreates =
                    immutableEnumSet(Objects.requireNonNull(kinds, "unrecoverableCreates"), EntityKind.class);
            return this;
        }

        /**
         * Builds the descriptor.
         *
         * @return the descriptor
         */
        public ProviderDescriptor build() {
            return new ProviderDescriptor(this);
        }
    }
}
