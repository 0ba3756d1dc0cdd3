package dev.chatdirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.chatdirectory.spi.ProviderDescriptor;
import dev.chatdirectory.testing.Descriptors;
import dev.chatdirectory.testing.FakeProviders;
import dev.chatdirectory.testing.FakeProviders.Alpha;
import dev.chatdirectory.testing.FakeProviders.AlphaAgain;
import dev.chatdirectory.testing.FakeProviders.Beta;
import dev.chatdirectory.testing.FakeProviders.Memory;
import dev.chatdirectory.testing.FakeProviders.ThrowingConstructor;
import dev.chatdirectory.testing.FakeProviders.ThrowingDescriptor;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("ProviderRegistry")
class ProviderRegistryTest {

    private final ProviderConfig unnamed = ProviderConfig.builder().build();

    @BeforeEach
    void reset() {
        FakeProviders.reset();
    }

    private static ProviderConfig named(String id) {
        return ProviderConfig.builder().provider(id).build();
    }

    @Nested
    @DisplayName("picking a provider")
    class Picking {

        @Test
        @DisplayName("by id when one is configured")
        void byId() {
            ProviderRegistry registry = ProviderRegistry.of(new Alpha(), new Beta(), new Memory());

            assertThat(registry.select(Optional.of("beta"))).isInstanceOf(Beta.class);
            assertThat(registry.select(Optional.of("memory"))).isInstanceOf(Memory.class);
        }

        @Test
        @DisplayName("an unknown id fails, listing the ids found")
        void unknownId() {
            ProviderRegistry registry = ProviderRegistry.of(new Alpha(), new Beta());

            assertThatThrownBy(() -> registry.select(Optional.of("gamma")))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("no provider with id 'gamma'")
                    .hasMessageContaining("found: alpha, beta")
                    .hasMessageContaining("chatdirectory.provider")
                    .hasMessageContaining("CHATDIRECTORY_PROVIDER");
        }

        @Test
        @DisplayName("without an id, the single provider other than memory")
        void singleVendor() {
            assertThat(ProviderRegistry.of(new Memory(), new Alpha()).select(Optional.empty()))
                    .isInstanceOf(Alpha.class);
            assertThat(ProviderRegistry.of(new Beta()).select(Optional.empty())).isInstanceOf(Beta.class);
        }

        @Test
        @DisplayName("without an id, memory is never picked implicitly, even when it is alone")
        void neverMemory() {
            assertThatThrownBy(() -> ProviderRegistry.of(new Memory()).select(Optional.empty()))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("no vendor provider on the class path")
                    .hasMessageContaining("found: memory");
        }

        @Test
        @DisplayName("without an id and without providers, fails saying none was found")
        void none() {
            assertThatThrownBy(() -> ProviderRegistry.of().select(Optional.empty()))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("found: none");
        }

        @Test
        @DisplayName("without an id and with several vendor providers, fails listing them")
        void several() {
            assertThatThrownBy(() -> ProviderRegistry.of(new Alpha(), new Memory(), new Beta())
                            .select(Optional.empty()))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("several vendor providers")
                    .hasMessageContaining("found: alpha, memory, beta");
        }

        @Test
        @DisplayName("two providers with the same id are rejected, naming both classes")
        void duplicateIds() {
            assertThatThrownBy(() -> ProviderRegistry.of(new Alpha(), new AlphaAgain()))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("'alpha'")
                    .hasMessageContaining(Alpha.class.getName())
                    .hasMessageContaining(AlphaAgain.class.getName());
        }

        @Test
        @DisplayName("lists ids and descriptors in discovery order and finds by id")
        void listing() {
            ProviderRegistry registry = ProviderRegistry.of(new Beta(), new Alpha());

            assertThat(registry.ids()).containsExactly("beta", "alpha");
            assertThat(registry.descriptors())
                    .extracting(ProviderDescriptor::id)
                    .containsExactly("beta", "alpha");
            assertThat(registry.find("alpha")).containsInstanceOf(Alpha.class);
            assertThat(registry.find("gamma")).isEmpty();
            assertThat(registry.loadErrors()).isEmpty();
        }
    }

    @Nested
    @DisplayName("opening")
    class Opening {

        @Test
        @DisplayName("opens the picked provider with the configuration, its id filled in")
        void opens() {
            ProviderRegistry registry = ProviderRegistry.of(new Memory(), new Alpha());

            try (ChatDirectory directory = registry.open(
                    ProviderConfig.builder().property("apiKey", "k").build(), Capability.USER_SEARCH)) {
                assertThat(directory.provider().id()).isEqualTo("alpha");
            }
            assertThat(FakeProviders.opens("alpha")).isEqualTo(1);
            assertThat(FakeProviders.lastConfig().providerId()).contains("alpha");
            assertThat(FakeProviders.lastConfig().property("apiKey")).contains("k");
        }

        @Test
        @DisplayName("missing required capabilities are all listed and the provider is never opened")
        void missingCapabilities() {
            ProviderRegistry registry = ProviderRegistry.of(new Alpha());

            UnsupportedCapabilityException e = catchThrowableOfType(
                    UnsupportedCapabilityException.class,
                    () -> registry.open(
                            named("alpha"), Capability.MEMBER_BANS, Capability.USER_SEARCH, Capability.PRESENCE));

            assertThat(e.capabilities()).containsExactlyInAnyOrder(Capability.PRESENCE, Capability.MEMBER_BANS);
            assertThat(e.providerId()).contains("alpha");
            assertThat(e).hasMessageContaining("PRESENCE").hasMessageContaining("MEMBER_BANS");
            assertThat(FakeProviders.opens("alpha")).isZero();
        }

        @Test
        @DisplayName("a null configuration or required capability is a ConfigurationException, and nothing is opened")
        void nulls() {
            ProviderRegistry registry = ProviderRegistry.of(new Alpha());

            assertThatThrownBy(() -> registry.open(null))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("config must not be null");
            assertThatThrownBy(() -> registry.open(named("alpha"), Capability.USER_SEARCH, null))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("capability must not be null");
            assertThatThrownBy(() -> ChatDirectories.open((Properties) null))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("properties must not be null");
            assertThat(FakeProviders.opens("alpha")).isZero();
        }

        @Test
        @DisplayName("a provider that cannot be picked is never opened")
        void notPicked() {
            ProviderRegistry registry = ProviderRegistry.of(new Alpha(), new Beta());

            assertThatThrownBy(() -> registry.open(unnamed)).isInstanceOf(ConfigurationException.class);
            assertThat(FakeProviders.opens("alpha") + FakeProviders.opens("beta"))
                    .isZero();
        }
    }

    @Nested
    @DisplayName("loading with the service loader")
    class Loading {

        @TempDir
        Path dir;

        @Test
        @DisplayName("finds the providers listed in META-INF/services of the class loader")
        void finds() throws IOException {
            try (URLClassLoader loader = FakeProviders.loaderWith(dir, Alpha.class.getName(), Memory.class.getName())) {
                ProviderRegistry registry = ProviderRegistry.load(loader);

                assertThat(registry.ids()).containsExactly("alpha", "memory");
                assertThat(registry.loadErrors()).isEmpty();
            }
        }

        @Test
        @DisplayName("isolates providers that fail to load and reports each of them")
        void isolatesBrokenProviders() throws IOException {
            try (URLClassLoader loader = FakeProviders.loaderWith(
                    dir,
                    "com.example.chat.MissingProvider",
                    ThrowingConstructor.class.getName(),
                    Alpha.class.getName(),
                    ThrowingDescriptor.class.getName(),
                    Descriptors.class.getName())) {
                ProviderRegistry registry = ProviderRegistry.load(loader);

                assertThat(registry.ids()).containsExactly("alpha");
                assertThat(registry.loadErrors()).hasSize(4);
                assertThat(String.join("\n", registry.loadErrors()))
                        .contains("com.example.chat.MissingProvider")
                        .contains(ThrowingConstructor.class.getName())
                        .contains("vendor SDK licence file not found")
                        .contains(ThrowingDescriptor.class.getName())
                        .contains("descriptor exploded")
                        .contains(Descriptors.class.getName() + " not a subtype");
                assertThat(registry.select(Optional.empty())).isInstanceOf(Alpha.class);
            }
        }

        @Test
        @DisplayName("names the providers that failed to load in the error when none can be picked")
        void errorsInMessage() throws IOException {
            try (URLClassLoader loader = FakeProviders.loaderWith(
                    dir, ThrowingConstructor.class.getName(), "com.example.chat.MissingProvider")) {
                ProviderRegistry registry = ProviderRegistry.load(loader);

                assertThatThrownBy(() -> registry.select(Optional.empty()))
                        .isInstanceOf(ConfigurationException.class)
                        .hasMessageContaining("found: none")
                        .hasMessageContaining("Providers that failed to load")
                        .hasMessageContaining(ThrowingConstructor.class.getName())
                        .hasMessageContaining("vendor SDK licence file not found")
                        .hasMessageContaining("com.example.chat.MissingProvider");
            }
        }

        @Test
        @DisplayName("rejects two discovered providers with the same id")
        void duplicates() throws IOException {
            try (URLClassLoader loader =
                    FakeProviders.loaderWith(dir, Alpha.class.getName(), AlphaAgain.class.getName())) {
                assertThatThrownBy(() -> ProviderRegistry.load(loader))
                        .isInstanceOf(ConfigurationException.class)
                        .hasMessageContaining("'alpha'");
            }
        }
    }
}
