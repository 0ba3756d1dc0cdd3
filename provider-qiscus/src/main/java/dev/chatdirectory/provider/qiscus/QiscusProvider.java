package dev.chatdirectory.provider.qiscus;

import dev.chatdirectory.Capability;
import dev.chatdirectory.ProviderConfig;
import dev.chatdirectory.RateLimitSettings;
import dev.chatdirectory.http.HttpDirectoryBuilder;
import dev.chatdirectory.http.HttpDirectoryModule;
import dev.chatdirectory.http.HttpDirectorySettings;
import dev.chatdirectory.http.HttpProvider;
import dev.chatdirectory.provider.qiscus.internal.QiscusModule;
import dev.chatdirectory.spi.CredentialSpec;
import dev.chatdirectory.spi.EntityKind;
import dev.chatdirectory.spi.IdRule;
import dev.chatdirectory.spi.ProviderDescriptor;
import dev.chatdirectory.spi.ProviderLimits;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;

/**
 * The Qiscus Chat SDK server API v2.1 provider, id {@code qiscus}.
 *
 * <p>Properties: {@code appId} (required) and {@code secret} (required, secret) authenticate every
 * request; {@code passwordSecret} (secret) derives the users' passwords so that profile updates keep
 * their client logins working (see {@link PasswordSource}), and is required unless the builder is
 * given a {@link Builder#passwordSource PasswordSource}; {@code systemUserId} names the Qiscus
 * user who creates rooms for groups created without an owner; {@code defaultAvatarUrl} replaces
 * the placeholder avatar Qiscus gives users without one. The base URL is {@value #DEFAULT_BASE_URL}
 * unless {@link ProviderConfig#endpoint()} replaces it.
 *
 * <pre>{@code
 * ChatDirectory qiscus = QiscusProvider.builder()
 *         .config(ProviderConfig.builder()
 *                 .credential("appId", "my-app")
 *                 .credential("secret", System.getenv("QISCUS_SECRET"))
 *                 .credential("passwordSecret", System.getenv("QISCUS_PASSWORD_SECRET"))
 *                 .build())
 *         .build();
 * }</pre>
 *
 * <p>Groups are Qiscus group rooms ({@link Capability#GROUP_TYPE_PRIVATE}: members join only when
 * added) with the {@code room_id} Qiscus assigns; Qiscus has no endpoint to delete or list all
 * rooms, no presence, no member roles and no bans, so those capabilities are not declared. All
 * groups are still read user by user ({@link Capability#GROUPS_OF_MEMBER}). The
 * package documentation explains every mapping. Thread-safe; does no I/O until a directory is used.
 *
 * <p>Creating a user: Qiscus has no create-only call, only {@code login_or_register}, which
 * overwrites an existing user (and its password). So a create looks the id up first and registers
 * only a free id, and creates of one id through the same directory run one at a time: of threads
 * creating the same id at once, exactly one gets the user and the others {@link
 * dev.chatdirectory.AlreadyExistsException}. Across directory instances or processes nothing
 * serialises them: two creates of one id that pass their look-ups within the same round trip both
 * register, the later overwriting the earlier's profile and password, and both report success.
 * Applications that create users from several processes give each id one creating process (for
 * example by partitioning ids), or create users from one directory instance.
 *
 * <p>Deactivated users (Qiscus's delete deactivates) are not listed: {@link
 * Capability#USER_LIST_DEACTIVATED} is not declared, because Qiscus documents no way to list them.
 * Its Go client sends {@code get_user_list} a {@code show_all} flag whose meaning is undocumented
 * (the vendor notes guess "include deactivated users"), and Qiscus gives no deactivation time; a
 * listing that might silently leave deactivated users out would hide a loss from a migration,
 * where a refused one reports it before anything is copied. Members carry the participant's {@code
 * username} as their name; Qiscus reports no join time.
 */
public final class QiscusProvider extends HttpProvider {

    /** The provider id. */
    public static final String ID = "qiscus";

    /** The documented base URL every endpoint name is appended to. */
    public static final String DEFAULT_BASE_URL = "https://api.qiscus.com/api/v2.1/rest";

    /** What the provider is and can do. */
    public static final ProviderDescriptor DESCRIPTOR = ProviderDescriptor.builder(ID)
            .displayName("Qiscus (Chat SDK server API v2.1)")
            .capabilities(EnumSet.of(
                    Capability.USER_DEACTIVATION,
                    Capability.USER_AVATAR,
                    Capability.USER_METADATA,
                    Capability.USER_LIST_ALL_FIELDS,
                    Capability.GROUP_TYPE_PRIVATE,
                    Capability.GROUP_UPDATE,
                    Capability.GROUP_ICON,
                    Capability.GROUP_METADATA,
                    Capability.GROUP_OWNER,
                    // Participants are user objects with the user's "username" [REPO] [LIB].
                    Capability.MEMBER_NAME,
                    Capability.GROUPS_OF_MEMBER))
            .credential(CredentialSpec.credential("appId")
                    .description("Qiscus app id, sent as QISCUS-SDK-APP-ID")
                    .build())
            .credential(CredentialSpec.credential("secret")
                    .secret()
                    .description("Qiscus secret key, sent as QISCUS-SDK-SECRET")
                    .build())
            .credential(CredentialSpec.credential("passwordSecret")
                    .required(false)
                    .secret()
                    .description("key (16+ characters) deriving each user's Qiscus password with HMAC-SHA256;"
                            + " required unless the builder is given a PasswordSource")
                    .build())
            .credential(CredentialSpec.setting("systemUserId")
                    .description("existing Qiscus user who creates the rooms of groups created without an owner")
                    .build())
            .credential(CredentialSpec.setting("defaultAvatarUrl")
                    .description("the placeholder avatar Qiscus gives users and rooms without one")
                    .build())
            // "Any string without symbols except . - _ @" [DOC]; no length limit is documented.
            .userIds(IdRule.of("[A-Za-z0-9._@-]+", 255, "letters, digits and . - _ @"))
            // Room ids are strings of digits assigned by Qiscus.
            .groupIds(IdRule.of("[0-9]+", 20, "a Qiscus room id: digits"))
            // Page sizes: 20 is the default of Qiscus's own Go client, 100 the largest page Qiscus
            // documents for its listings. Qiscus documents no batch limit; one unknown user makes it
            // refuse a whole batch, which is then sent user by user, so batches of 50 (half a full
            // group room) bound that cost. Qiscus documents no name, metadata or rate limits.
            .limits(ProviderLimits.builder()
                    .defaultPageSize(20)
                    .maxPageSize(100)
                    .maxBatchSize(50)
                    .maxNameLength(255)
                    .maxMetadataBytes(64 * 1024)
                    .defaultRateLimit(RateLimitSettings.unlimited())
                    .build())
            // Qiscus assigns room ids and cannot look a room up by anything a create sends (no
            // listing of all rooms either), so a group create whose answer is lost cannot be checked.
            .unrecoverableCreates(EnumSet.of(EntityKind.GROUP))
            .build();

    /** Creates the provider; does no work. */
    public QiscusProvider() {
        super(DESCRIPTOR, QiscusProvider::builder);
    }

    /**
     * Starts a builder of Qiscus directories, with hooks for the transport, retry policy and clock,
     * and the Qiscus option {@link Builder#passwordSource}.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds Qiscus directories; see {@link HttpDirectoryBuilder} for the shared hooks. A directory
     * needs the users' passwords (see {@link PasswordSource}): either the {@code passwordSecret}
     * property or a {@link #passwordSource}, not both; {@link #build()} fails with a {@link
     * dev.chatdirectory.ConfigurationException} naming {@code passwordSecret} otherwise. Not
     * thread-safe.
     */
    public static final class Builder extends HttpDirectoryBuilder<Builder> {

        private PasswordSource passwords;

        private Builder() {
            super(DESCRIPTOR, config -> DEFAULT_BASE_URL);
        }

        /**
         * Looks users' passwords up with the given source instead of deriving them from the {@code
         * passwordSecret} property.
         *
         * @param passwords answers the password each user's clients log in with
         * @return this builder; building fails if {@code passwordSecret} is set too
         */
        public Builder passwordSource(PasswordSource passwords) {
            this.passwords = Objects.requireNonNull(passwords, "passwords");
            return this;
        }

        @Override
        protected HttpDirectoryModule module(HttpDirectorySettings settings) {
            return new QiscusModule(settings, Optional.ofNullable(passwords).map(source -> source::passwordFor));
        }
    }
}
