package dev.chatdirectory.provider.atomchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatdirectory.InvalidRequestException;
import dev.chatdirectory.http.PageCursor;
import dev.chatdirectory.model.GroupQuery;
import dev.chatdirectory.model.MemberQuery;
import dev.chatdirectory.model.PageRequest;
import dev.chatdirectory.model.UserQuery;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A cursor is input: one edited to ask AtomChat for more rows than a page holds, or for a row
 * offset no listing reaches, is refused before any request, also for the listings AtomChat returns
 * whole and the adapter cuts into pages.
 */
@DisplayName("Forged AtomChat cursors")
class AtomChatForgedCursorTest extends EmulatorTestBase {

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
    void refused(String listing, long offset, int pageSize, String rule) {
        String cursor = new PageCursor(listing, offset, pageSize).encode();
        forgetRequests();

        assertThatThrownBy(() -> {
                    switch (listing) {
                        case "users" -> directory.users().list(UserQuery.all().withCursor(cursor));
                        case "groups" ->
                            directory.groups().list(GroupQuery.all().withCursor(cursor));
                        case "members:g1" ->
                            directory.members().list("g1", MemberQuery.all().withCursor(cursor));
                        default ->
                            directory
                                    .members()
                                    .listBanned("g1", PageRequest.first().withCursor(cursor));
                    }
                })
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.field()).contains("cursor"))
                .hasMessageContaining(rule);
        assertThat(requests()).isEmpty();
    }
}
