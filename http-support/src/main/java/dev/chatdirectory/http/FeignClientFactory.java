package dev.chatdirectory.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatdirectory.ProviderConfig;
import feign.Feign;
import feign.Request;
import feign.RequestInterceptor;
import feign.Retryer;
import feign.jackson.JacksonEncoder;
import java.net.http.HttpClient;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Builds the Feign clients of one directory, all sharing its JDK {@link HttpClient} (and so its
 * connection pool), its Jackson mapper, its error mapping and its redacting logger.
 *
 * <p>Feign's own retryer is off ({@link Retryer#NEVER_RETRY}): retries belong to {@link
 * HttpCallExecutor}, which knows which calls are safe to repeat. Thread-safe.
 */
public final class FeignClientFactory {

    private final HttpClient httpClient;
    private final ObjectMapper mapper;
    private final ErrorMapper errors;
    private final ProviderConfig config;
    private final RedactingFeignLogger logger;

    /**
     * Creates the factory.
     *
     * @param httpClient the transport shared by every client
     * @param mapper the JSON mapper
     * @param errors maps error responses
     * @param redactor removes secrets from logs
     * @param config timeouts and the response-size cap
     */
    public FeignClientFactory(
            HttpClient httpClient,
            ObjectMapper mapper,
            ErrorMapper errors,
            SecretRedactor redactor,
            ProviderConfig config) {
        this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.config = Objects.requireNonNull(config, "config");
        this.logger = new RedactingFeignLogger(errors.providerId(), redactor);
    }

    /**
     * Returns a Feign builder with the shared transport, JSON codec, error decoder, logger and
     * timeouts, for adapters that need to change one part (e.g. a form encoder).
     *
     * @return a new builder
     */
    public Feign.Builder builder() {
        return configured(null);
    }

    /**
     * Returns a Feign builder like {@link #builder()} whose JSON replies also pass through a
     * vendor's envelope rule, for vendors that report failures with HTTP 2xx.
     *
     * @param envelope reads the payload of a parsed reply, or throws what its envelope says
     * @return a new builder
     */
    public Feign.Builder builder(EnvelopeReader envelope) {
        return configured(Objects.requireNonNull(envelope, "envelope"));
    }

    private Feign.Builder configured(EnvelopeReader envelope) {
        return Feign.builder()
                .client(new DeadlineAwareClient(httpClient, errors, config.maxResponseSize()))
                .encoder(new JacksonEncoder(mapper))
                .decoder(new ProtocolSafeDecoder(mapper, errors, envelope))
                .errorDecoder(new MappingErrorDecoder(errors))
                .retryer(Retryer.NEVER_RETRY)
                .logger(logger)
                .logLevel(logger.level())
                .options(new Request.Options(
                        // Only the read timeout is used: the shared client owns connecting and redirects.
                        httpClient
                                .connectTimeout()
                                .orElse(config.connectTimeout())
                                .toMillis(),
                        TimeUnit.MILLISECONDS,
                        config.readTimeout().toMillis(),
                        TimeUnit.MILLISECONDS,
                        httpClient.followRedirects() != HttpClient.Redirect.NEVER));
    }

    /**
     * Creates a client of a Feign interface.
     *
     * @param api the Feign interface
     * @param baseUrl the vendor's base URL
     * @param interceptors e.g. the authentication header
     * @param <T> the interface type
     * @return the client
     */
    public <T> T create(Class<T> api, String baseUrl, RequestInterceptor... interceptors) {
        return builder().requestInterceptors(java.util.List.of(interceptors)).target(api, baseUrl);
    }
}
