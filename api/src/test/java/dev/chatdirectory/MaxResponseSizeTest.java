package dev.chatdirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The maxResponseSize setting")
class MaxResponseSizeTest {

    @Test
    @DisplayName("defaults to 16 MiB")
    void defaultCap() {
        assertThat(ProviderConfig.builder().build().maxResponseSize()).isEqualTo(16L * 1024 * 1024);
    }

    @ParameterizedTest(name = "{0} is {1} bytes")
    @CsvSource({"4096, 4096", "4096b, 4096", "512KiB, 524288", "16 MiB, 16777216", "1gib, 1073741824"})
    @DisplayName("reads plain bytes and KiB, MiB or GiB, from properties and the environment")
    void parses(String text, long bytes) {
        Properties properties = new Properties();
        properties.setProperty("chatdirectory.x.maxResponseSize", text);

        assertThat(ProviderConfig.fromProperties(properties, "x").maxResponseSize())
                .isEqualTo(bytes);
        assertThat(ProviderConfig.fromEnvironment(Map.of("CHATDIRECTORY_X_MAX_RESPONSE_SIZE", text), "x")
                        .maxResponseSize())
                .isEqualTo(bytes);
        assertThat(ProviderConfig.fromProperties(properties, "x").propertyNames())
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"16MB", "-1", "lots", "1.5MiB", "99999999999999999999", "9999999999GiB"})
    @DisplayName("rejects malformed sizes, naming the setting")
    void malformed(String text) {
        assertThatThrownBy(() -> ProviderConfig.builder().setting("maxResponseSize", text))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("maxResponseSize");
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(longs = {0, 1023, 1024L * 1024 * 1024 + 1})
    @DisplayName("rejects a cap below 1 KiB or above 1 GiB, naming the range")
    void outOfRange(long bytes) {
        assertThatThrownBy(() -> ProviderConfig.builder().maxResponseSize(bytes))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("maxResponseSize must be between 1024 bytes (1 KiB) and 1073741824 bytes");
    }

    @Test
    @DisplayName("survives toBuilder, counts in equality, and wins in an override only when changed")
    void carried() {
        ProviderConfig base = ProviderConfig.builder().maxResponseSize(4096).build();

        assertThat(base.toBuilder().build()).isEqualTo(base);
        assertThat(base).isNotEqualTo(ProviderConfig.builder().build());
        assertThat(base.toString()).contains("maxResponseSize=4096");
        assertThat(base.overriddenBy(ProviderConfig.builder().build()).maxResponseSize())
                .isEqualTo(4096);
        assertThat(base.overriddenBy(
                                ProviderConfig.builder().maxResponseSize(8192).build())
                        .maxResponseSize())
                .isEqualTo(8192);
    }
}
