package dev.chatdirectory.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatdirectory.InvalidRequestException;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A page cursor")
class PageCursorTest {

    @Test
    @DisplayName("round-trips its listing, position and page size")
    void roundTrip() {
        String text = new PageCursor("members:g1", 3, 25).encode();

        assertThat(PageCursor.decode("vendor", "members:g1", Optional.of(text)))
                .contains(new PageCursor("members:g1", 3, 25));
    }

    @Test
    @DisplayName("means the first page when absent")
    void absent() {
        assertThat(PageCursor.decode("vendor", "users", Optional.empty())).isEmpty();
    }

    @Test
    @DisplayName("is rejected by another listing, naming the cursor field")
    void otherListing() {
        String text = new PageCursor("users", 2, 10).encode();

        assertThatThrownBy(() -> PageCursor.decode("vendor", "groups", Optional.of(text)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.field()).contains("cursor");
                    assertThat(e.providerId()).contains("vendor");
                });
    }

    @Test
    @DisplayName("is rejected when forged or garbled")
    void garbled() {
        assertThatThrownBy(() -> PageCursor.decode("vendor", "users", Optional.of("not base64 !")))
                .isInstanceOf(InvalidRequestException.class);
        String negative = java.util.Base64.getUrlEncoder().encodeToString("v1|users|-4|10".getBytes());
        assertThatThrownBy(() -> PageCursor.decode("vendor", "users", Optional.of(negative)))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    @DisplayName("resumes at the first position without a cursor, and keeps a cursor's own page size")
    void resume() {
        assertThat(PageCursor.resume("vendor", "users", Optional.empty(), 1, 25))
                .isEqualTo(new PageCursor("users", 1, 25));
        String issued = new PageCursor("users", 4, 10).encode();
        PageCursor resumed = PageCursor.resume("vendor", "users", Optional.of(issued), 1, 25);
        assertThat(resumed).isEqualTo(new PageCursor("users", 4, 10));
        assertThat(resumed.at(5)).isEqualTo(new PageCursor("users", 5, 10));
    }

    @Test
    @DisplayName("resumes page-numbered listings at page 1, and refuses a cursor used with another page size")
    void resumePage() {
        assertThat(PageCursor.resumePage("vendor", "users", Optional.empty(), OptionalInt.empty(), 20))
                .isEqualTo(new PageCursor("users", 1, 20));
        String issued = new PageCursor("users", 3, 10).encode();
        assertThat(PageCursor.resumePage("vendor", "users", Optional.of(issued), OptionalInt.empty(), 20))
                .isEqualTo(new PageCursor("users", 3, 10));
        assertThatThrownBy(() -> PageCursor.resumePage("vendor", "users", Optional.of(issued), OptionalInt.of(20), 20))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("pages of 10");
    }
}
