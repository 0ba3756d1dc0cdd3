package dev.chatdirectory.provider.qiscus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatdirectory.Capability;
import dev.chatdirectory.ChatDirectories;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.ConfigurationException;
import dev.chatdirectory.ProviderConfig;
import dev.chatdirectory.provider.qiscus.internal.QiscusApi;
import dev.chatdirectory.spi.ChatDirectoryProvider;
import dev.chatdirectory.spi.CredentialSpec;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.EnumSet;
import java.util.ServiceLoader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The Qiscus provider")
class QiscusProviderTest {

    private static ProviderConfig.Builder credentials() {
        return ProviderConfig.builder()
                .credential("appId", "sdksample")
                .credential("secret", "s3cr3t-key-0123456789")
                .credential("passwordSecret", "password-derivation-key-0123");
    }

    @Nested
    @DisplayName("descriptor")
    class Descriptor {

        @Test
        @DisplayName("declares exactly what works end to end against Qiscus")
        void capabilities() {
            assertThat(QiscusProvider.DESCRIPTOR.id()).isEqualTo("qiscus");
            assertThat(QiscusProvider.DESCRIPTOR.capabilities())
                    .containsExactlyInAnyOrderElementsOf(EnumSet.of(
                            Capability.USER_DEACTIVATION,
                            Capability.USER_LIST_ALL_FIELDS,
                            Capability.USER_AVATAR,
                            Capability.USER_METADATA,
                            Capability.GROUP_TYPE_PRIVATE,
                            Capability.GROUP_UPDATE,
                            Capability.GROUP_ICON,
                            Capability.GROUP_METADATA,
                            Capability.GROUP_OWNER,
                            Capability.MEMBER_NAME,
                            Capability.GROUPS_OF_MEMBER));
            assertThat(new QiscusProvider().descriptor()).isSameAs(QiscusProvider.DESCRIPTOR);
        }

        @Test
        @DisplayName("reads a required app id, a required secret key, an optional password key and two settings")
        void credentials() {
            var credential = CredentialSpec.Kind.CREDENTIAL;
            var setting = CredentialSpec.Kind.SETTING;
            assertThat(QiscusProvider.DESCRIPTOR.credentials())
                    .extracting(
                            CredentialSpec::name,
                            CredentialSpec::kind,
                            CredentialSpec::required,
                            CredentialSpec::secret)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("appId", credential, true, false),
                            org.assertj.core.groups.Tuple.tuple("secret", credential, true, true),
                            org.assertj.core.groups.Tuple.tuple("passwordSecret", credential, false, true),
                            org.assertj.core.groups.Tuple.tuple("systemUserId", setting, false, false),
                            org.assertj.core.groups.Tuple.tuple("defaultAvatarUrl", setting, false, false));
        }

        @Test
        @DisplayName("declares group creates unrecoverable after a lost answer: Qiscus assigns room ids")
        void unrecoverableCreates() {
            assertThat(QiscusProvider.DESCRIPTOR.unrecoverableCreates())
                    .containsExactly(dev.chatdirectory.spi.EntityKind.GROUP);
            assertThat(QiscusProvider.DESCRIPTOR.createRecoverable(dev.chatdirectory.spi.EntityKind.USER))
                    .isTrue();
        }

        @Test
        @DisplayName("accepts Qiscus user ids (letters, digits, . - _ @) and digit room ids only")
        void idRules() {
            var users = QiscusProvider.DESCRIPTOR.userIds();
            assertThat(users.accepts("guest@qiscus.com")).isTrue();
            assertThat(users.accepts("a.b-c_d")).isTrue();
            assertThat(users.accepts("a+b")).isFalse();
            assertThat(users.accepts("a b")).isFalse();
            assertThat(users.accepts("zoë")).isFalse();
            var groups = QiscusProvider.DESCRIPTOR.groupIds();
            assertThat(groups.accepts("5037393")).isTrue();
            assertThat(groups.accepts("room-1")).isFalse();
        }

        @Test
        @DisplayName("has page sizes 20 by default and 100 at most, batches of 50 and no client-side rate limit")
        void limits() {
            var limits = QiscusProvider.DESCRIPTOR.limits();
            assertThat(limits.defaultPageSize()).isEqualTo(20);
            assertThat(limits.maxPageSize()).isEqualTo(100);
            assertThat(limits.maxBatchSize()).isEqualTo(50);
            assertThat(limits.defaultRateLimit().isUnlimited()).isTrue();
        }
    }

    @Nested
    @DisplayName("opening")
    class Opening {

        @Test
        @DisplayName("is found by the service loader and by ChatDirectories under its id")
        void discovery() {
            assertThat(ServiceLoader.load(ChatDirectoryProvider.class).stream().map(ServiceLoader.Provider::type))
                    .contains(QiscusProvider.class);
            try (ChatDirectory directory =
                    ChatDirectories.open(credentials().provider("qiscus").build())) {
                assertThat(directory.provider()).isEqualTo(QiscusProvider.DESCRIPTOR);
            }
        }

        @Test
        @DisplayName("fails with ConfigurationException naming a missing app id or secret key")
        void missingCredentials() {
            assertThatThrownBy(() -> new QiscusProvider()
                            .open(ProviderConfig.builder()
                                    .credential("secret", "x")
                                    .build()))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("appId");
            assertThatThrownBy(() -> new QiscusProvider()
                            .open(ProviderConfig.builder()
                                    .credential("appId", "x")
                                    .build()))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("secret");
        }

        @Test
        @DisplayName("fails with ConfigurationException for a malformed systemUserId or defaultAvatarUrl")
        void malformedSettings() {
            assertThatThrownBy(() -> new QiscusProvider()
                            .open(credentials()
                                    .property("systemUserId", "has space")
                                    .build()))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("systemUserId");
            assertThatThrownBy(() -> new QiscusProvider()
                            .open(credentials()
                                    .property("defaultAvatarUrl", "not a url")
                                    .build()))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("defaultAvatarUrl");
        }

        @Test
        @DisplayName(
                "uses https://api.qiscus.com/api/v2.1/rest unless the endpoint replaces it, without a trailing slash")
        void baseUrl() {
            try (ChatDirectory directory =
                    new QiscusProvider().open(credentials().build())) {
                assertThat(directory.unwrap(QiscusApi.class).toString())
                        .endsWith("url=https://api.qiscus.com/api/v2.1/rest)");
            }
            try (ChatDirectory directory = new QiscusProvider()
                    .open(credentials().endpoint("http://127.0.0.1:9/qiscus/").build())) {
                assertThat(directory.unwrap(QiscusApi.class).toString()).endsWith("url=http://127.0.0.1:9/qiscus)");
            }
        }
    }

    @Nested
    @DisplayName("unwrap")
    class Unwrap {

        @Test
        @DisplayName("gives the JDK HttpClient the directory sends with, the one given to the builder")
        void httpClient() {
            HttpClient client = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(1))
                    .build();
            try (ChatDirectory directory = QiscusProvider.builder()
                    .config(credentials().build())
                    .httpClient(client)
                    .build()) {
                assertThat(directory.unwrap(HttpClient.class)).isSameAs(client);
                assertThat(directory.unwrap(ChatDirectory.class)).isSameAs(directory);
                assertThatThrownBy(() -> directory.unwrap(String.class)).isInstanceOf(IllegalArgumentException.class);
            }
        }
    }
}
