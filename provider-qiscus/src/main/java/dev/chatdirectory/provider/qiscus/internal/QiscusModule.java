package dev.chatdirectory.provider.qiscus.internal;

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
import dev.chatdirectory.http.WireJson;
import dev.chatdirectory.spi.ProviderDescriptor;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Assembles a Qiscus directory: the Feign client with the two authentication headers, the error
 * mapper, the JSON mapper, the password source and the facets.
 */
public final class QiscusModule extends HttpDirectoryModule {

    /** The documented spelling; the underscore forms are dropped by many proxies (nginx by default). */
    static final String APP_ID_HEADER = "QISCUS-SDK-APP-ID";

    /** The documented spelling of the secret-key header. */
    static final String SECRET_HEADER = "QISCUS-SDK-SECRET";

    private final Optional<Function<String, String>> passwords;

    /**
     * Creates the module; called by the provider's builder.
     *
     * @param settings what the directory is assembled from
     * @param passwords the password source given to the builder (user id to password), replacing
     *     the {@code passwordSecret} property
     */
    public QiscusModule(HttpDirectorySettings settings, Optional<Function<String, String>> passwords) {
        super(settings);
        this.passwords = Objects.requireNonNull(passwords, "passwords");
    }

    @Override
    protected Set<String> credentialHeaders() {
        return Set.of(SECRET_HEADER);
    }

    @Override
    protected void configureProvider() {
        bind(ErrorMapper.class).to(QiscusErrorMapper.class);
        bind(ChatDirectory.class).to(QiscusDirectory.class).in(Singleton.class);
    }

    @Provides
    @Singleton
    private QiscusErrorMapper errorMapper(
            ProviderDescriptor descriptor, SecretRedactor redactor, Clock clock, ObjectMapper json) {
        return new QiscusErrorMapper(descriptor, redactor, clock, json);
    }

    @Provides
    @Singleton
    private QiscusApi api(FeignClientFactory factory, ProviderConfig config) {
        String appId = config.requireProperty("appId");
        String secret = config.requireProperty("secret");
        return factory.create(
                QiscusApi.class,
                settings().baseUrl(),
                template -> template.header(APP_ID_HEADER, appId).header(SECRET_HEADER, secret));
    }

    @Provides
    @Singleton
    private UserPasswords passwords(ProviderConfig config, ProviderDescriptor descriptor) {
        Optional<String> secret = config.property("passwordSecret").filter(s -> !s.isBlank());
        if (passwords.isPresent() && secret.isPresent()) {
            throw configurationError(
                    descriptor, "set either the passwordSecret property or a PasswordSource on the builder, not both");
        }
        if (passwords.isPresent()) {
            return new UserPasswords(descriptor.id(), passwords.get());
        }
        // Checked here, when the directory is opened, rather than on the first update: without
        // the users' passwords Qiscus cannot update a user without logging its clients out.
        if (secret.isEmpty()) {
            throw configurationError(
                    descriptor,
                    "property 'passwordSecret' is required (or a PasswordSource on the builder): Qiscus updates"
                            + " a user only with the password its clients log in with");
        }
        try {
            return new UserPasswords(descriptor.id(), UserPasswords.hmacSha256(secret.get()));
        } catch (IllegalArgumentException e) {
            // The message names the rule, never the value.
            throw configurationError(descriptor, "property 'passwordSecret': " + e.getMessage());
        }
    }

    @Provides
    @Singleton
    private QiscusMapper mapper(WireJson wire, ProviderConfig config, ProviderDescriptor descriptor) {
        String avatar = config.property("defaultAvatarUrl").orElse(QiscusMapper.DEFAULT_AVATAR_URL);
        URI uri = parse(avatar);
        if (uri == null || !uri.isAbsolute() || uri.getHost() == null) {
            throw configurationError(descriptor, "property 'defaultAvatarUrl' must be an absolute URL, was " + avatar);
        }
        return new QiscusMapper(wire, avatar);
    }

    @Provides
    @Singleton
    private RoomCreator roomCreator(ProviderConfig config, ProviderDescriptor descriptor) {
        Optional<String> systemUser = config.property("systemUserId").filter(s -> !s.isBlank());
        systemUser.ifPresent(id -> {
            if (!descriptor.userIds().accepts(id)) {
                throw configurationError(
                        descriptor,
                        "property 'systemUserId' must be a Qiscus user id ("
                                + descriptor.userIds().description() + "), was " + id);
            }
        });
        return new RoomCreator(systemUser);
    }

    private static URI parse(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static ConfigurationException configurationError(ProviderDescriptor descriptor, String message) {
        return new ConfigurationException(message, ErrorContext.of(descriptor.id()));
    }
}
