package dev.chatdirectory.spi;

import dev.chatdirectory.RateLimitSettings;
import java.util.Objects;

/**
 * The vendor's documented limits, used to validate requests and size batches before sending.
 *
 * <p>Built with {@link #builder()}; every limit has a documented default, so a limit added in a
 * later version never breaks a provider built against an earlier one. Immutable and thread-safe.
 */
public final class ProviderLimits {

    private final int defaultPageSize;
    private final int maxPageSize;
    private final int maxBatchSize;
    private final int maxNameLength;
    private final int maxMetadataBytes;
    private final RateLimitSettings defaultRateLimit;

    private ProviderLimits(Builder builder) {
        if (builder.defaultPageSize < 1
                || builder.maxPageSize < builder.defaultPageSize
                || builder.maxBatchSize < 1
                || builder.maxNameLength < 1
                || builder.maxMetadataBytes < 0) {
            throw new IllegalArgumentException("inconsistent provider limits: " + builder.describe());
        }
        this.defaultPageSize = builder.defaultPageSize;
        this.maxPageSize = builder.maxPageSize;
        this.maxBatchSize = builder.maxBatchSize;
        this.maxNameLength = builder.maxNameLength;
        this.maxMetadataBytes = builder.maxMetadataBytes;
        this.defaultRateLimit = builder.defaultRateLimit;
    }

    /**
     * Starts limits with the defaults: pages of {@value Builder#DEFAULT_PAGE_SIZE} items, at most
     * {@value Builder#MAX_PAGE_SIZE}; batches of at most {@value Builder#MAX_BATCH_SIZE} users;
     * names of at most {@value Builder#MAX_NAME_LENGTH} characters; no metadata (0 bytes); no
     * client-side rate limit.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding these limits, to derive changed ones} */
    public Builder toBuilder() {
        return new Builder()
                .defaultPageSize(defaultPageSize)
                .maxPageSize(maxPageSize)
                .maxBatchSize(maxBatchSize)
                .maxNameLength(maxNameLength)
                .maxMetadataBytes(maxMetadataBytes)
                .defaultRateLimit(defaultRateLimit);
    }

    /** {@return items per page when a query does not say} */
    public int defaultPageSize() {
        return defaultPageSize;
    }

    /** {@return the largest page a query may ask for} */
    public int maxPageSize() {
        return maxPageSize;
    }

    /** {@return the most users one membership call may carry; larger batches are split} */
    public int maxBatchSize() {
        return maxBatchSize;
    }

    /** {@return the longest user or group name, in characters} */
    public int maxNameLength() {
        return maxNameLength;
    }

    /** {@return the largest metadata, as JSON bytes; 0 when the vendor keeps none} */
    public int maxMetadataBytes() {
        return maxMetadataBytes;
    }

    /** {@return the client-side rate limit used unless the configuration sets one} */
    public RateLimitSettings defaultRateLimit() {
        return defaultRateLimit;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProviderLimits other
                && defaultPageSize == other.defaultPageSize
                && maxPageSize == other.maxPageSize
                && maxBatchSize == other.maxBatchSize
                && maxNameLength == other.maxNameLength
                && maxMetadataBytes == other.maxMetadataBytes
                && defaultRateLimit.equals(other.defaultRateLimit);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                defaultPageSize, maxPageSize, maxBatchSize, maxNameLength, maxMetadataBytes, defaultRateLimit);
    }

    @Override
    public String toString() {
        return "ProviderLimits[" + toBuilder().describe() + "]";
    }

    /**
     * Builds {@link ProviderLimits}; starts from the defaults listed at {@link
     * ProviderLimits#builder()}. Not thread-safe.
     */
    public static final class Builder {

        /** The default of {@link #defaultPageSize(int)}. */
        public static final int DEFAULT_PAGE_SIZE = 20;
        /** The default of {@link #maxPageSize(int)}. */
        public static final int MAX_PAGE_SIZE = 100;
        /** The default of {@link #maxBatchSize(int)}. */
        public static final int MAX_BATCH_SIZE = 100;
        /** The default of {@link #maxNameLength(int)}. */
        public static final int MAX_NAME_LENGTH = 255;

        private int defaultPageSize = DEFAULT_PAGE_SIZE;
        private int maxPageSize = MAX_PAGE_SIZE;
        private int maxBatchSize = MAX_BATCH_SIZE;
        private int maxNameLength = MAX_NAME_LENGTH;
        private int maxMetadataBytes;
        private RateLimitSettings defaultRateLimit = RateLimitSettings.unlimited();

        private Builder() {}

        /**
         * Sets the items per page when a query does not say.
         *
         * @param size at least 1, at most {@link #maxPageSize(int)} (checked by {@link #build()})
         * @return this builder
         */
        public Builder defaultPageSize(int size) {
            this.defaultPageSize = size;
            return this;
        }

        /**
         * Sets the largest page a query may ask for.
         *
         * @param size at least the default page size (checked by {@link #build()})
         * @return this builder
         */
        public Builder maxPageSize(int size) {
            this.maxPageSize = size;
            return this;
        }

        /**
         * Sets the most users one membership call may carry.
         *
         * @param size at least 1 (checked by {@link #build()})
         * @return this builder
         */
        public Builder maxBatchSize(int size) {
            this.maxBatchSize = size;
            return this;
        }

        /**
         * Sets the longest user or group name, in characters.
         *
         * @param length at least 1 (checked by {@link #build()})
         * @return this builder
         */
        public Builder maxNameLength(int length) {
            this.maxNameLength = length;
            return this;
        }

        /**
         * Sets the largest metadata, as JSON bytes.
         *
         * @param bytes at least 0 (checked by {@link #build()})
         * @return this builder
         */
        public Builder maxMetadataBytes(int bytes) {
            this.maxMetadataBytes = bytes;
            return this;
        }

        /**
         * Sets the client-side rate limit used unless the configuration sets one.
         *
         * @param rateLimit the rate limit
         * @return this builder
         * @throws NullPointerException if it is {@code null}
         */
        public Builder defaultRateLimit(RateLimitSettings rateLimit) {
            this.defaultRateLimit = Objects.requireNonNull(rateLimit, "defaultRateLimit");
            return this;
        }

        /**
         * Builds the limits.
         *
         * @return the limits
         * @throws IllegalArgumentException if a limit is below its minimum or the default page
         *     exceeds the maximum
         */
        public ProviderLimits build() {
            return new ProviderLimits(this);
        }

        private String describe() {
            return "defaultPageSize=" + defaultPageSize + ", maxPageSize=" + maxPageSize + ", maxBatchSize="
                    + maxBatchSize + ", maxNameLength=" + maxNameLength + ", maxMetadataBytes=" + maxMetadataBytes
                    + ", defaultRateLimit=" + defaultRateLimit;
        }
    }
}
