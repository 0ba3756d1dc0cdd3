package dev.chatdirectory;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Raised when an operation needs a capability the provider does not declare; nothing was sent.
 *
 * <p>Like JDBC's {@code SQLFeatureNotSupportedException}: the operation is valid, the provider just
 * cannot do it. Check {@link dev.chatdirectory.spi.ProviderDescriptor#capabilities()} up front, or
 * require capabilities when opening a directory, to fail at start rather than in production.
 */
public class UnsupportedCapabilityException extends ChatDirectoryException {

    private static final long serialVersionUID = 1L;

    /** The missing capabilities, not empty. */
    private final Set<Capability> capabilities;

    /**
     * Creates the exception for one or more missing capabilities.
     *
     * @param providerId the provider that lacks them
     * @param missing the missing capabilities, not empty
     */
    public UnsupportedCapabilityException(String providerId, Set<Capability> missing) {
        super(describe(providerId, missing), ErrorContext.of(providerId));
        if (missing.isEmpty()) {
            throw new IllegalArgumentException("missing capabilities must not be empty");
        }
        this.capabilities = Collections.unmodifiableSet(EnumSet.copyOf(missing));
    }

    /**
     * Creates the exception for one missing capability.
     *
     * @param providerId the provider that lacks it
     * @param missing the missing capability
     */
    public UnsupportedCapabilityException(String providerId, Capability missing) {
        this(providerId, EnumSet.of(missing));
    }

    /** {@return the first (in declaration order) of the missing capabilities} */
    public Capability capability() {
        return capabilities.iterator().next();
    }

    /** {@return every missing capability} */
    public Set<Capability> capabilities() {
        return capabilities;
    }

    private static String describe(String providerId, Set<Capability> missing) {
        return "provider '" + providerId + "' does not support "
                + missing.stream()
                        .map(c -> c.name() + " (" + c.description() + ")")
                        .collect(Collectors.joining(", "));
    }

    /**
     * {@inheritDoc}
     *
     * @param context the copy's context
     * @return a new {@code UnsupportedCapabilityException}
     */
    @Override
    protected UnsupportedCapabilityException copy(ErrorContext context) {
        return new UnsupportedCapabilityException(context.providerId().orElseThrow(), capabilities);
    }
}
