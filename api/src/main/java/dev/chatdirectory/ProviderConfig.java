package dev.chatdirectory;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How to open a directory: which provider, its credentials and settings, an optional endpoint
 * override, timeouts, retries and the client-side rate limit.
 *
 * <p>Built in code with {@link #builder()}, or loaded from a {@link Properties} file ({@code
 * chatdirectory.provider=cometchat-v3}, {@code chatdirectory.cometchat-v3.apiKey=...}), system
 * properties (same keys) or environment variables ({@code CHATDIRECTORY_PROVIDER}, {@code
 * CHATDIRECTORY_COMETCHAT_V3_APIKEY}). Property names are matched ignoring case, dots, dashes and
 * underscores, so {@code apiKey}, {@code api-key} and {@code API_KEY} are the same property.
 * Another {@link ConfigPrefix} reads several directories from one source, e.g. {@code
 * chatdirectory.source.*} and {@code chatdirectory.target.*}.
 *
 * <p>Well-known settings: {@code endpoint}, {@code connectTimeout}, {@code readTimeout}, {@code
 * callTimeout} (durations such as {@code 5s}, {@code 250ms}, {@code PT1M} or plain milliseconds),
 * {@code retry.maxAttempts}, {@code retry.initialBackoff}, {@code retry.maxBackoff}, {@code
 * retry.maxRetryAfter}, {@code rateLimit.permitsPerSecond}, {@code rateLimit.burst}, {@code
 * maxResponseSize} (bytes, or with a {@code KiB}, {@code MiB} or {@code GiB} suffix). Everything
 * else is a provider property: credentials such as {@code apiKey} and options such as {@code
 * region}. Timeouts range from {@link #MIN_TIMEOUT} to {@link #MAX_DURATION}; see {@link
 * RetrySettings} and {@link RateLimitSettings} for theirs. Every setter and factory throws {@link
 * ConfigurationException} naming the setting and its allowed range for a value out of range, and
 * for {@code null} where it means nothing.
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows property names but never their values
 * (nor credentials embedded in the endpoint URL), so credentials cannot leak through logs.
 */
public final class ProviderConfig {

    /** Property prefix used in properties files and system properties. */
    public static final String PROPERTY_PREFIX = "chatdirectory.";

    /** Environment variable prefix. */
    public static final String ENV_PREFIX = "CHATDIRECTORY_";

    /** Default connect timeout: 5 seconds. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /** Default read timeout: 30 seconds. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

    /** Default overall call deadline, retries and waits included: 60 seconds. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);

    /**
     * Shortest timeout: 1 ms. Transports count timeouts in whole milliseconds, and some read zero
     * as "wait forever" while others refuse it.
     */
    public static final Duration MIN_TIMEOUT = Duration.ofMillis(1);

    /**
     * Longest duration any setting accepts, timeouts and retry waits alike: 24 hours. A call that
     * may wait longer is a configuration mistake, and the bound keeps deadline arithmetic (in
     * nanoseconds, or in milliseconds held in an {@code int} by some transports) far from overflow.
     */
    public static final Duration MAX_DURATION = Duration.ofHours(24);

    /** Default cap on the size of one response body: 16 MiB. */
    public static final long DEFAULT_MAX_RESPONSE_SIZE = 16L * 1024 * 1024;

    /** Smallest response-size cap: 1 KiB, below which no vendor's answer fits. */
    public static final long MIN_MAX_RESPONSE_SIZE = 1024;

    /** Largest response-size cap: 1 GiB. A body is held in memory whole before it is decoded. */
    public static final long MAX_MAX_RESPONSE_SIZE = 1024L * 1024 * 1024;

    private static final Pattern SIZE = Pattern.compile("(\\d{1,19})\\s*(b|kib|mib|gib)?");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");
    private static final Set<String> WELL_KNOWN = Set.of(
            "provider",
            "endpoint",
            "connecttimeout",
            "readtimeout",
            "calltimeout",
            "retrymaxattempts",
            "retryinitialbackoff",
            "retrymaxbackoff",
            "retrymaxretryafter",
            "ratelimitpermitspersecond",
            "ratelimitburst",
            "maxresponsesize");

    private final String providerId;
    private final URI endpoint;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration callTimeout;
    private final RetrySettings retry;
    private final RateLimitSettings rateLimit;
    private final long maxResponseSize;
    private final Map<String, String> properties;
    // Where the configuration was read from, so that a missing property is reported under the
    // keys the user actually writes; not part of equality, as it changes no setting.
    private final ConfigPrefix prefix;

    private ProviderConfig(Builder b) {
        this.providerId = b.providerId;
        this.endpoint = b.endpoint;
        // The builder's setters checked every value.
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
        this.callTimeout = b.callTimeout;
        this.retry = b.retry;
        this.rateLimit = b.rateLimit;
        this.maxResponseSize = b.maxResponseSize;
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(b.properties));
        this.prefix = b.prefix;
    }

    /**
     * Starts an empty builder with default timeouts and retries.
     *
     * @return this builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder pre-filled with this configuration.
     *
     * @return this builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.providerId = providerId;
        b.endpoint = endpoint;
        b.connectTimeout = connectTimeout;
        b.readTimeout = readTimeout;
        b.callTimeout = callTimeout;
        b.retry = retry;
        b.rateLimit = rateLimit;
        b.maxResponseSize = maxResponseSize;
        b.properties.putAll(properties);
        b.prefix = prefix;
        return b;
    }

    /**
     * Reads the configuration of one provider from properties: {@code chatdirectory.<id>.<key>}.
     *
     * @param properties the properties, e.g. loaded from a file or {@link System#getProperties()}
     * @param providerId the provider whose keys to read
     * @return the configuration, with {@link #providerId()} set
     * @throws ConfigurationException if a well-known setting is malformed or out of range, the
     *     properties are {@code null} or the provider id is blank
     */
    public static ProviderConfig fromProperties(Properties properties, String providerId) {
        return fromProperties(properties, ConfigPrefix.DEFAULT, providerId);
    }

    /**
     * Reads the configuration of one provider from properties under a prefix: {@code
     * <prefix><id>.<key>}, e.g. {@code chatdirectory.source.cometchat-v3.appId}.
     *
     * @param properties the properties, e.g. loaded from a file or {@link System#getProperties()}
     * @param prefix where this directory's keys live
     * @param providerId the provider whose keys to read
     * @return the configuration, with {@link #providerId()} set
     * @throws ConfigurationException if a well-known setting is malformed or out of range, the
     *     properties or prefix are {@code null} or the provider id is blank
     */
    public static ProviderConfig fromProperties(Properties properties, ConfigPrefix prefix, String providerId) {
        required("properties", properties);
        required("prefix", prefix);
        requiredId(providerId);
        return readProperties(start(prefix, providerId), properties, prefix, providerId)
                .build();
    }

    private static Builder start(ConfigPrefix prefix, String providerId) {
        Builder b = builder().provider(providerId);
        b.prefix = prefix;
        return b;
    }

    private static Builder readProperties(Builder b, Properties properties, ConfigPrefix from, String providerId) {
        String prefix = from.propertyPrefix(providerId);
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith(prefix)) {
                b.setting(name.substring(prefix.length()), properties.getProperty(name));
            }
        }
        return b;
    }

    /**
     * Reads the configuration of one provider from environment variables: {@code
     * CHATDIRECTORY_<ID>_<KEY>}, where {@code <ID>} is the provider id in upper case with dashes
     * as underscores.
     *
     * @param environment the variables, e.g. {@link System#getenv()}
     * @param providerId the provider whose variables to read
     * @return the configuration, with {@link #providerId()} set
     * @throws ConfigurationException if a well-known setting is malformed or out of range, the
     *     environment is {@code null} or the provider id is blank
     */
    public static ProviderConfig fromEnvironment(Map<String, String> environment, String providerId) {
        return fromEnvironment(environment, ConfigPrefix.DEFAULT, providerId);
    }

    /**
     * Reads the configuration of one provider from environment variables under a prefix: {@code
     * <PREFIX><ID>_<KEY>}, e.g. {@code CHATDIRECTORY_SOURCE_COMETCHAT_V3_APPID}.
     *
     * @param environment the variables, e.g. {@link System#getenv()}
     * @param prefix where this directory's variables live
     * @param providerId the provider whose variables to read
     * @return the configuration, with {@link #providerId()} set
     * @throws ConfigurationException if a well-known setting is malformed or out of range, the
     *     environment or prefix are {@code null} or the provider id is blank
     */
    public static ProviderConfig fromEnvironment(
            Map<String, String> environment, ConfigPrefix prefix, String providerId) {
        required("environment", environment);
        required("prefix", prefix);
        requiredId(providerId);
        return readEnvironment(start(prefix, providerId), environment, prefix, providerId)
                .build();
    }

    private static Builder readEnvironment(
            Builder b, Map<String, String> environment, ConfigPrefix from, String providerId) {
        String prefix = from.environmentPrefix(providerId);
        environment.forEach((name, value) -> {
            if (name.startsWith(prefix) && value != null) {
                b.setting(name.substring(prefix.length()), value);
            }
        });
        return b;
    }

    /**
     * Reads one provider's configuration from environment variables and then from properties, so
     * that each setting in the properties wins over the same setting in the environment while
     * the others combine (e.g. a rate from one and a burst from the other).
     */
    static ProviderConfig fromEnvironmentAndProperties(
            Map<String, String> environment, Properties properties, ConfigPrefix prefix, String providerId) {
        Builder b = readEnvironment(start(prefix, providerId), environment, prefix, providerId);
        return readProperties(b, properties, prefix, providerId).build();
    }

    /**
     * Returns the provider id named by {@code chatdirectory.provider} in the properties.
     *
     * @param properties the properties
     * @return the id, empty when not set or blank
     */
    public static Optional<String> providerIdIn(Properties properties) {
        return providerIdIn(properties, ConfigPrefix.DEFAULT);
    }

    /**
     * Returns the provider id named under a prefix in the properties, e.g. by {@code
     * chatdirectory.source.provider}.
     *
     * @param properties the properties
     * @param prefix where the directory's keys live
     * @return the id, empty when not set or blank
     * @throws ConfigurationException if properties or prefix is {@code null}
     */
    public static Optional<String> providerIdIn(Properties properties, ConfigPrefix prefix) {
        required("properties", properties);
        return nonBlank(properties.getProperty(required("prefix", prefix).providerProperty()));
    }

    /**
     * Returns the provider id named by {@code CHATDIRECTORY_PROVIDER} in the environment.
     *
     * @param environment the variables
     * @return the id, empty when not set or blank
     */
    public static Optional<String> providerIdIn(Map<String, String> environment) {
        return providerIdIn(environment, ConfigPrefix.DEFAULT);
    }

    /**
     * Returns the provider id named under a prefix in the environment, e.g. by {@code
     * CHATDIRECTORY_SOURCE_PROVIDER}.
     *
     * @param environment the variables
     * @param prefix where the directory's variables live
     * @return the id, empty when not set or blank
     * @throws ConfigurationException if environment or prefix is {@code null}
     */
    public static Optional<String> providerIdIn(Map<String, String> environment, ConfigPrefix prefix) {
        required("environment", environment);
        return nonBlank(environment.get(required("prefix", prefix).providerVariable()));
    }

    /**
     * Merges another configuration over this one: its explicitly set properties win; its
     * endpoint, timeouts, each retry setting, its rate limit and its response-size cap win where
     * they differ from the defaults.
     *
     * @param override the configuration that takes precedence
     * @return the merged configuration
     * @throws ConfigurationException if override is {@code null}
     */
    public ProviderConfig overriddenBy(ProviderConfig override) {
        required("override", override);
        Builder b = toBuilder();
        override.providerId().ifPresent(b::provider);
        override.endpoint().ifPresent(b::endpoint);
        if (!override.connectTimeout.equals(DEFAULT_CONNECT_TIMEOUT)) {
            b.connectTimeout(override.connectTimeout);
        }
        if (!override.readTimeout.equals(DEFAULT_READ_TIMEOUT)) {
            b.readTimeout(override.readTimeout);
        }
        if (!override.callTimeout.equals(DEFAULT_CALL_TIMEOUT)) {
            b.callTimeout(override.callTimeout);
        }
        b.retry(mergeRetry(retry, override.retry));
        override.rateLimit().ifPresent(b::rateLimit);
        if (override.maxResponseSize != DEFAULT_MAX_RESPONSE_SIZE) {
            b.maxResponseSize(override.maxResponseSize);
        }
        override.properties.forEach(b::property);
        return b.build();
    }

    /** Each part of the override's retry settings wins where it differs from the default. */
    private static RetrySettings mergeRetry(RetrySettings base, RetrySettings override) {
        RetrySettings defaults = RetrySettings.DEFAULT;
        return new RetrySettings(
                override.maxAttempts() != defaults.maxAttempts() ? override.maxAttempts() : base.maxAttempts(),
                pick(base.initialBackoff(), override.initialBackoff(), defaults.initialBackoff()),
                pick(base.maxBackoff(), override.maxBackoff(), defaults.maxBackoff()),
                pick(base.maxRetryAfter(), override.maxRetryAfter(), defaults.maxRetryAfter()));
    }

    private static Duration pick(Duration base, Duration override, Duration defaultValue) {
        return override.equals(defaultValue) ? base : override;
    }

    /** {@return the provider to open, when named} */
    public Optional<String> providerId() {
        return Optional.ofNullable(providerId);
    }

    /** {@return the endpoint that replaces the vendor's default base URL (emulators, proxies)} */
    public Optional<URI> endpoint() {
        return Optional.ofNullable(endpoint);
    }

    /** {@return the TCP connect timeout} */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** {@return the longest wait for a response to one request} */
    public Duration readTimeout() {
        return readTimeout;
    }

    /** {@return the deadline of one call, retries and waits included} */
    public Duration callTimeout() {
        return callTimeout;
    }

    /** {@return the retry settings} */
    public RetrySettings retry() {
        return retry;
    }

    /** {@return the client-side rate limit, empty for the provider's default} */
    public Optional<RateLimitSettings> rateLimit() {
        return Optional.ofNullable(rateLimit);
    }

    /**
     * {@return the largest response body accepted, in bytes; a larger answer fails as a protocol
     * error rather than filling the heap}
     */
    public long maxResponseSize() {
        return maxResponseSize;
    }

    /**
     * Returns a provider property (credential or option), matching the name ignoring case, dots,
     * dashes and underscores.
     *
     * @param name the property name, e.g. {@code apiKey}
     * @return the value, empty when not set
     */
    public Optional<String> property(String name) {
        String wanted = normalize(name);
        return properties.entrySet().stream()
                .filter(e -> normalize(e.getKey()).equals(wanted))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    /**
     * Returns a property that must be set.
     *
     * @param name the property name
     * @return the value
     * @throws ConfigurationException naming the property and where to set it, if it is missing or blank
     */
    public String requireProperty(String name) {
        return property(name).filter(v -> !v.isBlank()).orElseThrow(() -> {
            String id = providerId == null ? "<provider>" : providerId;
            return new ConfigurationException(
                    "missing property '" + name + "' for provider " + id + ": set it in code, as "
                            + prefix.propertyPrefix(id) + name + " or as " + prefix.environmentPrefix(id)
                            + envName(name),
                    providerId == null ? ErrorContext.none() : ErrorContext.of(providerId));
        });
    }

    /** {@return the names of the provider properties that are set (never their values)} */
    public Set<String> propertyNames() {
        return properties.keySet();
    }

    /**
     * Describes this configuration; property values are never shown, nor the user info and query
     * of the endpoint.
     */
    @Override
    public String toString() {
        return "ProviderConfig[provider=" + (providerId == null ? "<discover>" : providerId)
                + ", endpoint=" + (endpoint == null ? "<default>" : redacted(endpoint))
                + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout
                + ", callTimeout=" + callTimeout
                + ", retry=" + retry
                + ", rateLimit=" + (rateLimit == null ? "<provider default>" : rateLimit)
                + ", maxResponseSize=" + maxResponseSize
                + ", properties=" + properties.keySet() + " (values redacted)]";
    }

    /** The endpoint without user info or query, which may carry credentials. */
    private static String redacted(URI uri) {
        StringBuilder sb = new StringBuilder(uri.getScheme()).append("://");
        if (uri.getRawUserInfo() != null) {
            sb.append("****@");
        }
        sb.append(uri.getHost());
        if (uri.getPort() >= 0) {
            sb.append(':').append(uri.getPort());
        }
        sb.append(uri.getRawPath() == null ? "" : uri.getRawPath());
        if (uri.getRawQuery() != null) {
            sb.append("?****");
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProviderConfig c
                && Objects.equals(providerId, c.providerId)
                && Objects.equals(endpoint, c.endpoint)
                && connectTimeout.equals(c.connectTimeout)
                && readTimeout.equals(c.readTimeout)
                && callTimeout.equals(c.callTimeout)
                && retry.equals(c.retry)
                && Objects.equals(rateLimit, c.rateLimit)
                && maxResponseSize == c.maxResponseSize
                && properties.equals(c.properties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                providerId,
                endpoint,
                connectTimeout,
                readTimeout,
                callTimeout,
                retry,
                rateLimit,
                maxResponseSize,
                properties);
    }

    /** Upper case with dashes and dots as underscores: the form environment variables can take. */
    static String envName(String name) {
        return name.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
    }

    static String normalize(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[._\\-]", "");
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /**
     * Checks a duration setting against its range, {@code min} to {@link #MAX_DURATION}.
     *
     * @param key the setting, as its configuration key
     * @throws ConfigurationException naming the key and the range
     */
    static Duration checkDuration(String key, Duration value, Duration min) {
        String range = (min.isZero() ? "must not be negative nor" : "must be positive and not") + " longer than "
                + MAX_DURATION.toHours() + " hours (allowed: " + min + " to " + MAX_DURATION + ")";
        if (value == null) {
            throw new ConfigurationException(key + " must be set: it " + range, ErrorContext.none());
        }
        if (value.compareTo(min) < 0 || value.compareTo(MAX_DURATION) > 0) {
            throw new ConfigurationException(key + " " + range + ", was " + value, ErrorContext.none());
        }
        return value;
    }

    /** Returns the value; throws {@link ConfigurationException} naming what is {@code null}. */
    static <T> T required(String what, T value) {
        if (value == null) {
            throw new ConfigurationException(what + " must not be null", ErrorContext.none());
        }
        return value;
    }

    private static void requiredId(String providerId) {
        if (providerId == null || providerId.isBlank()) {
            throw new ConfigurationException("providerId must not be blank", ErrorContext.none());
        }
    }

    static Duration parseDuration(String name, String text) {
        String t = text.strip();
        try {
            if (t.regionMatches(true, 0, "P", 0, 1)) {
                return Duration.parse(t);
            }
        } catch (DateTimeParseException e) {
            throw malformed(name, text, "a duration such as 5s, 250ms, 2m or PT5S");
        }
        Matcher m = DURATION.matcher(t.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw malformed(name, text, "a duration such as 5s, 250ms, 2m or PT5S");
        }
        String unit = m.group(2) == null ? "ms" : m.group(2);
        try {
            long amount = Long.parseLong(m.group(1));
            return switch (unit) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofMillis(amount);
            };
        } catch (NumberFormatException | ArithmeticException e) {
            throw malformed(name, text, "a duration such as 5s, 250ms, 2m or PT5S, small enough to represent");
        }
    }

    static long parseSize(String name, String text) {
        Matcher m = SIZE.matcher(text.strip().toLowerCase(Locale.ROOT));
        String expected = "a size such as 16MiB, 512KiB, 1GiB or plain bytes";
        if (!m.matches()) {
            throw malformed(name, text, expected);
        }
        int shift = switch (m.group(2) == null ? "b" : m.group(2)) {
            case "kib" -> 10;
            case "mib" -> 20;
            case "gib" -> 30;
            default -> 0;
        };
        try {
            return Math.multiplyExact(Long.parseLong(m.group(1)), 1L << shift);
        } catch (NumberFormatException | ArithmeticException e) {
            throw malformed(name, text, expected + ", small enough to represent");
        }
    }

    private static ConfigurationException malformed(String name, String value, String expected) {
        // The value is echoed only for well-known, non-secret settings.
        return new ConfigurationException(
                "setting '" + name + "' must be " + expected + ", was '" + value + "'", ErrorContext.none());
    }

    /** Builds {@link ProviderConfig} values; not thread-safe. */
    public static final class Builder {
        private String providerId;
        private URI endpoint;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private Duration callTimeout = DEFAULT_CALL_TIMEOUT;
        private RetrySettings retry = RetrySettings.DEFAULT;
        private RateLimitSettings rateLimit;
        private long maxResponseSize = DEFAULT_MAX_RESPONSE_SIZE;
        private final Map<String, String> properties = new LinkedHashMap<>();
        private ConfigPrefix prefix = ConfigPrefix.DEFAULT;

        private Builder() {}

        /**
         * Names the provider to open, e.g. {@code cometchat-v3}.
         *
         * @param providerId the provider whose keys to read
         * @return this builder
         */
        public Builder provider(String providerId) {
            this.providerId = nonBlank(providerId).orElse(null);
            return this;
        }

        /**
         * Replaces the vendor's base URL, e.g. with an emulator's.
         *
         * @param endpoint an absolute http or https URL with a host, or {@code null} for the
         *     vendor's default
         * @return this builder
         * @throws ConfigurationException if the endpoint is not an absolute http or https URL
         */
        public Builder endpoint(URI endpoint) {
            if (endpoint != null) {
                String scheme =
                        endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
                if (!(scheme.equals("http") || scheme.equals("https")) || endpoint.getHost() == null) {
                    throw malformed("endpoint", endpoint.toString(), "an absolute http or https URL");
                }
            }
            this.endpoint = endpoint;
            return this;
        }

        /**
         * Replaces the vendor's base URL, e.g. with an emulator's.
         *
         * @param endpoint an absolute http or https URL with a host, or {@code null} for the
         *     vendor's default
         * @return this builder
         * @throws ConfigurationException if the endpoint is not an absolute http or https URL
         */
        public Builder endpoint(String endpoint) {
            if (endpoint == null) {
                return endpoint((URI) null);
            }
            URI uri;
            try {
                uri = new URI(endpoint.strip());
            } catch (URISyntaxException e) {
                throw malformed("endpoint", endpoint, "an absolute http or https URL");
            }
            return endpoint(uri);
        }

        /**
         * Sets the TCP connect timeout.
         *
         * @param timeout from {@link #MIN_TIMEOUT} to {@link #MAX_DURATION}
         * @return this builder
         * @throws ConfigurationException naming the setting and its range if timeout is {@code
         *     null} or out of range
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = checkDuration("connectTimeout", timeout, MIN_TIMEOUT);
            return this;
        }

        /**
         * Sets the longest wait for one response.
         *
         * @param timeout from {@link #MIN_TIMEOUT} to {@link #MAX_DURATION}
         * @return this builder
         * @throws ConfigurationException naming the setting and its range if timeout is {@code
         *     null} or out of range
         */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = checkDuration("readTimeout", timeout, MIN_TIMEOUT);
            return this;
        }

        /**
         * Sets the deadline of one call, retries included.
         *
         * @param timeout from {@link #MIN_TIMEOUT} to {@link #MAX_DURATION}
         * @return this builder
         * @throws ConfigurationException naming the setting and its range if timeout is {@code
         *     null} or out of range
         */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = checkDuration("callTimeout", timeout, MIN_TIMEOUT);
            return this;
        }

        /**
         * Sets the retry settings.
         *
         * @param retry the value to use; {@link RetrySettings#none()} turns retries off
         * @return this builder
         * @throws ConfigurationException if retry is {@code null}
         */
        public Builder retry(RetrySettings retry) {
            this.retry = required("retry", retry);
            return this;
        }

        /**
         * Sets the client-side rate limit, replacing the provider's default.
         *
         * @param rateLimit the value to use, or {@code null} for the provider's default
         * @return this builder
         */
        public Builder rateLimit(RateLimitSettings rateLimit) {
            this.rateLimit = rateLimit;
            return this;
        }

        /**
         * Sets the largest response body accepted. Bodies are read into memory whole before they
         * are decoded, so this bounds the heap a vendor's answer can take.
         *
         * @param bytes the cap, from {@link #MIN_MAX_RESPONSE_SIZE} to {@link #MAX_MAX_RESPONSE_SIZE}
         * @return this builder
         * @throws ConfigurationException if the cap is out of that range
         */
        public Builder maxResponseSize(long bytes) {
            if (bytes < MIN_MAX_RESPONSE_SIZE || bytes > MAX_MAX_RESPONSE_SIZE) {
                throw new ConfigurationException(
                        "maxResponseSize must be between " + MIN_MAX_RESPONSE_SIZE + " bytes (1 KiB) and "
                                + MAX_MAX_RESPONSE_SIZE + " bytes (1 GiB), was " + bytes,
                        ErrorContext.none());
            }
            this.maxResponseSize = bytes;
            return this;
        }

        /**
         * Sets a credential; same as {@link #property(String, String)}, named for readability.
         *
         * @param name the property name, e.g. {@code apiKey}
         * @param value the value
         * @return this builder
         * @throws ConfigurationException if the name is blank or the value {@code null}
         */
        public Builder credential(String name, String value) {
            return property(name, value);
        }

        /**
         * Sets a provider property (credential or option).
         *
         * @param name the property name, e.g. {@code apiKey}
         * @param value the value
         * @return this builder
         * @throws ConfigurationException if the name is blank or the value {@code null}
         */
        public Builder property(String name, String value) {
            checkNameAndValue(name, value);
            String key = normalize(name);
            properties.keySet().removeIf(k -> normalize(k).equals(key));
            properties.put(name, value);
            return this;
        }

        /**
         * Sets a setting by its textual name and value, as read from a file or the environment:
         * well-known settings are parsed, anything else becomes a property.
         *
         * @param name the setting name, e.g. {@code connectTimeout} or {@code apiKey}
         * @param value the value
         * @return this builder
         * @throws ConfigurationException if a well-known setting is malformed or out of range, the
         *     name is blank or the value {@code null}
         */
        public Builder setting(String name, String value) {
            checkNameAndValue(name, value);
            String key = normalize(name);
            if (!WELL_KNOWN.contains(key)) {
                return property(name, value);
            }
            switch (key) {
                case "provider" -> provider(value);
                case "endpoint" -> endpoint(value);
                case "connecttimeout" -> connectTimeout(parseDuration(name, value));
                case "readtimeout" -> readTimeout(parseDuration(name, value));
                case "calltimeout" -> callTimeout(parseDuration(name, value));
                case "retrymaxattempts" -> retry(retry.withMaxAttempts(parseInt(name, value)));
                case "retryinitialbackoff" -> retry(retry.withBackoff(parseDuration(name, value), retry.maxBackoff()));
                case "retrymaxbackoff" -> retry(retry.withBackoff(retry.initialBackoff(), parseDuration(name, value)));
                case "retrymaxretryafter" -> retry(retry.withMaxRetryAfter(parseDuration(name, value)));
                case "ratelimitpermitspersecond" -> {
                    double rate = parseDouble(name, value);
                    int burst = rateLimit == null ? Math.max(1, (int) Math.ceil(rate)) : rateLimit.burst();
                    rateLimit(new RateLimitSettings(rate, burst));
                }
                case "ratelimitburst" -> {
                    int burst = parseInt(name, value);
                    if (burst < 1) {
                        // checked here: without a rate the burst also serves as rate, and the
                        // error would otherwise blame permitsPerSecond
                        throw malformed(name, value, "a whole number of at least 1");
                    }
                    double rate = rateLimit == null ? burst : rateLimit.permitsPerSecond();
                    rateLimit(new RateLimitSettings(rate, burst));
                }
                case "maxresponsesize" -> maxResponseSize(parseSize(name, value));
                default -> throw new IllegalStateException("unhandled well-known setting " + key);
            }
            return this;
        }

        /**
         * Builds the configuration.
         *
         * @return the configuration
         */
        public ProviderConfig build() {
            return new ProviderConfig(this);
        }

        /** The value is never shown: it may be a credential. */
        private static void checkNameAndValue(String name, String value) {
            if (name == null || name.isBlank()) {
                throw new ConfigurationException("a setting or property name must not be blank", ErrorContext.none());
            }
            if (value == null) {
                throw new ConfigurationException("setting '" + name + "' must have a value", ErrorContext.none());
            }
        }

        private static int parseInt(String name, String value) {
            try {
                return Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                throw malformed(name, value, "a whole number");
            }
        }

        private static double parseDouble(String name, String value) {
            try {
                return Double.parseDouble(value.strip());
            } catch (NumberFormatException e) {
                throw malformed(name, value, "a number");
            }
        }
    }
}
