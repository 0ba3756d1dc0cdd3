package dev.chatdirectory.provider.atomchat;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.InvalidRequestException;
import dev.chatdirectory.ProviderProtocolException;
import dev.chatdirectory.emulator.atomchat.ListUsersPaging;
import dev.chatdirectory.http.PageCursor;
import dev.chatdirectory.model.Page;
import dev.chatdirectory.model.User;
import dev.chatdirectory.model.UserQuery;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Paging through AtomChat users")
class AtomChatUserPagingTest extends EmulatorTestBase {

    private static List<String> ids(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> String.format("user-%03d", i))
                .toList();
    }

    /** Walks every page, checking that only the last page is short. */
    private List<String> walk(ChatDirectory dir, int pageSize) {
        List<String> walked = new ArrayList<>();
        UserQuery query = UserQuery.all().withPageSize(pageSize);
        Optional<String> cursor = Optional.empty();
        do {
            Page<User> page = dir.users().list(cursor.map(query::withCursor).orElse(query));
            if (page.hasNext()) {
                assertThat(page.items()).as("a page followed by another").hasSize(pageSize);
            }
            page.items().forEach(u -> walked.add(u.id()));
            cursor = page.nextCursor();
        } while (cursor.isPresent());
        return walked;
    }

    private List<String> listUsersOffsets() {
        return requestsTo("listUsers").stream()
                .map(r -> r.formParameters().get("offset").firstValue() + "/"
                        + r.formParameters().get("limit").firstValue())
                .toList();
    }

    @Nested
    @DisplayName("with row offsets from 0 (the newest docs)")
    class RowOffsets {

        @Test
        @DisplayName("lists every user once, in AtomChat's order, at any page size")
        void everyUserOnce() {
            createUsers(ids(230).toArray(String[]::new));
            for (int size : List.of(100, 37, 1)) {
                assertThat(walk(directory, size)).as("page size %s", size).containsExactlyElementsOf(ids(230));
            }
        }

        @Test
        @DisplayName("always asks for 100 rows at offsets that are multiples of 100, checking the offset meaning once")
        void alignedWindows() {
            createUsers(ids(230).toArray(String[]::new));
            forgetRequests();
            walk(directory, 100);
            assertThat(listUsersOffsets()).containsExactly("0/100", "0/100", "99/100", "100/100", "200/100");
            forgetRequests();
            walk(directory, 100);
            assertThat(listUsersOffsets()).containsExactly("0/100", "100/100", "200/100");
        }

        @Test
        @DisplayName("ends with an empty page when the users fill the last window exactly")
        void exactMultiple() {
            createUsers(ids(200).toArray(String[]::new));
            assertThat(walk(directory, 100)).containsExactlyElementsOf(ids(200));
            assertThat(walk(directory, 50)).containsExactlyElementsOf(ids(200));
        }

        @Test
        @DisplayName("re-reading a page with the same cursor gives the same users")
        void stableCursor() {
            createUsers(ids(150).toArray(String[]::new));
            UserQuery query = UserQuery.all().withPageSize(40);
            String cursor = directory.users().list(query).nextCursor().orElseThrow();
            List<User> once = directory.users().list(query.withCursor(cursor)).items();
            List<User> twice = directory.users().list(query.withCursor(cursor)).items();
            assertThat(twice).isEqualTo(once);
            assertThat(once).extracting(User::id).containsExactlyElementsOf(ids(150).subList(40, 80));
        }

        @Test
        @DisplayName("a cursor of another listing is refused before anything is sent")
        void foreignCursor() {
            createUsers("ann");
            String membersCursor = new PageCursor("members:g", 1, 1).encode();
            forgetRequests();
            assertThatThrownBy(() -> directory.users().list(UserQuery.all().withCursor(membersCursor)))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("cursor");
            assertThatThrownBy(() -> directory.users().list(UserQuery.all().withCursor("not a cursor")))
                    .isInstanceOf(InvalidRequestException.class);
            assertThat(requests()).isEmpty();
        }
    }

    @Nested
    @DisplayName("with the 2018 server's quirks (offset 0 read as 1, small limits read as 100)")
    class Legacy {

        @Test
        @DisplayName("lists every user it can reach once: all but the first, which no offset returns")
        void allButFirst() {
            emulator.useListUsersPaging(ListUsersPaging.LEGACY_2018);
            try {
                createUsers(ids(230).toArray(String[]::new));
                forgetRequests();
                assertThat(walk(directory, 100)).containsExactlyElementsOf(ids(230).subList(1, 230));
                assertThat(listUsersOffsets()).containsExactly("0/100", "0/100", "99/100", "101/100", "201/100");
                assertThat(walk(directory, 30)).containsExactlyElementsOf(ids(230).subList(1, 230));
            } finally {
                emulator.useListUsersPaging(ListUsersPaging.ROW_OFFSET);
            }
        }
    }

    @Nested
    @DisplayName("with page numbers instead of row offsets")
    class PageNumbers {

        private final WireMockServer server =
                new WireMockServer(WireMockConfiguration.options().dynamicPort());

        @AfterEach
        void stop() {
            server.stop();
        }

        private String rows(int from, int to) {
            return IntStream.range(from, to)
                    .mapToObj(i -> "{\"uid\":\"u" + i + "\",\"username\":\"U" + i + "\"}")
                    .collect(Collectors.joining(",", "{\"success\":{\"status\":\"2000\",\"data\":[", "]}}"));
        }

        @Test
        @DisplayName("refuses to go past the first window instead of skipping or repeating users")
        void refuses() {
            server.start();
            server.stubFor(post(urlPathEqualTo("/api/v2/listUsers"))
                    .withFormParam("offset", equalTo("0"))
                    .willReturn(okJson(rows(0, 100))));
            // Page 99 of 100-user pages is far beyond the directory: an empty page.
            server.stubFor(post(urlPathEqualTo("/api/v2/listUsers"))
                    .withFormParam("offset", equalTo("99"))
                    .willReturn(okJson(rows(0, 0))));
            server.stubFor(post(urlPathEqualTo("/api/v2/getUser"))
                    .willReturn(okJson("{\"success\":{\"status\":\"2000\",\"data\":{\"user\":{\"uid\":\"u0\"}}}}")));
            try (ChatDirectory dir = Directories.open(URI.create(server.baseUrl() + "/api/v2"), emulator.apiKey())) {
                Page<User> first = dir.users().list(UserQuery.all().withPageSize(100));
                assertThat(first.items()).hasSize(100);
                assertThatThrownBy(() -> dir.users()
                                .list(UserQuery.all()
                                        .withCursor(first.nextCursor().orElseThrow())))
                        .isInstanceOf(ProviderProtocolException.class)
                        .hasMessageContaining("offset");
            }
        }
    }
}
