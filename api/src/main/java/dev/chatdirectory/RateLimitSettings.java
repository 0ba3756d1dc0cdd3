package dev.chatdirectory;

/**
 * A client-side token bucket that keeps a directory under the vendor's rate limit.
 *
 * <p>Calls wait for a token rather than fail. Immutable and thread-safe.
 *
 * @param permitsPerSecond sustained requests per second, at least {@link #MIN_PERMITS_PER_SECOND}
 * @param burst requests allowed at once after a quiet period, at least 1
 */
public record RateLimitSettings(double permitsPerSecond, int burst) {

    /**
     * Slowest rate accepted: one request per {@link ProviderConfig#MAX_DURATION}. A slower limiter
     * could never let a second call through within the longest call deadline.
     */
    public static final double MIN_PERMITS_PER_SECOND = 1.0 / ProviderConfig.MAX_DURATION.toSeconds();

    /**
     * Creates and validates the settings.
     *
     * @throws ConfigurationException naming the setting and its range, if the rate is not a finite
     *     number of at least {@link #MIN_PERMITS_PER_SECOND} or the burst is below 1
     * @param permitsPerSecond sustained requests per second, at least {@link #MIN_PERMITS_PER_SECOND}
     * @param burst requests allowed at once after a quiet period, at least 1
     */
    public RateLimitSettings {
        if (!(permitsPerSecond >= MIN_PERMITS_PER_SECOND) || Double.isInfinite(permitsPerSecond)) {
            throw new ConfigurationException(
                    "rateLimit.permitsPerSecond must be a positive finite number of at least " + MIN_PERMITS_PER_SECOND
                            + " (one request per " + ProviderConfig.MAX_DURATION.toHours() + " hours), was "
                            + permitsPerSecond,
                    ErrorContext.none());
        }
        if (burst < 1) {
            throw new ConfigurationException("rateLimit.burst must be at least 1, was " + burst, ErrorContext.none());
        }
    }

    /** {@return settings that never wait: the client-side limiter is off} */
    public static RateLimitSettings unlimited() {
        return new RateLimitSettings(Double.MAX_VALUE, Integer.MAX_VALUE);
    }

    /** {@return whether these settings turn the limiter off} */
    public boolean isUnlimited() {
        return permitsPerSecond == Double.MAX_VALUE;
    }

    /**
     * Returns settings for a per-minute limit, as vendors state them, with a burst of one second's worth.
     *
     * @param requestsPerMinute the vendor's limit
     * @return the settings
     * @throws ConfigurationException if requestsPerMinute is below 1
     */
    public static RateLimitSettings perMinute(int requestsPerMinute) {
        if (requestsPerMinute < 1) {
            throw new ConfigurationException(
                    "rateLimit requestsPerMinute must be at least 1, was " + requestsPerMinute, ErrorContext.none());
        }
        double perSecond = requestsPerMinute / 60.0;
        return new RateLimitSettings(perSecond, Math.max(1, (int) Math.ceil(perSecond)));
    }
}
