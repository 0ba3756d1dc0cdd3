package dev.chatdirectory.provider.qiscus.internal;

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
import dev.chatdirectory.http.WireJson;
import dev.chatdirectory.provider.qiscus.PasswordSource;
import dev.chatdirectory.provider.qiscus.QiscusProvider;
import dev.chatdirectory.spi.ProviderDescriptor;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;

/**
 * Assembles a Qiscus directory: the Feign client with the two authentication headers, the error
 * mapper, the JSON mapper, the password source and the facets.
 */
public final class QiscusModule extends HttpDirectoryModule {

    /** The documented spelling; the underscore forms are dropped by many proxies (nginx by default). */
    static final String APP_ID_HEADER = "QISCUS-SDK-APP-ID";

    /** The documented spelling of the secret-key header. */
    static final String SECRET_HEADER = "QISCUS-SDK-SECRET";

    private final Optional<PasswordSource> passwords;

    /**
     * Creates the module.
     *
     * @param settings what the directory is assembled from
     * @param passwords a password source given to the builder, replacing the {@code passwordSecret}
     *     property
     */
    public QiscusModule(HttpDirectorySettings settings, Optional<PasswordSource> passwords) {
        super(settings);
        this.passwords = Objects.requireNonNull(passwords, "passwords");
    }

    @Override
    protected void configureProvider() {
        bind(ErrorMapper.class).to(QiscusErrorMapper.class).in(Singleton.class);
        bind(ChatDirectory.class).to(QiscusDirectory.class).in(Singleton.class);
    }

    @Provides
    @Singleton
    QiscusApi api(FeignClientFactory factory, ProviderConfig config) {
        String appId = config.requireProperty("appId");
        String secret = config.requireProperty("secret");
        String baseUrl = config.endpoint().map(URI::toString).orElse(QiscusProvider.DEFAULT_BASE_URL);
        return factory.create(
                QiscusApi.class,
                baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl,
                template -> template.header(APP_ID_HEADER, appId).header(SECRET_HEADER, secret));
    }

    @Provides
    @Singleton
    UserPasswords passwords(ProviderConfig config, ProviderDescriptor descriptor) {
        Optional<String> secret = config.property("passwordSecret").filter(s -> !s.isBlank());
        if (passwords.isPresent() && secret.isPresent()) {
            throw configurationError(
                    descriptor, "set either the passwordSecret property or a PasswordSource on the builder, not both");
        }
        if (secret.isEmpty()) {
            return new UserPasswords(descriptor.id(), passwords);
        }
        try {
            return new UserPasswords(descriptor.id(), Optional.of(PasswordSource.hmacSha256(secret.get())));
        } catch (IllegalArgumentException e) {
            // The message names the rule, never the value.
            throw configurationError(descriptor, "property 'passwordSecret': " + e.getMessage());
        }
    }

    @Provides
    @Singleton
    QiscusMapper mapper(WireJson wire, ProviderConfig config, ProviderDescriptor descriptor) {
        String avatar = config.property("defaultAvatarUrl").orElse(QiscusMapper.DEFAULT_AVATAR_URL);
        URI uri = parse(avatar);
        if (uri == null || !uri.isAbsolute() || uri.getHost() == null) {
            throw configurationError(descriptor, "property 'defaultAvatarUrl' must be an absolute URL, was " + avatar);
        }
        return new QiscusMapper(wire, avatar);
    }

    @Provides
    @Singleton
    RoomCreator roomCreator(ProviderConfig config, ProviderDescriptor descriptor) {
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
