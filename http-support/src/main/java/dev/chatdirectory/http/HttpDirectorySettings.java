package dev.chatdirectory.http;

import dev.chatdirectory.ProviderConfig;
import dev.chatdirectory.spi.ProviderDescriptor;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a directory is assembled from: the configuration, the provider's descriptor and
 * the parts a user replaced through the provider's builder.
 *
 * <p>Immutable and thread-safe.
 *
 * @param config the configuration
 * @param descriptor the provider's descriptor
 * @param baseUrl the URL every request path is appended to: the configured endpoint, else the
 *     vendor's, without a trailing slash
 * @param httpClient a transport replacing the default one
 * @param retryPolicy a retry policy replacing the default one
 * @param clock the clock for timestamps and HTTP dates
 * @param ticker the monotonic time source for deadlines and rate limiting
 * @param sleeper how to wait between attempts and for rate-limit tokens
 */
public record HttpDirectorySettings(
        ProviderConfig config,
        ProviderDescriptor descriptor,
        String baseUrl,
        Optional<HttpClient> httpClient,
        Optional<RetryPolicy> retryPolicy,
        Clock clock,
        Ticker ticker,
        Sleeper sleeper) {

    /** Creates the settings; no argument may be {@code null}. */
    public HttpDirectorySettings {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(httpClient, "httpClient");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(sleeper, "sleeper");
    }
}
