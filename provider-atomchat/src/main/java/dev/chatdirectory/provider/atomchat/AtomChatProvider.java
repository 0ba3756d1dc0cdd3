package dev.chatdirectory.provider.atomchat;

import dev.chatdirectory.Capability;
import dev.chatdirectory.ProviderConfig;
import dev.chatdirectory.RateLimitSettings;
import dev.chatdirectory.http.HttpDirectoryBuilder;
import dev.chatdirectory.http.HttpDirectoryModule;
import dev.chatdirectory.http.HttpDirectorySettings;
import dev.chatdirectory.http.HttpProvider;
import dev.chatdirectory.provider.atomchat.internal.AtomChatModule;
import dev.chatdirectory.spi.CredentialSpec;
import dev.chatdirectory.spi.IdRule;
import dev.chatdirectory.spi.ProviderDescriptor;
import dev.chatdirectory.spi.ProviderLimits;
import java.util.EnumSet;

/**
 * The AtomChat (ex "CometChat on demand") Users/Groups REST API v2 provider, id {@value #ID}.
 *
 * <p>Reads the property {@code apiKey} (required, secret), sent as the {@code api-key} header,
 * and the option {@code listUserDetails}: user listings cost one listUsers request per 100 users
 * and hold what its rows carry (id, name, role), but no avatar or profile URL, which only {@code
 * users().get} returns; set {@code listUserDetails=true} to have listings read every listed user
 * with getUser too, at one more request per user. Either way {@link Capability#USER_LIST_ALL_FIELDS}
 * is not declared, so portable callers that need every field (a migration) read each user themselves.
 * The base URL is {@value #DEFAULT_ENDPOINT} unless {@link ProviderConfig#endpoint()} replaces it
 * (emulators, proxies). Open a directory with {@link #open(ProviderConfig)}, through {@link
 * dev.chatdirectory.ChatDirectories} discovery, or with {@link #builder()} to replace the
 * transport, retry policy or clock.
 *
 * <pre>{@code
 * ChatDirectory directory = new AtomChatProvider().open(ProviderConfig.builder()
 *         .credential("apiKey", System.getenv("ATOMCHAT_API_KEY"))
 *         .build());
 * }</pre>
 *
 * <p>What AtomChat lacks is declared unsupported in {@link #DESCRIPTOR}: searching or filtering
 * users, deactivation (so listings including deactivated users are refused), e-mail (write-only
 * at AtomChat: no read endpoint returns it), metadata, group descriptions and icons, ownership
 * transfer and member roles. Members carry a name when getGroupUserList's rows give one, but that
 * reply is undocumented, so {@link Capability#MEMBER_NAME} is not declared; bans carry no former
 * role or join time. Thread-safe; the constructor does no I/O.
 */
public final class AtomChatProvider extends HttpProvider {

    /** The provider id. */
    public static final String ID = "atomchat";

    /** The vendor's base URL; endpoint names are appended after a slash. */
    public static final String DEFAULT_ENDPOINT = "https://api.cometondemand.net/api/v2";

    /**
     * UIDs and GUIDs: AtomChat documents no character rule, but it trims ids and splits id lists
     * (UIDs, GUIDs) at commas, so an id with a comma or surrounding whitespace could never be
     * addressed reliably. 255 characters is the portable maximum; AtomChat documents none.
     */
    private static final IdRule IDS = IdRule.of(
            "[^,\\s\\p{Cntrl}](?:[^,\\p{Cntrl}]*[^,\\s\\p{Cntrl}])?",
            255,
            "any text without commas or control characters, not starting or ending with whitespace");

    /**
     * Page sizes: listUsers is always asked for exactly 100 rows (the 2018 server turns any smaller
     * limit into 100), so no page can be larger. Batches of 100 users per membership or presence
     * call are our choice: AtomChat documents no limit on comma-separated UID lists. AtomChat
     * documents no rate limit for the v2 API.
     */
    private static final ProviderLimits LIMITS = ProviderLimits.builder()
            .defaultPageSize(100)
            .maxPageSize(100)
            .maxBatchSize(100)
            .maxNameLength(255)
            .maxMetadataBytes(0)
            .defaultRateLimit(RateLimitSettings.unlimited())
            .build();

    /**
     * What AtomChat v2 supports, checked against the vendor reference and its emulator. Deleting a
     * user removes its row (the vendor's code deletes it), so the UID can be taken again.
     */
    public static final ProviderDescriptor DESCRIPTOR = ProviderDescriptor.builder(ID)
            .displayName("AtomChat (Users/Groups REST API v2)")
            .capabilities(EnumSet.of(
                    Capability.USER_HARD_DELETE,
                    Capability.USER_AVATAR,
                    Capability.USER_PROFILE_URL,
                    Capability.USER_ROLE,
                    Capability.PRESENCE,
                    Capability.PRESENCE_LAST_ACTIVE,
                    Capability.GROUP_CLIENT_IDS,
                    Capability.GROUP_TYPE_PUBLIC,
                    Capability.GROUP_TYPE_PASSWORD,
                    Capability.GROUP_TYPE_PRIVATE,
                    Capability.GROUP_UPDATE,
                    Capability.GROUP_DELETE,
                    Capability.GROUP_LIST,
                    Capability.GROUPS_OF_MEMBER,
                    Capability.GROUP_OWNER,
                    Capability.MEMBER_BANS))
            .credential(CredentialSpec.credential("apiKey")
                    .secret()
                    .description("the app's REST API key, shaped <appId>x<32 hex digits>, sent as header api-key")
                    .build())
            .userIds(IDS)
            .groupIds(IDS)
            .limits(LIMITS)
            .build();

    /** Creates the provider; does no work. */
    public AtomChatProvider() {
        super(DESCRIPTOR, AtomChatProvider::builder);
    }

    /**
     * Starts a builder of AtomChat directories, with hooks for the transport, retry policy and
     * clock.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds AtomChat directories; see {@link HttpDirectoryBuilder} for the hooks. Not thread-safe. */
    public static final class Builder extends HttpDirectoryBuilder<Builder> {

        private Builder() {
            super(DESCRIPTOR, config -> DEFAULT_ENDPOINT);
        }

        @Override
        protected HttpDirectoryModule module(HttpDirectorySettings settings) {
            return new AtomChatModule(settings);
        }
    }
}
