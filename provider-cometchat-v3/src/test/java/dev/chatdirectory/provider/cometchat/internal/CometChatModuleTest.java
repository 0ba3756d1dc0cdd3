package dev.chatdirectory.provider.cometchat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.ProviderConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The CometChat base URL")
class CometChatModuleTest {

    @Test
    @DisplayName("is https://{appId}.api-{region}.cometchat.io/v3 for each region, any case")
    void vendorHost() {
        for (String region : new String[] {"us", "eu", "in", "EU"}) {
            ProviderConfig config = ProviderConfig.builder()
                    .credential("appId", "1234abcd")
                    .credential("region", region)
                    .credential("apiKey", "k")
                    .build();
            assertThat(CometChatModule.appBaseUrl(config, "cometchat-v3"))
                    .isEqualTo("https://1234abcd.api-" + region.toLowerCase() + ".cometchat.io/v3");
        }
    }

    @Test
    @DisplayName("is the configured endpoint as given (it carries the /v3 base path), without a trailing slash")
    void endpoint() {
        ProviderConfig config = ProviderConfig.builder()
                .endpoint("http://127.0.0.1:8080/v3/")
                .credential("appId", "1234abcd")
                .credential("apiKey", "k")
                .build();
        try (ChatDirectory directory = dev.chatdirectory.provider.cometchat.CometChatProvider.builder()
                .config(config)
                .build()) {
            assertThat(directory.unwrap(CometChatApi.class).toString()).endsWith("url=http://127.0.0.1:8080/v3)");
        }
    }
}
