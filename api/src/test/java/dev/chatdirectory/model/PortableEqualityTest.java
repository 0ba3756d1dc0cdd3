package dev.chatdirectory.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatdirectory.Capability;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("PortableEquality")
class PortableEqualityTest {

    private static final Instant T1 = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant T2 = Instant.parse("2025-06-30T12:00:00Z");

    private static final User ZOE = User.builder("zoe", "Zoë")
            .avatarUrl("https://example.com/zoe.png")
            .profileUrl("https://example.com/zoe")
            .email("zoe@example.com")
            .role("vip")
            .metadata(Map.of("level", 1, "tags", List.of("a", Map.of("score", 2.5))))
            .createdAt(T1)
            .updatedAt(T1)
            .raw(Map.of("uid", "zoe", "createdAt", 1))
            .build();

    private static final Group ROOM = Group.builder("g1", "Room", GroupType.PRIVATE)
            .description("Team room")
            .iconUrl("https://example.com/g1.png")
            .ownerId("zoe")
            .metadata(Map.of("floor", 3))
            .memberCount(4)
            .createdAt(T1)
            .updatedAt(T1)
            .raw(Map.of("guid", "g1"))
            .build();

    @Nested
    @DisplayName("on users")
    class Users {

        @Test
        @DisplayName("finds a user equal to itself and to a copy with other timestamps and raw payload")
        void ignoresVendorStamps() {
            User copy = ZOE.toBuilder()
                    .createdAt(T2)
                    .updatedAt(null)
                    .raw(Map.of("id", "other"))
                    .build();

            assertThat(PortableEquality.all().differences(ZOE, ZOE)).isEmpty();
            assertThat(PortableEquality.all().differences(ZOE, copy)).isEmpty();
        }

        @Test
        @DisplayName("names every differing field, in declaration order")
        void namesDifferences() {
            User other = User.builder("zoe2", "Zoe")
                    .profileUrl("https://example.com/zoe")
                    .email("zoe@example.org")
                    .metadata(Map.of("level", 2))
                    .deactivated(true)
                    .build();

            assertThat(PortableEquality.all().differences(ZOE, other))
                    .containsExactly("id", "name", "avatarUrl", "email", "role", "metadata", "deactivated");
        }

        @Test
        @DisplayName("compares metadata numbers by value at any depth: 1 == 1L == 1.0 == BigDecimal(\"1.00\")")
        void normalisesNumbers() {
            User longs = ZOE.toBuilder()
                    .metadata(Map.of("level", 1L, "tags", List.of("a", Map.of("score", new BigDecimal("2.50")))))
                    .build();
            User doubles = ZOE.toBuilder()
                    .metadata(Map.of("level", 1.0, "tags", List.of("a", Map.of("score", 2.5f))))
                    .build();
            User decimals = ZOE.toBuilder()
                    .metadata(Map.of(
                            "level",
                            new BigDecimal("1.00"),
                            "tags",
                            List.of("a", Map.of("score", new BigDecimal("2.5")))))
                    .build();
            User nestedDiffers = ZOE.toBuilder()
                    .metadata(Map.of("level", 1, "tags", List.of("a", Map.of("score", 2.51))))
                    .build();

            PortableEquality equality = PortableEquality.all();
            assertThat(equality.differences(ZOE, longs)).isEmpty();
            assertThat(equality.differences(ZOE, doubles)).isEmpty();
            assertThat(equality.differences(longs, decimals)).isEmpty();
            assertThat(equality.differences(ZOE, nestedDiffers)).containsExactly("metadata");
        }

        @Test
        @DisplayName("ignores the deactivation time but not whether the user is deactivated")
        void deactivation() {
            User atOne = ZOE.toBuilder().deactivatedAt(T1).build();
            User atTwo = ZOE.toBuilder().deactivatedAt(T2).build();

            assertThat(PortableEquality.all().differences(atOne, atTwo)).isEmpty();
            assertThat(PortableEquality.all().differences(ZOE, atOne)).containsExactly("deactivated");
        }

        @Test
        @DisplayName("compares only the fields the shared capabilities carry")
        void restrictedToShared() {
            User bare = User.builder("zoe", "Zoë").deactivated(true).build();
            PortableEquality nothingOptional = PortableEquality.of(Set.of());
            PortableEquality emailOnly = PortableEquality.of(EnumSet.of(Capability.USER_EMAIL));

            assertThat(nothingOptional.differences(ZOE, bare)).isEmpty();
            assertThat(emailOnly.differences(ZOE, bare)).containsExactly("email");
            assertThat(nothingOptional.differences(
                            ZOE, bare.toBuilder().name("Zoe").build()))
                    .containsExactly("name");
        }
    }

    @Nested
    @DisplayName("on groups")
    class Groups {

        @Test
        @DisplayName("ignores member count, timestamps and raw payload")
        void ignoresDerivedAndStamped() {
            Group copy = ROOM.toBuilder()
                    .memberCount(9)
                    .createdAt(T2)
                    .updatedAt(T2)
                    .raw(Map.of())
                    .metadata(Map.of("floor", BigInteger.valueOf(3)))
                    .build();

            assertThat(PortableEquality.all().differences(ROOM, copy)).isEmpty();
        }

        @Test
        @DisplayName("names every differing field, and skips those outside the shared capabilities")
        void namesDifferences() {
            Group other = Group.builder("g2", "Hall", GroupType.PUBLIC)
                    .description("Team room")
                    .ownerId("ann")
                    .metadata(Map.of("floor", 4))
                    .build();

            assertThat(PortableEquality.all().differences(ROOM, other))
                    .containsExactly("id", "name", "type", "iconUrl", "ownerId", "metadata");
            assertThat(PortableEquality.of(EnumSet.of(Capability.GROUP_ICON)).differences(ROOM, other))
                    .containsExactly("id", "name", "type", "iconUrl");
        }
    }

    @Nested
    @DisplayName("on members and bans")
    class MembersAndBans {

        @Test
        @DisplayName("compares a member's ids, role and name but not the join time")
        void members() {
            Member admin = new Member("g1", "zoe", MemberRole.ADMIN, Optional.of(T1), Optional.of("Zoë"));
            Member joinedLater = new Member("g1", "zoe", MemberRole.ADMIN, Optional.of(T2), Optional.of("Zoë"));
            Member other = new Member("g2", "ann", MemberRole.PARTICIPANT, Optional.empty(), Optional.empty());

            assertThat(PortableEquality.all().differences(admin, joinedLater)).isEmpty();
            assertThat(PortableEquality.all().differences(admin, other))
                    .containsExactly("groupId", "userId", "role", "name");
            assertThat(PortableEquality.of(Set.of()).differences(admin, other)).containsExactly("groupId", "userId");
        }

        @Test
        @DisplayName("compares a ban's former role only where both carry ban details and roles, never its times")
        void bans() {
            BannedMember wasAdmin =
                    new BannedMember("g1", "zoe", Optional.of(T1), Optional.of(MemberRole.ADMIN), Optional.of(T1));
            BannedMember wasParticipant = new BannedMember(
                    "g1", "zoe", Optional.of(T2), Optional.of(MemberRole.PARTICIPANT), Optional.of(T2));

            assertThat(PortableEquality.all().differences(wasAdmin, wasParticipant))
                    .containsExactly("formerRole");
            assertThat(PortableEquality.of(EnumSet.of(Capability.MEMBER_BAN_DETAILS))
                            .differences(wasAdmin, wasParticipant))
                    .isEmpty();
            assertThat(PortableEquality.all().differences(wasAdmin, new BannedMember("g1", "ann", Optional.of(T1))))
                    .containsExactly("userId", "formerRole");
        }
    }

    @Test
    @DisplayName("copies its capability set and refuses null")
    void capabilitiesCopied() {
        Set<Capability> source = new HashSet<>(Set.of(Capability.USER_EMAIL));
        PortableEquality equality = PortableEquality.of(source);
        source.add(Capability.USER_ROLE);

        assertThat(equality.capabilities()).containsExactly(Capability.USER_EMAIL);
        assertThat(PortableEquality.all().capabilities()).containsExactlyInAnyOrder(Capability.values());
        assertThatThrownBy(() -> PortableEquality.of(null)).isInstanceOf(NullPointerException.class);
        Set<Capability> withNull = new HashSet<>();
        withNull.add(null);
        assertThatThrownBy(() -> PortableEquality.of(withNull)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> equality.differences(ZOE, (User) null)).isInstanceOf(NullPointerException.class);
    }
}
