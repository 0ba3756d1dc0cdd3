package dev.chatdirectory.migrate;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How a migration runs: concurrency, the losses accepted, id mapping and group passwords.
 *
 * <p>Group passwords never appear in {@link #toString()}. Immutable and thread-safe.
 */
public final class MigrationOptions {

    /** The number of concurrent requests to the target unless set. */
    public static final int DEFAULT_CONCURRENCY = 4;

    /** The most concurrent requests allowed. */
    public static final int MAX_CONCURRENCY = 64;

    private final int concurrency;
    private final Set<LossKind> acceptedLosses;
    private final IdMapping idMapping;
    private final Map<String, String> groupPasswords;
    private final boolean propagateRemovals;

    private MigrationOptions(Builder b) {
        this.propagateRemovals = b.propagateRemovals;
        this.concurrency = b.concurrency;
        this.acceptedLosses = b.acceptedLosses.isEmpty() ? Set.of() : Set.copyOf(b.acceptedLosses);
        this.idMapping = b.idMapping;
        this.groupPasswords = Map.copyOf(b.groupPasswords);
    }

    /** {@return the defaults: 4 concurrent requests, no loss accepted, no id mapping, no passwords} */
    public static MigrationOptions defaults() {
        return builder().build();
    }

    /** {@return a builder with the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the most requests sent to the target at once} */
    public int concurrency() {
        return concurrency;
    }

    /** {@return the kinds of loss {@code apply} accepts} */
    public Set<LossKind> acceptedLosses() {
        return acceptedLosses;
    }

    /** {@return the user-chosen target ids} */
    public IdMapping idMapping() {
        return idMapping;
    }

    /**
     * {@return the password to give a source password group in the target, if the user supplied one}
     *
     * @param sourceGroupId the source group id
     */
    public Optional<String> groupPassword(String sourceGroupId) {
        return Optional.ofNullable(groupPasswords.get(sourceGroupId));
    }

    /**
     * Whether what the source no longer holds is removed from the target: users and groups deleted
     * in the source since an earlier run, memberships ended and bans lifted. Off by default: a
     * re-run then reports them in {@link Tally#kept()} and leaves the target alone, since a
     * deletion cannot be undone by a later run. Only what this migration's journal saw in the
     * source before is ever removed, never what the target held of its own.
     *
     * @return whether removals are propagated
     */
    public boolean propagateRemovals() {
        return propagateRemovals;
    }

    /** Describes the options; passwords are never shown. */
    @Override
    public String toString() {
        return "MigrationOptions[concurrency=" + concurrency + ", acceptedLosses=" + acceptedLosses + ", idMapping="
                + idMapping + ", propagateRemovals=" + propagateRemovals + ", groupPasswords=" + groupPasswords.size()
                + " (values redacted)]";
    }

    /** Builds {@link MigrationOptions}; not thread-safe. */
    public static final class Builder {
        private int concurrency = DEFAULT_CONCURRENCY;
        private final Set<LossKind> acceptedLosses = EnumSet.noneOf(LossKind.class);
        private IdMapping idMapping = IdMapping.none();
        private final Map<String, String> groupPasswords = new LinkedHashMap<>();
        private boolean propagateRemovals;

        private Builder() {}

        /**
         * Sets whether what the source no longer holds is removed from the target (see {@link
         * MigrationOptions#propagateRemovals()}).
         *
         * @param propagate {@code true} to delete and remove in the target
         * @return this builder
         */
        public Builder propagateRemovals(boolean propagate) {
            this.propagateRemovals = propagate;
            return this;
        }

        /**
         * Sets how many requests are sent to the target at once.
         *
         * @param concurrency 1 to {@value MigrationOptions#MAX_CONCURRENCY}
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder concurrency(int concurrency) {
            if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
                throw new IllegalArgumentException("concurrency must be 1 to " + MAX_CONCURRENCY + ": " + concurrency);
            }
            this.concurrency = concurrency;
            return this;
        }

        /**
         * Accepts kinds of loss, so that {@code apply} runs while the plan reports them.
         *
         * @param kinds the kinds accepted
         * @return this builder
         */
        public Builder acceptLosses(Collection<LossKind> kinds) {
            kinds.forEach(k -> acceptedLosses.add(Objects.requireNonNull(k, "kind")));
            return this;
        }

        /**
         * Accepts kinds of loss, so that {@code apply} runs while the plan reports them.
         *
         * @param kinds the kinds accepted
         * @return this builder
         */
        public Builder acceptLosses(LossKind... kinds) {
            return acceptLosses(java.util.List.of(kinds));
        }

        /**
         * Accepts every kind of loss.
         *
         * @return this builder
         */
        public Builder acceptAllLosses() {
            return acceptLosses(EnumSet.allOf(LossKind.class));
        }

        /**
         * Sets user-chosen target ids.
         *
         * @param mapping the mapping
         * @return this builder
         */
        public Builder idMapping(IdMapping mapping) {
            this.idMapping = Objects.requireNonNull(mapping, "mapping");
            return this;
        }

        /**
         * Supplies the password a source password group gets in the target; without one the group
         * becomes private (loss {@link LossKind#GROUP_PASSWORD}).
         *
         * @param sourceGroupId the source group id
         * @param password the password
         * @return this builder
         */
        public Builder groupPassword(String sourceGroupId, String password) {
            Objects.requireNonNull(sourceGroupId, "sourceGroupId");
            if (password == null || password.isEmpty()) {
                throw new IllegalArgumentException("password for group '" + sourceGroupId + "' must not be empty");
            }
            groupPasswords.put(sourceGroupId, password);
            return this;
        }

        /** {@return the options} */
        public MigrationOptions build() {
            return new MigrationOptions(this);
        }
    }
}
