package dev.chatdirectory.provider.qiscus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.ConfigurationException;
import dev.chatdirectory.ProviderConfig;
import dev.chatdirectory.model.UserCreate;
import dev.chatdirectory.model.UserUpdate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("User passwords")
class QiscusPasswordSafetyTest extends QiscusEmulatorSupport {

    @Nested
    @DisplayName("with the passwordSecret property")
    class DerivedPasswords {

        @Test
        @DisplayName("users are created with the password the application derives for its client logins")
        void createdWithDerivedPassword() {
            directory
                    .users()
                    .create(UserCreate.builder("zoe@example.com", "Zoë").build());
            assertThat(emulator.passwordMatches("zoe@example.com", derivedPassword("zoe@example.com")))
                    .isTrue();
        }

        @Test
        @DisplayName("updates of name, avatar and metadata never change the password the client logs in with")
        void updatesKeepThePassword() {
            directory.users().create(UserCreate.builder("zoe", "Zoë").build());
            directory
                    .users()
                    .update("zoe", UserUpdate.builder().name("Zoë Ångström").build());
            directory
                    .users()
                    .update(
                            "zoe",
                            UserUpdate.builder()
                                    .avatarUrl("https://a.example.com/z.png")
                                    .build());
            directory
                    .users()
                    .update("zoe", UserUpdate.builder().metadata(Map.of("k", 1)).build());
            directory
                    .users()
                    .update("zoe", UserUpdate.builder().clearAvatarUrl().build());
            assertThat(emulator.passwordChangeCount("zoe")).isZero();
            assertThat(emulator.passwordMatches("zoe", derivedPassword("zoe"))).isTrue();
        }

        @Test
        @DisplayName("a second directory with the same secret derives the same passwords")
        void passwordsAreDeterministic() {
            directory.users().create(UserCreate.builder("zoe", "Zoë").build());
            try (ChatDirectory other = open(config().build())) {
                other.users().update("zoe", UserUpdate.builder().name("Zed").build());
            }
            assertThat(emulator.passwordChangeCount("zoe")).isZero();
        }
    }

    @Nested
    @DisplayName("with a password source on the builder")
    class ApplicationSource {

        @Test
        @DisplayName("a user created outside the adapter keeps the password the application stores for it")
        void existingPasswordIsKept() {
            emulator.createUser("legacy", "Legacy User");
            String stored = emulator.password("legacy").orElseThrow();
            Map<String, String> applicationDatabase = new ConcurrentHashMap<>(Map.of("legacy", stored));
            try (ChatDirectory qiscus = QiscusProvider.builder()
                    .passwordSource(applicationDatabase::get)
                    .config(withoutPasswordSecret())
                    .build()) {
                qiscus.users()
                        .update("legacy", UserUpdate.builder().name("Renamed").build());
                assertThat(qiscus.users().get("legacy").orElseThrow().name()).isEqualTo("Renamed");
            }
            assertThat(emulator.passwordChangeCount("legacy")).isZero();
            assertThat(emulator.passwordMatches("legacy", stored)).isTrue();
        }

        @Test
        @DisplayName("a source and a passwordSecret together are refused when the directory is opened")
        void bothSourcesAreRefused() {
            assertThatThrownBy(() -> QiscusProvider.builder()
                            .passwordSource(userId -> "pw")
                            .config(config().build())
                            .build())
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("not both");
        }

        @Test
        @DisplayName("a source that gives no password fails the update before anything is sent")
        void blankPasswordIsRefused() {
            directory.users().create(UserCreate.builder("zoe", "Zoë").build());
            try (ChatDirectory qiscus = QiscusProvider.builder()
                    .passwordSource(userId -> " ")
                    .config(withoutPasswordSecret())
                    .build()) {
                forgetRequests();
                assertThatThrownBy(() -> qiscus.users()
                                .update("zoe", UserUpdate.builder().name("Z").build()))
                        .isInstanceOf(ConfigurationException.class);
                assertThat(requests()).isEmpty();
            }
        }
    }

    @Nested
    @DisplayName("without a password source")
    class NoSource {

        @Test
        @DisplayName("the directory does not open: ConfigurationException names passwordSecret, nothing is sent")
        void openIsRefused() {
            emulator.createUser("zoe", "Zoë");
            String before = emulator.password("zoe").orElseThrow();
            forgetRequests();

            assertThatThrownBy(() -> open(withoutPasswordSecret()))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("passwordSecret")
                    .hasMessageContaining("PasswordSource")
                    .hasMessageNotContaining("could not assemble");
            assertThatThrownBy(() -> new QiscusProvider().open(withoutPasswordSecret()))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("passwordSecret");
            assertThat(requests()).isEmpty();
            assertThat(emulator.passwordMatches("zoe", before)).isTrue();
        }

        @Test
        @DisplayName("a passwordSecret shorter than 16 characters is refused without showing it")
        void shortSecretIsRefused() {
            ProviderConfig config =
                    config().credential("passwordSecret", "short-pw-9").build();
            assertThatThrownBy(() -> open(config))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("passwordSecret")
                    .hasMessageNotContaining("short-pw-9");
        }
    }

    private ProviderConfig withoutPasswordSecret() {
        return ProviderConfig.builder()
                .endpoint(emulator.baseUrl())
                .credential("appId", emulator.appId())
                .credential("secret", emulator.secretKey())
                .build();
    }
}
