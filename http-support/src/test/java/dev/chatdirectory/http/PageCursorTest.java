package dev.chatdirectory.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatdirectory.InvalidRequestException;
import dev.chatdirectory.spi.ProviderDescriptor;
import dev.chatdirectory.spi.ProviderLimits;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("A page cursor")
class PageCursorTest {

    /** Pages of 20 by default, of at most 100. */
    private static final ProviderDescriptor VENDOR = ProviderDescriptor.builder("vendor")
            .displayName("Vendor")
            .limits(ProviderLimits.builder()
                    .defaultPageSize(20)
                    .maxPageSize(100)
                    .maxBatchSize(10)
                    .build())
            .build();

    private static String forged(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("round-trips its listing, position and page size")
    void roundTrip() {
        String text = new PageCursor("members:g1", 3, 25).encode();

        assertThat(PageCursor.resume(VENDOR, "members:g1", Optional.of(text), 1, 20))
                .isEqualTo(new PageCursor("members:g1", 3, 25));
    }

    @Test
    @DisplayName("is rejected by another listing, naming the cursor field")
    void otherListing() {
        String text = new PageCursor("users", 2, 10).encode();

        assertThatThrownBy(() -> PageCursor.resume(VENDOR, "groups", Optional.of(text), 1, 20))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.field()).contains("cursor");
                    assertThat(e.providerId()).contains("vendor");
                });
    }

    @Test
    @DisplayName("is rejected when garbled")
    void garbled() {
        assertThatThrownBy(() -> PageCursor.resume(VENDOR, "users", Optional.of("not base64 !"), 1, 20))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> PageCursor.resume(VENDOR, "users", Optional.of(forged("v1|users|-4|10")), 0, 20))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(
                        () -> PageCursor.resume(VENDOR, "users", Optional.of(forged("v1|users|1|99999999999")), 0, 20))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Nested
    @DisplayName("is input, checked against the provider's limits before anything is sent")
    class Limits {

        @ParameterizedTest(name = "{0} (first position {1})")
        @CsvSource(
                delimiter = ';',
                value = {
                    "v1|users|2|2147483647; 1; holds a page size of 2147483647; vendor pages hold 1 to 100 items",
                    "v1|users|2|101; 0; holds a page size of 101; vendor pages hold 1 to 100 items",
                    "v1|users|9223372036854775807|20; 1; points past row 2147483647",
                    "v1|users|107374184|20; 1; points past row 2147483647",
                    "v1|users|9223372036854775807|20; 0; points past row 2147483647",
                    "v1|users|2147483648|1; 0; points past row 2147483647",
                    "v1|users|0|20; 1; points before the first page"
                })
        @DisplayName("a forged cursor is refused, naming the cursor field and the rule it breaks")
        void forgedRefused(String text, long first, String rule) {
            assertThatThrownBy(() -> PageCursor.resume(VENDOR, "users", Optional.of(forged(text)), first, 20))
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                        assertThat(e.field()).contains("cursor");
                        assertThat(e.providerId()).contains("vendor");
                    })
                    .hasMessageContaining(rule);
        }

        @ParameterizedTest(name = "{0} (first position {1})")
        @CsvSource(
                delimiter = ';',
                value = {
                    "v1|users|107374183|20; 1",
                    "v1|users|2147483647|100; 0",
                    "v1|users|1|100; 1",
                    "v1|users|0|1; 0"
                })
        @DisplayName("a cursor at the edge of the limits is accepted")
        void edgesAccepted(String text, long first) {
            String[] parts = text.split("\\|");

            assertThat(PageCursor.resume(VENDOR, "users", Optional.of(forged(text)), first, 20))
                    .isEqualTo(new PageCursor("users", Long.parseLong(parts[2]), Integer.parseInt(parts[3])));
        }
    }

    @Test
    @DisplayName("resumes at the first position without a cursor, and keeps a cursor's own page size")
    void resume() {
        assertThat(PageCursor.resume(VENDOR, "users", Optional.empty(), 1, 25))
                .isEqualTo(new PageCursor("users", 1, 25));
        String issued = new PageCursor("users", 4, 10).encode();
        PageCursor resumed = PageCursor.resume(VENDOR, "users", Optional.of(issued), 1, 25);
        assertThat(resumed).isEqualTo(new PageCursor("users", 4, 10));
        assertThat(resumed.at(5)).isEqualTo(new PageCursor("users", 5, 10));
    }

    @Test
    @DisplayName("resumes page-numbered listings at page 1, and refuses a cursor used with another page size")
    void resumePage() {
        assertThat(PageCursor.resumePage(VENDOR, "users", Optional.empty(), OptionalInt.empty()))
                .isEqualTo(new PageCursor("users", 1, 20));
        String issued = new PageCursor("users", 3, 10).encode();
        assertThat(PageCursor.resumePage(VENDOR, "users", Optional.of(issued), OptionalInt.empty()))
                .isEqualTo(new PageCursor("users", 3, 10));
        assertThatThrownBy(() -> PageCursor.resumePage(VENDOR, "users", Optional.of(issued), OptionalInt.of(20)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("pages of 10");
        assertThatThrownBy(() -> PageCursor.resumePage(
                        VENDOR, "users", Optional.of(new PageCursor("users", 0, 10).encode()), OptionalInt.empty()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("before the first page");
    }
}
