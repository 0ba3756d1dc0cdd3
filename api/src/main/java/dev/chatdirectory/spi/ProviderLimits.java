package dev.chatdirectory.spi;

import dev.chatdirectory.RateLimitSettings;
import java.util.Objects;

/**
 * The vendor's documented limits, used to validate requests and size batches before sending.
 *
 * <p>Immutable and thread-safe.
 *
 * @param defaultPageSize items per page when a query does not say
 * @param maxPageSize the largest page a query may ask for
 * @param maxBatchSize the most users one membership call may carry; larger batches are split
 * @param maxNameLength the longest user or group name, in characters
 * @param maxMetadataBytes the largest metadata, as JSON bytes
 * @param defaultRateLimit the client-side rate limit used unless the configuration sets one
 */
public record ProviderLimits(
        int defaultPageSize,
        int maxPageSize,
        int maxBatchSize,
        int maxNameLength,
        int maxMetadataBytes,
        RateLimitSettings defaultRateLimit) {

    /**
     * Creates and checks the limits.
     *
     * @throws IllegalArgumentException if a limit is below 1 or the default page exceeds the maximum
     * @param defaultPageSize items per page when a query does not say
     * @param maxPageSize the largest page a query may ask for
     * @param maxBatchSize the most users one membership call may carry; larger batches are split
     * @param maxNameLength the longest user or group name, in characters
     * @param maxMetadataBytes the largest metadata, as JSON bytes
     * @param defaultRateLimit the client-side rate limit used unless the configuration sets one
     */
    public ProviderLimits {
        if (defaultPageSize < 1
                || maxPageSize < defaultPageSize
                || maxBatchSize < 1
                || maxNameLength < 1
                || maxMetadataBytes < 0) {
            throw new IllegalArgumentException("inconsistent provider limits");
        }
        Objects.requireNonNull(defaultRateLimit, "defaultRateLimit");
    }
}
