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
    @DisplayName("masks the values of JSON members named like a password, escaped quotes included")
    void masksPasswordMembers() {
        String body = "{\"user_id\":\"zoe\",\"password\": \"p\\\"w&=+\",\"group_Password\":\"x\",\"name\":\"a\"}";

        assertThat(SecretRedactor.none().redact(body))
                .isEqualTo("{\"user_id\":\"zoe\",\"password\": \"****\",\"group_Password\":\"****\",\"name\":\"a\"}");
    }

    @Test
    @DisplayName("masks the values of form and query fields named like a password")
    void masksPasswordFields() {
        assertThat(SecretRedactor.none().redact("uid=zoe&password=s%20cret&name=Zo%C3%AB"))
                .isEqualTo("uid=zoe&password=****&name=Zo%C3%AB");
        assertThat(SecretRedactor.none().redact("GET /x?newPassword=abc HTTP/1.1"))
                .isEqualTo("GET /x?newPassword=**** HTTP/1.1");
    }

    @Test
    @DisplayName("leaves text that merely mentions passwords alone")
    void leavesProseAlone() {
        String prose = "password is required for PASSWORD groups; \"password\" must be a string";

        assertThat(SecretRedactor.none().redact(prose)).isEqualTo(prose);
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
