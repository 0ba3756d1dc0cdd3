package dev.chatdirectory;

/**
 * A client-side token bucket that keeps a directory under the vendor's rate limit.
 *
 * <p>Calls wait for a token rather than fail. Immutable and thread-safe.
 *
 * @param permitsPerSecond sustained requests per second, above zero
 * @param burst requests allowed at once after a quiet period, at least 1
 */
public record RateLimitSettings(double permitsPerSecond, int burst) {

    /**
     * Creates and validates the settings.
     *
     * @throws ConfigurationException if the rate is not positive or the burst below 1
     * @param permitsPerSecond sustained requests per second, above zero
     * @param burst requests allowed at once after a quiet period, at least 1
     */
    public RateLimitSettings {
        if (!(permitsPerSecond > 0) || Double.isInfinite(permitsPerSecond)) {
            throw new ConfigurationException(
                    "rate limit permitsPerSecond must be a positive number, was " + permitsPerSecond,
                    ErrorContext.none());
        }
        if (burst < 1) {
            throw new ConfigurationException("rate limit burst must be at least 1, was " + burst, ErrorContext.none());
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
     */
    public static RateLimitSettings perMinute(int requestsPerMinute) {
        double perSecond = requestsPerMinute / 60.0;
        return new RateLimitSettings(perSecond, Math.max(1, (int) Math.ceil(perSecond)));
    }
}
