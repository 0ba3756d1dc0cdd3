package dev.chatdirectory.testkit;

import static dev.chatdirectory.testkit.ChatDirectoryAssertions.assertThat;
import static dev.chatdirectory.testkit.ChatDirectoryAssertions.catchThrowable;
import static dev.chatdirectory.testkit.ChatDirectoryAssertions.fail;

import dev.chatdirectory.Capability;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.GroupOperations;
import dev.chatdirectory.InvalidRequestException;
import dev.chatdirectory.MemberOperations;
import dev.chatdirectory.PresenceOperations;
import dev.chatdirectory.UnsupportedCapabilityException;
import dev.chatdirectory.UserOperations;
import dev.chatdirectory.model.Group;
import dev.chatdirectory.model.GroupCreate;
import dev.chatdirectory.model.GroupType;
import dev.chatdirectory.model.Page;
import dev.chatdirectory.model.PresenceState;
import dev.chatdirectory.model.User;
import dev.chatdirectory.model.UserCreate;
import dev.chatdirectory.model.UserQuery;
import dev.chatdirectory.spi.IdRule;
import dev.chatdirectory.spi.ProviderDescriptor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Assumptions;

/**
 * What every test group of the suite shares: access to the directory, environment and data of the
 * current test, capability gates, request-count assertions and fixtures.
 */
abstract class ContractSupport {

    /** Tolerated clock difference between the test and the backend, for times the backend stamps. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private static final GroupType[] TYPE_PREFERENCE = {GroupType.PUBLIC, GroupType.PRIVATE, GroupType.PASSWORD};

    /** Guard against a cursor that never ends. */
    private static final int MAX_PAGES = 10_000;

    private final ChatDirectoryContract contract;

    ContractSupport(ChatDirectoryContract contract) {
        this.contract = contract;
    }

    final ChatDirectory directory() {
        return contract.directory();
    }

    final ContractEnvironment environment() {
        return contract.environment();
    }

    final CanonicalDataSet data() {
        return contract.data();
    }

    final ProviderDescriptor provider() {
        return directory().provider();
    }

    final String providerId() {
        return provider().id();
    }

    final boolean supports(Capability capability) {
        return provider().supports(capability);
    }

    final UserOperations users() {
        return directory().users();
    }

    final PresenceOperations presence() {
        return directory().presence();
    }

    final GroupOperations groups() {
        return directory().groups();
    }

    final MemberOperations members() {
        return directory().members();
    }

    // ---------------------------------------------------------------- capability gates

    /**
     * Lets the test go on when the provider declares the capability; otherwise proves that the
     * probe is refused with {@link UnsupportedCapabilityException} naming the capability and the
     * provider, with no request sent, and aborts the test with the reason.
     */
    final void requireCapability(Capability capability, ThrowingCallable probe) {
        CapabilityMatrix.gate(provider(), capability);
        if (supports(capability)) {
            return;
        }
        int before = environment().requestCount();
        Throwable thrown = catchThrowable(probe);
        assertThat(thrown)
                .as("an operation needing %s on %s, which does not declare it", capability, providerId())
                .isInstanceOf(UnsupportedCapabilityException.class);
        UnsupportedCapabilityException unsupported = (UnsupportedCapabilityException) thrown;
        assertThat(unsupported.capabilities())
                .as("capabilities named by %s", unsupported)
                .contains(capability);
        assertThat(unsupported.providerId())
                .as("provider named by %s", unsupported)
                .contains(providerId());
        assertNoRequestSince(before, "refusing an operation that needs " + capability);
        Assumptions.abort(notDeclared(capability));
    }

    /**
     * Returns the one capability that a probe needs beyond its plain form, as {@link
     * dev.chatdirectory.Capabilities} says: the capability whose absence the probe proves.
     *
     * @throws IllegalStateException if the field adds no capability, or more than one (a kit bug)
     */
    static Capability addedBy(Set<Capability> plain, Set<Capability> probe) {
        Set<Capability> added = EnumSet.noneOf(Capability.class);
        added.addAll(probe);
        added.removeAll(plain);
        if (added.size() != 1) {
            throw new IllegalStateException(
                    "a probe must need exactly one capability more than its plain form, needs " + added);
        }
        return added.iterator().next();
    }

    /**
     * Lets the test go on when the provider declares a capability that no operation needs (it only
     * changes what data comes back, like {@link Capability#PRESENCE_LAST_ACTIVE}); otherwise aborts
     * the test with the reason.
     */
    final void requireDataCapability(Capability capability) {
        CapabilityMatrix.gate(provider(), capability);
        if (!supports(capability)) {
            Assumptions.abort(notDeclared(capability));
        }
    }

    private String notDeclared(Capability capability) {
        return providerId() + " does not declare " + capability + ": " + capability.description();
    }

    /** Returns the backend's presence hook, aborting the test with the reason when there is none. */
    final PresenceControl presenceControl() {
        return environment()
                .presenceControl()
                .orElseGet(() -> Assumptions.abort("the contract backend of " + providerId()
                        + " offers no presence control: override ChatDirectoryContract.backend()"
                        + " and set ContractBackend.Builder.presenceControl(...)"));
    }

    /** Sets a user's presence through the backend hook. */
    final void setPresence(String userId, PresenceState state, Instant lastActiveAt) {
        presenceControl().setPresence(directory(), userId, state, lastActiveAt);
    }

    /** Returns a group type the provider supports, preferring public, or aborts as a gate would. */
    final GroupType anyGroupType() {
        for (GroupType type : TYPE_PREFERENCE) {
            if (supports(type.capability())) {
                return type;
            }
        }
        requireCapability(
                Capability.GROUP_TYPE_PUBLIC,
                () -> groups().create(
                                GroupCreate.withoutId("Probe", GroupType.PUBLIC).build()));
        throw new AssertionError("unreachable");
    }

    // ---------------------------------------------------------------- request counting

    /** Runs the call and verifies it threw and sent nothing; returns what it threw. */
    final Throwable assertThrowsBeforeSending(ThrowingCallable call) {
        int before = environment().requestCount();
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("the call's exception").isNotNull();
        assertNoRequestSince(before, "a call rejected with " + thrown);
        return thrown;
    }

    /**
     * Verifies the call throws {@link InvalidRequestException} naming the field (or a sub-field
     * such as {@code metadata.key}), with no request sent.
     */
    final InvalidRequestException assertInvalid(String field, ThrowingCallable call) {
        Throwable thrown = assertThrowsBeforeSending(call);
        assertThat(thrown).as("rejection of an invalid %s", field).isInstanceOf(InvalidRequestException.class);
        InvalidRequestException invalid = (InvalidRequestException) thrown;
        assertThat(invalid.field())
                .as("field named by <%s>", invalid.getMessage())
                .hasValueSatisfying(
                        f -> assertThat(f.equals(field) || f.startsWith(field + ".") || f.startsWith(field + "["))
                                .as("field <%s> is <%s> or inside it", f, field)
                                .isTrue());
        assertThat(invalid.rule()).as("rule stated by %s", invalid).isNotBlank();
        return invalid;
    }

    final void assertNoRequestSince(int before, String what) {
        int after = environment().requestCount();
        if (after != before) {
            List<String> requests = environment().requests();
            fail("expected no request to the provider's server for " + what + ", but " + (after - before)
                    + " were sent: "
                    + requests.subList(Math.max(0, requests.size() - (after - before)), requests.size()));
        }
    }

    // ---------------------------------------------------------------- page walks

    /**
     * Walks every page, checking that no page exceeds the page size, that every page but the last
     * is full, and that no item appears twice; returns the items in order.
     */
    final <T> List<String> walk(
            String what, int pageSize, Function<Optional<String>, Page<T>> fetch, Function<T, String> id) {
        List<String> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Optional<String> cursor = Optional.empty();
        for (int n = 1; ; n++) {
            assertThat(n)
                    .as("pages of %s at size %s (a cursor that never ends?)", what, pageSize)
                    .isLessThan(MAX_PAGES);
            Page<T> page = fetch.apply(cursor);
            assertThat(page).as("page %s of %s at size %s", n, what, pageSize).hasAtMost(pageSize);
            if (page.hasNext()) {
                assertThat(page)
                        .as("page %s of %s at size %s, followed by another", n, what, pageSize)
                        .hasSize(pageSize);
            }
            for (T item : page.items()) {
                String key = id.apply(item);
                assertThat(seen.add(key))
                        .as("%s listed again on page %s of %s at size %s", key, n, what, pageSize)
                        .isTrue();
                items.add(key);
            }
            if (page.nextCursor().isEmpty()) {
                return items;
            }
            assertThat(page).hasNextCursor();
            cursor = page.nextCursor();
        }
    }

    // ---------------------------------------------------------------- fixtures

    /** Creates a user with only an id and a name; the name is the canonical one for canonical keys. */
    final User createUser(String key) {
        String name =
                CanonicalDataSet.userKeys().contains(key) ? data().user(key).name() : "User " + key;
        return users().create(UserCreate.builder(data().id(key), name).build());
    }

    /** Creates users with only ids and names. */
    final List<User> createUsers(String... keys) {
        List<User> created = new ArrayList<>();
        for (String key : keys) {
            created.add(createUser(key));
        }
        return created;
    }

    /** Creates a canonical user with every field the provider supports. */
    final User createCanonicalUser(String key) {
        return users().create(data().user(key, provider()));
    }

    /** Creates a plain group of a supported type; the id is the client's when the provider accepts it. */
    final Group createGroup(String key) {
        return createGroup(key, anyGroupType());
    }

    /** Creates a plain group of the type; the id is the client's when the provider accepts it. */
    final Group createGroup(String key, GroupType type) {
        String name = "Group " + key + " ✓";
        GroupCreate.Builder b = supports(Capability.GROUP_CLIENT_IDS)
                ? GroupCreate.builder(data().id(key), name, type)
                : GroupCreate.withoutId(name, type);
        if (type == GroupType.PASSWORD) {
            b.password(data().password(key));
        }
        return groups().create(b.build());
    }

    /** Creates a canonical group as the provider supports it, creating its owner first when needed. */
    final Group createCanonicalGroup(String key) {
        GroupCreate request = data().group(key, provider())
                .orElseThrow(() -> new IllegalStateException("type of canonical group " + key + " not supported"));
        request.ownerId().ifPresent(owner -> {
            if (users().get(owner).isEmpty()) {
                users().create(UserCreate.builder(owner, "Owner " + owner).build());
            }
        });
        return groups().create(request);
    }

    /** Returns the ids of every user the directory lists, walking all pages at the largest size. */
    final List<String> allUserIds() {
        return users().stream(UserQuery.all().withPageSize(provider().limits().maxPageSize()))
                .map(User::id)
                .toList();
    }

    /** Returns a valid user id that no user has. */
    final String unknownUserId() {
        return acceptedBy(provider().userIds(), "ghost");
    }

    /** Returns a valid group id that no group has. */
    final String unknownGroupId() {
        return acceptedBy(provider().groupIds(), "ghost-group");
    }

    private String acceptedBy(IdRule rule, String key) {
        String digits =
                Long.toString(9_000_000_000L + ThreadLocalRandom.current().nextLong(999_999_999L));
        List<String> candidates = List.of(
                data().id(key), data().scope() + digits, digits, data().id(key).replace('-', '_'));
        return candidates.stream()
                .filter(rule::accepts)
                .findFirst()
                .orElseGet(() -> fail("none of " + candidates + " is accepted by " + providerId() + "'s " + rule));
    }
}
