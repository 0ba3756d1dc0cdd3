package dev.chatdirectory.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatdirectory.ProviderConfig;
import dev.chatdirectory.spi.CredentialSpec;
import dev.chatdirectory.spi.ProviderDescriptor;
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
    @DisplayName("always masks the standard credential headers and those the provider declares, whatever their value")
    void masksCredentialHeaders() {
        SecretRedactor declared = SecretRedactor.none().withCredentialHeaders(List.of("X-Vendor-Secret"));

        assertThat(SecretRedactor.none().redactHeader("Authorization", "Bearer anything"))
                .isEqualTo("****");
        assertThat(SecretRedactor.none().redactHeader("Set-Cookie", "s=1")).isEqualTo("****");
        assertThat(SecretRedactor.none().redactHeader("x-vendor-secret", "undeclared"))
                .isEqualTo("undeclared");
        assertThat(declared.redactHeader("X-VENDOR-SECRET", "anything")).isEqualTo("****");
        assertThat(declared.redactHeader("Accept", "application/json")).isEqualTo("application/json");
        assertThatThrownBy(() -> SecretRedactor.none().withCredentialHeaders(List.of(" ")))
                .isInstanceOf(IllegalArgumentException.class);
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
    @DisplayName("masks the values of the secret fields a provider declares, in JSON and form text, any case")
    void masksDeclaredSecretFields() {
        SecretRedactor redactor = SecretRedactor.none().withSecretFields(List.of("authToken"));
        String body = "{\"data\":{\"uid\":\"zo\\u00eb\",\"authToken\":\"zoe_1638354015\\/6641d37a\","
                + "\"AUTHTOKEN\" : \"x\",\"password\":\"p\",\"name\":\"a\"}}";

        assertThat(redactor.redact(body))
                .isEqualTo("{\"data\":{\"uid\":\"zo\\u00eb\",\"authToken\":\"****\",\"AUTHTOKEN\" : \"****\","
                        + "\"password\":\"****\",\"name\":\"a\"}}");
        assertThat(redactor.redact("uid=zoe&authToken=zoe_1638&name=a")).isEqualTo("uid=zoe&authToken=****&name=a");
        assertThat(SecretRedactor.none().redact(body)).contains("zoe_1638354015");
    }

    @Test
    @DisplayName("tells secret field names by the words they contain, ignoring case")
    void tellsSecretFields() {
        SecretRedactor redactor = SecretRedactor.none().withSecretFields(List.of("authToken"));

        assertThat(redactor.isSecretField("userAuthToken")).isTrue();
        assertThat(redactor.isSecretField("AUTHTOKEN")).isTrue();
        assertThat(redactor.isSecretField("authtoken")).isTrue();
        assertThat(redactor.isSecretField("groupPassword")).isTrue();
        assertThat(redactor.isSecretField("auth")).isFalse();
        assertThat(redactor.isSecretField("authTok")).isFalse();
        assertThat(redactor.isSecretField("")).isFalse();
        assertThat(SecretRedactor.none().isSecretField("authToken")).isFalse();
    }

    @Test
    @DisplayName("refuses a blank secret field name, which would make every field secret")
    void refusesBlankFieldNames() {
        assertThatThrownBy(() -> SecretRedactor.none().withSecretFields(List.of(" ")))
                .isInstanceOf(IllegalArgumentException.class);
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
        ProviderDescriptor descriptor = ProviderDescriptor.builder("vendor")
                .credential(
                        CredentialSpec.credential("appId").description("app").build())
                .credential(CredentialSpec.credential("apiKey")
                        .secret()
                        .description("key")
                        .build())
                .build();
        ProviderConfig config = ProviderConfig.builder()
                .credential("appId", "my-app-id")
                .credential("API_KEY", KEY)
                .build();

        SecretRedactor redactor = SecretRedactor.from(config, descriptor);

        assertThat(redactor.redact("my-app-id " + KEY)).isEqualTo("my-app-id ****");
    }
}
