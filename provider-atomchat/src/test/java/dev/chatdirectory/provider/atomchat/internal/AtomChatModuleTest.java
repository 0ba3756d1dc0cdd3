package dev.chatdirectory.provider.atomchat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.ProviderConfig;
import dev.chatdirectory.http.SecretRedactor;
import dev.chatdirectory.provider.atomchat.AtomChatProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The AtomChat Guice module")
class AtomChatModuleTest {

    private static String url(ProviderConfig.Builder config) {
        try (ChatDirectory directory = AtomChatProvider.builder()
                .config(config.credential("apiKey", "app1x0123456789abcdef0123456789abcdef")
                        .build())
                .build()) {
            return directory.unwrap(AtomChatApi.class).toString();
        }
    }

    @Test
    @DisplayName("sends requests to AtomChat's cloud unless the configuration names another endpoint")
    void baseUrl() {
        assertThat(url(ProviderConfig.builder())).endsWith("url=https://api.cometondemand.net/api/v2)");
        assertThat(url(ProviderConfig.builder().endpoint("http://127.0.0.1:8080/api/v2/")))
                .endsWith("url=http://127.0.0.1:8080/api/v2)");
    }

    @Test
    @DisplayName("declares its api-key header a credential header, masked in logs whatever its value")
    void credentialHeader() {
        SecretRedactor redactor = com.google.inject.Guice.createInjector(
                        new AtomChatModule(new dev.chatdirectory.http.HttpDirectorySettings(
                                ProviderConfig.builder()
                                        .credential("apiKey", "k")
                                        .build(),
                                AtomChatProvider.DESCRIPTOR,
                                AtomChatProvider.DEFAULT_ENDPOINT,
                                java.util.Optional.empty(),
                                java.util.Optional.empty(),
                                java.time.Clock.systemUTC(),
                                dev.chatdirectory.http.Ticker.SYSTEM,
                                dev.chatdirectory.http.Sleeper.SYSTEM)))
                .getInstance(SecretRedactor.class);

        assertThat(redactor.redactHeader("API-KEY", "any-value-at-all")).isEqualTo(SecretRedactor.MASK);
    }
}
