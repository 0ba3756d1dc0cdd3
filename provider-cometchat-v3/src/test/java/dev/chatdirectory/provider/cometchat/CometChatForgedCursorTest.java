package dev.chatdirectory.provider.cometchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.InvalidRequestException;
import dev.chatdirectory.http.PageCursor;
import dev.chatdirectory.model.GroupQuery;
import dev.chatdirectory.model.MemberQuery;
import dev.chatdirectory.model.PageRequest;
import dev.chatdirectory.model.UserQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A cursor is input: one edited to send CometChat {@code perPage=2147483647} or {@code
 * page=9223372036854775807} is refused before any request.
 */
@DisplayName("Forged CometChat cursors")
class CometChatForgedCursorTest {

    private static EmulatedCometChat cometChat;
    private static ChatDirectory directory;

    @BeforeAll
    static void open() {
        cometChat = new EmulatedCometChat();
        directory = cometChat.open();
    }

    @AfterAll
    static void close() {
        directory.close();
        cometChat.close();
    }

    @ParameterizedTest(name = "{0} at page {1} of {2}")
    @CsvSource({
        "users, 2, 2147483647, holds a page size of 2147483647",
        "users, 2, 1001, holds a page size of 1001",
        "users, 9223372036854775807, 100, points past row 2147483647",
        "users, 2147485, 1000, points past row 2147483647",
        "users, 0, 100, points before the first page",
        "groups, 2, 2147483647, holds a page size of 2147483647",
        "members:g1, 9223372036854775807, 100, points past row 2147483647",
        "banned:g1, 2, 2147483647, holds a page size of 2147483647"
    })
    @DisplayName("is refused, naming the cursor and the rule, and nothing is sent")
    void refused(String listing, long page, int perPage, String rule) {
        String cursor = new PageCursor(listing, page, perPage).encode();
        cometChat.forgetRequests();

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
        assertThat(cometChat.requests()).isEmpty();
    }

    @Test
    @DisplayName("issued for pages of one size is refused with another, since page numbers count in pages")
    void otherPageSize() {
        String cursor = new PageCursor("users", 3, 10).encode();
        cometChat.forgetRequests();

        assertThatThrownBy(() -> directory
                        .users()
                        .list(UserQuery.all().withCursor(cursor).withPageSize(20)))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.field()).contains("cursor"))
                .hasMessageContaining("pages of 10");
        assertThat(cometChat.requests()).isEmpty();
    }
}
