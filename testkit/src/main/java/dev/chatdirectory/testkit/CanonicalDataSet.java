package dev.chatdirectory.testkit;

import dev.chatdirectory.Capability;
import dev.chatdirectory.model.GroupCreate;
import dev.chatdirectory.model.GroupType;
import dev.chatdirectory.model.MemberRole;
import dev.chatdirectory.model.MemberSpec;
import dev.chatdirectory.model.UserCreate;
import dev.chatdirectory.spi.ProviderDescriptor;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The directory every provider is tested with: users with non-ASCII names and rich metadata,
 * groups of every type, members with every role, deactivated users and banned members, enough of
 * each to span several pages at small page sizes.
 *
 * <p>Entries are named by short keys ({@code "zoe"}, {@code "cafe"}); their ids are the key
 * prefixed with a <em>scope</em>, e.g. {@code "t4k9x2qa-zoe"}, so that tests and runs sharing one
 * backend never collide. Every id satisfies the strictest vendor rule: lowercase {@code
 * [a-z0-9_-]}, at most {@value #MAX_ID_LENGTH} characters.
 *
 * <p>The methods taking a {@link ProviderDescriptor} adapt the data to what a provider supports:
 * fields whose capability it lacks are left out, roles become {@link MemberRole#PARTICIPANT}
 * without {@link Capability#MEMBER_ROLES}, and group ids are left to the provider without {@link
 * Capability#GROUP_CLIENT_IDS}. Create the users before the groups: groups name owners. Deactivate
 * the {@linkplain #deactivatedUserKeys() deactivated users} and ban the {@linkplain #banned(String)
 * banned members} last: only members can be banned, and deactivated users cannot be added.
 *
 * <p>Immutable and thread-safe.
 */
public final class CanonicalDataSet {

    /** The longest id the data set produces, the strictest vendor limit. */
    public static final int MAX_ID_LENGTH = 50;

    /** The pattern every id of the data set matches, the strictest vendor alphabet. */
    public static final Pattern ID_PATTERN = Pattern.compile("[a-z0-9_-]{1," + MAX_ID_LENGTH + "}");

    private static final Pattern SCOPE = Pattern.compile("[a-z0-9]{1,16}");
    private static final Pattern KEY = Pattern.compile("[a-z0-9_-]{1,32}");
    private static final String SCOPE_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private static final Map<String, UserSeed> USERS = new LinkedHashMap<>();
    private static final Map<String, GroupSeed> GROUPS = new LinkedHashMap<>();
    private static final List<String> DEACTIVATED = List.of("obrien", "priya");

    static {
        user("zoe", "Zoë Ångström", "vip", richMetadata());
        user("yamada", "山田太郎", "staff", Map.of("department", "開発部", "level", 3, "remote", false));
        user("dorde", "Đorđe Petrović", "default", Map.of("city", "Novi Sad", "languages", List.of("sr", "en")));
        user("rocket", "Ana 🚀 Lima", "vip", Map.of("emoji", "🚀✨", "score", 99.5));
        user("family", "Família 👩‍👩‍👧 Souza", "default", Map.of());
        user("maria", "Мария Иванова", "staff", Map.of("отдел", "Продажи", "manager", true));
        user("amira", "أميرة حداد", "default", Map.of("direction", "rtl", "greeting", "مرحبا"));
        user("eleni", "Ελένη Παπαδοπούλου", "vip", Map.of("team", Map.of("name", "Ωμέγα", "size", 7)));
        user("minjun", "김민준", "default", Map.of("hangul", true));
        user("nguyen", "Nguyễn Thị Minh Khai", "staff", Map.of("since", 1_700_000_000_000L));
        user("obrien", "Seán O'Brien \"Junior\"", "default", Map.of("quote", "\"hi\" \\ o/", "tab", "a\tb"));
        user("soren", "Søren Kierkegaard", "vip", Map.of("ratio", 0.25, "nested", List.of(Map.of("k", "v"))));
        user("priya", "प्रिया शर्मा", "default", Map.of("script", "देवनागरी"));
        user("plain", "Plain Ascii User", "default", Map.of());

        group("cafe", "Café ☕ Lovers", GroupType.PUBLIC, "zoe", Map.of("topic", "coffee ☕", "weekly", true));
        group("general", "Général — Ünïcödé", GroupType.PUBLIC, "dorde", Map.of());
        group("tokyo", "東京ミートアップ", GroupType.PUBLIC, "yamada", Map.of("city", "東京", "capacity", 40));
        group("vault", "Ångström Vault 🔐", GroupType.PASSWORD, "zoe", Map.of("tier", List.of(1, 2, 3)));
        group("club", "Клуб любителей", GroupType.PASSWORD, "maria", Map.of());
        group("secret", "Sala Secreta ñ", GroupType.PASSWORD, "dorde", Map.of("open", false));
        group("yamada", "山田の部屋", GroupType.PRIVATE, "yamada", Map.of("owner", "山田"));
        group("athens", "Αθήνα team", GroupType.PRIVATE, "eleni", Map.of());
        group("seoul", "서울 스터디", GroupType.PRIVATE, "minjun", Map.of("level", Map.of("min", 1, "max", 5)));

        members("cafe", "zoe:ADMIN", "yamada:MODERATOR", "dorde", "rocket", "maria", "amira", "eleni");
        members("general", "dorde:ADMIN", "nguyen:MODERATOR", "obrien", "soren");
        members("tokyo", "yamada:ADMIN", "minjun", "priya");
        members("vault", "zoe:ADMIN", "soren:MODERATOR", "plain");
        members("club", "maria:ADMIN", "family");
        members("secret", "dorde:ADMIN", "obrien:MODERATOR");
        members("yamada", "yamada:ADMIN", "minjun:MODERATOR", "nguyen", "family");
        members("athens", "eleni:ADMIN", "soren", "rocket");
        members("seoul", "minjun:ADMIN", "priya:MODERATOR", "amira");

        banned("cafe", "yamada", "amira");
        banned("general", "soren");
        banned("athens", "rocket");
    }

    private final String scope;

    private CanonicalDataSet(String scope) {
        this.scope = scope;
    }

    /**
     * Returns the data set with ids in the given scope.
     *
     * @param scope 1 to 16 lowercase letters and digits
     * @return the data set
     * @throws IllegalArgumentException if the scope has other characters or is too long
     */
    public static CanonicalDataSet withScope(String scope) {
        Objects.requireNonNull(scope, "scope");
        if (!SCOPE.matcher(scope).matches()) {
            throw new IllegalArgumentException("scope must match " + SCOPE.pattern() + ": " + scope);
        }
        return new CanonicalDataSet(scope);
    }

    /** {@return the data set in a fresh random scope of 8 characters} */
    public static CanonicalDataSet withRandomScope() {
        return new CanonicalDataSet(randomScope());
    }

    /** {@return a random scope: a letter and 7 lowercase letters or digits} */
    public static String randomScope() {
        StringBuilder sb = new StringBuilder(8);
        sb.append(SCOPE_ALPHABET.charAt(RANDOM.nextInt(26)));
        for (int i = 1; i < 8; i++) {
            sb.append(SCOPE_ALPHABET.charAt(RANDOM.nextInt(SCOPE_ALPHABET.length())));
        }
        return sb.toString();
    }

    /** {@return the scope prefixed to every id} */
    public String scope() {
        return scope;
    }

    /**
     * Returns the id of a key in this scope; works for any key, not only the data set's own.
     *
     * @param key 1 to 32 characters of {@code [a-z0-9_-]}
     * @return {@code scope + "-" + key}
     */
    public String id(String key) {
        Objects.requireNonNull(key, "key");
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("key must match " + KEY.pattern() + ": " + key);
        }
        return scope + "-" + key;
    }

    /** {@return the keys of the canonical users, in data-set order} */
    public static List<String> userKeys() {
        return List.copyOf(USERS.keySet());
    }

    /**
     * Returns the keys of the canonical users that the canonical directory holds deactivated: a
     * copy must carry them over as deactivated users, not lose them. They are members of groups,
     * but none is an owner or banned.
     *
     * @return the keys, in data-set order
     */
    public static List<String> deactivatedUserKeys() {
        return DEACTIVATED;
    }

    /** {@return the keys of the canonical groups, in data-set order} */
    public static List<String> groupKeys() {
        return List.copyOf(GROUPS.keySet());
    }

    /**
     * Returns a canonical user with every field set.
     *
     * @param key a key of {@link #userKeys()}
     * @return the request
     * @throws NoSuchElementException for an unknown key
     */
    public UserCreate user(String key) {
        return user(key, null);
    }

    /**
     * Returns a canonical user with the fields a provider supports.
     *
     * @param key a key of {@link #userKeys()}
     * @param provider the provider's descriptor
     * @return the request
     * @throws NoSuchElementException for an unknown key
     */
    public UserCreate user(String key, ProviderDescriptor provider) {
        UserSeed seed = seed(USERS, key, "user");
        UserCreate.Builder b = UserCreate.builder(id(key), seed.name());
        if (supports(provider, Capability.USER_AVATAR)) {
            b.avatarUrl("https://avatars.example.com/" + key + ".png");
        }
        if (supports(provider, Capability.USER_PROFILE_URL)) {
            b.profileUrl("https://people.example.com/profiles/" + key + "?lang=en");
        }
        if (supports(provider, Capability.USER_EMAIL)) {
            b.email(key + "." + scope + "@example.com");
        }
        if (supports(provider, Capability.USER_ROLE)) {
            b.role(seed.role());
        }
        if (supports(provider, Capability.USER_METADATA)) {
            b.metadata(seed.metadata());
        }
        return b.build();
    }

    /** {@return every canonical user with every field set, in data-set order} */
    public List<UserCreate> users() {
        return USERS.keySet().stream().map(this::user).toList();
    }

    /**
     * Returns every canonical user with the fields a provider supports.
     *
     * @param provider the provider's descriptor
     * @return the requests, in data-set order
     */
    public List<UserCreate> users(ProviderDescriptor provider) {
        Objects.requireNonNull(provider, "provider");
        return USERS.keySet().stream().map(k -> user(k, provider)).toList();
    }

    /**
     * Returns a canonical group with every field set and a client-chosen id.
     *
     * @param key a key of {@link #groupKeys()}
     * @return the request
     * @throws NoSuchElementException for an unknown key
     */
    public GroupCreate group(String key) {
        return group(seed(GROUPS, key, "group"), null);
    }

    /**
     * Returns a canonical group as a provider can create it.
     *
     * @param key a key of {@link #groupKeys()}
     * @param provider the provider's descriptor
     * @return the request, empty if the provider lacks the group's type
     * @throws NoSuchElementException for an unknown key
     */
    public Optional<GroupCreate> group(String key, ProviderDescriptor provider) {
        Objects.requireNonNull(provider, "provider");
        GroupSeed seed = seed(GROUPS, key, "group");
        return provider.supports(seed.type().capability()) ? Optional.of(group(seed, provider)) : Optional.empty();
    }

    /** {@return every canonical group with every field set, in data-set order} */
    public List<GroupCreate> groups() {
        return GROUPS.values().stream().map(g -> group(g, null)).toList();
    }

    /**
     * Returns the canonical groups a provider can create, as it can create them.
     *
     * @param provider the provider's descriptor
     * @return the requests, in data-set order, leaving out groups of types the provider lacks
     */
    public List<GroupCreate> groups(ProviderDescriptor provider) {
        return GROUPS.keySet().stream()
                .map(k -> group(k, provider))
                .flatMap(Optional::stream)
                .toList();
    }

    /**
     * Returns the password of a canonical password group in this scope.
     *
     * @param key a key of {@link #groupKeys()}
     * @return the password, unique to the scope so that a leak can be searched for
     */
    public String password(String key) {
        return "pw-" + scope + "-" + key + "-S3cret";
    }

    /**
     * Returns the canonical members of a group with their roles (every group has an admin).
     *
     * @param groupKey a key of {@link #groupKeys()}
     * @return the members, in data-set order
     */
    public List<MemberSpec> members(String groupKey) {
        return seed(GROUPS, groupKey, "group").members().entrySet().stream()
                .map(e -> MemberSpec.of(id(e.getKey()), e.getValue()))
                .toList();
    }

    /**
     * Returns the canonical members of a group as a provider can add them.
     *
     * @param groupKey a key of {@link #groupKeys()}
     * @param provider the provider's descriptor
     * @return the members, every one a participant without {@link Capability#MEMBER_ROLES}
     */
    public List<MemberSpec> members(String groupKey, ProviderDescriptor provider) {
        return withRolesOf(provider, members(groupKey));
    }

    /**
     * Returns the canonical bans of a group: members of it, each with the role it has until banned
     * (the role a ban list reports as the former role). No owner is banned.
     *
     * @param groupKey a key of {@link #groupKeys()}
     * @return the banned members, in data-set order; empty for a group without bans
     */
    public List<MemberSpec> banned(String groupKey) {
        GroupSeed seed = seed(GROUPS, groupKey, "group");
        return seed.banned().stream()
                .map(userKey -> MemberSpec.of(id(userKey), seed.members().get(userKey)))
                .toList();
    }

    /**
     * Returns the canonical bans of a group as a provider can set them up.
     *
     * @param groupKey a key of {@link #groupKeys()}
     * @param provider the provider's descriptor
     * @return the banned members, every one a former participant without {@link
     *     Capability#MEMBER_ROLES}
     */
    public List<MemberSpec> banned(String groupKey, ProviderDescriptor provider) {
        return withRolesOf(provider, banned(groupKey));
    }

    /** Makes every member a participant for a provider without {@link Capability#MEMBER_ROLES}. */
    private static List<MemberSpec> withRolesOf(ProviderDescriptor provider, List<MemberSpec> members) {
        boolean roles = provider.supports(Capability.MEMBER_ROLES);
        return members.stream()
                .map(m -> roles ? m : MemberSpec.participant(m.userId()))
                .toList();
    }

    /** Describes the data set by its scope. */
    @Override
    public String toString() {
        return "CanonicalDataSet[scope=" + scope + ", users=" + USERS.size() + ", groups=" + GROUPS.size() + "]";
    }

    private GroupCreate group(GroupSeed seed, ProviderDescriptor provider) {
        GroupCreate.Builder b = supports(provider, Capability.GROUP_CLIENT_IDS)
                ? GroupCreate.builder(id(seed.key()), seed.name(), seed.type())
                : GroupCreate.withoutId(seed.name(), seed.type());
        if (seed.type() == GroupType.PASSWORD) {
            b.password(password(seed.key()));
        }
        if (supports(provider, Capability.GROUP_DESCRIPTION)) {
            b.description(
                    "« " + seed.name() + " » — canonical " + seed.type().name().toLowerCase() + " group");
        }
        if (supports(provider, Capability.GROUP_ICON)) {
            b.iconUrl("https://icons.example.com/groups/" + seed.key() + ".svg");
        }
        if (supports(provider, Capability.GROUP_OWNER)) {
            b.ownerId(id(seed.owner()));
        }
        if (supports(provider, Capability.GROUP_METADATA)) {
            b.metadata(seed.metadata());
        }
        return b.build();
    }

    private static boolean supports(ProviderDescriptor provider, Capability capability) {
        return provider == null || provider.supports(capability);
    }

    private static <T> T seed(Map<String, T> seeds, String key, String kind) {
        T seed = seeds.get(Objects.requireNonNull(key, "key"));
        if (seed == null) {
            throw new NoSuchElementException("no canonical " + kind + " '" + key + "'; known: " + seeds.keySet());
        }
        return seed;
    }

    private static Map<String, Object> richMetadata() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("department", "Recherche & Développement");
        m.put("level", 7);
        m.put("score", 3.5);
        m.put("verified", true);
        m.put("suspended", false);
        m.put("since", 1_700_000_000_000L);
        m.put("tags", List.of("α", "β", "γ", 42, true));
        m.put("address", Map.of("city", "Zürich", "geo", Map.of("lat", 47.3769, "lng", 8.5417)));
        return m;
    }

    private static void user(String key, String name, String role, Map<String, Object> metadata) {
        USERS.put(key, new UserSeed(name, role, metadata));
    }

    private static void group(String key, String name, GroupType type, String owner, Map<String, Object> metadata) {
        GROUPS.put(key, new GroupSeed(key, name, type, owner, metadata, new LinkedHashMap<>(), new ArrayList<>()));
    }

    private static void members(String groupKey, String... entries) {
        Map<String, MemberRole> members = GROUPS.get(groupKey).members();
        for (String entry : entries) {
            int colon = entry.indexOf(':');
            String userKey = colon < 0 ? entry : entry.substring(0, colon);
            MemberRole role = colon < 0 ? MemberRole.PARTICIPANT : MemberRole.valueOf(entry.substring(colon + 1));
            members.put(userKey, role);
        }
    }

    private static void banned(String groupKey, String... userKeys) {
        GroupSeed group = GROUPS.get(groupKey);
        for (String userKey : userKeys) {
            if (!group.members().containsKey(userKey) || userKey.equals(group.owner())) {
                throw new IllegalStateException("a canonical ban needs a member who is not the owner: " + userKey);
            }
            group.banned().add(userKey);
        }
    }

    private record UserSeed(String name, String role, Map<String, Object> metadata) {}

    private record GroupSeed(
            String key,
            String name,
            GroupType type,
            String owner,
            Map<String, Object> metadata,
            Map<String, MemberRole> members,
            List<String> banned) {}
}
