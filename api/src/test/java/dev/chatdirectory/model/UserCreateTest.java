package dev.chatdirectory.model;

import static dev.chatdirectory.testing.RequestAssertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("UserCreate")
class UserCreateTest {

    private static UserCreate.Builder alice() {
        return UserCreate.builder("alice", "Alice");
    }

    @Nested
    @DisplayName("a valid request")
    class Valid {

        @Test
        @DisplayName("keeps every field it was given")
        void keepsFields() {
            UserCreate request = alice().avatarUrl("https://cdn.example.com/a.png")
                    .profileUrl("http://example.com/~alice")
                    .email("alice@example.com")
                    .role("default")
                    .metadata(Map.of("team", "blue"))
                    .build();

            assertThat(request.id()).isEqualTo("alice");
            assertThat(request.name()).isEqualTo("Alice");
            assertThat(request.avatarUrl()).contains("https://cdn.example.com/a.png");
            assertThat(request.profileUrl()).contains("http://example.com/~alice");
            assertThat(request.email()).contains("alice@example.com");
            assertThat(request.role()).contains("default");
            assertThat(request.metadata()).containsExactly(Map.entry("team", "blue"));
        }

        @Test
        @DisplayName("leaves optional fields empty and metadata empty when not given")
        void emptyOptionals() {
            UserCreate request = alice().metadata(null).build();

            assertThat(request.avatarUrl()).isEmpty();
            assertThat(request.profileUrl()).isEmpty();
            assertThat(request.email()).isEmpty();
            assertThat(request.role()).isEmpty();
            assertThat(request.metadata()).isEmpty();
        }

        @Test
        @DisplayName("accepts non-ASCII names and ids of exactly 255 characters")
        void boundaries() {
            String id = "u".repeat(255);
            UserCreate request = UserCreate.builder(id, "Zoë 山田 🙂").build();

            assertThat(request.id()).hasSize(255);
            assertThat(request.name()).isEqualTo("Zoë 山田 🙂");
        }

        @Test
        @DisplayName("counts name length in code points, so 255 emoji are accepted")
        void nameInCodePoints() {
            String name = "🙂".repeat(255); // 510 UTF-16 chars

            assertThat(UserCreate.builder("u", name).build().name()).isEqualTo(name);
            assertInvalid(() -> UserCreate.builder("u", name + "🙂").build(), "name", "at most 255");
        }

        @Test
        @DisplayName("copyOf recreates a stored user with the same fields")
        void copyOf() {
            User user = User.builder("bob", "Bob")
                    .email("bob@example.com")
                    .role("admin")
                    .metadata(Map.of("a", 1))
                    .createdAt(Instant.EPOCH)
                    .raw(Map.of("uid", "bob"))
                    .build();

            UserCreate copy = UserCreate.copyOf(user);

            assertThat(copy)
                    .isEqualTo(UserCreate.builder("bob", "Bob")
                            .email("bob@example.com")
                            .role("admin")
                            .metadata(Map.of("a", 1))
                            .build());
        }
    }

    @Test
    @DisplayName("copyOf(null) is an invalid request naming user")
    void copyOfNull() {
        assertInvalid(() -> UserCreate.copyOf(null), "user", "must not be null");
    }

    @Nested
    @DisplayName("the user id")
    class Id {

        @ParameterizedTest(name = "\"{0}\" is rejected as blank")
        @ValueSource(strings = {"", " ", "\t", "   \n "})
        @DisplayName("must not be blank")
        void blank(String id) {
            assertInvalid(() -> UserCreate.builder(id, "Alice").build(), "userId", "must not be blank");
        }

        @Test
        @DisplayName("must not be null")
        void nullId() {
            assertInvalid(() -> UserCreate.builder(null, "Alice").build(), "userId", "must not be null");
        }

        @ParameterizedTest(name = "\"{0}\" is rejected")
        @ValueSource(strings = {" alice", "alice ", "\talice", "alice\n", "\u2003alice"})
        @DisplayName("must not start or end with whitespace")
        void surroundingWhitespace(String id) {
            assertInvalid(() -> UserCreate.builder(id, "Alice").build(), "userId", "whitespace");
        }

        @ParameterizedTest(name = "U+{0} is rejected")
        @ValueSource(ints = {0x00, 0x07, 0x1b, 0x7f, 0x85, 0x9f})
        @DisplayName("must not contain control characters")
        void controlCharacters(int control) {
            String id = "al" + (char) control + "ice";
            assertInvalid(() -> UserCreate.builder(id, "Alice").build(), "userId", "control characters");
        }

        @Test
        @DisplayName("must be at most 255 characters")
        void tooLong() {
            assertInvalid(
                    () -> UserCreate.builder("u".repeat(256), "Alice").build(), "userId", "at most 255 characters");
        }

        @Test
        @DisplayName("may contain inner spaces, @ and non-ASCII letters")
        void innerCharacters() {
            assertThat(UserCreate.builder("ali ce@example.com-ü", "Alice")
                            .build()
                            .id())
                    .isEqualTo("ali ce@example.com-ü");
        }
    }

    @Nested
    @DisplayName("the name")
    class Name {

        @ParameterizedTest(name = "\"{0}\" is rejected")
        @ValueSource(strings = {"", "  ", "\t\n"})
        @DisplayName("must not be blank")
        void blank(String name) {
            assertInvalid(() -> UserCreate.builder("alice", name).build(), "name", "must not be blank");
        }

        @Test
        @DisplayName("must not be null")
        void nullName() {
            assertInvalid(() -> UserCreate.builder("alice", null).build(), "name", "must not be null");
        }

        @Test
        @DisplayName("must not contain control characters")
        void control() {
            assertInvalid(() -> UserCreate.builder("alice", "Al\u0000ice").build(), "name", "control characters");
        }

        @Test
        @DisplayName("must be at most 255 characters")
        void tooLong() {
            assertInvalid(() -> UserCreate.builder("alice", "n".repeat(256)).build(), "name", "at most 255");
        }
    }

    @Nested
    @DisplayName("URLs")
    class Urls {

        @ParameterizedTest(name = "avatarUrl \"{0}\" is rejected")
        @ValueSource(
                strings = {
                    "/relative/a.png",
                    "cdn.example.com/a.png",
                    "ftp://example.com/a.png",
                    "file:///etc/passwd",
                    "javascript:alert(1)",
                    "mailto:a@example.com",
                    "http://",
                    "http:///no-host",
                    "https://exa mple.com/a.png",
                    "http://example.com/a b",
                    "://missing-scheme",
                    ""
                })
        @DisplayName("avatarUrl must be an absolute http(s) URL")
        void avatar(String url) {
            assertInvalid(() -> alice().avatarUrl(url).build(), "avatarUrl", "absolute http or https URL");
        }

        @ParameterizedTest(name = "profileUrl \"{0}\" is rejected")
        @ValueSource(strings = {"relative", "ftp://example.com", "http://[::1"})
        @DisplayName("profileUrl must be an absolute http(s) URL")
        void profile(String url) {
            assertInvalid(() -> alice().profileUrl(url).build(), "profileUrl", "absolute http or https URL");
        }

        @Test
        @DisplayName("accept upper-case schemes, ports, queries and IPv6 hosts")
        void accepted() {
            assertThat(alice().avatarUrl("HTTPS://cdn.example.com:8443/a.png?v=1#x")
                            .profileUrl("http://[::1]/p")
                            .build()
                            .avatarUrl())
                    .contains("HTTPS://cdn.example.com:8443/a.png?v=1#x");
        }

        @Test
        @DisplayName("must be at most 3000 characters")
        void tooLong() {
            String prefix = "https://example.com/";
            String longest = prefix + "a".repeat(3000 - prefix.length());

            assertThat(alice().avatarUrl(longest).build().avatarUrl()).contains(longest);
            assertInvalid(() -> alice().avatarUrl(longest + "a").build(), "avatarUrl", "at most 3000 characters");
        }
    }

    @Nested
    @DisplayName("the e-mail address")
    class Email {

        @ParameterizedTest(name = "\"{0}\" is rejected")
        @ValueSource(
                strings = {
                    "",
                    "alice",
                    "alice@",
                    "@example.com",
                    "alice@example",
                    "alice@@example.com",
                    "ali ce@example.com",
                    "alice@exa mple.com"
                })
        @DisplayName("must be well formed")
        void malformed(String email) {
            assertInvalid(() -> alice().email(email).build(), "email", "e-mail address");
        }

        @Test
        @DisplayName("must be at most 255 characters")
        void tooLong() {
            String email = "a".repeat(250) + "@example.com";
            assertInvalid(() -> alice().email(email).build(), "email", "e-mail address");
        }

        @Test
        @DisplayName("accepts plus addressing and sub-domains")
        void accepted() {
            assertThat(alice().email("alice+chat@mail.example.co.uk").build().email())
                    .contains("alice+chat@mail.example.co.uk");
        }
    }

    @Nested
    @DisplayName("the role")
    class Role {

        @ParameterizedTest(name = "\"{0}\" is rejected")
        @ValueSource(strings = {"", "with space", "dot.ted", "émoji", "semi;colon"})
        @DisplayName("must be letters, digits, - and _")
        void malformed(String role) {
            assertInvalid(() -> alice().role(role).build(), "role", "must match");
        }

        @Test
        @DisplayName("must be at most 100 characters")
        void tooLong() {
            assertThat(alice().role("r".repeat(100)).build().role()).isPresent();
            assertInvalid(() -> alice().role("r".repeat(101)).build(), "role", "must match");
        }
    }

    @Nested
    @DisplayName("metadata")
    class Metadata {

        @Test
        @DisplayName("rejects null values, naming the key")
        void nullValue() {
            Map<String, Object> metadata = new HashMap<>();
            metadata.put("nickname", null);

            assertInvalid(() -> alice().metadata(metadata).build(), "metadata.nickname", "must not be null");
        }

        @Test
        @DisplayName("rejects values that are not JSON-like")
        void nonJson() {
            assertInvalid(
                    () -> alice().metadata(Map.of("since", Instant.EPOCH)).build(),
                    "metadata.since",
                    "must be a string, number, boolean, list or map");
        }

        @Test
        @DisplayName("is deep-copied: changing the source map afterwards changes nothing")
        void deepCopy() {
            List<Object> tags = new ArrayList<>(List.of("a"));
            Map<String, Object> nested = new LinkedHashMap<>(Map.of("x", 1));
            Map<String, Object> source = new LinkedHashMap<>();
            source.put("tags", tags);
            source.put("nested", nested);

            UserCreate request = alice().metadata(source).build();
            tags.add("b");
            nested.put("y", 2);
            source.put("late", true);

            assertThat(request.metadata()).containsOnlyKeys("tags", "nested");
            assertThat(request.metadata().get("tags")).isEqualTo(List.of("a"));
            assertThat(request.metadata().get("nested")).isEqualTo(Map.of("x", 1));
        }

        @Test
        @DisplayName("is unmodifiable at every level")
        @SuppressWarnings("unchecked")
        void unmodifiable() {
            UserCreate request = alice().metadata(Map.of("tags", List.of("a"), "nested", Map.of("x", 1)))
                    .build();

            assertThatThrownBy(() -> request.metadata().put("k", "v"))
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> ((List<Object>) request.metadata().get("tags")).add("b"))
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> ((Map<String, Object>) request.metadata().get("nested")).clear())
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Test
    @DisplayName("the canonical constructor validates too, not only the builder")
    void canonicalConstructor() {
        assertInvalid(
                () -> new UserCreate(
                        "alice",
                        "Alice",
                        Optional.of("ftp://x"),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Map.of()),
                "avatarUrl",
                "absolute");
        assertInvalid(
                () -> new UserCreate(
                        "alice", "Alice", null, Optional.empty(), Optional.empty(), Optional.empty(), null),
                "avatarUrl",
                "must not be null");
    }
}
