package dev.chatdirectory.provider.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.InvalidRequestException;
import dev.chatdirectory.model.Group;
import dev.chatdirectory.model.GroupCreate;
import dev.chatdirectory.model.GroupQuery;
import dev.chatdirectory.model.GroupType;
import dev.chatdirectory.model.MemberQuery;
import dev.chatdirectory.model.MemberSpec;
import dev.chatdirectory.model.Page;
import dev.chatdirectory.model.PageRequest;
import dev.chatdirectory.model.User;
import dev.chatdirectory.model.UserCreate;
import dev.chatdirectory.model.UserQuery;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Memory provider: keyset pagination")
class MemoryPaginationTest {

    private final ChatDirectory directory = MemoryChatDirectory.builder().build();

    private void createUsers(List<String> ids) {
        ids.forEach(id ->
                directory.users().create(UserCreate.builder(id, "User " + id).build()));
    }

    private static List<String> ids(String prefix, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> String.format("%s%05d", prefix, i))
                .toList();
    }

    private String firstUsersCursor() {
        return directory
                .users()
                .list(UserQuery.all().withPageSize(1))
                .nextCursor()
                .orElseThrow();
    }

    @Nested
    @DisplayName("walking pages")
    class Walking {

        @Test
        @DisplayName("streaming 10,000 users with page size 7 yields each user exactly once")
        void streamingTenThousandUsers() {
            List<String> created = ids("user-", 10_000);
            createUsers(created);

            List<String> streamed = directory.users().stream(UserQuery.all().withPageSize(7))
                    .map(User::id)
                    .toList();

            assertThat(streamed).hasSize(10_000).doesNotHaveDuplicates().containsExactlyElementsOf(created);
        }

        @Test
        @DisplayName("pages follow each other by cursor, in id order, without gaps or overlaps")
        void pageByPage() {
            createUsers(ids("u", 20));
            List<String> seen = new ArrayList<>();
            List<Integer> sizes = new ArrayList<>();

            UserQuery query = UserQuery.all().withPageSize(7);
            while (true) {
                Page<User> page = directory.users().list(query);
                sizes.add(page.items().size());
                page.items().forEach(u -> seen.add(u.id()));
                if (!page.hasNext()) {
                    break;
                }
                query = query.withCursor(page.nextCursor().orElseThrow());
            }

            assertThat(sizes).containsExactly(7, 7, 6);
            assertThat(seen).containsExactlyElementsOf(ids("u", 20));
        }

        @Test
        @DisplayName("a listing that ends exactly at a page boundary has no next cursor and no empty last page")
        void exactBoundary() {
            createUsers(ids("u", 14));

            Page<User> first = directory.users().list(UserQuery.all().withPageSize(7));
            Page<User> second = directory
                    .users()
                    .list(UserQuery.all()
                            .withPageSize(7)
                            .withCursor(first.nextCursor().orElseThrow()));

            assertThat(second.items()).hasSize(7);
            assertThat(second.hasNext()).isFalse();
        }

        @Test
        @DisplayName("an empty listing is one empty page without cursor")
        void empty() {
            Page<User> page = directory.users().list(UserQuery.all());

            assertThat(page.items()).isEmpty();
            assertThat(page.hasNext()).isFalse();
        }

        @Test
        @DisplayName("filtered pages are full pages of matching items")
        void filtered() {
            createUsers(ids("a", 10));
            createUsers(ids("b", 10));
            createUsers(ids("ab", 10));

            Page<User> page = directory
                    .users()
                    .list(UserQuery.builder().search("b").pageSize(8).build());

            assertThat(page.items())
                    .hasSize(8)
                    .allSatisfy(u -> assertThat(u.id()).startsWith("b"));
            assertThat(directory.users().stream(
                            UserQuery.builder().search("b").pageSize(8).build()))
                    .hasSize(10);
        }

        @Test
        @DisplayName("a walk while users are inserted and deleted never repeats an item and sees every survivor")
        void walkWithConcurrentChanges() {
            List<String> initial = ids("m", 100);
            createUsers(initial);
            Set<String> deleted = new HashSet<>();
            List<String> seen = new ArrayList<>();

            UserQuery query = UserQuery.all().withPageSize(9);
            int round = 0;
            while (true) {
                Page<User> page = directory.users().list(query);
                page.items().forEach(u -> seen.add(u.id()));
                // Insert before and after the current position, delete ahead and behind.
                String r = String.format("%03d", round++);
                createUsers(List.of("a-" + r, "m-" + r, "z-" + r));
                for (String victim : List.of(initial.get((round * 7) % 100), initial.get((round * 13 + 50) % 100))) {
                    if (directory.users().delete(victim)) {
                        deleted.add(victim);
                    }
                }
                if (!page.hasNext()) {
                    break;
                }
                query = query.withCursor(page.nextCursor().orElseThrow());
            }

            assertThat(seen).doesNotHaveDuplicates().isSorted();
            List<String> survivors =
                    initial.stream().filter(id -> !deleted.contains(id)).toList();
            assertThat(seen).containsAll(survivors);
        }

        @Test
        @DisplayName("a lazy stream tolerates changes between elements and never repeats an item")
        void streamWithChanges() {
            createUsers(ids("s", 30));
            Iterator<User> it =
                    directory.users().stream(UserQuery.all().withPageSize(4)).iterator();
            List<String> seen = new ArrayList<>();
            int i = 0;
            while (it.hasNext()) {
                String id = it.next().id();
                seen.add(id);
                directory.users().create(UserCreate.builder("a-" + i, "before").build());
                directory
                        .users()
                        .create(UserCreate.builder(id + "-after", "right after").build());
                i++;
                if (i > 200) {
                    break; // the walk must terminate well before this
                }
            }

            assertThat(seen).doesNotHaveDuplicates().isSorted();
            assertThat(seen).containsAll(ids("s", 30));
        }

        @Test
        @DisplayName("the default page size can be set on the builder")
        void builderPageSize() {
            ChatDirectory small =
                    MemoryChatDirectory.builder().defaultPageSize(3).build();
            for (String id : List.of("a", "b", "c", "d")) {
                small.users().create(UserCreate.builder(id, id).build());
            }

            assertThat(small.users().list(UserQuery.all()).items()).hasSize(3);
            assertThat(small.provider().limits().defaultPageSize()).isEqualTo(3);
        }

        @Test
        @DisplayName("page sizes up to 1000 are accepted, larger ones rejected before listing")
        void maxPageSize() {
            createUsers(ids("u", 3));

            assertThat(directory
                            .users()
                            .list(UserQuery.all().withPageSize(1000))
                            .items())
                    .hasSize(3);
            assertThatThrownBy(() -> directory.users().list(UserQuery.all().withPageSize(1001)))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("pageSize");
        }

        @Test
        @DisplayName("the builder rejects default page sizes outside 1 to 1000")
        void builderRange() {
            assertThatThrownBy(() -> MemoryChatDirectory.builder().defaultPageSize(0))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> MemoryChatDirectory.builder().defaultPageSize(1001))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    @DisplayName("cursors")
    class Cursors {

        @ParameterizedTest(name = "\"{0}\" is rejected")
        @ValueSource(strings = {"garbage!", "", "%%%", "dXNlcnM", "Z3JvdXBzOmFsaWNl", "bm90LWEtY3Vyc29y"})
        @DisplayName("a cursor this provider did not issue is rejected, naming the field")
        void foreign(String cursor) {
            createUsers(ids("u", 3));

            assertThatThrownBy(() -> directory.users().list(UserQuery.all().withCursor(cursor)))
                    .isInstanceOf(InvalidRequestException.class)
                    .satisfies(e ->
                            assertThat(((InvalidRequestException) e).field()).contains("cursor"))
                    .hasMessageContaining("not a cursor issued by this provider");
        }

        @Test
        @DisplayName("a users cursor is rejected by the groups listing and vice versa")
        void usersVersusGroups() {
            createUsers(ids("u", 3));
            for (int i = 0; i < 3; i++) {
                directory
                        .groups()
                        .create(GroupCreate.builder("g" + i, "G", GroupType.PUBLIC)
                                .build());
            }
            String usersCursor = firstUsersCursor();
            String groupsCursor = directory
                    .groups()
                    .list(GroupQuery.all().withPageSize(1))
                    .nextCursor()
                    .orElseThrow();

            assertThatThrownBy(() -> directory.groups().list(GroupQuery.all().withCursor(usersCursor)))
                    .isInstanceOf(InvalidRequestException.class);
            assertThatThrownBy(() -> directory.users().list(UserQuery.all().withCursor(groupsCursor)))
                    .isInstanceOf(InvalidRequestException.class);
        }

        @Test
        @DisplayName("a members cursor of one group is rejected for another group and for the banned list")
        void otherGroup() {
            createUsers(List.of("a", "b", "c"));
            for (String g : List.of("g1", "g2")) {
                directory
                        .groups()
                        .create(GroupCreate.builder(g, g, GroupType.PUBLIC).build());
                directory
                        .members()
                        .add(
                                g,
                                List.of(
                                        MemberSpec.participant("a"),
                                        MemberSpec.participant("b"),
                                        MemberSpec.participant("c")));
            }
            String cursor = directory
                    .members()
                    .list("g1", MemberQuery.pageSize(1))
                    .nextCursor()
                    .orElseThrow();

            assertThat(directory
                            .members()
                            .list("g1", MemberQuery.pageSize(1).withCursor(cursor))
                            .items())
                    .extracting(m -> m.userId())
                    .containsExactly("b");
            assertThatThrownBy(() -> directory
                            .members()
                            .list("g2", MemberQuery.pageSize(1).withCursor(cursor)))
                    .isInstanceOf(InvalidRequestException.class);
            assertThatThrownBy(() -> directory
                            .members()
                            .listBanned("g1", PageRequest.ofSize(1).withCursor(cursor)))
                    .isInstanceOf(InvalidRequestException.class);
        }

        @Test
        @DisplayName("a members cursor is rejected for a group whose id extends the first one's with a colon")
        void colonInIds() {
            createUsers(List.of("b:1", "b:2", "b:3"));
            for (String g : List.of("a", "a:b")) {
                directory
                        .groups()
                        .create(GroupCreate.builder(g, g, GroupType.PUBLIC).build());
                directory
                        .members()
                        .add(
                                g,
                                List.of(
                                        MemberSpec.participant("b:1"),
                                        MemberSpec.participant("b:2"),
                                        MemberSpec.participant("b:3")));
            }
            String cursorOfA = directory
                    .members()
                    .list("a", MemberQuery.pageSize(1))
                    .nextCursor()
                    .orElseThrow();

            assertThatThrownBy(() -> directory
                            .members()
                            .list("a:b", MemberQuery.pageSize(1).withCursor(cursorOfA)))
                    .isInstanceOf(InvalidRequestException.class);
        }

        @Test
        @DisplayName("a cursor stays valid after the item it points at is deleted")
        void deletedAnchor() {
            createUsers(List.of("a", "b", "c", "d"));
            Page<User> first = directory.users().list(UserQuery.all().withPageSize(2));
            directory.users().delete("b");
            directory.users().delete("c");

            assertThat(directory
                            .users()
                            .list(UserQuery.all()
                                    .withPageSize(2)
                                    .withCursor(first.nextCursor().orElseThrow()))
                            .items())
                    .extracting(User::id)
                    .containsExactly("d");
        }

        @Test
        @DisplayName("cursors are opaque, URL-safe text")
        void opaque() {
            createUsers(List.of("ali ce/é?", "bob", "carol"));

            String cursor = directory
                    .users()
                    .list(UserQuery.all().withPageSize(1))
                    .nextCursor()
                    .orElseThrow();

            assertThat(cursor).matches("[A-Za-z0-9_-]+").doesNotContain("ali");
            assertThat(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8))
                    .isNotBlank();
        }

        @Test
        @DisplayName("group listings page the same way, with the member count on every page")
        void groups() {
            for (int i = 0; i < 25; i++) {
                directory
                        .groups()
                        .create(GroupCreate.withoutId("G" + i, GroupType.PUBLIC).build());
            }

            List<Group> all =
                    directory.groups().stream(GroupQuery.all().withPageSize(4)).toList();

            assertThat(all).hasSize(25).extracting(Group::id).doesNotHaveDuplicates();
            assertThat(all).allSatisfy(g -> assertThat(g.memberCount()).hasValue(0));
        }
    }
}
