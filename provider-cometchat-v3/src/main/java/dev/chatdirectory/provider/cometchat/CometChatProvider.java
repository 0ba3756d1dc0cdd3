package dev.chatdirectory.provider.cometchat;

import dev.chatdirectory.Capability;
import dev.chatdirectory.RateLimitSettings;
import dev.chatdirectory.http.HttpDirectoryBuilder;
import dev.chatdirectory.http.HttpDirectoryModule;
import dev.chatdirectory.http.HttpDirectorySettings;
import dev.chatdirectory.http.HttpProvider;
import dev.chatdirectory.provider.cometchat.internal.CometChatModule;
import dev.chatdirectory.spi.CredentialSpec;
import dev.chatdirectory.spi.IdRule;
import dev.chatdirectory.spi.ProviderDescriptor;
import dev.chatdirectory.spi.ProviderLimits;
import java.util.EnumSet;

/**
 * The CometChat REST API v3 provider, id {@value #ID}.
 *
 * <p>Open a directory through discovery ({@code ChatDirectories.open}) or directly:
 *
 * <pre>{@code
 * ChatDirectory directory = new CometChatProvider().open(ProviderConfig.builder()
 *         .credential("appId", "1234567890abcdef")
 *         .credential("region", "eu")
 *         .credential("apiKey", restApiKey)
 *         .build());
 * }</pre>
 *
 * <p>{@link #builder()} gives typed hooks to replace the HTTP client, retry policy or clock. The
 * descriptor declares every capability except {@link Capability#USER_EMAIL}: CometChat users have
 * no e-mail field. The constructor does no work; the class is thread-safe.
 *
 * <p>What CometChat reports beyond the core fields: deactivated users are listed with {@code
 * withDeactivated=true} and marked by their {@code deactivatedAt}, while {@code GET /users/{uid}}
 * answers "not found" for them, so {@code get} never returns one; members carry the user's {@code
 * name}; banned users carry the {@code scope} and {@code joinedAt} of the membership the ban ended,
 * but no time of the ban ({@code bannedAt} stays empty).
 */
public final class CometChatProvider extends HttpProvider {

    /** The provider id. */
    public static final String ID = "cometchat-v3";

    private static final IdRule IDS =
            IdRule.of("[a-z0-9_-]+", 100, "lowercase letters, digits, '-' and '_' (CometChat lower-cases ids)");

    /** What CometChat v3 is and can do. */
    public static final ProviderDescriptor DESCRIPTOR = ProviderDescriptor.builder(ID)
            .displayName("CometChat (REST API v3)")
            // E-mail is left out rather than hidden in metadata["@private"]: whether CometChat
            // echoes that private block back is undocumented, and a field that may silently vanish
            // on read is worse than one a migration plan reports as not carried over.
            .capabilities(EnumSet.complementOf(EnumSet.of(Capability.USER_EMAIL)))
            .credential(CredentialSpec.credential("appId")
                    .description("CometChat app id, the first label of the API host")
                    .build())
            .credential(CredentialSpec.setting("region")
                    .description("data region of the app: us, eu or in; required unless endpoint is set")
                    .build())
            .credential(CredentialSpec.credential("apiKey")
                    .secret()
                    .description("REST API key with fullAccess scope, sent as the apikey header")
                    .build())
            // CometChat lower-cases UIDs and GUIDs; accepting only lower case keeps the id a caller
            // passes identical to the id the vendor stores and returns.
            .userIds(IDS)
            .groupIds(IDS)
            .limits(ProviderLimits.builder()
                    .defaultPageSize(100)
                    .maxPageSize(1000)
                    // At most 25 UIDs per add-members call.
                    .maxBatchSize(25)
                    .maxNameLength(100)
                    // "5 KB" in the current docs, read as 5,000 bytes, the smaller reading.
                    .maxMetadataBytes(5000)
                    // Core operations (create and delete users, create groups): 10,000 requests a minute.
                    .defaultRateLimit(RateLimitSettings.perMinute(10_000))
                    .build())
            .build();

    /** Creates the provider; does no I/O. */
    public CometChatProvider() {
        super(DESCRIPTOR, CometChatProvider::builder);
    }

    /**
     * Starts a builder of CometChat directories, with hooks to replace the HTTP client, retry
     * policy and clock.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds CometChat directories; see {@link HttpDirectoryBuilder} for the hooks. Without an
     * endpoint, the base URL is {@code https://{appId}.api-{region}.cometchat.io/v3}. Not
     * thread-safe.
     */
    public static final class Builder extends HttpDirectoryBuilder<Builder> {

        private Builder() {
            super(DESCRIPTOR, config -> CometChatModule.appBaseUrl(config, ID));
        }

        @Override
        protected HttpDirectoryModule module(HttpDirectorySettings settings) {
            return new CometChatModule(settings);
        }
    }
}
