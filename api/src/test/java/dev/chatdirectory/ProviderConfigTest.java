package dev.chatdirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("ProviderConfig")
class ProviderConfigTest {

    private static final String SECRET = "sk_live_0nlyF0rT3sts_9f8e7d";

    private static Properties properties(String... keyValues) {
        Properties p = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return p;
    }

    @Nested
    @DisplayName("the builder")
    class Builder {

        @Test
        @DisplayName(
                "defaults: no provider, no endpoint, 5 s / 30 s / 60 s timeouts, default retries, provider's rate limit")
        void defaults() {
            ProviderConfig config = ProviderConfig.builder().build();

            assertThat(config.providerId()).isEmpty();
            assertThat(config.endpoint()).isEmpty();
            assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
            assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(config.callTimeout()).isEqualTo(Duration.ofSeconds(60));
            assertThat(config.retry()).isEqualTo(RetrySettings.DEFAULT);
            assertThat(config.rateLimit()).isEmpty();
            assertThat(config.propertyNames()).isEmpty();
        }

        @Test
        @DisplayName("keeps what it is given; toBuilder round-trips")
        void keeps() {
            ProviderConfig config = ProviderConfig.builder()
                    .provider("cometchat-v3")
                    .endpoint(" http://localhost:8080/v3 ")
                    .connectTimeout(Duration.ofSeconds(1))
                    .readTimeout(Duration.ofSeconds(2))
                    .callTimeout(Duration.ofSeconds(3))
                    .retry(RetrySettings.none())
                    .rateLimit(new RateLimitSettings(2, 4))
                    .credential("apiKey", SECRET)
                    .property("region", "eu")
                    .build();

            assertThat(config.providerId()).contains("cometchat-v3");
            assertThat(config.endpoint()).contains(URI.create("http://localhost:8080/v3"));
            assertThat(config.retry().maxAttempts()).isEqualTo(1);
            assertThat(config.rateLimit()).contains(new RateLimitSettings(2, 4));
            assertThat(config.property("apiKey")).contains(SECRET);
            assertThat(config.propertyNames()).containsExactly("apiKey", "region");
            assertThat(config.toBuilder().build()).isEqualTo(config).hasSameHashCodeAs(config);
        }

        @Test
        @DisplayName("a blank provider id means none")
        void blankProvider() {
            assertThat(ProviderConfig.builder().provider("  ").build().providerId())
                    .isEmpty();
        }

        @Test
        @DisplayName("rejects zero and negative timeouts, naming the setting")
        void timeouts() {
            assertThatThrownBy(() -> ProviderConfig.builder()
                            .connectTimeout(Duration.ZERO)
                            .build())
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("connectTimeout");
            assertThatThrownBy(() -> ProviderConfig.builder()
                            .callTimeout(Duration.ofSeconds(-1))
                            .build())
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("callTimeout");
        }

        @ParameterizedTest(name = "\"{0}\" is rejected")
        @ValueSource(
                strings = {
                    "localhost:8080",
                    "/v3",
                    "not a url",
                    "http://exa mple.com",
                    "ftp://example.com",
                    "http:///v3"
                })
        @DisplayName("rejects an endpoint that is not an absolute http(s) URL with a host")
        void endpoint(String endpoint) {
            assertThatThrownBy(() -> ProviderConfig.builder().endpoint(endpoint))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("endpoint")
                    .hasMessageContaining("absolute http or https URL");
        }

        @Test
        @DisplayName("setting a property again under another spelling replaces it")
        void respelled() {
            ProviderConfig config = ProviderConfig.builder()
                    .property("api-key", "old")
                    .property("API_KEY", "new")
                    .build();

            assertThat(config.propertyNames()).containsExactly("API_KEY");
            assertThat(config.property("apiKey")).contains("new");
        }
    }

    @Nested
    @DisplayName("property lookup")
    class Lookup {

        @ParameterizedTest(name = "stored as \"{0}\", found as apiKey, API_KEY, api-key and api.key")
        @ValueSource(strings = {"apiKey", "API_KEY", "api-key", "APIKEY", "Api.Key"})
        @DisplayName("ignores case, dots, dashes and underscores")
        void normalized(String stored) {
            ProviderConfig config =
                    ProviderConfig.builder().property(stored, "v").build();

            assertThat(config.property("apiKey")).contains("v");
            assertThat(config.property("API_KEY")).contains("v");
            assertThat(config.property("api-key")).contains("v");
            assertThat(config.property("api.key")).contains("v");
            assertThat(config.property("appKey")).isEmpty();
        }

        @Test
        @DisplayName("requireProperty returns a set value")
        void requirePresent() {
            assertThat(ProviderConfig.builder()
                            .property("API_KEY", SECRET)
                            .build()
                            .requireProperty("apiKey"))
                    .isEqualTo(SECRET);
        }

        @Test
        @DisplayName("requireProperty names the property, the provider and every place to set it")
        void requireMissing() {
            ProviderConfig config =
                    ProviderConfig.builder().provider("cometchat-v3").build();

            ConfigurationException e =
                    catchThrowableOfType(ConfigurationException.class, () -> config.requireProperty("apiKey"));

            assertThat(e.getMessage())
                    .contains("'apiKey'")
                    .contains("cometchat-v3")
                    .contains("in code")
                    .contains("chatdirectory.cometchat-v3.apiKey")
                    .contains("CHATDIRECTORY_COMETCHAT_V3_APIKEY");
            assertThat(e.providerId()).contains("cometchat-v3");
        }

        @Test
        @DisplayName("requireProperty suggests a valid environment variable name for dashed or dotted properties")
        void requireDashed() {
            ProviderConfig config = ProviderConfig.builder().provider("qiscus").build();

            assertThatThrownBy(() -> config.requireProperty("app-id"))
                    .hasMessageContaining("chatdirectory.qiscus.app-id")
                    .hasMessageContaining("CHATDIRECTORY_QISCUS_APP_ID");
        }

        @Test
        @DisplayName("requireProperty treats a blank value as missing")
        void requireBlank() {
            ProviderConfig config = ProviderConfig.builder()
                    .provider("memory")
                    .property("apiKey", "   ")
                    .build();

            assertThatThrownBy(() -> config.requireProperty("apiKey"))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("missing property 'apiKey'");
        }
    }

    @Nested
    @DisplayName("fromProperties")
    class FromProperties {

        @Test
        @DisplayName("reads only chatdirectory.<id>.* keys of the named provider")
        void readsOwnKeys() {
            Properties p = properties(
                    "chatdirectory.provider", "cometchat-v3",
                    "chatdirectory.cometchat-v3.apiKey", SECRET,
                    "chatdirectory.cometchat-v3.region", "eu",
                    "chatdirectory.qiscus.apiKey", "other",
                    "unrelated.apiKey", "nope");

            ProviderConfig config = ProviderConfig.fromProperties(p, "cometchat-v3");

            assertThat(config.providerId()).contains("cometchat-v3");
            assertThat(config.propertyNames()).containsExactlyInAnyOrder("apiKey", "region");
            assertThat(config.property("apiKey")).contains(SECRET);
        }

        @Test
        @DisplayName("parses the well-known settings instead of keeping them as properties")
        void wellKnown() {
            Properties p = properties(
                    "chatdirectory.x.endpoint", "http://localhost:9000",
                    "chatdirectory.x.connectTimeout", "2s",
                    "chatdirectory.x.read-timeout", "250ms",
                    "chatdirectory.x.CALL_TIMEOUT", "PT2M",
                    "chatdirectory.x.retry.maxAttempts", "5",
                    "chatdirectory.x.retry.initialBackoff", "100ms",
                    "chatdirectory.x.retry.maxBackoff", "3s",
                    "chatdirectory.x.retry.maxRetryAfter", "1m",
                    "chatdirectory.x.rateLimit.permitsPerSecond", "2.5",
                    "chatdirectory.x.rateLimit.burst", "4");

            ProviderConfig config = ProviderConfig.fromProperties(p, "x");

            assertThat(config.propertyNames()).isEmpty();
            assertThat(config.endpoint()).contains(URI.create("http://localhost:9000"));
            assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
            assertThat(config.readTimeout()).isEqualTo(Duration.ofMillis(250));
            assertThat(config.callTimeout()).isEqualTo(Duration.ofMinutes(2));
            assertThat(config.retry())
                    .isEqualTo(
                            new RetrySettings(5, Duration.ofMillis(100), Duration.ofSeconds(3), Duration.ofMinutes(1)));
            assertThat(config.rateLimit()).contains(new RateLimitSettings(2.5, 4));
        }

        @Test
        @DisplayName("a rate alone gets a burst of one second's worth")
        void rateAlone() {
            ProviderConfig config =
                    ProviderConfig.fromProperties(properties("chatdirectory.x.rateLimit.permitsPerSecond", "2.5"), "x");

            assertThat(config.rateLimit()).contains(new RateLimitSettings(2.5, 3));
        }

        @Test
        @DisplayName("providerIdIn reads chatdirectory.provider, stripped, and ignores a blank one")
        void providerId() {
            assertThat(ProviderConfig.providerIdIn(properties("chatdirectory.provider", " qiscus ")))
                    .contains("qiscus");
            assertThat(ProviderConfig.providerIdIn(properties("chatdirectory.provider", " ")))
                    .isEmpty();
            assertThat(ProviderConfig.providerIdIn(new Properties())).isEmpty();
        }
    }

    @Nested
    @DisplayName("fromEnvironment")
    class FromEnvironment {

        @Test
        @DisplayName("reads CHATDIRECTORY_<ID>_<KEY>, with the id upper-cased and dashes as underscores")
        void readsOwnVariables() {
            Map<String, String> env = Map.of(
                    "CHATDIRECTORY_PROVIDER", "cometchat-v3",
                    "CHATDIRECTORY_COMETCHAT_V3_APIKEY", SECRET,
                    "CHATDIRECTORY_COMETCHAT_V3_APP_ID", "app-1",
                    "CHATDIRECTORY_COMETCHAT_V3_CONNECT_TIMEOUT", "3s",
                    "CHATDIRECTORY_COMETCHAT_V3_RETRY_MAX_ATTEMPTS", "4",
                    "CHATDIRECTORY_QISCUS_APIKEY", "other",
                    "PATH", "/usr/bin");

            ProviderConfig config = ProviderConfig.fromEnvironment(env, "cometchat-v3");

            assertThat(config.providerId()).contains("cometchat-v3");
            assertThat(config.property("apiKey")).contains(SECRET);
            assertThat(config.property("appId")).contains("app-1");
            assertThat(config.propertyNames()).containsExactlyInAnyOrder("APIKEY", "APP_ID");
            assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
            assertThat(config.retry().maxAttempts()).isEqualTo(4);
        }

        @Test
        @DisplayName("providerIdIn reads CHATDIRECTORY_PROVIDER")
        void providerId() {
            assertThat(ProviderConfig.providerIdIn(Map.of("CHATDIRECTORY_PROVIDER", "memory")))
                    .contains("memory");
            assertThat(ProviderConfig.providerIdIn(Map.of("CHATDIRECTORY_PROVIDER", "")))
                    .isEmpty();
            assertThat(ProviderConfig.providerIdIn(Map.<String, String>of())).isEmpty();
        }
    }

    @Nested
    @DisplayName("prefixes for several directories in one configuration")
    class Prefixes {

        private final ConfigPrefix source = ConfigPrefix.scoped("source");
        private final ConfigPrefix target = ConfigPrefix.scoped("target");

        @Test
        @DisplayName("a scoped prefix reads chatdirectory.<scope>.* and CHATDIRECTORY_<SCOPE>_*")
        void scopedForm() {
            assertThat(source.propertyPrefix()).isEqualTo("chatdirectory.source.");
            assertThat(source.environmentPrefix()).isEqualTo("CHATDIRECTORY_SOURCE_");
            assertThat(ConfigPrefix.scoped("eu-west").environmentPrefix("cometchat-v3"))
                    .isEqualTo("CHATDIRECTORY_EU_WEST_COMETCHAT_V3_");
            assertThat(ConfigPrefix.DEFAULT)
                    .isEqualTo(new ConfigPrefix(ProviderConfig.PROPERTY_PREFIX, ProviderConfig.ENV_PREFIX));
        }

        @Test
        @DisplayName("one properties file configures two directories of the same provider, apart from the default one")
        void twoOfOneProviderFromProperties() {
            Properties p = properties(
                    "chatdirectory.provider", "qiscus",
                    "chatdirectory.cometchat-v3.appId", "default-app",
                    "chatdirectory.source.provider", "cometchat-v3",
                    "chatdirectory.source.cometchat-v3.appId", "app-a",
                    "chatdirectory.source.cometchat-v3.readTimeout", "7s",
                    "chatdirectory.target.provider", "cometchat-v3",
                    "chatdirectory.target.cometchat-v3.appId", "app-b");

            assertThat(ProviderConfig.providerIdIn(p, source)).contains("cometchat-v3");
            assertThat(ProviderConfig.providerIdIn(p, target)).contains("cometchat-v3");
            assertThat(ProviderConfig.providerIdIn(p)).contains("qiscus");
            ProviderConfig a = ProviderConfig.fromProperties(p, source, "cometchat-v3");
            ProviderConfig b = ProviderConfig.fromProperties(p, target, "cometchat-v3");
            ProviderConfig plain = ProviderConfig.fromProperties(p, "cometchat-v3");

            assertThat(a.property("appId")).contains("app-a");
            assertThat(a.readTimeout()).isEqualTo(Duration.ofSeconds(7));
            assertThat(b.property("appId")).contains("app-b");
            assertThat(b.readTimeout()).isEqualTo(ProviderConfig.DEFAULT_READ_TIMEOUT);
            assertThat(plain.propertyNames()).containsExactly("appId");
            assertThat(plain.property("appId")).contains("default-app");
            assertThat(plain).isEqualTo(ProviderConfig.fromProperties(p, ConfigPrefix.DEFAULT, "cometchat-v3"));
        }

        @Test
        @DisplayName("the environment configures two directories of the same provider, apart from the default one")
        void twoOfOneProviderFromEnvironment() {
            Map<String, String> env = Map.of(
                    "CHATDIRECTORY_COMETCHAT_V3_APP_ID", "default-app",
                    "CHATDIRECTORY_SOURCE_PROVIDER", "cometchat-v3",
                    "CHATDIRECTORY_SOURCE_COMETCHAT_V3_APP_ID", "app-a",
                    "CHATDIRECTORY_SOURCE_COMETCHAT_V3_API_KEY", SECRET,
                    "CHATDIRECTORY_TARGET_PROVIDER", "cometchat-v3",
                    "CHATDIRECTORY_TARGET_COMETCHAT_V3_APP_ID", "app-b",
                    "CHATDIRECTORY_TARGET_COMETCHAT_V3_CONNECT_TIMEOUT", "2s");

            assertThat(ProviderConfig.providerIdIn(env, source)).contains("cometchat-v3");
            assertThat(ProviderConfig.providerIdIn(env)).isEmpty();
            ProviderConfig a = ProviderConfig.fromEnvironment(env, source, "cometchat-v3");
            ProviderConfig b = ProviderConfig.fromEnvironment(env, target, "cometchat-v3");

            assertThat(a.property("appId")).contains("app-a");
            assertThat(a.property("apiKey")).contains(SECRET);
            assertThat(b.property("appId")).contains("app-b");
            assertThat(b.property("apiKey")).isEmpty();
            assertThat(b.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
            assertThat(ProviderConfig.fromEnvironment(env, "cometchat-v3").property("appId"))
                    .contains("default-app");
        }

        @Test
        @DisplayName("a missing property is reported under the keys of the prefix it was read with")
        void missingPropertyNamesScopedKeys() {
            ProviderConfig config = ProviderConfig.fromProperties(new Properties(), target, "cometchat-v3");

            assertThatThrownBy(() -> config.requireProperty("apiKey"))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("chatdirectory.target.cometchat-v3.apiKey")
                    .hasMessageContaining("CHATDIRECTORY_TARGET_COMETCHAT_V3_APIKEY");
            assertThatThrownBy(() -> config.toBuilder().build().requireProperty("apiKey"))
                    .hasMessageContaining("chatdirectory.target.cometchat-v3.apiKey");
        }

        @Test
        @DisplayName("malformed prefixes and scopes are ConfigurationExceptions naming the rule")
        void malformed() {
            assertThatThrownBy(() -> ConfigPrefix.scoped(" "))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("scope must be letters and digits");
            assertThatThrownBy(() -> ConfigPrefix.scoped("a.b")).isInstanceOf(ConfigurationException.class);
            assertThatThrownBy(() -> ConfigPrefix.scoped("provider"))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("chatdirectory.provider");
            assertThatThrownBy(() -> ConfigPrefix.scoped(null))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("scope");
            assertThatThrownBy(() -> new ConfigPrefix("app.chat", "APP_CHAT_"))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("propertyPrefix");
            assertThatThrownBy(() -> new ConfigPrefix("app.chat.", "app_chat_"))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("environmentPrefix");
            assertThatThrownBy(() -> ProviderConfig.fromProperties(new Properties(), null, "x"))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("prefix");
            assertThat(new ConfigPrefix("app.chat.", "APP_CHAT_").propertyPrefix("x"))
                    .isEqualTo("app.chat.x.");
        }
    }

    @Nested
    @DisplayName("durations")
    class Durations {

        @ParameterizedTest(name = "\"{0}\" is {1}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "5s|PT5S",
                    "250ms|PT0.25S",
                    "2m|PT2M",
                    "1h|PT1H",
                    "1500|PT1.5S",
                    "PT5S|PT5S",
                    "pt0.5s|PT0.5S",
                    "' 7 s '|PT7S",
                    "10MS|PT0.01S"
                })
        @DisplayName("accept 5s, 250ms, 2m, 1h, ISO-8601 and plain milliseconds")
        void accepted(String text, String expected) {
            ProviderConfig config =
                    ProviderConfig.builder().setting("readTimeout", text).build();

            assertThat(config.readTimeout()).isEqualTo(Duration.parse(expected));
        }

        @ParameterizedTest(name = "\"{0}\" is rejected")
        @ValueSource(
                strings = {
                    "5x",
                    "abc",
                    "-5s",
                    "5.5s",
                    "",
                    "P",
                    "PTxS",
                    "s5",
                    "99999999999999999999",
                    "9999999999999999h"
                })
        @DisplayName("reject malformed values with a ConfigurationException naming the setting")
        void malformed(String text) {
            assertThatThrownBy(() -> ProviderConfig.builder().setting("connect-timeout", text))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("connect-timeout")
                    .hasMessageContaining("duration");
        }

        @Test
        @DisplayName("reject a zero timeout")
        void zero() {
            assertThatThrownBy(() -> ProviderConfig.builder()
                            .setting("callTimeout", "0s")
                            .build())
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("callTimeout")
                    .hasMessageContaining("positive");
        }
    }

    @Nested
    @DisplayName("ranges and nulls")
    class RangesAndNulls {

        @ParameterizedTest(name = "{0}={1} is rejected")
        @CsvSource(
                delimiter = '|',
                value = {
                    "readTimeout|P999999999D|PT23999999976H",
                    "readTimeout|PT24H0.000000001S|PT24H0.000000001S",
                    "connectTimeout|25h|PT25H",
                    "callTimeout|PT-5S|PT-5S",
                    "callTimeout|0|PT0S",
                    "connectTimeout|PT0.0009S|PT0.0009S",
                    "retry.maxBackoff|P2D|PT48H",
                    "retry.maxRetryAfter|PT-1S|PT-1S"
                })
        @DisplayName("a duration out of range is a ConfigurationException naming the key and the allowed range")
        void durationsOutOfRange(String key, String value, String parsed) {
            assertThatThrownBy(() -> ProviderConfig.builder().setting(key, value))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining(key)
                    .hasMessageContaining("to PT24H")
                    .hasMessageContaining("was " + parsed);
        }

        @Test
        @DisplayName("the timeouts range from 1 ms to 24 hours, both ends included")
        void timeoutBounds() {
            ProviderConfig config = ProviderConfig.builder()
                    .connectTimeout(ProviderConfig.MIN_TIMEOUT)
                    .readTimeout(ProviderConfig.MAX_DURATION)
                    .callTimeout(Duration.ofHours(24))
                    .build();

            assertThat(config.connectTimeout()).isEqualTo(Duration.ofMillis(1));
            assertThat(config.readTimeout()).isEqualTo(Duration.ofHours(24));
            assertThatThrownBy(() -> ProviderConfig.builder().readTimeout(Duration.ofNanos(999_999)))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("readTimeout must be positive and not longer than 24 hours")
                    .hasMessageContaining("allowed: PT0.001S to PT24H");
        }

        @Test
        @DisplayName("null durations and retry settings are ConfigurationExceptions naming the setting")
        void nullSettings() {
            assertThatThrownBy(() -> ProviderConfig.builder().readTimeout(null))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("readTimeout must be set");
            assertThatThrownBy(() -> ProviderConfig.builder().connectTimeout(null))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("connectTimeout");
            assertThatThrownBy(() -> ProviderConfig.builder().callTimeout(null))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("callTimeout");
            assertThatThrownBy(() -> ProviderConfig.builder().retry(null))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("retry must not be null");
        }

        @Test
        @DisplayName("null or blank names and null values are ConfigurationExceptions that never show a value")
        void nullProperties() {
            assertThatThrownBy(() -> ProviderConfig.builder().property(null, SECRET))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("name must not be blank")
                    .hasMessageNotContaining(SECRET);
            assertThatThrownBy(() -> ProviderConfig.builder().credential(" ", SECRET))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageNotContaining(SECRET);
            assertThatThrownBy(() -> ProviderConfig.builder().credential("apiKey", null))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("'apiKey' must have a value");
            assertThatThrownBy(() -> ProviderConfig.builder().setting(null, "5s"))
                    .isInstanceOf(ConfigurationException.class);
            assertThatThrownBy(() -> ProviderConfig.builder().setting("readTimeout", null))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("'readTimeout' must have a value");
        }

        @Test
        @DisplayName("the factories refuse null sources and blank provider ids, and overriddenBy a null override")
        void nullFactoryArguments() {
            assertThatThrownBy(() -> ProviderConfig.fromProperties(null, "x"))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("properties must not be null");
            assertThatThrownBy(() -> ProviderConfig.fromProperties(new Properties(), null))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("providerId must not be blank");
            assertThatThrownBy(() -> ProviderConfig.fromEnvironment(null, "x"))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("environment must not be null");
            assertThatThrownBy(() -> ProviderConfig.fromEnvironment(Map.of(), " "))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("providerId");
            assertThatThrownBy(() -> ProviderConfig.builder().build().overriddenBy(null))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("override must not be null");
        }

        @Test
        @DisplayName("a null endpoint string means the vendor's default, like a null URI")
        void nullEndpoint() {
            ProviderConfig config = ProviderConfig.builder()
                    .endpoint("https://emulator.example:8080")
                    .endpoint((String) null)
                    .build();

            assertThat(config.endpoint()).isEmpty();
        }
    }

    @Nested
    @DisplayName("retry and rate-limit settings")
    class RetryAndRateLimit {

        @Test
        @DisplayName("malformed numbers name the setting")
        void malformedNumbers() {
            assertThatThrownBy(() -> ProviderConfig.builder().setting("retry.maxAttempts", "many"))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("retry.maxAttempts")
                    .hasMessageContaining("whole number");
            assertThatThrownBy(() -> ProviderConfig.builder().setting("rateLimit.permitsPerSecond", "fast"))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("rateLimit.permitsPerSecond");
            assertThatThrownBy(() -> ProviderConfig.builder().setting("rateLimit.burst", "1.5"))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("rateLimit.burst");
        }

        @Test
        @DisplayName("out-of-range values are rejected with the rule")
        void outOfRange() {
            assertThatThrownBy(() -> ProviderConfig.builder().setting("retry.maxAttempts", "0"))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("maxAttempts must be at least 1");
            assertThatThrownBy(() -> ProviderConfig.builder().setting("retry.initialBackoff", "PT-1S"))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("initialBackoff must not be negative");
            assertThatThrownBy(() -> ProviderConfig.builder().setting("rateLimit.permitsPerSecond", "NaN"))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("permitsPerSecond");
            assertThatThrownBy(() -> ProviderConfig.builder().setting("rateLimit.burst", "0"))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("burst");
        }

        @Test
        @DisplayName("each retry key changes only its own part")
        void partial() {
            ProviderConfig config =
                    ProviderConfig.builder().setting("retry.maxBackoff", "10s").build();

            assertThat(config.retry())
                    .isEqualTo(RetrySettings.DEFAULT.withBackoff(
                            RetrySettings.DEFAULT.initialBackoff(), Duration.ofSeconds(10)));
        }

        @Test
        @DisplayName("rate and burst combine in either order")
        void order() {
            ProviderConfig rateFirst = ProviderConfig.builder()
                    .setting("rateLimit.permitsPerSecond", "10")
                    .setting("rateLimit.burst", "3")
                    .build();
            ProviderConfig burstFirst = ProviderConfig.builder()
                    .setting("rateLimit.burst", "3")
                    .setting("rateLimit.permitsPerSecond", "10")
                    .build();

            assertThat(rateFirst.rateLimit()).contains(new RateLimitSettings(10, 3));
            assertThat(burstFirst.rateLimit()).isEqualTo(rateFirst.rateLimit());
        }
    }

    @Nested
    @DisplayName("overriddenBy")
    class Overrides {

        private final ProviderConfig base = ProviderConfig.builder()
                .provider("x")
                .endpoint("http://base")
                .readTimeout(Duration.ofSeconds(9))
                .retry(RetrySettings.DEFAULT.withMaxAttempts(7))
                .property("apiKey", "base-key")
                .property("region", "eu")
                .build();

        @Test
        @DisplayName("properties of the override win; the others stay")
        void properties() {
            ProviderConfig merged = base.overriddenBy(
                    ProviderConfig.builder().property("API_KEY", "override-key").build());

            assertThat(merged.property("apiKey")).contains("override-key");
            assertThat(merged.property("region")).contains("eu");
            assertThat(merged.propertyNames()).hasSize(2);
        }

        @Test
        @DisplayName("settings left at their defaults in the override do not reset the base")
        void defaultsDoNotReset() {
            ProviderConfig merged = base.overriddenBy(ProviderConfig.builder().build());

            assertThat(merged).isEqualTo(base);
        }

        @Test
        @DisplayName("settings the override changes win")
        void changedSettingsWin() {
            ProviderConfig merged = base.overriddenBy(ProviderConfig.builder()
                    .provider("y")
                    .endpoint("http://override")
                    .readTimeout(Duration.ofSeconds(1))
                    .rateLimit(new RateLimitSettings(1, 1))
                    .build());

            assertThat(merged.providerId()).contains("y");
            assertThat(merged.endpoint()).contains(URI.create("http://override"));
            assertThat(merged.readTimeout()).isEqualTo(Duration.ofSeconds(1));
            assertThat(merged.rateLimit()).contains(new RateLimitSettings(1, 1));
            assertThat(merged.retry().maxAttempts()).isEqualTo(7);
        }

        @Test
        @DisplayName("a retry setting changed in the override keeps the base's other retry settings")
        void retryPerSetting() {
            ProviderConfig merged = base.overriddenBy(
                    ProviderConfig.builder().setting("retry.maxBackoff", "20s").build());

            assertThat(merged.retry().maxBackoff()).isEqualTo(Duration.ofSeconds(20));
            assertThat(merged.retry().maxAttempts()).isEqualTo(7);
        }
    }

    @Nested
    @DisplayName("toString")
    class ToString {

        @Test
        @DisplayName("shows property names but never their values")
        void noValues() {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("CHATDIRECTORY_X_APIKEY", SECRET);
            env.put("CHATDIRECTORY_X_API_SECRET", SECRET + "-2");
            ProviderConfig config = ProviderConfig.fromEnvironment(env, "x").toBuilder()
                    .credential("token", SECRET + "-3")
                    .build();

            assertThat(config.toString())
                    .doesNotContain(SECRET)
                    .contains("APIKEY")
                    .contains("API_SECRET")
                    .contains("token")
                    .contains("values redacted");
        }

        @Test
        @DisplayName("does not show credentials embedded in the endpoint")
        void endpointUserInfo() {
            ProviderConfig config = ProviderConfig.builder()
                    .endpoint("https://admin:" + SECRET + "@proxy.example.com:8443/v3?x=1")
                    .build();

            assertThat(config.toString()).doesNotContain(SECRET).contains("proxy.example.com:8443/v3");
            assertThat(config.endpoint().map(URI::getUserInfo)).isEqualTo(Optional.of("admin:" + SECRET));
        }
    }
}
