package dev.chatdirectory.provider.qiscus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The HMAC-SHA256 password source")
class PasswordSourceTest {

    private static final String SECRET = "0123456789abcdef-secret";

    @Test
    @DisplayName("derives the documented value, which any language computes the same way")
    void knownValue() {
        // python3: base64.urlsafe_b64encode(hmac.new(b"0123456789abcdef-secret",
        //     "zoë@example.com".encode(), hashlib.sha256).digest()).rstrip(b"=")
        assertThat(PasswordSource.hmacSha256(SECRET).passwordFor("zoë@example.com"))
                .isEqualTo("023P1szP2pPnIKho1NaJnF2vutQCXubuUUVqR8lvi3c");
    }

    @Test
    @DisplayName("gives every user a different, stable password")
    void stableAndDistinct() {
        PasswordSource source = PasswordSource.hmacSha256(SECRET);
        assertThat(source.passwordFor("zoe"))
                .isEqualTo(PasswordSource.hmacSha256(SECRET).passwordFor("zoe"));
        assertThat(source.passwordFor("zoe"))
                .isNotEqualTo(source.passwordFor("zoe2"))
                .hasSize(43);
        assertThat(PasswordSource.hmacSha256(SECRET + "x").passwordFor("zoe")).isNotEqualTo(source.passwordFor("zoe"));
    }

    @Test
    @DisplayName("refuses secrets shorter than 16 characters, and never shows the secret")
    void shortSecret() {
        assertThatThrownBy(() -> PasswordSource.hmacSha256("too-short-pw"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("too-short-pw");
        assertThat(PasswordSource.hmacSha256(SECRET).toString()).doesNotContain(SECRET);
    }
}
