package dev.chatdirectory.provider.cometchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatdirectory.Capability;
import dev.chatdirectory.ChatDirectories;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.ConfigurationException;
import dev.chatdirectory.ProviderConfig;
import dev.chatdirectory.ProviderRegistry;
import dev.chatdirectory.RateLimitSettings;
import dev.chatdirectory.UnsupportedCapabilityException;
import dev.chatdirectory.spi.CredentialSpec;
import dev.chatdirectory.spi.ProviderDescriptor;
import java.util.EnumSet;
import java.util.Properties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The CometChat provider")
class CometChatProviderTest {

    private static final String KEY = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";

    private final ProviderDescriptor descriptor = new CometChatProvider().descriptor();

    @Nested
    @DisplayName("describes itself without credentials or network")
    class Descriptor {

        @Test
        @DisplayName("as cometchat-v3, with every capability but e-mail")
        void capabilities() {
            assertThat(descriptor).isSameAs(CometChatProvider.DESCRIPTOR);
            assertThat(descriptor.id()).isEqualTo("cometchat-v3");
            assertThat(descriptor.capabilities()).isEqualTo(EnumSet.complementOf(EnumSet.of(Capability.USER_EMAIL)));
        }

        @Test
        @DisplayName("reading the credentials appId and apiKey (secret), and the setting region")
        void credentials() {
            assertThat(descriptor.credentials())
                    .extracting(
                            CredentialSpec::name,
                            CredentialSpec::kind,
                            CredentialSpec::required,
                            CredentialSpec::secret)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("appId", CredentialSpec.Kind.CREDENTIAL, true, false),
                            org.assertj.core.groups.Tuple.tuple("region", CredentialSpec.Kind.SETTING, false, false),
                            org.assertj.core.groups.Tuple.tuple("apiKey", CredentialSpec.Kind.CREDENTIAL, true, true));
        }

        @Test
        @DisplayName("accepting CometChat's lower-case alpha-dash ids of up to 100 characters")
        void idRules() {
            for (var rule : java.util.List.of(descriptor.userIds(), descriptor.groupIds())) {
                assertThat(rule.accepts("superhero-1_a")).isTrue();
                assertThat(rule.accepts("a".repeat(100))).isTrue();
                assertThat(rule.accepts("a".repeat(101))).isFalse();
                assertThat(rule.accepts("Alice"))
                        .as("CometChat would lower-case it")
                        .isFalse();
                assertThat(rule.accepts("a b")).isFalse();
                assertThat(rule.accepts("a@b")).isFalse();
                assertThat(rule.accepts("zoë")).isFalse();
            }
        }

        @Test
        @DisplayName("with CometChat's documented limits and its 10,000 a minute core rate limit")
        void limits() {
            var limits = descriptor.limits();
            assertThat(limits.defaultPageSize()).isEqualTo(100);
            assertThat(limits.maxPageSize()).isEqualTo(1000);
            assertThat(limits.maxBatchSize()).isEqualTo(25);
            assertThat(limits.maxNameLength()).isEqualTo(100);
            assertThat(limits.maxMetadataBytes()).isEqualTo(5000);
            assertThat(limits.defaultRateLimit()).isEqualTo(RateLimitSettings.perMinute(10_000));
        }
    }

    @Nested
    @DisplayName("is discovered")
    class Discovery {

        @Test
        @DisplayName("by the service loader under its id")
        void serviceLoader() {
            ProviderRegistry registry = ProviderRegistry.load(getClass().getClassLoader());
            assertThat(registry.find("cometchat-v3")).get().isInstanceOf(CometChatProvider.class);
        }

        @Test
        @DisplayName("as the only vendor provider when the configuration names none, opened without I/O")
        void implicit() {
            try (ChatDirectory directory = ChatDirectories.open(ProviderConfig.builder()
                    .credential("appId", "abc123")
                    .credential("region", "eu")
                    .credential("apiKey", KEY)
                    .build())) {
                assertThat(directory.provider().id()).isEqualTo("cometchat-v3");
            }
        }

        @Test
        @DisplayName("from properties, failing at start for a capability CometChat lacks")
        void requiredCapability() {
            Properties properties = new Properties();
            properties.setProperty("chatdirectory.provider", "cometchat-v3");
            properties.setProperty("chatdirectory.cometchat-v3.appId", "abc123");
            properties.setProperty("chatdirectory.cometchat-v3.region", "us");
            properties.setProperty("chatdirectory.cometchat-v3.apiKey", KEY);
            assertThatThrownBy(() -> ChatDirectories.open(properties, Capability.USER_EMAIL))
                    .isInstanceOf(UnsupportedCapabilityException.class);
            try (ChatDirectory directory = ChatDirectories.open(properties, Capability.MEMBER_BANS)) {
                assertThat(directory.provider().supports(Capability.MEMBER_BANS))
                        .isTrue();
            }
        }
    }

    @Nested
    @DisplayName("refuses to open")
    class Configuration {

        private ProviderConfig.Builder valid() {
            return ProviderConfig.builder()
                    .credential("appId", "abc123")
                    .credential("region", "in")
                    .credential("apiKey", KEY);
        }

        @Test
        @DisplayName("without an API key or app id, naming the property")
        void missing() {
            assertThatThrownBy(() -> new CometChatProvider()
                            .open(ProviderConfig.builder()
                                    .credential("appId", "abc123")
                                    .credential("region", "us")
                                    .build()))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("apiKey");
            assertThatThrownBy(() -> new CometChatProvider()
                            .open(ProviderConfig.builder()
                                    .credential("region", "us")
                                    .credential("apiKey", KEY)
                                    .build()))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("appId");
        }

        @Test
        @DisplayName("without a region unless an endpoint is set, and with an unknown region")
        void region() {
            assertThatThrownBy(() -> new CometChatProvider()
                            .open(ProviderConfig.builder()
                                    .credential("appId", "abc123")
                                    .credential("apiKey", KEY)
                                    .build()))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("region");
            assertThatThrownBy(() -> new CometChatProvider()
                            .open(valid().credential("region", "asia").build()))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("us, eu, in");
            new CometChatProvider()
                    .open(ProviderConfig.builder()
                            .endpoint("http://127.0.0.1:1/v3")
                            .credential("appId", "abc123")
                            .credential("apiKey", KEY)
                            .build())
                    .close();
        }

        @Test
        @DisplayName("with an app id that is not letters and digits, which would end up in the host name")
        void appId() {
            assertThatThrownBy(() -> new CometChatProvider()
                            .open(valid().credential("appId", "evil.example.com/x")
                                    .build()))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("appId")
                    .hasMessageNotContaining(KEY);
        }

        @Test
        @DisplayName("and a directory's text never shows the key")
        void noKeyInText() {
            ProviderConfig config = valid().build();
            try (ChatDirectory directory = new CometChatProvider().open(config)) {
                assertThat(directory.toString()).doesNotContain(KEY);
                assertThat(config.toString()).doesNotContain(KEY);
            }
        }
    }
}
