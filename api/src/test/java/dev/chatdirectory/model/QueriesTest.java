package dev.chatdirectory.model;

import static dev.chatdirectory.testing.RequestAssertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Queries, page requests and member specs")
class QueriesTest {

    @Nested
    @DisplayName("UserQuery")
    class Users {

        @Test
        @DisplayName("all() has no filters, no page size and no cursor")
        void all() {
            UserQuery all = UserQuery.all();

            assertThat(all.search()).isEmpty();
            assertThat(all.role()).isEmpty();
            assertThat(all.presence()).isEmpty();
            assertThat(all.pageSize()).isEmpty();
            assertThat(all.cursor()).isEmpty();
            assertThat(all.includeDeactivated()).isFalse();
        }

        @Test
        @DisplayName("includes deactivated users only when asked, and keeps that across withCursor and withPageSize")
        void includeDeactivated() {
            UserQuery query = UserQuery.builder().includeDeactivated(true).build();

            assertThat(query.includeDeactivated()).isTrue();
            assertThat(query.withCursor("c").withPageSize(3).includeDeactivated())
                    .isTrue();
            assertThat(UserQuery.builder().build().includeDeactivated()).isFalse();
            assertThat(UserQuery.builder()
                            .includeDeactivated(true)
                            .includeDeactivated(false)
                            .build()
                            .includeDeactivated())
                    .isFalse();
        }

        @Test
        @DisplayName("the builder keeps every filter; withCursor and withPageSize keep the others")
        void builder() {
            UserQuery query = UserQuery.builder()
                    .search("al")
                    .role("admin")
                    .presence(PresenceState.ONLINE)
                    .pageSize(5)
                    .build();

            UserQuery next = query.withCursor("c").withPageSize(7);

            assertThat(next.search()).contains("al");
            assertThat(next.role()).contains("admin");
            assertThat(next.presence()).contains(PresenceState.ONLINE);
            assertThat(next.pageSize()).isEqualTo(OptionalInt.of(7));
            assertThat(next.cursor()).contains("c");
            assertThat(query.cursor()).isEmpty();
        }

        @ParameterizedTest(name = "page size {0} is rejected")
        @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
        @DisplayName("the page size is at least 1")
        void pageSize(int size) {
            assertInvalid(() -> UserQuery.builder().pageSize(size).build(), "pageSize", "at least 1");
            assertInvalid(() -> UserQuery.all().withPageSize(size), "pageSize", "at least 1");
        }

        @Test
        @DisplayName("the search must not be blank and the role must be well formed")
        void filters() {
            assertInvalid(() -> UserQuery.builder().search(" ").build(), "search", "blank");
            assertInvalid(() -> UserQuery.builder().role("a b").build(), "role", "must match");
        }
    }

    @Nested
    @DisplayName("GroupQuery")
    class Groups {

        @Test
        @DisplayName("keeps its filters across withCursor and withPageSize")
        void keeps() {
            GroupQuery query = GroupQuery.builder()
                    .search("te")
                    .type(GroupType.PRIVATE)
                    .build()
                    .withPageSize(3)
                    .withCursor("x");

            assertThat(query.search()).contains("te");
            assertThat(query.type()).contains(GroupType.PRIVATE);
            assertThat(query.pageSize()).hasValue(3);
            assertThat(query.cursor()).contains("x");
            assertThat(GroupQuery.all().type()).isEmpty();
        }

        @Test
        @DisplayName("rejects a blank search and a page size below 1")
        void invalid() {
            assertInvalid(() -> GroupQuery.builder().search("").build(), "search", "blank");
            assertInvalid(() -> GroupQuery.builder().pageSize(0).build(), "pageSize", "at least 1");
        }
    }

    @Nested
    @DisplayName("MemberQuery and PageRequest")
    class MembersAndPages {

        @Test
        @DisplayName("the factories set one thing each")
        void factories() {
            assertThat(MemberQuery.all())
                    .isEqualTo(new MemberQuery(Optional.empty(), OptionalInt.empty(), Optional.empty()));
            assertThat(MemberQuery.pageSize(4).pageSize()).hasValue(4);
            assertThat(MemberQuery.withRole(MemberRole.ADMIN).role()).contains(MemberRole.ADMIN);
            assertThat(MemberQuery.withRole(MemberRole.ADMIN).withPageSize(2).withCursor("c"))
                    .isEqualTo(new MemberQuery(Optional.of(MemberRole.ADMIN), OptionalInt.of(2), Optional.of("c")));
            assertThat(PageRequest.first()).isEqualTo(new PageRequest(OptionalInt.empty(), Optional.empty()));
            assertThat(PageRequest.ofSize(3).withCursor("c"))
                    .isEqualTo(new PageRequest(OptionalInt.of(3), Optional.of("c")));
        }

        @Test
        @DisplayName("reject a page size below 1 and null parts")
        void invalid() {
            assertInvalid(() -> MemberQuery.pageSize(0), "pageSize", "at least 1");
            assertInvalid(() -> PageRequest.ofSize(-5), "pageSize", "at least 1");
            assertInvalid(() -> new PageRequest(OptionalInt.empty(), null), "cursor", "must not be null");
            assertInvalid(() -> new MemberQuery(null, OptionalInt.empty(), Optional.empty()), "role", "null");
        }
    }

    @Nested
    @DisplayName("null arguments of the factories and withers")
    class Nulls {

        @Test
        @DisplayName("withCursor(null) is an invalid request naming cursor, on every query")
        void nullCursor() {
            assertInvalid(() -> UserQuery.all().withCursor(null), "cursor", "must not be null");
            assertInvalid(() -> GroupQuery.all().withCursor(null), "cursor", "must not be null");
            assertInvalid(() -> MemberQuery.all().withCursor(null), "cursor", "must not be null");
            assertInvalid(() -> PageRequest.first().withCursor(null), "cursor", "must not be null");
        }

        @Test
        @DisplayName("MemberQuery.withRole(null) is an invalid request naming role")
        void nullRole() {
            assertInvalid(() -> MemberQuery.withRole(null), "role", "must not be null");
        }
    }

    @Nested
    @DisplayName("MemberSpec")
    class Specs {

        @Test
        @DisplayName("participant() gives the ordinary role")
        void participant() {
            assertThat(MemberSpec.participant("bob")).isEqualTo(MemberSpec.of("bob", MemberRole.PARTICIPANT));
        }

        @Test
        @DisplayName("validates the user id and requires a role")
        void invalid() {
            assertInvalid(() -> MemberSpec.participant(" bob"), "userId", "whitespace");
            assertInvalid(() -> MemberSpec.participant(""), "userId", "blank");
            assertInvalid(() -> MemberSpec.of("bob", null), "role", "must not be null");
        }
    }
}
