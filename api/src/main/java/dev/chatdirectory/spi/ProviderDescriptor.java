package dev.chatdirectory.spi;

import dev.chatdirectory.Capability;
import dev.chatdirectory.UnsupportedCapabilityException;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a provider is and can do: id, display name, capabilities, the properties it reads, its id
 * rules and limits. Pure data, readable without credentials or network.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the provider id, e.g. {@code cometchat-v3}: lowercase letters, digits and dashes
 * @param displayName the name for people, e.g. {@code CometChat (REST API v3)}
 * @param capabilities what the provider supports beyond the portable core
 * @param credentials the configuration properties it reads
 * @param userIds the user ids it accepts
 * @param groupIds the group ids it accepts
 * @param limits its documented limits
 */
public record ProviderDescriptor(
        String id,
        String displayName,
        Set<Capability> capabilities,
        List<CredentialSpec> credentials,
        IdRule userIds,
        IdRule groupIds,
        ProviderLimits limits) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    /**
     * Creates and checks a descriptor.
     *
     * @throws IllegalArgumentException if the id is not lowercase letters, digits and dashes
     * @param id the provider id, e.g. {@code cometchat-v3}: lowercase letters, digits and dashes
     * @param displayName the name for people, e.g. {@code CometChat (REST API v3)}
     * @param capabilities what the provider supports beyond the portable core
     * @param credentials the configuration properties it reads
     * @param userIds the user ids it accepts
     * @param groupIds the group ids it accepts
     * @param limits its documented limits
     */
    public ProviderDescriptor {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("provider id must match " + ID.pattern() + ": " + id);
        }
        Objects.requireNonNull(displayName, "displayName");
        capabilities = capabilities.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.noneOf(Capability.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(capabilities));
        credentials = List.copyOf(credentials);
        Objects.requireNonNull(userIds, "userIds");
        Objects.requireNonNull(groupIds, "groupIds");
        Objects.requireNonNull(limits, "limits");
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
        return new ProviderDescriptor(id, displayName, reduced, credentials, userIds, groupIds, limits);
    }
}
