package dev.chatdirectory.provider.atomchat.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.ProviderConfig;
import dev.chatdirectory.http.ErrorMapper;
import dev.chatdirectory.http.FeignClientFactory;
import dev.chatdirectory.http.FormEncoder;
import dev.chatdirectory.http.HttpDirectoryModule;
import dev.chatdirectory.http.HttpDirectorySettings;
import dev.chatdirectory.http.SecretRedactor;
import dev.chatdirectory.spi.ProviderDescriptor;
import feign.RequestTemplate;
import feign.codec.EncodeException;
import java.lang.reflect.Type;
import java.time.Clock;
import java.util.Set;

/**
 * The Guice assembly of one AtomChat directory: the shared HTTP parts of {@link
 * HttpDirectoryModule} plus AtomChat's Feign client (form bodies, {@code api-key} header, envelope
 * decoder), error mapper and directory.
 */
public final class AtomChatModule extends HttpDirectoryModule {

    /** The header AtomChat reads the API key from. */
    static final String API_KEY_HEADER = "api-key";

    /**
     * Creates the module.
     *
     * @param settings the configuration and replaced parts of the directory
     */
    public AtomChatModule(HttpDirectorySettings settings) {
        super(settings);
    }

    @Override
    protected Set<String> credentialHeaders() {
        return Set.of(API_KEY_HEADER);
    }

    @Override
    protected void configureProvider() {
        bind(ErrorMapper.class).to(AtomChatErrorMapper.class);
        bind(ChatDirectory.class).to(AtomChatDirectory.class).in(Singleton.class);
    }

    @Provides
    @Singleton
    private AtomChatErrorMapper errorMapper(
            ProviderDescriptor descriptor, SecretRedactor redactor, Clock clock, ObjectMapper mapper) {
        return new AtomChatErrorMapper(descriptor, redactor, clock, mapper);
    }

    @Provides
    @Singleton
    private AtomChatApi atomChatApi(
            FeignClientFactory factory, AtomChatErrorMapper errors, ObjectMapper mapper, ProviderConfig config) {
        String apiKey = config.requireProperty("apiKey");
        return factory.builder(new AtomChatEnvelope(errors, mapper))
                .encoder(new FormEncoder(AtomChatModule::refuseNonForm))
                .requestInterceptor(template -> template.header(API_KEY_HEADER, apiKey))
                .target(AtomChatApi.class, settings().baseUrl());
    }

    @Provides
    @Singleton
    private ListedUsers listedUsers(ProviderConfig config, ProviderDescriptor descriptor) {
        return ListedUsers.from(config, descriptor);
    }

    /** Every AtomChat request is a form; anything else is a programming error. */
    private static void refuseNonForm(Object body, Type bodyType, RequestTemplate template) {
        throw new EncodeException("AtomChat requests carry form fields, not " + bodyType);
    }
}
