package dev.chatdirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Exceptions")
class ExceptionsTest {

    static Stream<Arguments> subclasses() {
        List<BiFunction<String, ErrorContext, ChatDirectoryException>> factories = List.of(
                AlreadyExistsException::new,
                AuthenticationException::new,
                ConfigurationException::new,
                NotFoundException::new,
                PermissionDeniedException::new,
                ProviderProtocolException::new,
                ProviderUnavailableException::new,
                (m, c) -> new RateLimitedException(m, c, null),
                (m, c) -> new InvalidRequestException(null, m, c));
        return factories.stream()
                .map(f -> Arguments.of(
                        f.apply("x", ErrorContext.none()).getClass().getSimpleName(), f));
    }

    @Nested
    @DisplayName("context")
    class Context {

        @Test
        @DisplayName("renders provider, status and vendor code in the message")
        void fullContext() {
            NotFoundException e =
                    new NotFoundException("no user 'bob'", ErrorContext.of("cometchat-v3", 404, "ERR_UID_NOT_FOUND"));

            assertThat(e).hasMessage("no user 'bob' [provider=cometchat-v3, status=404, code=ERR_UID_NOT_FOUND]");
            assertThat(e.providerId()).contains("cometchat-v3");
            assertThat(e.httpStatus()).isEqualTo(OptionalInt.of(404));
            assertThat(e.vendorCode()).contains("ERR_UID_NOT_FOUND");
        }

        @Test
        @DisplayName("renders only the parts that are known")
        void partialContext() {
            assertThat(new NotFoundException("gone", ErrorContext.of("qiscus"))).hasMessage("gone [provider=qiscus]");
            assertThat(new NotFoundException("gone", ErrorContext.of("qiscus", 500, null)))
                    .hasMessage("gone [provider=qiscus, status=500]");
            assertThat(new NotFoundException(
                            "gone", new ErrorContext(Optional.empty(), OptionalInt.empty(), Optional.of("E1"))))
                    .hasMessage("gone [code=E1]");
        }

        @Test
        @DisplayName("adds nothing to the message when nothing is known")
        void noContext() {
            NotFoundException e = new NotFoundException("gone", ErrorContext.none());

            assertThat(e).hasMessage("gone");
            assertThat(e.providerId()).isEmpty();
            assertThat(e.httpStatus()).isEmpty();
            assertThat(e.vendorCode()).isEmpty();
        }

        @Test
        @DisplayName("withProvider names the provider and keeps the rest")
        void withProvider() {
            ErrorContext context =
                    new ErrorContext(Optional.empty(), OptionalInt.of(429), Optional.of("RL")).withProvider("atomchat");

            assertThat(context).isEqualTo(ErrorContext.of("atomchat", 429, "RL"));
        }

        @Test
        @DisplayName("requires a context and keeps the cause")
        void causeAndContext() {
            IllegalStateException cause = new IllegalStateException("io");

            assertThat(new ProviderUnavailableException("down", ErrorContext.none(), cause))
                    .hasCause(cause);
            assertThatThrownBy(() -> new NotFoundException("x", null)).isInstanceOf(NullPointerException.class);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.chatdirectory.ExceptionsTest#subclasses")
        @DisplayName("every error is an unchecked ChatDirectoryException")
        void hierarchy(String name, BiFunction<String, ErrorContext, ChatDirectoryException> factory) {
            ChatDirectoryException e = factory.apply("boom", ErrorContext.of("p"));

            assertThat(e).isInstanceOf(RuntimeException.class).hasMessage("boom [provider=p]");
            assertThat(e.context()).isEqualTo(ErrorContext.of("p"));
        }
    }

    @Nested
    @DisplayName("InvalidRequestException")
    class InvalidRequest {

        @Test
        @DisplayName("names field and rule, in the message too")
        void fieldAndRule() {
            InvalidRequestException e = InvalidRequestException.of("userId", "must not be blank");

            assertThat(e.field()).contains("userId");
            assertThat(e.rule()).isEqualTo("must not be blank");
            assertThat(e).hasMessage("userId: must not be blank");
            assertThat(e.context()).isEqualTo(ErrorContext.none());
        }

        @Test
        @DisplayName("a vendor error without a field has the rule as message")
        void withoutField() {
            InvalidRequestException e =
                    new InvalidRequestException(null, "bad request", ErrorContext.of("atomchat", 400, "E"));

            assertThat(e.field()).isEmpty();
            assertThat(e).hasMessage("bad request [provider=atomchat, status=400, code=E]");
        }
    }

    @Nested
    @DisplayName("UnsupportedCapabilityException")
    class Unsupported {

        @Test
        @DisplayName("names the provider and every missing capability with its description")
        void listsAll() {
            UnsupportedCapabilityException e = new UnsupportedCapabilityException(
                    "qiscus", EnumSet.of(Capability.MEMBER_BANS, Capability.PRESENCE));

            assertThat(e.capabilities()).containsExactly(Capability.PRESENCE, Capability.MEMBER_BANS);
            assertThat(e.capability()).isEqualTo(Capability.PRESENCE);
            assertThat(e.getMessage())
                    .contains("provider 'qiscus' does not support")
                    .contains("PRESENCE (read user presence)")
                    .contains("MEMBER_BANS (ban and unban members)");
            assertThat(e.providerId()).contains("qiscus");
        }

        @Test
        @DisplayName("one capability")
        void one() {
            UnsupportedCapabilityException e = new UnsupportedCapabilityException("x", Capability.GROUP_OWNER);

            assertThat(e.capabilities()).containsExactly(Capability.GROUP_OWNER);
            assertThat(e).hasMessageContaining("GROUP_OWNER (group owner)");
        }

        @Test
        @DisplayName("its capability set is a copy and unmodifiable")
        void immutable() {
            EnumSet<Capability> missing = EnumSet.of(Capability.PRESENCE);
            UnsupportedCapabilityException e = new UnsupportedCapabilityException("x", missing);
            missing.add(Capability.MEMBER_BANS);

            assertThat(e.capabilities()).containsExactly(Capability.PRESENCE);
            assertThatThrownBy(() -> e.capabilities().clear()).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        @DisplayName("needs at least one capability")
        void notEmpty() {
            assertThatThrownBy(() -> new UnsupportedCapabilityException("x", EnumSet.noneOf(Capability.class)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    @DisplayName("RateLimitedException tells how long to wait, when the vendor said")
    void retryAfter() {
        assertThat(new RateLimitedException("slow down", ErrorContext.of("x", 429, null), Duration.ofSeconds(7))
                        .retryAfter())
                .contains(Duration.ofSeconds(7));
        assertThat(new RateLimitedException("slow down", ErrorContext.none(), null).retryAfter())
                .isEmpty();
    }

    @Test
    @DisplayName("every capability has a description")
    void capabilityDescriptions() {
        for (Capability c : Capability.values()) {
            assertThat(c.description()).as(c.name()).isNotBlank();
        }
    }

    @Test
    @DisplayName("keep provider, status and vendor code through Java serialization")
    void contextSurvivesSerialization() throws Exception {
        NotFoundException original =
                new NotFoundException("no user 'zoe'", ErrorContext.of("cometchat-v3", 404, "ERR_UID_NOT_FOUND"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(original);
        }
        NotFoundException copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (NotFoundException) in.readObject();
        }
        assertThat(copy.context()).isEqualTo(original.context());
        assertThat(copy.getMessage()).isEqualTo(original.getMessage());
    }

    @Nested
    @DisplayName("withProvider (a wrapping provider's own id)")
    class WithProvider {

        static Stream<Arguments> everySubclass() {
            ErrorContext memory = ErrorContext.of("memory", 503, "E42");
            IllegalStateException cause = new IllegalStateException("root cause");
            return Stream.of(
                            new ChatDirectoryException("failed", memory, cause),
                            new AlreadyExistsException("taken", memory, cause),
                            new AuthenticationException("denied", memory, cause),
                            new ConfigurationException("bad setting", memory, cause),
                            new NotFoundException("no user", memory, cause),
                            new PermissionDeniedException("forbidden", memory, cause),
                            new ProviderProtocolException("garbled", memory, cause),
                            new ProviderUnavailableException("down", memory, cause, Duration.ofSeconds(3)),
                            new RateLimitedException("slow down", memory, Duration.ofSeconds(2)),
                            new InvalidRequestException("name", "must not be blank", memory),
                            new UnsupportedCapabilityException("memory", EnumSet.of(Capability.MEMBER_BANS)))
                    .map(e -> Arguments.of(e.getClass().getSimpleName(), e));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("everySubclass")
        @DisplayName(
                "keeps the type, message, cause, status, vendor code, stack trace and details; changes only the id")
        void relabels(String name, ChatDirectoryException original) {
            ChatDirectoryException copy = original.withProvider("wrapper");

            assertThat(copy).isExactlyInstanceOf(original.getClass()).isNotSameAs(original);
            assertThat(copy.providerId()).contains("wrapper");
            assertThat(copy.httpStatus()).isEqualTo(original.httpStatus());
            assertThat(copy.vendorCode()).isEqualTo(original.vendorCode());
            assertThat(copy.getCause()).isSameAs(original.getCause());
            assertThat(copy.getStackTrace()).isEqualTo(original.getStackTrace());
            assertThat(copy.getMessage())
                    .isEqualTo(original.getMessage()
                            .replace("provider=memory", "provider=wrapper")
                            .replace("provider 'memory'", "provider 'wrapper'"));
            assertThat(copy)
                    .usingRecursiveComparison()
                    .ignoringFields("providerId", "detail", "stackTrace", "detailMessage", "suppressedExceptions")
                    .isEqualTo(original);
        }

        @Test
        @DisplayName("returns the exception itself when it already names the provider")
        void sameProvider() {
            NotFoundException e = new NotFoundException("no user", ErrorContext.of("memory"));

            assertThat(e.withProvider("memory")).isSameAs(e);
        }

        @Test
        @DisplayName("keeps a subclass that cannot copy itself as it is rather than lose its type")
        void foreignSubclass() {
            class VendorSpecific extends ChatDirectoryException {
                VendorSpecific() {
                    super("odd", ErrorContext.of("memory"));
                }
            }
            VendorSpecific e = new VendorSpecific();

            assertThat(e.withProvider("wrapper")).isSameAs(e);
        }
    }
}
