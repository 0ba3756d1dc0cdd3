package dev.chatdirectory.provider.atomchat;

import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.ProviderConfig;
import dev.chatdirectory.RateLimitSettings;
import dev.chatdirectory.RetrySettings;
import java.net.URI;
import java.time.Duration;

/** Opens AtomChat directories for tests: short timeouts, quick retries, no client-side rate limit. */
final class Directories {

    static final RetrySettings FAST_RETRIES =
            new RetrySettings(3, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(1));

    private Directories() {}

    static ProviderConfig config(URI endpoint, String apiKey) {
        return ProviderConfig.builder()
                .provider(AtomChatProvider.ID)
                .endpoint(endpoint)
                .credential("apiKey", apiKey)
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(5))
                .callTimeout(Duration.ofSeconds(10))
                .retry(FAST_RETRIES)
                .rateLimit(RateLimitSettings.unlimited())
                .build();
    }

    static ChatDirectory open(URI endpoint, String apiKey) {
        return new AtomChatProvider().open(config(endpoint, apiKey));
    }
}
