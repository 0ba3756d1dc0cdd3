package dev.chatdirectory.provider.qiscus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatdirectory.InvalidRequestException;
import dev.chatdirectory.http.PageCursor;
import dev.chatdirectory.model.MemberQuery;
import dev.chatdirectory.model.UserQuery;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A cursor is input: one edited to send Qiscus {@code limit=2147483647} or {@code
 * page=9223372036854775807} is refused before any request.
 */
@DisplayName("Forged Qiscus cursors")
class AtomChatForgedCursorTest extends QiscusEmulatorSupport {

    @ParameterizedTest(name = "{0} at page {1} of {2}")
    @CsvSource({
        "users, 2, 2147483647, holds a page size of 2147483647",
        "users, 2, 101, holds a page size of 101",
        "users, 9223372036854775807, 20, points past row 2147483647",
        "users, 0, 20, points before the first page",
        "members:12345, 2, 2147483647, holds a page size of 2147483647",
        "members:12345, 9223372036854775807, 100, points past row 2147483647"
    })
    @DisplayName("is refused, naming the cursor and the rule, and nothing is sent")
    void refused(String listing, long page, int pageSize, String rule) {
        String cursor = new PageCursor(listing, page, pageSize).encode();
        forgetRequests();

        assertThatThrownBy(() -> {
                    if (listing.equals("users")) {
                        directory.users().list(UserQuery.all().withCursor(cursor));
                    } else {
                        directory.members().list("12345", MemberQuery.all().withCursor(cursor));
                    }
                })
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.field()).contains("cursor"))
                .hasMessageContaining(rule);
        assertThat(requests()).isEmpty();
    }
}
