package dev.chatdirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatdirectory.spi.ProviderDescriptor;
import dev.chatdirectory.testing.FakeProviders;
import dev.chatdirectory.testing.FakeProviders.Alpha;
import dev.chatdirectory.testing.FakeProviders.Beta;
import dev.chatdirectory.testing.FakeProviders.Memory;
import dev.chatdirectory.testing.FakeProviders.ThrowingConstructor;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("ChatDirectories")
class ChatDirectoriesTest {

    @TempDir
    Path dir;

    @BeforeEach
    void reset() {
        FakeProviders.reset();
    }

    /** Runs the code with a context class loader that sees only the given providers. */
    private <T> T withProviders(Callable<T> code, Class<?>... providers) throws Exception {
        String[] names = new String[providers.length];
        for (int i = 0; i < providers.length; i++) {
            names[i] = providers[i].getName();
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader = FakeProviders.loaderWith(dir, names)) {
            thread.setContextClassLoader(loader);
            return code.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static Properties properties(String... keyValues) {
        Properties p = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return p;
    }

    @Nested
    @DisplayName("open(ProviderConfig)")
    class OpenConfig {

        @Test
        @DisplayName("uses the providers of the thread's context class loader")
        void contextLoader() throws Exception {
            String id = withProviders(
                    () -> {
                        try (ChatDirectory d =
                                ChatDirectories.open(ProviderConfig.builder().build())) {
                            return d.provider().id();
                        }
                    },
                    Memory.class,
                    Beta.class);

            assertThat(id).isEqualTo("beta");
        }

        @Test
        @DisplayName("fails listing the ids found when several vendor providers qualify")
        void ambiguous() {
            assertThatThrownBy(() -> withProviders(
                            () -> ChatDirectories.open(ProviderConfig.builder().build()), Alpha.class, Beta.class))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("alpha, beta");
        }

        @Test
        @DisplayName("checks required capabilities before opening")
        void required() {
            assertThatThrownBy(() -> withProviders(
                            () -> ChatDirectories.open(ProviderConfig.builder().build(), Capability.PRESENCE),
                            Alpha.class))
                    .isInstanceOf(UnsupportedCapabilityException.class)
                    .hasMessageContaining("PRESENCE");
            assertThat(FakeProviders.opens("alpha")).isZero();
        }

        @Test
        @DisplayName("providers() lists the descriptors, skipping providers that fail to load")
        void providers() throws Exception {
            var ids = withProviders(
                    () -> ChatDirectories.providers().stream()
                            .map(ProviderDescriptor::id)
                            .toList(),
                    Alpha.class,
                    ThrowingConstructor.class,
                    Memory.class);

            assertThat(ids).containsExactly("alpha", "memory");
        }
    }

    @Nested
    @DisplayName("open(Properties)")
    class OpenProperties {

        @Test
        @DisplayName("picks the provider named by chatdirectory.provider and reads its keys")
        void named() throws Exception {
            withProviders(
                    () -> ChatDirectories.open(properties(
                            "chatdirectory.provider", "beta",
                            "chatdirectory.beta.apiKey", "beta-key",
                            "chatdirectory.beta.readTimeout", "2s",
                            "chatdirectory.alpha.apiKey", "alpha-key")),
                    Alpha.class,
                    Beta.class);

            assertThat(FakeProviders.opens("beta")).isEqualTo(1);
            assertThat(FakeProviders.lastConfig().property("apiKey")).contains("beta-key");
            assertThat(FakeProviders.lastConfig().readTimeout()).isEqualTo(Duration.ofSeconds(2));
        }

        @Test
        @DisplayName("without chatdirectory.provider, reads the keys of the single vendor provider")
        void discovered() throws Exception {
            withProviders(
                    () -> ChatDirectories.open(properties("chatdirectory.alpha.apiKey", "alpha-key")),
                    Alpha.class,
                    Memory.class);

            assertThat(FakeProviders.lastConfig().providerId()).contains("alpha");
            assertThat(FakeProviders.lastConfig().property("apiKey")).contains("alpha-key");
        }

        @Test
        @DisplayName("a malformed setting fails with a ConfigurationException naming it, before opening")
        void malformed() {
            assertThatThrownBy(() -> withProviders(
                            () -> ChatDirectories.open(properties("chatdirectory.alpha.connectTimeout", "soon")),
                            Alpha.class))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("connectTimeout");
            assertThat(FakeProviders.opens("alpha")).isZero();
        }
    }

    @Nested
    @DisplayName("openFrom(environment, system properties)")
    class OpenFrom {

        @Test
        @DisplayName("the provider named in system properties wins over the environment's")
        void systemProviderWins() throws Exception {
            withProviders(
                    () -> ChatDirectories.openFrom(
                            Map.of("CHATDIRECTORY_PROVIDER", "alpha"), properties("chatdirectory.provider", "beta")),
                    Alpha.class,
                    Beta.class);

            assertThat(FakeProviders.opens("beta")).isEqualTo(1);
            assertThat(FakeProviders.opens("alpha")).isZero();
        }

        @Test
        @DisplayName("the environment names the provider when system properties do not")
        void environmentProvider() throws Exception {
            withProviders(
                    () -> ChatDirectories.openFrom(Map.of("CHATDIRECTORY_PROVIDER", "alpha"), new Properties()),
                    Alpha.class,
                    Beta.class);

            assertThat(FakeProviders.opens("alpha")).isEqualTo(1);
        }

        @Test
        @DisplayName("discovers the single vendor provider when neither names one")
        void discovered() throws Exception {
            withProviders(() -> ChatDirectories.openFrom(Map.of(), new Properties()), Memory.class, Beta.class);

            assertThat(FakeProviders.opens("beta")).isEqualTo(1);
        }

        @Test
        @DisplayName("system properties win over environment variables, setting by setting")
        void precedence() throws Exception {
            Map<String, String> env = Map.of(
                    "CHATDIRECTORY_ALPHA_API_KEY", "env-key",
                    "CHATDIRECTORY_ALPHA_REGION", "env-region",
                    "CHATDIRECTORY_ALPHA_READ_TIMEOUT", "7s",
                    "CHATDIRECTORY_ALPHA_CONNECT_TIMEOUT", "3s");
            Properties system = properties(
                    "chatdirectory.alpha.apiKey", "system-key",
                    "chatdirectory.alpha.readTimeout", "9s");

            withProviders(() -> ChatDirectories.openFrom(env, system), Alpha.class);

            ProviderConfig config = FakeProviders.lastConfig();
            assertThat(config.property("apiKey")).contains("system-key");
            assertThat(config.property("region")).contains("env-region");
            assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(9));
            assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        }

        @Test
        @DisplayName("retry and rate-limit settings from both sources combine")
        void retryAndRateLimitCombine() throws Exception {
            Map<String, String> env = Map.of(
                    "CHATDIRECTORY_ALPHA_RETRY_INITIAL_BACKOFF", "1s",
                    "CHATDIRECTORY_ALPHA_RATE_LIMIT_PERMITS_PER_SECOND", "10");
            Properties system = properties(
                    "chatdirectory.alpha.retry.maxAttempts", "5",
                    "chatdirectory.alpha.rateLimit.burst", "2");

            withProviders(() -> ChatDirectories.openFrom(env, system), Alpha.class);

            ProviderConfig config = FakeProviders.lastConfig();
            assertThat(config.retry().maxAttempts()).isEqualTo(5);
            assertThat(config.retry().initialBackoff()).isEqualTo(Duration.ofSeconds(1));
            assertThat(config.rateLimit()).contains(new RateLimitSettings(10, 2));
        }

        @Test
        @DisplayName("required capabilities are checked before the provider is opened")
        void required() {
            assertThatThrownBy(() -> withProviders(
                            () -> ChatDirectories.openFrom(Map.of(), new Properties(), Capability.MEMBER_BANS),
                            Alpha.class))
                    .isInstanceOf(UnsupportedCapabilityException.class);
            assertThat(FakeProviders.opens("alpha")).isZero();
        }
    }

    @Nested
    @DisplayName("two directories of one provider from one configuration")
    class Scoped {

        private final ConfigPrefix source = ConfigPrefix.scoped("source");
        private final ConfigPrefix target = ConfigPrefix.scoped("target");

        @Test
        @DisplayName("open(properties, prefix) opens source and target from one properties file")
        void fromOneFile() throws Exception {
            Properties p = properties(
                    "chatdirectory.source.provider", "alpha",
                    "chatdirectory.source.alpha.appId", "app-a",
                    "chatdirectory.target.provider", "alpha",
                    "chatdirectory.target.alpha.appId", "app-b");

            ProviderConfig a = withProviders(
                    () -> {
                        ChatDirectories.open(p, source).close();
                        return FakeProviders.lastConfig();
                    },
                    Alpha.class,
                    Beta.class);
            ProviderConfig b = withProviders(
                    () -> {
                        ChatDirectories.open(p, target).close();
                        return FakeProviders.lastConfig();
                    },
                    Alpha.class,
                    Beta.class);

            assertThat(a.property("appId")).contains("app-a");
            assertThat(b.property("appId")).contains("app-b");
            assertThat(FakeProviders.opens("alpha")).isEqualTo(2);
        }

        @Test
        @DisplayName("openFrom(environment, system properties, prefix) reads only that prefix; system properties win")
        void fromEnvironmentAndSystem() throws Exception {
            Map<String, String> env = Map.of(
                    "CHATDIRECTORY_PROVIDER", "beta",
                    "CHATDIRECTORY_TARGET_PROVIDER", "alpha",
                    "CHATDIRECTORY_TARGET_ALPHA_APP_ID", "env-app",
                    "CHATDIRECTORY_TARGET_ALPHA_REGION", "eu",
                    "CHATDIRECTORY_SOURCE_ALPHA_APP_ID", "source-app");
            Properties system = properties("chatdirectory.target.alpha.appId", "system-app");

            withProviders(() -> ChatDirectories.openFrom(env, system, target), Alpha.class, Beta.class);

            ProviderConfig config = FakeProviders.lastConfig();
            assertThat(FakeProviders.opens("alpha")).isEqualTo(1);
            assertThat(FakeProviders.opens("beta")).isZero();
            assertThat(config.property("appId")).contains("system-app");
            assertThat(config.property("region")).contains("eu");
        }

        @Test
        @DisplayName("a null prefix is a ConfigurationException")
        void nullPrefix() {
            assertThatThrownBy(() -> ChatDirectories.open(new Properties(), (ConfigPrefix) null))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("prefix");
            assertThatThrownBy(() -> ChatDirectories.openFromEnvironment((ConfigPrefix) null))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("prefix");
        }
    }

    @Test
    @DisplayName("opening through the registry directly works without the service loader")
    void direct() throws IOException {
        try (ChatDirectory d =
                ProviderRegistry.of(new Alpha()).open(ProviderConfig.builder().build())) {
            assertThat(d.provider().id()).isEqualTo("alpha");
        }
    }
}
