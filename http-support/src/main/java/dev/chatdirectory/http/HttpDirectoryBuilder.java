package dev.chatdirectory.http;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.ProvisionException;
import com.google.inject.Stage;
import com.google.inject.spi.Message;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.ChatDirectoryException;
import dev.chatdirectory.ConfigurationException;
import dev.chatdirectory.ErrorContext;
import dev.chatdirectory.ProviderConfig;
import dev.chatdirectory.spi.CredentialSpec;
import dev.chatdirectory.spi.GuardedChatDirectory;
import dev.chatdirectory.spi.ProviderDescriptor;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Opens a directory of an HTTP provider, with typed hooks to replace its parts: the JDK {@link
 * HttpClient} (proxy, TLS, executor), the {@link RetryPolicy}, the {@link Clock} and the timing.
 *
 * <p>Each provider subclasses it with its own type as {@code B}, so that it can add typed options
 * of its vendor and every hook still returns the provider's builder, e.g. {@code
 * QiscusProvider.builder().httpClient(client).passwordSource(source)}. No Guice type appears in
 * its public methods: the assembly stays an implementation detail. A replacement {@code
 * HttpClient} should set a connect timeout and should not follow redirects. Not thread-safe; the
 * directories it builds are.
 *
 * @param <B> the provider's own builder type, returned by every hook
 */
public abstract class HttpDirectoryBuilder<B extends HttpDirectoryBuilder<B>> {

    private final ProviderDescriptor descriptor;
    private final Function<ProviderConfig, String> defaultBaseUrl;
    private ProviderConfig config = ProviderConfig.builder().build();
    private HttpClient httpClient;
    private RetryPolicy retryPolicy;
    private Clock clock = Clock.systemUTC();
    private Ticker ticker = Ticker.SYSTEM;
    private Sleeper sleeper = Sleeper.SYSTEM;

    /**
     * Creates a builder; called by providers.
     *
     * @param descriptor the provider's descriptor
     * @param defaultBaseUrl the vendor's base URL for a configuration that sets no {@link
     *     ProviderConfig#endpoint() endpoint}; may throw {@link ConfigurationException} when the
     *     configuration lacks what the URL is made of
     */
    protected HttpDirectoryBuilder(ProviderDescriptor descriptor, Function<ProviderConfig, String> defaultBaseUrl) {
        this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
        this.defaultBaseUrl = Objects.requireNonNull(defaultBaseUrl, "defaultBaseUrl");
    }

    /**
     * Returns the provider's assembly of a directory from the settings; called once per {@link
     * #build()}.
     *
     * @param settings what the directory is assembled from
     * @return the provider's module
     * @throws ConfigurationException if the builder's own options are inconsistent
     */
    protected abstract HttpDirectoryModule module(HttpDirectorySettings settings);

    /** {@return the provider id, for the errors of a subclass's own options} */
    protected final String providerId() {
        return descriptor.id();
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /**
     * Sets the configuration: credentials, endpoint, timeouts, retry and rate limit.
     *
     * @param config the configuration
     * @return this builder
     */
    public B config(ProviderConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        return self();
    }

    /**
     * Replaces the transport.
     *
     * @param httpClient the JDK client to send every request with
     * @return this builder
     */
    public B httpClient(HttpClient httpClient) {
        this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
        return self();
    }

    /**
     * Replaces the retry policy (which failures are repeatable stays the executor's decision).
     *
     * @param retryPolicy the policy
     * @return this builder
     */
    public B retryPolicy(RetryPolicy retryPolicy) {
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
        return self();
    }

    /**
     * Replaces the clock used for timestamps and HTTP dates.
     *
     * @param clock the clock
     * @return this builder
     */
    public B clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return self();
    }

    /**
     * Replaces how time passes for deadlines, backoff and rate limiting; for tests.
     *
     * @param ticker the monotonic time source
     * @param sleeper how to wait
     * @return this builder
     */
    public B timing(Ticker ticker, Sleeper sleeper) {
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        return self();
    }

    /**
     * Opens the directory: checks the required properties, assembles it and wraps it in the
     * shared request checks. Sends nothing.
     *
     * @return the directory
     * @throws ConfigurationException if a required property is missing, the base URL cannot be
     *     made, or the assembly fails
     */
    public ChatDirectory build() {
        ProviderConfig ours = config.toBuilder().provider(descriptor.id()).build();
        for (CredentialSpec spec : descriptor.credentials()) {
            if (spec.required()) {
                ours.requireProperty(spec.name());
            }
        }
        String baseUrl = ours.endpoint().map(URI::toString).orElseGet(() -> defaultBaseUrl.apply(ours));
        HttpDirectorySettings settings = new HttpDirectorySettings(
                ours,
                descriptor,
                baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl,
                Optional.ofNullable(httpClient),
                Optional.ofNullable(retryPolicy),
                clock,
                ticker,
                sleeper);
        HttpDirectoryModule module = module(settings);
        try {
            ChatDirectory directory =
                    Guice.createInjector(Stage.PRODUCTION, module).getInstance(ChatDirectory.class);
            return GuardedChatDirectory.wrap(descriptor, directory);
        } catch (CreationException | ProvisionException e) {
            throw unwrap(
                    e,
                    e instanceof CreationException c
                            ? c.getErrorMessages()
                            : ((ProvisionException) e).getErrorMessages());
        }
    }

    private ChatDirectoryException unwrap(RuntimeException e, Iterable<Message> messages) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ChatDirectoryException known) {
                return known;
            }
        }
        List<String> texts = new ArrayList<>();
        for (Message message : messages) {
            // Guice keeps a provider method's exception on the message, not as the cause.
            if (message.getCause() instanceof ChatDirectoryException known) {
                return known;
            }
            texts.add(message.getMessage());
        }
        return new ConfigurationException(
                "could not assemble a " + descriptor.id() + " directory: " + String.join("; ", texts),
                ErrorContext.of(descriptor.id()),
                e);
    }
}
