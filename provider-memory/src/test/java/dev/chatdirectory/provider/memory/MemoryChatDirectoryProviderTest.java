package dev.chatdirectory.provider.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatdirectory.Capability;
import dev.chatdirectory.ChatDirectories;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.ConfigurationException;
import dev.chatdirectory.ProviderConfig;
import dev.chatdirectory.ProviderRegistry;
import dev.chatdirectory.model.UserCreate;
import dev.chatdirectory.model.UserQuery;
import dev.chatdirectory.spi.ChatDirectoryProvider;
import dev.chatdirectory.spi.CredentialSpec;
import dev.chatdirectory.spi.GuardedChatDirectory;
import dev.chatdirectory.spi.ProviderDescriptor;
import java.util.EnumSet;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Memory provider: discovery, configuration and lifecycle")
class MemoryChatDirectoryProviderTest {

    private static ProviderConfig memoryWith(String name, String value) {
        return ProviderConfig.builder().provider("memory").property(name, value).build();
    }

    private static int defaultPageSizeOf(ChatDirectory directory) {
        for (int i = 0; i < 12; i++) {
            directory.users().create(UserCreate.builder("u" + (100 + i), "U").build());
        }
        return directory.users().list(UserQuery.all()).items().size();
    }

    @Nested
    @DisplayName("discovery")
    class Discovery {

        @Test
        @DisplayName("is registered with the service loader under id memory")
        void serviceLoader() {
            assertThat(ServiceLoader.load(ChatDirectoryProvider.class).stream()
                            .map(ServiceLoader.Provider::type)
                            .toList())
                    .contains(MemoryChatDirectoryProvider.class);

            ProviderRegistry registry = ProviderRegistry.load(getClass().getClassLoader());
            assertThat(registry.ids()).contains("memory");
            assertThat(registry.find("memory")).containsInstanceOf(MemoryChatDirectoryProvider.class);
            assertThat(registry.loadErrors()).isEmpty();
        }

        @Test
        @DisplayName("opens through ChatDirectories when named")
        void openByName() {
            try (ChatDirectory directory = ChatDirectories.open(
                    ProviderConfig.builder().provider("memory").build(), Capability.MEMBER_BANS)) {
                assertThat(directory.provider().id()).isEqualTo("memory");
                assertThat(directory.unwrap(MemoryChatDirectory.class)).isNotNull();
            }
        }

        @Test
        @DisplayName("is never picked implicitly: without a provider id, discovery fails and names memory")
        void neverImplicit() {
            assertThatThrownBy(
                            () -> ChatDirectories.open(ProviderConfig.builder().build()))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("found: memory");
        }

        @Test
        @DisplayName("declares every capability, an optional pageSize setting, and needs no credentials")
        void descriptor() {
            ProviderDescriptor d = new MemoryChatDirectoryProvider().descriptor();

            assertThat(d.id()).isEqualTo(MemoryChatDirectoryProvider.ID).isEqualTo("memory");
            assertThat(d.capabilities()).isEqualTo(EnumSet.allOf(Capability.class));
            assertThat(d.credentials())
                    .extracting(
                            CredentialSpec::name,
                            CredentialSpec::kind,
                            CredentialSpec::required,
                            CredentialSpec::secret)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("pageSize", CredentialSpec.Kind.SETTING, false, false));
            assertThat(d.unrecoverableCreates()).isEmpty();
            assertThat(d.limits().defaultPageSize()).isEqualTo(MemoryChatDirectory.DEFAULT_PAGE_SIZE);
            assertThat(d.limits().maxPageSize()).isEqualTo(MemoryChatDirectory.MAX_PAGE_SIZE);
            assertThat(d.limits().defaultRateLimit().isUnlimited()).isTrue();
        }

        @Test
        @DisplayName("works when constructed directly, and every open is a new, empty directory")
        void direct() {
            MemoryChatDirectoryProvider provider = new MemoryChatDirectoryProvider();
            ChatDirectory first = provider.open(ProviderConfig.builder().build());
            first.users().create(UserCreate.builder("alice", "Alice").build());

            ChatDirectory second = provider.open(ProviderConfig.builder().build());

            assertThat(second.users().get("alice")).isEmpty();
            assertThat(first.users().get("alice")).isPresent();
        }
    }

    @Nested
    @DisplayName("the pageSize property")
    class PageSize {

        @Test
        @DisplayName("sets the default page size, under any spelling")
        void spellings() {
            MemoryChatDirectoryProvider provider = new MemoryChatDirectoryProvider();

            assertThat(defaultPageSizeOf(provider.open(memoryWith("pageSize", "7"))))
                    .isEqualTo(7);
            assertThat(defaultPageSizeOf(provider.open(memoryWith("page-size", " 5 "))))
                    .isEqualTo(5);
            assertThat(defaultPageSizeOf(provider.open(memoryWith("PAGE_SIZE", "1000"))))
                    .isEqualTo(12);
            assertThat(provider.open(memoryWith("pageSize", "7"))
                            .provider()
                            .limits()
                            .defaultPageSize())
                    .isEqualTo(7);
        }

        @Test
        @DisplayName("is read from properties files and the environment")
        void sources() {
            Properties properties = new Properties();
            properties.setProperty("chatdirectory.provider", "memory");
            properties.setProperty("chatdirectory.memory.pageSize", "4");
            ChatDirectory fromProperties = ChatDirectories.open(properties);

            ChatDirectory fromEnvironment = new MemoryChatDirectoryProvider()
                    .open(ProviderConfig.fromEnvironment(Map.of("CHATDIRECTORY_MEMORY_PAGE_SIZE", "3"), "memory"));

            assertThat(defaultPageSizeOf(fromProperties)).isEqualTo(4);
            assertThat(defaultPageSizeOf(fromEnvironment)).isEqualTo(3);
        }

        @ParameterizedTest(name = "\"{0}\" is rejected")
        @ValueSource(strings = {"0", "-1", "1001", "abc", "", "7.5", "99999999999"})
        @DisplayName("rejects values that are not whole numbers from 1 to 1000, naming the property")
        void invalid(String value) {
            assertThatThrownBy(() -> new MemoryChatDirectoryProvider().open(memoryWith("pageSize", value)))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("pageSize")
                    .hasMessageContaining("1 to 1000")
                    .satisfies(e -> assertThat(((ConfigurationException) e).providerId())
                            .contains("memory"));
        }

        @Test
        @DisplayName("is also rejected through discovery")
        void throughDiscovery() {
            assertThatThrownBy(() -> ChatDirectories.open(memoryWith("pageSize", "zero")))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("pageSize");
        }
    }

    @Nested
    @DisplayName("lifecycle")
    class Lifecycle {

        @Test
        @DisplayName("the builder wraps the store in the shared request checks")
        void guarded() {
            ChatDirectory directory = MemoryChatDirectory.builder().build();

            assertThat(directory).isInstanceOf(GuardedChatDirectory.class);
            assertThat(directory.unwrap(MemoryChatDirectory.class).provider()).isEqualTo(directory.provider());
        }

        @Test
        @DisplayName("restricted capabilities show in the descriptor")
        void restricted() {
            Set<Capability> capabilities = EnumSet.of(Capability.GROUP_LIST, Capability.USER_SEARCH);

            ChatDirectory directory =
                    MemoryChatDirectory.builder().capabilities(capabilities).build();

            assertThat(directory.provider().capabilities()).isEqualTo(capabilities);
        }

        @Test
        @DisplayName("a closed directory throws IllegalStateException; close is idempotent")
        void closed() {
            ChatDirectory directory = MemoryChatDirectory.builder().build();

            directory.close();
            directory.close();

            assertThatThrownBy(() -> directory.users().get("alice")).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> directory
                            .users()
                            .create(UserCreate.builder("a", "A").build()))
                    .isInstanceOf(IllegalStateException.class);
        }

        @Test
        @DisplayName("unwrap to an unrelated type fails")
        void unwrap() {
            ChatDirectory directory = MemoryChatDirectory.builder().build();

            assertThatThrownBy(() -> directory.unwrap(String.class)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        @DisplayName("the builder rejects a null clock")
        void nullClock() {
            assertThatThrownBy(() -> MemoryChatDirectory.builder().clock(null))
                    .isInstanceOf(NullPointerException.class);
        }

        @Test
        @DisplayName("toString reports counts, not contents")
        void describes() {
            ChatDirectory directory = MemoryChatDirectory.builder().build();
            directory.users().create(UserCreate.builder("alice", "Alice").build());

            assertThat(directory.unwrap(MemoryChatDirectory.class).toString())
                    .contains("1 users")
                    .doesNotContain("alice");
            assertThat(directory.toString()).contains("memory");
        }
    }
}
