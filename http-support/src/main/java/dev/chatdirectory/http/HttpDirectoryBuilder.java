package dev.chatdirectory.http;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import com.google.inject.Stage;
import com.google.inject.spi.Message;
import com.google.inject.util.Modules;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.ChatDirectoryException;
import dev.chatdirectory.ConfigurationException;
import dev.chatdirectory.ErrorContext;
import dev.chatdirectory.ProviderConfig;
import dev.chatdirectory.spi.CredentialSpec;
import dev.chatdirectory.spi.GuardedChatDirectory;
import dev.chatdirectory.spi.ProviderDescriptor;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Opens a directory of an HTTP provider, with typed hooks to replace its parts: the JDK {@link
 * HttpClient} (proxy, TLS, executor), the {@link RetryPolicy}, the {@link Clock}, and, for
 * anything else, extra Guice modules that override the provider's bindings.
 *
 * <p>Obtained from a provider, e.g. {@code CometChatProvider.builder()}. The Guice hook is the
 * one place a Guice type appears, deliberately: the typed hooks cover the common cases without
 * it. A replacement {@code HttpClient} should set a connect timeout and keep HTTP/2 enabled, or
 * requests may be re-sent by the JDK after a connection reset. Not thread-safe; the directories
 * it builds are.
 */
public final class HttpDirectoryBuilder {

    private final ProviderDescriptor descriptor;
    private final Function<HttpDirectorySettings, ? extends HttpDirectoryModule> moduleFactory;
    private final List<Module> overrides = new ArrayList<>();
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
     * @param moduleFactory builds the provider's Guice module from the settings
     */
    public HttpDirectoryBuilder(
            ProviderDescriptor descriptor,
            Function<HttpDirectorySettings, ? extends HttpDirectoryModule> moduleFactory) {
        this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
        this.moduleFactory = Objects.requireNonNull(moduleFactory, "moduleFactory");
    }

    /**
     * Sets the configuration: credentials, endpoint, timeouts, retry and rate limit.
     *
     * @param config the configuration
     * @return this builder
     */
    public HttpDirectoryBuilder config(ProviderConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        return this;
    }

    /**
     * Replaces the transport.
     *
     * @param httpClient the JDK client to send every request with
     * @return this builder
     */
    public HttpDirectoryBuilder httpClient(HttpClient httpClient) {
        this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
        return this;
    }

    /**
     * Replaces the retry policy (which failures are repeatable stays the executor's decision).
     *
     * @param retryPolicy the policy
     * @return this builder
     */
    public HttpDirectoryBuilder retryPolicy(RetryPolicy retryPolicy) {
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
        return this;
    }

    /**
     * Replaces the clock used for timestamps and HTTP dates.
     *
     * @param clock the clock
     * @return this builder
     */
    public HttpDirectoryBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * Replaces how time passes for deadlines, backoff and rate limiting; for tests.
     *
     * @param ticker the monotonic time source
     * @param sleeper how to wait
     * @return this builder
     */
    public HttpDirectoryBuilder timing(Ticker ticker, Sleeper sleeper) {
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        return this;
    }

    /**
     * Adds a Guice module whose bindings override the provider's (the escape hatch).
     *
     * @param module the module
     * @return this builder
     */
    public HttpDirectoryBuilder overrideWith(Module module) {
        overrides.add(Objects.requireNonNull(module, "module"));
        return this;
    }

    /**
     * Opens the directory: checks the required properties, assembles it and wraps it in the
     * shared request checks. Sends nothing.
     *
     * @return the directory
     * @throws ConfigurationException if a required property is missing or the assembly fails
     */
    public ChatDirectory build() {
        for (CredentialSpec spec : descriptor.credentials()) {
            if (spec.required()) {
                config.toBuilder().provider(descriptor.id()).build().requireProperty(spec.name());
            }
        }
        HttpDirectorySettings settings = new HttpDirectorySettings(
                config.toBuilder().provider(descriptor.id()).build(),
                descriptor,
                Optional.ofNullable(httpClient),
                Optional.ofNullable(retryPolicy),
                clock,
                ticker,
                sleeper);
        Module module = Modules.override(moduleFactory.apply(settings)).with(overrides);
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
        messages.forEach(m -> texts.add(m.getMessage()));
        return new ConfigurationException(
                "could not assemble a " + descriptor.id() + " directory: " + String.join("; ", texts),
                ErrorContext.of(descriptor.id()),
                e);
    }
}
