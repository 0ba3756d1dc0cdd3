package dev.chatdirectory.http;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.google.inject.Guice;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.chatdirectory.Capability;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.ConfigurationException;
import dev.chatdirectory.GroupOperations;
import dev.chatdirectory.MemberOperations;
import dev.chatdirectory.PresenceOperations;
import dev.chatdirectory.ProviderConfig;
import dev.chatdirectory.RetrySettings;
import dev.chatdirectory.UnsupportedCapabilityException;
import dev.chatdirectory.UserOperations;
import dev.chatdirectory.model.User;
import dev.chatdirectory.spi.CredentialSpec;
import dev.chatdirectory.spi.GuardedChatDirectory;
import dev.chatdirectory.spi.IdRule;
import dev.chatdirectory.spi.ProviderDescriptor;
import dev.chatdirectory.spi.ProviderLimits;
import feign.Param;
import feign.RequestLine;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("The HTTP directory builder")
class HttpDirectoryBuilderTest {

    @RegisterExtension
    static WireMockExtension vendor = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    static final ProviderDescriptor DESCRIPTOR = ProviderDescriptor.builder("sample")
            .displayName("Sample vendor")
            .capabilities(EnumSet.of(Capability.USER_AVATAR))
            .credential(CredentialSpec.credential("apiKey")
                    .secret()
                    .description("the key")
                    .build())
            .userIds(IdRule.of("[a-z0-9]+", 20, "lowercase letters and digits"))
            .limits(ProviderLimits.builder()
                    .defaultPageSize(10)
                    .maxBatchSize(10)
                    .maxNameLength(100)
                    .maxMetadataBytes(1000)
                    .build())
            .build();

    interface SampleApi {
        @RequestLine("GET /users/{id}")
        JsonNode user(@Param("id") String id);
    }

    /** A one-operation directory, enough to prove the assembly. */
    static final class SampleDirectory implements ChatDirectory {
        final HttpCallExecutor calls;
        final SampleApi api;
        final HttpClient httpClient;

        @Inject
        SampleDirectory(HttpCallExecutor calls, SampleApi api, HttpClient httpClient) {
            this.calls = calls;
            this.api = api;
            this.httpClient = httpClient;
        }

        @Override
        public UserOperations users() {
            return new UserOperations() {
                @Override
                public User create(dev.chatdirectory.model.UserCreate request) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public Optional<User> get(String userId) {
                    JsonNode node = calls.read(() -> api.user(userId));
                    return Optional.of(User.builder(
                                    node.get("id").asText(), node.get("name").asText())
                            .build());
                }

                @Override
                public User update(String userId, dev.chatdirectory.model.UserUpdate update) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public boolean delete(String userId) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public boolean deactivate(String userId) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public boolean reactivate(String userId) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public dev.chatdirectory.model.Page<User> list(dev.chatdirectory.model.UserQuery query) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public PresenceOperations presence() {
            return unsupported(PresenceOperations.class);
        }

        @Override
        public GroupOperations groups() {
            return unsupported(GroupOperations.class);
        }

        @Override
        public MemberOperations members() {
            return unsupported(MemberOperations.class);
        }

        @Override
        public ProviderDescriptor provider() {
            return DESCRIPTOR;
        }

        private static <T> T unsupported(Class<T> facet) {
            return facet.cast(java.lang.reflect.Proxy.newProxyInstance(
                    facet.getClassLoader(), new Class<?>[] {facet}, (proxy, method, args) -> {
                        throw new UnsupportedOperationException(method.getName());
                    }));
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            if (type.isInstance(this)) {
                return type.cast(this);
            }
            throw new IllegalArgumentException(type.getName());
        }

        @Override
        public void close() {}
    }

    static final class SampleModule extends HttpDirectoryModule {
        SampleModule(HttpDirectorySettings settings) {
            super(settings);
        }

        @Override
        protected void configureProvider() {
            bind(ErrorMapper.class)
                    .toInstance(new ErrorMapper(
                            "sample", SecretRedactor.none(), settings().clock()));
            bind(ChatDirectory.class).to(SampleDirectory.class);
        }

        @Provides
        @Singleton
        SampleApi api(FeignClientFactory factory, ProviderConfig config) {
            return factory.create(
                    SampleApi.class, settings().baseUrl(), t -> t.header("apikey", config.requireProperty("apiKey")));
        }
    }

    /** A vendor's builder: its own type, so a vendor option chains with the shared hooks. */
    static final class SampleBuilder extends HttpDirectoryBuilder<SampleBuilder> {
        HttpDirectorySettings assembled;
        boolean loud;

        SampleBuilder() {
            super(DESCRIPTOR, config -> "https://" + config.property("host").orElse("sample.example") + "/v1/");
        }

        SampleBuilder loud() {
            this.loud = true;
            return this;
        }

        @Override
        protected HttpDirectoryModule module(HttpDirectorySettings settings) {
            assembled = settings;
            return new SampleModule(settings);
        }
    }

    private static SampleBuilder builder() {
        return new SampleBuilder();
    }

    private static ProviderConfig config() {
        return ProviderConfig.builder()
                .endpoint(vendor.baseUrl())
                .credential("apiKey", "k-123456")
                .build();
    }

    @Test
    @DisplayName("assembles a working directory wrapped in the shared request checks")
    void assembles() {
        vendor.stubFor(get(urlPathEqualTo("/users/ann")).willReturn(okJson("{\"id\":\"ann\",\"name\":\"Ann\"}")));

        try (ChatDirectory directory = builder().config(config()).build()) {
            assertThat(directory.users().get("ann")).map(User::name).contains("Ann");
            assertThat(directory.unwrap(GuardedChatDirectory.class)).isNotNull();
            assertThatThrownBy(() -> directory.users().get("NOT-VALID"))
                    .isInstanceOf(dev.chatdirectory.InvalidRequestException.class)
                    .hasMessageContaining("userId");
            assertThatThrownBy(() -> directory.presence().get("ann"))
                    .isInstanceOf(UnsupportedCapabilityException.class);
        }
    }

    @Test
    @DisplayName("fails at build time, naming the property, when a required credential is missing")
    void missingCredential() {
        assertThatThrownBy(
                        () -> builder().config(ProviderConfig.builder().build()).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("apiKey")
                .hasMessageContaining("CHATDIRECTORY_SAMPLE_APIKEY");
    }

    @Test
    @DisplayName("uses the HTTP client and retry policy given through the typed hooks")
    void typedHooks() {
        vendor.stubFor(get(urlPathEqualTo("/users/bob")).willReturn(okJson("{\"id\":\"bob\",\"name\":\"Bob\"}")));
        HttpClient mine =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        AtomicInteger consulted = new AtomicInteger();
        RetryPolicy policy = (attempts, failure, retryAfter) -> {
            consulted.incrementAndGet();
            return Optional.empty();
        };

        try (ChatDirectory directory =
                builder().config(config()).httpClient(mine).retryPolicy(policy).build()) {
            SampleDirectory sample = directory.unwrap(SampleDirectory.class);
            assertThat(sample.httpClient).isSameAs(mine);
            vendor.stubFor(get(urlPathEqualTo("/users/zed"))
                    .willReturn(com.github.tomakehurst.wiremock.client.WireMock.serverError()));
            assertThatThrownBy(() -> directory.users().get("zed"))
                    .isInstanceOf(dev.chatdirectory.ProviderUnavailableException.class);
            assertThat(consulted).hasValue(1);
        }
    }

    @Test
    @DisplayName(
            "makes the redactor from the descriptor's secret credentials and the fields the module declares secret")
    void declaredSecretFields() {
        HttpDirectorySettings settings = new HttpDirectorySettings(
                config(),
                DESCRIPTOR,
                vendor.baseUrl(),
                Optional.empty(),
                Optional.empty(),
                Clock.systemUTC(),
                Ticker.SYSTEM,
                Sleeper.SYSTEM);
        HttpDirectoryModule module = new HttpDirectoryModule(settings) {
            @Override
            protected void configureProvider() {
                bind(ErrorMapper.class).toInstance(new ErrorMapper("sample", SecretRedactor.none(), Clock.systemUTC()));
            }

            @Override
            protected Set<String> secretFields() {
                return Set.of("authToken");
            }

            @Override
            protected Set<String> credentialHeaders() {
                return Set.of("X-Sample-Key");
            }
        };

        SecretRedactor redactor = Guice.createInjector(module).getInstance(SecretRedactor.class);

        assertThat(redactor.redact("{\"uid\":\"ann\",\"authToken\":\"ann_1638354015ab\"} apikey k-123456"))
                .isEqualTo("{\"uid\":\"ann\",\"authToken\":\"****\"} apikey ****");
        assertThat(redactor.redactHeader("x-sample-key", "not-configured-anywhere"))
                .isEqualTo("****");
        assertThat(SecretRedactor.none().redactHeader("x-sample-key", "not-configured-anywhere"))
                .isEqualTo("not-configured-anywhere");
    }

    @Test
    @DisplayName("returns the vendor's own builder from every shared hook, so vendor options chain after them")
    void selfTyped() {
        SampleBuilder builder =
                builder().config(config()).clock(Clock.systemUTC()).loud();

        try (ChatDirectory directory = builder.build()) {
            assertThat(builder.loud).isTrue();
            assertThat(directory.provider()).isEqualTo(DESCRIPTOR);
        }
    }

    @Test
    @DisplayName("sends to the configured endpoint, else to the vendor's base URL, without a trailing slash")
    void baseUrl() {
        SampleBuilder configured = builder()
                .config(config().toBuilder()
                        .endpoint(vendor.baseUrl() + "/v1/")
                        .retry(RetrySettings.none())
                        .build());
        configured.build().close();
        SampleBuilder vendorDefault = builder()
                .config(ProviderConfig.builder()
                        .credential("apiKey", "k-123456")
                        .property("host", "eu.sample.example")
                        .build());
        vendorDefault.build().close();

        assertThat(configured.assembled.baseUrl()).isEqualTo(vendor.baseUrl() + "/v1");
        assertThat(vendorDefault.assembled.baseUrl()).isEqualTo("https://eu.sample.example/v1");
    }
}
