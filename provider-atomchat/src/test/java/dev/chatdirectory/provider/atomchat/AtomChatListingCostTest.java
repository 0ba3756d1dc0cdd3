package dev.chatdirectory.provider.atomchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.ConfigurationException;
import dev.chatdirectory.model.User;
import dev.chatdirectory.model.UserCreate;
import dev.chatdirectory.model.UserQuery;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("What listing AtomChat users costs")
class AtomChatListingCostTest extends EmulatorTestBase {

    /** The once-per-directory check of how listUsers reads its offset: window 0 again and offset 99. */
    private static final int OFFSET_CHECK = 2;

    private static final int WINDOW = 100;

    private List<String> seed(int count) {
        List<String> ids = IntStream.range(0, count)
                .mapToObj(i -> String.format("u%04d", i))
                .toList();
        for (String id : ids) {
            directory
                    .users()
                    .create(UserCreate.builder(id, "Ünïcode " + id)
                            .avatarUrl("https://example.com/" + id + ".png")
                            .profileUrl("https://example.com/" + id)
                            .role(id.endsWith("7") ? "vip" : null)
                            .build());
        }
        forgetRequests();
        return ids;
    }

    @Nested
    @DisplayName("by default")
    class ByDefault {

        @Test
        @DisplayName("a walk of N users sends ceil(N / 100) listUsers requests plus the offset check, and no getUser")
        void walkCostsOneRequestPerWindow() {
            int n = 450;
            List<String> ids = seed(n);

            List<User> walked = directory.users().stream(UserQuery.all().withPageSize(WINDOW))
                    .toList();

            assertThat(walked).extracting(User::id).containsExactlyElementsOf(ids);
            int windows = (n + WINDOW - 1) / WINDOW;
            assertThat(requestsTo("listUsers")).hasSize(windows + OFFSET_CHECK);
            assertThat(requests()).hasSize(windows + OFFSET_CHECK);
        }

        @Test
        @DisplayName("listed users carry the id, name and role of the rows, and no avatar or profile URL")
        void listedUsersCarryTheRowFields() {
            seed(12);

            List<User> listed = directory.users().list(UserQuery.all()).items();

            assertThat(listed).hasSize(12);
            User vip = listed.get(7);
            assertThat(vip.id()).isEqualTo("u0007");
            assertThat(vip.name()).isEqualTo("Ünïcode u0007");
            assertThat(vip.role()).contains("vip");
            assertThat(vip.avatarUrl()).isEmpty();
            assertThat(vip.profileUrl()).isEmpty();
            assertThat(vip.raw()).containsEntry("uid", "u0007").containsKey("username");
            assertThat(listed.get(0).role()).contains("default");
            assertThat(directory.users().get("u0007").orElseThrow().avatarUrl())
                    .as("get still reads the avatar")
                    .contains("https://example.com/u0007.png");
        }
    }

    @Nested
    @DisplayName("with listUserDetails=true")
    class WithDetails {

        @Test
        @DisplayName("each listed user is read with getUser, avatar and profile URL included")
        void detailsCostOneGetPerUser() {
            seed(120);
            try (ChatDirectory detailed = new AtomChatProvider()
                    .open(Directories.config(emulator.baseUrl(), emulator.apiKey()).toBuilder()
                            .property("listUserDetails", "true")
                            .build())) {
                forgetRequests();
                List<User> walked = detailed.users().stream(UserQuery.all()).toList();

                assertThat(walked).hasSize(120);
                assertThat(walked.get(3).avatarUrl()).contains("https://example.com/u0003.png");
                assertThat(walked.get(3).profileUrl()).contains("https://example.com/u0003");
                assertThat(requestsTo("getUser")).hasSize(120);
                assertThat(requestsTo("listUsers")).hasSize(2 + OFFSET_CHECK);
            }
        }

        @Test
        @DisplayName("a value other than true or false fails at open, naming the property")
        void badValueFailsAtOpen() {
            forgetRequests();
            assertThatThrownBy(() -> new AtomChatProvider()
                            .open(Directories.config(emulator.baseUrl(), emulator.apiKey()).toBuilder()
                                    .property("listUserDetails", "yes")
                                    .build()))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("listUserDetails")
                    .hasMessageContaining("true or false");
            assertThat(requests()).isEmpty();
        }
    }
}
