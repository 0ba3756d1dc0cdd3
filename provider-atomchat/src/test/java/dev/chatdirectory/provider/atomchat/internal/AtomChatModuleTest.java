package dev.chatdirectory.provider.atomchat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatdirectory.ProviderConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The AtomChat Guice module")
class AtomChatModuleTest {

    @Test
    @DisplayName("sends requests to AtomChat's cloud unless the configuration names another endpoint")
    void baseUrl() {
        assertThat(AtomChatModule.baseUrl(ProviderConfig.builder().build()))
                .isEqualTo("https://api.cometondemand.net/api/v2");
        assertThat(AtomChatModule.baseUrl(ProviderConfig.builder()
                        .endpoint("http://127.0.0.1:8080/api/v2/")
                        .build()))
                .isEqualTo("http://127.0.0.1:8080/api/v2");
    }
}
