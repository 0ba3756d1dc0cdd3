package dev.chatdirectory.testkit;

import static dev.chatdirectory.testkit.ChatDirectoryAssertions.assertThat;
import static dev.chatdirectory.testkit.ChatDirectoryAssertions.assertThatThrownBy;

import dev.chatdirectory.Capability;
import dev.chatdirectory.ChatDirectories;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.ProviderRegistry;
import dev.chatdirectory.model.GroupQuery;
import dev.chatdirectory.model.JsonValues;
import dev.chatdirectory.model.MemberQuery;
import dev.chatdirectory.model.MemberSpec;
import dev.chatdirectory.model.UserCreate;
import dev.chatdirectory.model.UserQuery;
import dev.chatdirectory.spi.ChatDirectoryProvider;
import dev.chatdirectory.spi.CredentialSpec;
import dev.chatdirectory.spi.ProviderDescriptor;
import dev.chatdirectory.spi.ProviderLimits;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The discovery tests: the provider is registered, and its descriptor is complete and consistent. */
abstract class DiscoveryContract extends ContractSupport {

    private static final Pattern PROVIDER_ID = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    DiscoveryContract(ChatDirectoryContract contract) {
        super(contract);
    }

    private ProviderRegistry registry() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return ProviderRegistry.load(loader == null ? getClass().getClassLoader() : loader);
    }

    private ChatDirectoryProvider registeredProvider() {
        ProviderRegistry registry = registry();
        return registry.find(providerId())
                .orElseThrow(() -> new AssertionError("no provider with id '" + providerId() + "' is registered in "
                        + "META-INF/services/" + ChatDirectoryProvider.class.getName() + "; found " + registry.ids()
                        + (registry.loadErrors().isEmpty() ? "" : ", load errors " + registry.loadErrors())));
    }

    @Test
    @DisplayName("the provider is registered for ServiceLoader under the id its directories report")
    void providerIsRegisteredUnderItsId() {
        ChatDirectoryProvider registered = registeredProvider();
        ProviderDescriptor descriptor = registered.descriptor();
        assertThat(descriptor.id()).isEqualTo(providerId());
        assertThat(descriptor.displayName()).isEqualTo(provider().displayName());
        assertThat(descriptor.capabilities())
                .as("capabilities of the registered provider include those of its directory")
                .containsAll(provider().capabilities());
        assertThat(registry().loadErrors()).as("providers that failed to load").isEmpty();
    }

    @Test
    @DisplayName("ChatDirectories lists the provider among those on the class path")
    void chatDirectoriesListsTheProvider() {
        assertThat(ChatDirectories.providers())
                .extracting(ProviderDescriptor::id)
                .contains(providerId());
    }

    @Test
    @DisplayName("the registered provider opens a working directory from the environment's configuration")
    void registryOpensADirectory() {
        try (ChatDirectory opened = registry()
                .open(environment().config().toBuilder().provider(providerId()).build())) {
            assertThat(opened.provider().id()).isEqualTo(providerId());
            assertThat(opened.users().get(unknownUserId())).isEmpty();
        }
    }

    @Test
    @DisplayName("the descriptor has a well-formed id and a display name")
    void descriptorIsNamed() {
        assertThat(providerId()).matches(PROVIDER_ID);
        assertThat(provider().displayName()).isNotBlank().isNotEqualTo(providerId());
    }

    @Test
    @DisplayName("the descriptor lists well-formed credential properties, all provided by the backend when it has one")
    void credentialsAreWellFormed() {
        List<CredentialSpec> credentials = provider().credentials();
        Set<String> names = new HashSet<>();
        for (CredentialSpec spec : credentials) {
            assertThat(spec.name()).as("credential name").isNotBlank().doesNotContainAnyWhitespaces();
            assertThat(spec.description()).as("description of %s", spec.name()).isNotBlank();
            assertThat(names.add(spec.name().toLowerCase().replaceAll("[._-]", "")))
                    .as("credential %s is listed once", spec.name())
                    .isTrue();
        }
        if (environment().hasUpstream()) {
            Map<String, String> given = environment().credentials();
            for (CredentialSpec spec : credentials) {
                if (spec.required()) {
                    assertThat(environment().config().property(spec.name()))
                            .as("required credential %s given by the backend %s", spec.name(), given.keySet())
                            .isPresent();
                }
            }
        }
    }

    @Test
    @DisplayName("the id rules accept every id the kit uses")
    void idRulesAcceptTheKitsIds() {
        List<String> userIds = new ArrayList<>();
        CanonicalDataSet.userKeys().forEach(k -> userIds.add(data().id(k)));
        userIds.add(unknownUserId());
        assertThat(userIds)
                .allSatisfy(id -> assertThat(provider().userIds().accepts(id))
                        .as("user id %s accepted by %s", id, provider().userIds())
                        .isTrue());
        if (supports(Capability.GROUP_CLIENT_IDS)) {
            assertThat(CanonicalDataSet.groupKeys())
                    .allSatisfy(k -> assertThat(provider().groupIds().accepts(data().id(k)))
                            .as(
                                    "client-chosen group id %s accepted by %s",
                                    data().id(k), provider().groupIds())
                            .isTrue());
        }
        assertThat(provider().groupIds().accepts(unknownGroupId())).isTrue();
    }

    @Test
    @DisplayName("the limits are consistent and large enough for the canonical data set")
    void limitsAreConsistent() {
        ProviderLimits limits = provider().limits();
        assertThat(limits.defaultPageSize()).isBetween(1, limits.maxPageSize());
        assertThat(limits.maxPageSize()).as("maxPageSize").isGreaterThanOrEqualTo(2);
        assertThat(limits.maxBatchSize()).as("maxBatchSize").isPositive();
        int longestName = data().users().stream()
                .mapToInt(u -> u.name().codePointCount(0, u.name().length()))
                .max()
                .orElseThrow();
        assertThat(limits.maxNameLength()).as("maxNameLength").isGreaterThanOrEqualTo(longestName);
        if (supports(Capability.USER_METADATA)) {
            int largest = data().users().stream()
                    .mapToInt(u -> JsonValues.toJson(u.metadata()).getBytes(StandardCharsets.UTF_8).length)
                    .max()
                    .orElseThrow();
            assertThat(limits.maxMetadataBytes()).as("maxMetadataBytes").isGreaterThanOrEqualTo(largest);
        }
        assertThat(limits.defaultRateLimit()).isNotNull();
    }

    @Test
    @DisplayName("the capabilities are an immutable set, consistent with each other")
    void capabilitiesAreConsistent() {
        assertThatThrownBy(() -> provider().capabilities().add(Capability.PRESENCE))
                .as("adding to the declared capabilities")
                .isInstanceOf(UnsupportedOperationException.class);
        implies(Capability.PRESENCE_LAST_ACTIVE, Capability.PRESENCE);
        implies(Capability.USER_FILTER_BY_PRESENCE, Capability.PRESENCE);
        implies(Capability.USER_FILTER_BY_ROLE, Capability.USER_ROLE);
        implies(Capability.GROUP_SEARCH, Capability.GROUP_LIST);
        implies(Capability.GROUP_OWNER_TRANSFER, Capability.GROUP_OWNER);
    }

    private void implies(Capability declared, Capability needed) {
        if (supports(declared)) {
            assertThat(provider().capabilities())
                    .as("%s declares %s, which is useless without %s", providerId(), declared, needed)
                    .contains(needed);
        }
    }

    @Test
    @DisplayName("the descriptor is read without sending any request")
    void descriptorNeedsNoNetwork() {
        int before = environment().requestCount();
        ProviderDescriptor descriptor = directory().provider();
        registeredProvider().descriptor();
        assertThat(descriptor.capabilities()).isNotNull();
        assertNoRequestSince(before, "reading the descriptor");
    }

    @Test
    @DisplayName("unwrap returns the directory for its own type and rejects unrelated types")
    void unwrapWorks() {
        ChatDirectory directory = directory();
        assertThat(directory.unwrap(ChatDirectory.class)).isNotNull();
        assertThat(directory.unwrap(directory.getClass())).isSameAs(directory);
        assertThatThrownBy(() -> directory.unwrap(Thread.class)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("a closed directory refuses every operation with IllegalStateException and sends nothing")
    void closedDirectoryRefusesOperations() {
        createUser("zoe");
        ChatDirectory directory = directory();
        directory.close();
        directory.close();
        String user = data().id("zoe");
        String group = unknownGroupId();
        List<ThrowingCallable> calls = List.of(
                () -> directory.users().get(user),
                () -> directory
                        .users()
                        .create(UserCreate.builder(data().id("late"), "Late").build()),
                () -> directory.users().delete(user),
                () -> directory.users().list(UserQuery.all()),
                () -> directory.groups().get(group),
                () -> directory.groups().list(GroupQuery.all()),
                () -> directory.members().add(group, List.of(MemberSpec.participant(user))),
                () -> directory.members().list(group, MemberQuery.all()),
                () -> directory.presence().get(List.of(user)));
        for (ThrowingCallable call : calls) {
            assertThat(assertThrowsBeforeSending(call))
                    .as("operation on a closed directory")
                    .isInstanceOf(IllegalStateException.class);
        }
        assertThat(directory.provider().id())
                .as("the descriptor stays readable")
                .isEqualTo(providerId());
    }
}
