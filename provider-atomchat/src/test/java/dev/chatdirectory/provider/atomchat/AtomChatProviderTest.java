package dev.chatdirectory.provider.atomchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatdirectory.Capability;
import dev.chatdirectory.ChatDirectories;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.ConfigurationException;
import dev.chatdirectory.ProviderConfig;
import dev.chatdirectory.provider.atomchat.internal.AtomChatDirectory;
import dev.chatdirectory.spi.ChatDirectoryProvider;
import dev.chatdirectory.spi.CredentialSpec;
import dev.chatdirectory.spi.ProviderDescriptor;
import java.net.http.HttpClient;
import java.util.EnumSet;
import java.util.ServiceLoader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The AtomChat provider")
class AtomChatProviderTest {

    private final ProviderDescriptor descriptor = new AtomChatProvider().descriptor();

    @Nested
    @DisplayName("describes itself")
    class Descriptor {

        @Test
        @DisplayName("as atomchat with exactly the capabilities AtomChat v2 supports")
        void capabilities() {
            assertThat(descriptor.id()).isEqualTo("atomchat");
            assertThat(descriptor).isSameAs(AtomChatProvider.DESCRIPTOR);
            assertThat(descriptor.capabilities())
                    .containsExactlyInAnyOrderElementsOf(EnumSet.of(
                            Capability.USER_HARD_DELETE,
                            Capability.USER_AVATAR,
                            Capability.USER_PROFILE_URL,
                            Capability.USER_ROLE,
                            Capability.PRESENCE,
                            Capability.PRESENCE_LAST_ACTIVE,
                            Capability.GROUP_CLIENT_IDS,
                            Capability.GROUP_TYPE_PUBLIC,
                            Capability.GROUP_TYPE_PASSWORD,
                            Capability.GROUP_TYPE_PRIVATE,
                            Capability.GROUP_UPDATE,
                            Capability.GROUP_DELETE,
                            Capability.GROUP_LIST,
                            Capability.GROUPS_OF_MEMBER,
                            Capability.GROUP_OWNER,
                            Capability.MEMBER_BANS));
        }

        @Test
        @DisplayName("with one required, secret credential: apiKey")
        void credentials() {
            assertThat(descriptor.credentials())
                    .singleElement()
                    .extracting(
                            CredentialSpec::name,
                            CredentialSpec::kind,
                            CredentialSpec::required,
                            CredentialSpec::secret)
                    .containsExactly("apiKey", CredentialSpec.Kind.CREDENTIAL, true, true);
        }

        @Test
        @DisplayName("with pages and batches of 100, no metadata and no client-side rate limit")
        void limits() {
            assertThat(descriptor.limits().defaultPageSize()).isEqualTo(100);
            assertThat(descriptor.limits().maxPageSize()).isEqualTo(100);
            assertThat(descriptor.limits().maxBatchSize()).isEqualTo(100);
            assertThat(descriptor.limits().maxMetadataBytes()).isZero();
            assertThat(descriptor.limits().defaultRateLimit().isUnlimited()).isTrue();
        }

        @ParameterizedTest(name = "accepts \"{0}\"")
        @ValueSource(strings = {"u42", "zoë & co=1+2%", "山田", "a b", "x/y?z", "#1"})
        @DisplayName("accepts ids of any text AtomChat can address")
        void acceptedIds(String id) {
            assertThat(descriptor.userIds().accepts(id)).isTrue();
            assertThat(descriptor.groupIds().accepts(id)).isTrue();
        }

        @ParameterizedTest(name = "refuses \"{0}\"")
        @ValueSource(strings = {"a,b", ",", " a", "a ", "a\tb", "a\nb", ""})
        @DisplayName("refuses ids with commas (list separator), surrounding whitespace (trimmed) or control characters")
        void refusedIds(String id) {
            assertThat(descriptor.userIds().accepts(id)).isFalse();
            assertThat(descriptor.groupIds().accepts(id)).isFalse();
        }
    }

    @Nested
    @DisplayName("opens directories")
    class Opening {

        @Test
        @DisplayName("is found by ServiceLoader and by ChatDirectories")
        void discovery() {
            assertThat(ServiceLoader.load(ChatDirectoryProvider.class).stream().map(ServiceLoader.Provider::type))
                    .contains(AtomChatProvider.class);
            assertThat(ChatDirectories.providers())
                    .extracting(ProviderDescriptor::id)
                    .contains("atomchat");
            try (ChatDirectory directory = ChatDirectories.open(ProviderConfig.builder()
                    .provider("atomchat")
                    .credential("apiKey", StubAtomChat.API_KEY)
                    .build())) {
                assertThat(directory.provider().id()).isEqualTo("atomchat");
            }
        }

        @Test
        @DisplayName("refuses to open without apiKey, naming the property")
        void missingKey() {
            assertThatThrownBy(() ->
                            new AtomChatProvider().open(ProviderConfig.builder().build()))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("apiKey")
                    .hasMessageContaining("CHATDIRECTORY_ATOMCHAT_APIKEY");
        }

        @Test
        @DisplayName("unwraps to the AtomChat directory and its JDK HttpClient, and nothing else")
        void unwrap() {
            try (ChatDirectory directory = new AtomChatProvider()
                    .open(ProviderConfig.builder()
                            .credential("apiKey", StubAtomChat.API_KEY)
                            .build())) {
                assertThat(directory.unwrap(AtomChatDirectory.class)).isNotNull();
                assertThat(directory.unwrap(HttpClient.class)).isNotNull();
                assertThatThrownBy(() -> directory.unwrap(String.class)).isInstanceOf(IllegalArgumentException.class);
            }
        }

        @Test
        @DisplayName("a closed directory refuses every operation and sends nothing")
        void closed() {
            try (StubAtomChat stub = new StubAtomChat()) {
                ChatDirectory directory = stub.open();
                directory.close();
                directory.close();
                assertThatThrownBy(() -> directory.users().get("u42")).isInstanceOf(IllegalStateException.class);
                assertThat(stub.server().getAllServeEvents()).isEmpty();
            }
        }
    }
}
