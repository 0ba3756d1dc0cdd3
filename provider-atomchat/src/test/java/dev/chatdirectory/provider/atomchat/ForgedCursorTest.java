package dev.chatdirectory.provider.atomchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatdirectory.InvalidRequestException;
import dev.chatdirectory.model.GroupQuery;
import dev.chatdirectory.model.MemberQuery;
import dev.chatdirectory.model.PageRequest;
import dev.chatdirectory.model.UserQuery;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A cursor is input: one edited to ask AtomChat for more rows than a page holds, or for a row
 * offset no listing reaches, is refused before any request, also for the listings AtomChat returns
 * whole and the adapter cuts into pages.
 */
@DisplayName("Forged AtomChat cursors")
class ForgedCursorTest extends EmulatorTestBase {

    private static String forged(String listing, String position, String pageSize) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("v1|" + listing + "|" + position + "|" + pageSize).getBytes(StandardCharsets.UTF_8));
    }

    private ThrowingCallable list(String listing, String cursor) {
        return switch (listing) {
            case "users" -> () -> directory.users().list(UserQuery.all().withCursor(cursor));
            case "groups" -> () -> directory.groups().list(GroupQuery.all().withCursor(cursor));
            case "members:g1" ->
                () -> directory.members().list("g1", MemberQuery.all().withCursor(cursor));
            case "banned:g1" ->
                () -> directory.members().listBanned("g1", PageRequest.first().withCursor(cursor));
            default -> throw new IllegalArgumentException(listing);
        };
    }

    @ParameterizedTest(name = "{0} at offset {1} in pages of {2}")
    @CsvSource({
        "users, 0, 2147483647, holds a page size of 2147483647",
        "users, 0, 101, holds a page size of 101",
        "users, 9223372036854775807, 100, points past row 2147483647",
        "users, 2147483648, 100, points past row 2147483647",
        "groups, 0, 2147483647, holds a page size of 2147483647",
        "groups, 9223372036854775807, 10, points past row 2147483647",
        "members:g1, 2147483648, 10, points past row 2147483647",
        "banned:g1, 0, 1000, holds a page size of 1000"
    })
    @DisplayName("is refused, naming the cursor and the rule, and nothing is sent")
    void refused(String listing, String position, String pageSize, String rule) {
        forgetRequests();

        assertThatThrownBy(list(listing, forged(listing, position, pageSize)))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.field()).contains("cursor"))
                .hasMessageContaining(rule);
        assertThat(requests()).isEmpty();
    }
}
