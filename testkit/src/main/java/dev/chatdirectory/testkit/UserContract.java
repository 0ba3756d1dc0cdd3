package dev.chatdirectory.testkit;

import static dev.chatdirectory.testkit.ChatDirectoryAssertions.assertThat;
import static dev.chatdirectory.testkit.ChatDirectoryAssertions.assertThatThrownBy;

import dev.chatdirectory.AlreadyExistsException;
import dev.chatdirectory.Capabilities;
import dev.chatdirectory.Capability;
import dev.chatdirectory.NotFoundException;
import dev.chatdirectory.model.PresenceState;
import dev.chatdirectory.model.User;
import dev.chatdirectory.model.UserCreate;
import dev.chatdirectory.model.UserQuery;
import dev.chatdirectory.model.UserUpdate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The user tests: create, read, patch, clear, delete, deactivate, list, search and filter. */
abstract class UserContract extends ContractSupport {

    /** The system property setting how many ids {@link #concurrentCreatesOfOneId} races on. */
    static final String CONCURRENT_CREATE_IDS = "chatdirectory.contract.concurrentCreateIds";

    private static final int DEFAULT_CONCURRENT_CREATE_IDS = 50;
    private static final int RACERS = 16;
    private static final int RACE_TIMEOUT_SECONDS = 120;

    UserContract(ChatDirectoryContract contract) {
        super(contract);
    }

    private User get(String id) {
        return users().get(id).orElseThrow(() -> new AssertionError("user " + id + " not found"));
    }

    /**
     * A probe that creates a user with one optional field, refused when the provider lacks the
     * capability {@link Capabilities} says the field needs.
     */
    private void requireUserField(UnaryOperator<UserCreate.Builder> field) {
        UserCreate plain = UserCreate.builder(data().id("probe"), "Probe").build();
        UserCreate probe =
                field.apply(UserCreate.builder(data().id("probe"), "Probe")).build();
        requireCapability(
                addedBy(Capabilities.requiredBy(plain), Capabilities.requiredBy(probe)), () -> users().create(probe));
    }

    @Test
    @DisplayName("a created user is returned as stored and read back by id")
    void createAndGet() {
        UserCreate request =
                UserCreate.builder(data().id("zoe"), "Zoë Ångström").build();
        User created = users().create(request);
        assertThat(created).matches(request);
        assertThat(get(request.id())).hasSameContentAs(created);
    }

    @Test
    @DisplayName("a user created with every supported field reads back with all of them")
    void createWithEverySupportedField() {
        UserCreate request = data().user("zoe", provider());
        User created = users().create(request);
        assertThat(created).matches(request);
        assertThat(get(request.id())).matches(request).hasSameContentAs(created);
    }

    @Test
    @DisplayName("non-ASCII names (accents, CJK, Cyrillic, Arabic, emoji) round-trip unchanged")
    void nonAsciiNamesRoundTrip() {
        for (String key : CanonicalDataSet.userKeys()) {
            User created = createUser(key);
            assertThat(created).hasName(data().user(key).name());
            assertThat(get(created.id())).hasName(data().user(key).name());
        }
    }

    @Test
    @DisplayName("metadata with nested maps, lists, numbers, booleans and non-ASCII text round-trips unchanged")
    void metadataRoundTrips() {
        requireUserField(b -> b.metadata(Map.of("k", 1)));
        for (String key : CanonicalDataSet.userKeys()) {
            UserCreate request = UserCreate.builder(
                            data().id(key), data().user(key).name())
                    .metadata(data().user(key).metadata())
                    .build();
            assertThat(users().create(request)).hasMetadata(request.metadata());
            assertThat(get(request.id())).hasMetadata(request.metadata());
        }
    }

    @Test
    @DisplayName("the avatar URL is stored")
    void avatarUrlIsStored() {
        requireUserField(b -> b.avatarUrl("https://example.com/probe.png"));
        String url = "https://avatars.example.com/zoe.png?size=64";
        users().create(UserCreate.builder(data().id("zoe"), "Zoë")
                .avatarUrl(url)
                .build());
        assertThat(get(data().id("zoe"))).hasAvatarUrl(url);
    }

    @Test
    @DisplayName("the profile URL is stored")
    void profileUrlIsStored() {
        requireUserField(b -> b.profileUrl("https://example.com/probe"));
        String url = "https://people.example.com/profiles/zoe";
        users().create(UserCreate.builder(data().id("zoe"), "Zoë")
                .profileUrl(url)
                .build());
        assertThat(get(data().id("zoe"))).hasProfileUrl(url);
    }

    @Test
    @DisplayName("the e-mail address is stored")
    void emailIsStored() {
        requireUserField(b -> b.email("probe@example.com"));
        String email = "zoe." + data().scope() + "@example.com";
        users().create(UserCreate.builder(data().id("zoe"), "Zoë").email(email).build());
        assertThat(get(data().id("zoe"))).hasEmail(email);
    }

    @Test
    @DisplayName("the application role is stored")
    void roleIsStored() {
        requireUserField(b -> b.role("vip"));
        users().create(UserCreate.builder(data().id("zoe"), "Zoë").role("vip").build());
        assertThat(get(data().id("zoe"))).hasRole("vip");
    }

    @Test
    @DisplayName("a second create with a taken id fails with AlreadyExistsException and changes nothing")
    void duplicateCreateFails() {
        User original = createCanonicalUser("zoe");
        assertThatThrownBy(() -> users().create(
                                UserCreate.builder(original.id(), "Impostor").build()))
                .isInstanceOf(AlreadyExistsException.class);
        assertThat(get(original.id())).hasSameContentAs(original);
    }

    /**
     * Races 16 threads on each of several ids, 16 creates per id, all released at once. The number
     * of ids is the system property {@value #CONCURRENT_CREATE_IDS} (default {@value
     * #DEFAULT_CONCURRENT_CREATE_IDS}, the size the race was found at; a few seconds per provider
     * against an emulator).
     */
    @Test
    @DisplayName("16 concurrent creates of the same id: exactly one gets the user, the others AlreadyExistsException,"
            + " and the directory holds the id once")
    void concurrentCreatesOfOneId() throws InterruptedException {
        int idCount = Integer.getInteger(CONCURRENT_CREATE_IDS, DEFAULT_CONCURRENT_CREATE_IDS);
        List<String> ids = IntStream.range(0, idCount)
                .mapToObj(i -> data().id("racer-" + i))
                .toList();
        Map<String, List<Future<User>>> creates = new LinkedHashMap<>();
        ExecutorService threads = Executors.newFixedThreadPool(RACERS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            for (int round = 0; round < RACERS; round++) {
                for (String id : ids) {
                    creates.computeIfAbsent(id, k -> new ArrayList<>()).add(threads.submit(() -> {
                        start.await();
                        return users().create(UserCreate.builder(id, "Racer").build());
                    }));
                }
            }
            start.countDown();
            for (String id : ids) {
                List<User> created = new ArrayList<>();
                List<Throwable> refused = new ArrayList<>();
                for (Future<User> create : creates.get(id)) {
                    try {
                        created.add(create.get(RACE_TIMEOUT_SECONDS, TimeUnit.SECONDS));
                    } catch (ExecutionException e) {
                        refused.add(e.getCause());
                    } catch (TimeoutException e) {
                        throw new AssertionError(
                                "a create of " + id + " did not finish in " + RACE_TIMEOUT_SECONDS + " s", e);
                    }
                }
                assertThat(created).as("creates of %s told they created it", id).hasSize(1);
                assertThat(created.get(0).id()).as("the created user").isEqualTo(id);
                assertThat(refused)
                        .as("the other creates of %s", id)
                        .hasSize(RACERS - 1)
                        .allSatisfy(e -> assertThat(e).isInstanceOf(AlreadyExistsException.class));
            }
        } finally {
            threads.shutdownNow();
        }
        List<String> listed = allUserIds();
        for (String id : ids) {
            assertThat(listed).as("listed users").containsOnlyOnce(id);
        }
    }

    @Test
    @DisplayName("an update that sets only the name leaves every other field unchanged")
    void updateIsAPatch() {
        User original = createCanonicalUser("zoe");
        User updated = users().update(
                        original.id(), UserUpdate.builder().name("山田花子 Zoë").build());
        User expected = original.toBuilder().name("山田花子 Zoë").build();
        assertThat(updated).hasSameContentAs(expected);
        assertThat(get(original.id())).hasSameContentAs(expected);
    }

    @Test
    @DisplayName("an update that sets one optional field leaves the name and the other fields unchanged")
    void updateOfOneFieldIsAPatch() {
        requireUserField(b -> b.email("probe@example.com"));
        User original = createCanonicalUser("yamada");
        String email = "new." + data().scope() + "@example.com";
        User updated =
                users().update(original.id(), UserUpdate.builder().email(email).build());
        User expected = original.toBuilder().email(email).build();
        assertThat(updated).hasSameContentAs(expected);
        assertThat(get(original.id())).hasSameContentAs(expected);
    }

    @Test
    @DisplayName("clearing the avatar URL removes it and leaves the other fields unchanged")
    void clearAvatarUrl() {
        requireUserField(b -> b.avatarUrl("https://example.com/probe.png"));
        User original = createCanonicalUser("zoe");
        users().update(original.id(), UserUpdate.builder().clearAvatarUrl().build());
        assertThat(get(original.id()))
                .hasNoAvatarUrl()
                .hasSameContentAs(original.toBuilder().avatarUrl(null).build());
    }

    @Test
    @DisplayName("clearing the profile URL removes it and leaves the other fields unchanged")
    void clearProfileUrl() {
        requireUserField(b -> b.profileUrl("https://example.com/probe"));
        User original = createCanonicalUser("zoe");
        users().update(original.id(), UserUpdate.builder().clearProfileUrl().build());
        assertThat(get(original.id()))
                .hasNoProfileUrl()
                .hasSameContentAs(original.toBuilder().profileUrl(null).build());
    }

    @Test
    @DisplayName("clearing the e-mail address removes it and leaves the other fields unchanged")
    void clearEmail() {
        requireUserField(b -> b.email("probe@example.com"));
        User original = createCanonicalUser("zoe");
        users().update(original.id(), UserUpdate.builder().clearEmail().build());
        assertThat(get(original.id()))
                .hasNoEmail()
                .hasSameContentAs(original.toBuilder().email(null).build());
    }

    @Test
    @DisplayName("clearing the role drops it (the provider may fall back to its default role)")
    void clearRole() {
        requireUserField(b -> b.role("vip"));
        User original = createCanonicalUser("zoe");
        assertThat(original).hasRole("vip");
        users().update(original.id(), UserUpdate.builder().clearRole().build());
        User cleared = get(original.id());
        assertThat(cleared).doesNotHaveRole("vip").hasName(original.name()).hasMetadata(original.metadata());
    }

    @Test
    @DisplayName("setting metadata replaces the whole map instead of merging into it")
    void metadataUpdateReplaces() {
        requireUserField(b -> b.metadata(Map.of("k", 1)));
        User original = createCanonicalUser("zoe");
        Map<String, Object> replacement = Map.of("fresh", "nouveau ✓", "count", 2, "list", List.of(false));
        users().update(original.id(), UserUpdate.builder().metadata(replacement).build());
        assertThat(get(original.id()))
                .hasMetadata(replacement)
                .hasSameContentAs(original.toBuilder().metadata(replacement).build());
    }

    @Test
    @DisplayName("clearing metadata removes all of it and leaves the other fields unchanged")
    void clearMetadata() {
        requireUserField(b -> b.metadata(Map.of("k", 1)));
        User original = createCanonicalUser("zoe");
        users().update(original.id(), UserUpdate.builder().clearMetadata().build());
        assertThat(get(original.id()))
                .hasNoMetadata()
                .hasSameContentAs(original.toBuilder().metadata(Map.of()).build());
    }

    @Test
    @DisplayName("updating a user that does not exist fails with NotFoundException")
    void updateOfMissingUserFails() {
        String ghost = unknownUserId();
        assertThatThrownBy(() ->
                        users().update(ghost, UserUpdate.builder().name("Ghost").build()))
                .isInstanceOf(NotFoundException.class);
        assertThat(users().get(ghost)).as("an update must not create the user").isEmpty();
    }

    @Test
    @DisplayName("delete is idempotent: true when it deleted the user, false afterwards")
    void deleteIsIdempotent() {
        User user = createUser("zoe");
        assertThat(users().delete(user.id())).isTrue();
        assertThat(users().delete(user.id())).isFalse();
    }

    @Test
    @DisplayName("a deleted user is neither found nor listed, and other users stay")
    void deletedUserIsGone() {
        createUsers("zoe", "yamada");
        users().delete(data().id("zoe"));
        assertThat(users().get(data().id("zoe"))).isEmpty();
        assertThat(allUserIds()).doesNotContain(data().id("zoe")).contains(data().id("yamada"));
    }

    @Test
    @DisplayName("a deleted user's id can be taken again exactly when the provider deletes for good (USER_HARD_DELETE)")
    void deletedIdReuseFollowsHardDelete() {
        // Both branches assert behaviour, so the test is never skipped; it still counts for the matrix.
        CapabilityMatrix.gate(provider(), Capability.USER_HARD_DELETE);
        createUser("zoe");
        users().delete(data().id("zoe"));
        UserCreate again = UserCreate.builder(data().id("zoe"), "Zoë again").build();
        if (supports(Capability.USER_HARD_DELETE)) {
            assertThat(users().create(again)).hasName("Zoë again");
            assertThat(get(again.id())).hasName("Zoë again");
        } else {
            assertThatThrownBy(() -> users().create(again)).isInstanceOf(AlreadyExistsException.class);
            assertThat(users().get(again.id())).isEmpty();
        }
    }

    @Test
    @DisplayName("a deactivated user is hidden until reactivated, keeping its fields")
    void deactivationHidesUntilReactivation() {
        requireCapability(Capability.USER_DEACTIVATION, () -> users().deactivate(data().id("probe")));
        User original = createCanonicalUser("zoe");
        createUser("yamada");
        assertThat(users().deactivate(original.id())).isTrue();
        assertThat(users().get(original.id())).isEmpty();
        assertThat(allUserIds()).doesNotContain(original.id()).contains(data().id("yamada"));
        assertThat(users().reactivate(original.id())).isTrue();
        assertThat(get(original.id())).hasSameContentAs(original);
        assertThat(allUserIds()).contains(original.id());
    }

    @Test
    @DisplayName("deactivate and reactivate report false when the user already is in that state")
    void deactivationIsIdempotent() {
        requireCapability(Capability.USER_DEACTIVATION, () -> users().reactivate(data().id("probe")));
        User user = createUser("zoe");
        assertThat(users().reactivate(user.id()))
                .as("reactivating an active user")
                .isFalse();
        assertThat(users().deactivate(user.id())).isTrue();
        assertThat(users().deactivate(user.id()))
                .as("deactivating a deactivated user")
                .isFalse();
        assertThat(users().reactivate(user.id())).isTrue();
    }

    @Test
    @DisplayName("a deactivated user's id stays taken")
    void deactivatedIdStaysTaken() {
        requireCapability(Capability.USER_DEACTIVATION, () -> users().deactivate(data().id("probe")));
        User user = createUser("zoe");
        users().deactivate(user.id());
        assertThatThrownBy(() ->
                        users().create(UserCreate.builder(user.id(), "Other").build()))
                .isInstanceOf(AlreadyExistsException.class);
    }

    /** Gates a test that lists deactivated users, which it must first be able to deactivate. */
    private void requireListingDeactivated() {
        requireCapability(
                Capability.USER_LIST_DEACTIVATED,
                () -> users().list(UserQuery.builder().includeDeactivated(true).build()));
        requireCapability(Capability.USER_DEACTIVATION, () -> users().deactivate(data().id("probe")));
    }

    @Test
    @DisplayName("deactivated users are listed, marked with the time, only when the query includes them")
    void deactivatedUsersAreListedWhenIncluded() {
        requireListingDeactivated();
        Map<String, User> created = new LinkedHashMap<>();
        for (String key : List.of("zoe", "yamada")) {
            created.put(data().id(key), createCanonicalUser(key));
        }
        List<String> deactivated = new ArrayList<>();
        for (String key : CanonicalDataSet.deactivatedUserKeys()) {
            created.put(data().id(key), createCanonicalUser(key));
            deactivated.add(data().id(key));
        }
        // Vendors stamp whole seconds, possibly on a slightly different clock.
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(CLOCK_SKEW);
        deactivated.forEach(id -> assertThat(users().deactivate(id)).isTrue());
        Instant after = Instant.now().plus(CLOCK_SKEW);

        assertThat(allUserIds())
                .as("the default listing")
                .doesNotContainAnyElementsOf(deactivated)
                .contains(data().id("zoe"), data().id("yamada"));
        Map<String, User> listed = new LinkedHashMap<>();
        users().stream(UserQuery.builder()
                        .includeDeactivated(true)
                        .pageSize(provider().limits().maxPageSize())
                        .build())
                .filter(u -> created.containsKey(u.id()))
                .forEach(u -> assertThat(listed.put(u.id(), u))
                        .as("%s listed twice", u.id())
                        .isNull());
        assertThat(listed.keySet()).containsExactlyInAnyOrderElementsOf(created.keySet());
        created.forEach((id, original) -> {
            User user = listed.get(id);
            assertThat(user)
                    .hasSameContentAs(original.toBuilder()
                            .deactivated(deactivated.contains(id))
                            .build());
            if (deactivated.contains(id)) {
                assertThat(user).wasDeactivatedBetween(before, after);
                original.createdAt()
                        .ifPresent(createdAt -> assertThat(user.deactivatedAt().orElseThrow())
                                .as("deactivation time of %s, created at %s", id, createdAt)
                                .isAfterOrEqualTo(createdAt.truncatedTo(ChronoUnit.SECONDS)));
            } else {
                assertThat(user).isActive();
            }
        });
        deactivated.forEach(id ->
                assertThat(users().get(id)).as("get of deactivated %s", id).isEmpty());
    }

    @Test
    @DisplayName("a reactivated user is listed as active again, also when deactivated users are included")
    void reactivatedUserIsListedActive() {
        requireListingDeactivated();
        User user = createUser("zoe");
        users().deactivate(user.id());
        users().reactivate(user.id());
        assertThat(users().stream(UserQuery.builder().includeDeactivated(true).build())
                        .filter(u -> u.id().equals(user.id()))
                        .toList())
                .singleElement()
                .satisfies(u -> assertThat(u).isActive());
        assertThat(get(user.id())).isActive();
    }

    @Test
    @DisplayName("the listing includes every created user")
    void listingIncludesCreatedUsers() {
        List<User> created = createUsers("zoe", "yamada", "dorde", "rocket");
        assertThat(allUserIds()).containsAll(created.stream().map(User::id).toList());
    }

    @Test
    @DisplayName("listed users carry every field a read by id returns (USER_LIST_ALL_FIELDS)")
    void listedUsersCarryEveryField() {
        requireDataCapability(Capability.USER_LIST_ALL_FIELDS);
        List<User> created = List.of(createCanonicalUser("zoe"), createCanonicalUser("yamada"));
        Map<String, User> listed = users().stream(
                        UserQuery.all().withPageSize(provider().limits().maxPageSize()))
                .collect(Collectors.toMap(User::id, u -> u));
        for (User user : created) {
            assertThat(listed).containsKey(user.id());
            assertThat(listed.get(user.id())).hasSameContentAs(get(user.id()));
        }
    }

    @Test
    @DisplayName("search by id prefix finds exactly the users whose id or name starts with it")
    void searchByIdPrefix() {
        requireCapability(
                Capability.USER_SEARCH,
                () -> users().list(UserQuery.builder().search("probe").build()));
        createUsers("zoe", "zorro", "yamada");
        String prefix = data().id("zo");
        List<User> found =
                users().stream(UserQuery.builder().search(prefix).build()).toList();
        assertThat(found)
                .extracting(User::id)
                .contains(data().id("zoe"), data().id("zorro"))
                .doesNotContain(data().id("yamada"));
        assertThat(found).allSatisfy(u -> assertStartsWith(u, prefix));
    }

    @Test
    @DisplayName("search by a non-ASCII name prefix finds the user")
    void searchByNonAsciiName() {
        requireCapability(
                Capability.USER_SEARCH,
                () -> users().list(UserQuery.builder().search("probe").build()));
        createUsers("yamada", "zoe");
        List<User> found =
                users().stream(UserQuery.builder().search("山田").build()).toList();
        assertThat(found).extracting(User::id).contains(data().id("yamada")).doesNotContain(data().id("zoe"));
        assertThat(found).allSatisfy(u -> assertStartsWith(u, "山田"));
    }

    private static void assertStartsWith(User user, String prefix) {
        String p = prefix.toLowerCase(Locale.ROOT);
        assertThat(user.id().toLowerCase(Locale.ROOT).startsWith(p)
                        || user.name().toLowerCase(Locale.ROOT).startsWith(p))
                .as("id or name of %s starts with %s", user.id(), prefix)
                .isTrue();
    }

    @Test
    @DisplayName("filtering by role lists only the users with that role")
    void filterByRole() {
        requireCapability(
                Capability.USER_FILTER_BY_ROLE,
                () -> users().list(UserQuery.builder().role("vip").build()));
        requireUserField(b -> b.role("vip"));
        users().create(UserCreate.builder(data().id("zoe"), "Zoë").role("vip").build());
        users().create(UserCreate.builder(data().id("rocket"), "Ana")
                .role("vip")
                .build());
        users().create(UserCreate.builder(data().id("yamada"), "山田")
                .role("staff")
                .build());
        List<User> vips =
                users().stream(UserQuery.builder().role("vip").build()).toList();
        assertThat(vips)
                .extracting(User::id)
                .contains(data().id("zoe"), data().id("rocket"))
                .doesNotContain(data().id("yamada"));
        assertThat(vips).allSatisfy(u -> assertThat(u).hasRole("vip"));
    }

    @Test
    @DisplayName("filtering by presence lists the online users and not the offline ones")
    void filterByPresence() {
        requireCapability(
                Capability.USER_FILTER_BY_PRESENCE,
                () -> users().list(UserQuery.builder()
                        .presence(PresenceState.ONLINE)
                        .build()));
        presenceControl();
        createUsers("zoe", "yamada");
        setPresence(data().id("zoe"), PresenceState.ONLINE, Instant.now().truncatedTo(ChronoUnit.SECONDS));
        List<String> online = users().stream(
                        UserQuery.builder().presence(PresenceState.ONLINE).build())
                .map(User::id)
                .toList();
        assertThat(online).contains(data().id("zoe")).doesNotContain(data().id("yamada"));
    }
}
