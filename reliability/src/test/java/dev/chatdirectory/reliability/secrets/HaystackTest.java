package dev.chatdirectory.reliability.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The secrets sweep's haystack")
class HaystackTest {

    private static final String SECRET = "s3cret/key+with spaces=";

    private final Haystack haystack = new Haystack();

    {
        haystack.secrets("test key", List.of(SECRET));
    }

    @Test
    @DisplayName("finds a secret as written, URL-encoded, and in every Base64 form")
    void findsEveryForm() {
        byte[] bytes = SECRET.getBytes(StandardCharsets.UTF_8);
        haystack.search("log line", "raw", "key=" + SECRET);
        haystack.search("log line", "url", "GET /x?key=" + URLEncoder.encode(SECRET, StandardCharsets.UTF_8));
        haystack.search("log line", "base64", "Basic " + Base64.getEncoder().encodeToString(bytes));
        haystack.search(
                "log line", "base64url", Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));

        assertThat(haystack.leaks()).hasSize(4);
        assertThat(haystack.leaks()).noneMatch(leak -> leak.contains(SECRET));
    }

    @Test
    @DisplayName("finds a secret in the cause of an exception, and counts texts and bytes per kind")
    void findsCausesAndCounts() {
        haystack.exception("wrapped", new IllegalStateException("outer", new RuntimeException("inner " + SECRET)));
        haystack.search("log line", "clean", "nothing here");

        assertThat(haystack.leaks()).singleElement().asString().startsWith("exception wrapped");
        assertThat(haystack.counts().get("log line")).containsExactly(1, "nothing here".length());
    }

    @Test
    @DisplayName("refuses secrets too short to search for")
    void refusesShortSecrets() {
        assertThatThrownBy(() -> haystack.secrets("pin", List.of("1234"))).isInstanceOf(IllegalArgumentException.class);
    }
}
