package dev.chatdirectory.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.ProviderConfig;
import dev.chatdirectory.spi.ProviderDescriptor;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;

/**
 * The Guice assembly every HTTP directory shares: configuration, transport, retry policy, rate
 * limiter, call executor, Feign client factory, JSON and redaction. A vendor module extends it,
 * binds its {@link ErrorMapper} subclass and its {@link ChatDirectory} implementation in {@link
 * #configureProvider()}, and provides its Feign interface from {@link FeignClientFactory}.
 *
 * <p>Each directory gets its own small injector, so two directories never share state. The
 * default transport is a JDK {@link HttpClient} keeping connections alive: HTTP/2 or HTTP/1.1 as
 * ALPN settles it over {@code https}, HTTP/1.1 over plain {@code http}; redirects are not
 * followed, so credentials never travel to another host. The JDK client resends by itself only
 * requests that could not have been applied twice: one whose connection failed to open, and a
 * {@code GET} or {@code HEAD} whose connection closed before any byte of the answer (a pooled
 * connection the vendor had closed). A JVM setting {@code jdk.httpclient.enableAllMethodRetry},
 * which makes it resend writes too, is refused with a {@link dev.chatdirectory.ConfigurationException}.
 *
 * <p>Vendor modules keep their {@code @Provides} methods, and the {@code @Inject} constructors of
 * the parts they assemble, {@code private}, as this module does. Guice generates a class with ASM
 * for every other one it calls, which each directory opened by a fresh JVM pays for at start;
 * private ones it calls by reflection, which costs less for what is called once per directory.
 */
public abstract class HttpDirectoryModule extends AbstractModule {

    private final HttpDirectorySettings settings;

    /**
     * Creates the module.
     *
     * @param settings what the directory is assembled from
     */
    protected HttpDirectoryModule(HttpDirectorySettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** {@return what the directory is assembled from} */
    protected final HttpDirectorySettings settings() {
        return settings;
    }

    @Override
    protected final void configure() {
        bind(HttpDirectorySettings.class).toInstance(settings);
        bind(ProviderConfig.class).toInstance(settings.config());
        bind(ProviderDescriptor.class).toInstance(settings.descriptor());
        bind(Clock.class).toInstance(settings.clock());
        bind(Ticker.class).toInstance(settings.ticker());
        bind(Sleeper.class).toInstance(settings.sleeper());
        configureProvider();
    }

    /**
     * Provides the shared mapper. Not an instance binding: Guice would scan the mapper's hundreds
     * of methods for injection points each time a directory opens.
     */
    @Provides
    private ObjectMapper objectMapper() {
        return JsonMappers.shared();
    }

    /** Binds the vendor's parts: at least {@link ErrorMapper} and {@link ChatDirectory}. */
    protected abstract void configureProvider();

    /**
     * Declares the fields of the vendor's requests and answers that carry secrets no
     * configuration knows, such as a login token a create answer hands out. Together with the
     * secret credentials of the descriptor, they make the directory's {@link SecretRedactor}: their
     * values are masked in every log line (bodies included) and exception message, and adapters
     * leave them out of raw payloads. Fields named like a password are always secret.
     *
     * @return the field names, matched ignoring case and also within longer names; none by default
     */
    protected Set<String> secretFields() {
        return Set.of();
    }

    /**
     * Declares the headers the vendor reads credentials from: their values are masked in every log
     * line whatever they are, on top of the standard ones ({@link
     * SecretRedactor#STANDARD_CREDENTIAL_HEADERS}).
     *
     * @return the header names, matched ignoring case; none by default
     */
    protected Set<String> credentialHeaders() {
        return Set.of();
    }

    @Provides
    @Singleton
    private SecretRedactor secretRedactor(ProviderConfig config, ProviderDescriptor descriptor) {
        return SecretRedactor.from(config, descriptor)
                .withSecretFields(secretFields())
                .withCredentialHeaders(credentialHeaders());
    }

    @Provides
    @Singleton
    private HttpClient httpClient(ProviderConfig config, ProviderDescriptor descriptor) {
        // Checked for a client given through the hook too: the property rules every JDK client.
        JdkTransport.refuseWriteResends(JdkTransport::netProperty, descriptor.id());
        return settings.httpClient().orElseGet(() -> JdkTransport.create(settings.baseUrl(), config));
    }

    @Provides
    @Singleton
    private RetryPolicy retryPolicy(ProviderConfig config) {
        return settings.retryPolicy().orElseGet(() -> new BackoffRetryPolicy(config.retry()));
    }

    @Provides
    @Singleton
    private TokenBucketRateLimiter rateLimiter(
            ProviderConfig config, ProviderDescriptor descriptor, Ticker ticker, Sleeper sleeper) {
        return new TokenBucketRateLimiter(
                config.rateLimit().orElse(descriptor.limits().defaultRateLimit()), ticker, sleeper);
    }

    @Provides
    @Singleton
    private HttpCallExecutor callExecutor(
            ErrorMapper errors,
            RetryPolicy retryPolicy,
            TokenBucketRateLimiter rateLimiter,
            ProviderConfig config,
            Ticker ticker,
            Sleeper sleeper) {
        return new HttpCallExecutor(errors, retryPolicy, rateLimiter, config.callTimeout(), ticker, sleeper);
    }

    @Provides
    @Singleton
    private FeignClientFactory feignClientFactory(
            HttpClient httpClient,
            ObjectMapper mapper,
            ErrorMapper errors,
            SecretRedactor redactor,
            ProviderConfig config) {
        return new FeignClientFactory(httpClient, mapper, errors, redactor, config);
    }

    @Provides
    @Singleton
    private WireJson wireJson(ErrorMapper errors, ObjectMapper mapper) {
        return new WireJson(errors, mapper);
    }
}
