package dev.chatdirectory.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatdirectory.Capability;
import dev.chatdirectory.ProviderConfig;
import dev.chatdirectory.RateLimitSettings;
import dev.chatdirectory.spi.CredentialSpec;
import dev.chatdirectory.spi.IdRule;
import dev.chatdirectory.spi.ProviderDescriptor;
import dev.chatdirectory.spi.ProviderLimits;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The secret redactor")
class SecretRedactorTest {

    private static final String KEY = "0123456789abcdef0123456789abcdef";

    @Test
    @DisplayName("masks every occurrence of a secret")
    void masksSecret() {
        SecretRedactor redactor = SecretRedactor.of(List.of(KEY));

        assertThat(redactor.redact("apikey: " + KEY + " again " + KEY)).isEqualTo("apikey: **** again ****");
    }

    @Test
    @DisplayName("masks the first-five, asterisks, last-five echo some vendors send back")
    void masksVendorEcho() {
        SecretRedactor redactor = SecretRedactor.of(List.of(KEY));

        assertThat(redactor.redact("The key 01234**********************bcdef does not exist"))
                .isEqualTo("The key **** does not exist");
    }

    @Test
    @DisplayName("always masks credential headers, whatever their value")
    void masksCredentialHeaders() {
        assertThat(SecretRedactor.none().redactHeader("ApiKey", "anything")).isEqualTo("****");
        assertThat(SecretRedactor.none().redactHeader("QISCUS-SDK-SECRET", "x")).isEqualTo("****");
        assertThat(SecretRedactor.none().redactHeader("Accept", "application/json"))
                .isEqualTo("application/json");
    }

    @Test
    @DisplayName("ignores values too short to mask safely")
    void ignoresShortValues() {
        assertThat(SecretRedactor.of(List.of("abc")).redact("abcdef")).isEqualTo("abcdef");
    }

    @Test
    @DisplayName("knows exactly the secrets the descriptor marks secret")
    void fromDescriptor() {
        ProviderDescriptor descriptor = new ProviderDescriptor(
                "vendor",
                "Vendor",
                EnumSet.noneOf(Capability.class),
                List.of(CredentialSpec.required("appId", "app"), CredentialSpec.secret("apiKey", "key")),
                IdRule.any(),
                IdRule.any(),
                new ProviderLimits(10, 10, 10, 10, 10, RateLimitSettings.unlimited()));
        ProviderConfig config = ProviderConfig.builder()
                .credential("appId", "my-app-id")
                .credential("API_KEY", KEY)
                .build();

        SecretRedactor redactor = SecretRedactor.from(config, descriptor);

        assertThat(redactor.redact("my-app-id " + KEY)).isEqualTo("my-app-id ****");
    }
}
