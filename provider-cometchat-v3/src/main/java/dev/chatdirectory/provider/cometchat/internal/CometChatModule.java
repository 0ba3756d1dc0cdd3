package dev.chatdirectory.provider.cometchat.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.ConfigurationException;
import dev.chatdirectory.ErrorContext;
import dev.chatdirectory.ProviderConfig;
import dev.chatdirectory.http.ErrorMapper;
import dev.chatdirectory.http.FeignClientFactory;
import dev.chatdirectory.http.HttpDirectoryModule;
import dev.chatdirectory.http.HttpDirectorySettings;
import dev.chatdirectory.http.SecretRedactor;
import dev.chatdirectory.spi.ProviderDescriptor;
import feign.RequestInterceptor;
import java.net.URI;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Guice assembly of a CometChat directory: the shared HTTP parts plus CometChat's error
 * mapping, Feign client and facets.
 *
 * <p>The base URL is {@code https://{appId}.api-{region}.cometchat.io/v3}, or the configured
 * {@code endpoint} as it is (it must include the {@code /v3} base path, as the emulator's does).
 * Every request carries the {@code apikey} header and {@code Accept: application/json}; requests
 * with a body also {@code Content-Type: application/json}.
 */
public final class CometChatModule extends HttpDirectoryModule {

    /** The header CometChat reads the REST API key from. */
    static final String API_KEY_HEADER = "apikey";

    private static final Set<String> REGIONS = Set.of("us", "eu", "in");
    /** App ids are hexadecimal in practice; anything else must not end up in a host name. */
    private static final Pattern APP_ID = Pattern.compile("[A-Za-z0-9]+");

    /**
     * Creates the module; called by the provider's builder.
     *
     * @param settings the configuration, descriptor and replaced parts
     */
    public CometChatModule(HttpDirectorySettings settings) {
        super(settings);
    }

    /**
     * Declares {@code authToken} secret: a create answer carries the new user's login token when
     * asked with {@code withAuthToken}, and an answer may carry one the adapter never asked for.
     */
    @Override
    protected Set<String> secretFields() {
        return Set.of("authToken");
    }

    @Override
    protected Set<String> credentialHeaders() {
        return Set.of(API_KEY_HEADER);
    }

    @Override
    protected void configureProvider() {
        bind(ErrorMapper.class).to(CometChatErrorMapper.class);
        bind(ChatDirectory.class).to(CometChatDirectory.class).in(Singleton.class);
    }

    @Provides
    @Singleton
    private CometChatErrorMapper errorMapper(
            ProviderDescriptor descriptor, SecretRedactor redactor, Clock clock, ObjectMapper mapper) {
        return new CometChatErrorMapper(descriptor.id(), redactor, clock, mapper);
    }

    @Provides
    @Singleton
    private CometChatApi api(FeignClientFactory feign, ProviderConfig config, ProviderDescriptor descriptor) {
        String apiKey = config.requireProperty("apiKey");
        RequestInterceptor headers = template -> {
            template.header(API_KEY_HEADER, apiKey);
            template.header("Accept", "application/json");
            if (template.body() != null) {
                template.header("Content-Type", "application/json");
            }
        };
        return feign.create(CometChatApi.class, settings().baseUrl(), headers);
    }

    /**
     * Returns the {@code /v3} base URL of the configured app, for a configuration without an
     * endpoint; called by the provider's builder.
     *
     * @param config the configuration
     * @param providerId the provider id, for errors
     * @return the base URL, without a trailing slash
     * @throws ConfigurationException if the app id or region is missing or malformed
     */
    public static String appBaseUrl(ProviderConfig config, String providerId) {
        String appId = config.requireProperty("appId").strip();
        if (!APP_ID.matcher(appId).matches()) {
            throw new ConfigurationException(
                    "property 'appId' must be letters and digits only, as CometChat app ids are",
                    ErrorContext.of(providerId));
        }
        String region = config.property("region")
                .map(r -> r.strip().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new ConfigurationException(
                        "property 'region' is required unless an endpoint is set: one of us, eu, in",
                        ErrorContext.of(providerId)));
        if (!REGIONS.contains(region)) {
            throw new ConfigurationException(
                    "property 'region' must be one of us, eu, in, was '" + region + "'", ErrorContext.of(providerId));
        }
        return URI.create("https://" + appId + ".api-" + region + ".cometchat.io/v3")
                .toString();
    }
}
