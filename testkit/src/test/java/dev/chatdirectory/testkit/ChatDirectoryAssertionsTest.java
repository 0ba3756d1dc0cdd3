package dev.chatdirectory.testkit;

import static dev.chatdirectory.testkit.ChatDirectoryAssertions.assertThat;
import static dev.chatdirectory.testkit.ChatDirectoryAssertions.assertThatThrownBy;

import dev.chatdirectory.Capability;
import dev.chatdirectory.model.BatchResult;
import dev.chatdirectory.model.FailureReason;
import dev.chatdirectory.model.Group;
import dev.chatdirectory.model.GroupType;
import dev.chatdirectory.model.ItemOutcome;
import dev.chatdirectory.model.OutcomeStatus;
import dev.chatdirectory.model.Page;
import dev.chatdirectory.model.PortableEquality;
import dev.chatdirectory.model.Presence;
import dev.chatdirectory.model.PresenceState;
import dev.chatdirectory.model.User;
import dev.chatdirectory.model.UserCreate;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the AssertJ assertions")
class ChatDirectoryAssertionsTest {

    private static final User ZOE = User.builder("zoe", "Zoë")
            .email("zoe@example.com")
            .metadata(Map.of("level", 7, "tags", List.of("a", 1.5)))
            .build();

    @Test
    @DisplayName("compare metadata as JSON: numbers by value, maps in any order, lists in order")
    void metadataAsJson() {
        assertThat(ZOE).hasMetadata(Map.of("tags", List.of("a", new BigDecimal("1.50")), "level", 7L));
        assertThat(ZOE).hasMetadata(Map.of("level", 7.0, "tags", List.of("a", 1.5f)));
        assertThatThrownBy(() -> assertThat(ZOE).hasMetadata(Map.of("level", 8, "tags", List.of("a", 1.5))))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("metadata");
        assertThatThrownBy(() -> assertThat(ZOE).hasMetadata(Map.of("level", 7, "tags", List.of(1.5, "a"))))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    @DisplayName("match a user against the fields its create request set, and name the field that differs")
    void userMatchesRequest() {
        assertThat(ZOE)
                .matches(UserCreate.builder("zoe", "Zoë")
                        .email("zoe@example.com")
                        .build());
        assertThatThrownBy(() -> assertThat(ZOE)
                        .matches(UserCreate.builder("zoe", "Zoë")
                                .email("other@example.com")
                                .build()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("email")
                .hasMessageContaining("other@example.com");
        assertThatThrownBy(() -> assertThat(ZOE)
                        .hasSameContentAs(ZOE.toBuilder().role("vip").build()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("role");
        assertThat(ZOE).doesNotHaveRole("vip").hasNoAvatarUrl();
    }

    @Test
    @DisplayName("compare portable content: vendor stamps ignored, differing fields named with both values")
    void sameContent() {
        User copy = ZOE.toBuilder()
                .metadata(Map.of("level", 7L, "tags", List.of("a", new BigDecimal("1.50"))))
                .createdAt(Instant.parse("2024-05-01T10:00:00Z"))
                .raw(Map.of("uid", "zoe"))
                .build();
        User changed = ZOE.toBuilder().email("zoe@example.org").role("vip").build();

        assertThat(copy).hasSameContentAs(ZOE);
        assertThatThrownBy(() -> assertThat(changed).hasSameContentAs(ZOE))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("[email, role]")
                .hasMessageContaining(
                        "email: expected <Optional[zoe@example.com]> but was <Optional[zoe@example.org]>");
        assertThat(changed).hasSameContentAs(ZOE, PortableEquality.of(EnumSet.of(Capability.USER_METADATA)));

        Group room = Group.builder("g1", "Room", GroupType.PUBLIC)
                .iconUrl("https://example.com/i.png")
                .build();
        Group moved = room.toBuilder().iconUrl(null).memberCount(3).build();
        assertThatThrownBy(() -> assertThat(moved).hasSameContentAs(room))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(
                        "iconUrl: expected <Optional[https://example.com/i.png]> but was <Optional.empty>");
        assertThat(moved).hasSameContentAs(room, PortableEquality.of(Set.of()));
    }

    @Test
    @DisplayName("tell active from deactivated users and check the deactivation time against a window")
    void deactivation() {
        Instant at = Instant.parse("2024-05-01T10:00:00Z");
        User deactivated = ZOE.toBuilder().deactivatedAt(at).build();
        User sometime = ZOE.toBuilder().deactivated(true).build();

        assertThat(ZOE).isActive();
        assertThat(deactivated).isDeactivated().wasDeactivatedBetween(at, at.plusSeconds(1));
        assertThat(sometime).isDeactivated();
        assertThatThrownBy(() -> assertThat(ZOE).isDeactivated())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("to be deactivated");
        assertThatThrownBy(() -> assertThat(deactivated).isActive())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("to be active");
        assertThatThrownBy(() -> assertThat(deactivated).wasDeactivatedBetween(at.plusSeconds(1), at.plusSeconds(2)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("deactivatedAt");
        assertThatThrownBy(() -> assertThat(sometime).wasDeactivatedBetween(at, at))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Optional.empty");
    }

    @Test
    @DisplayName("find a password anywhere in a group, raw payload included")
    void groupDoesNotExpose() {
        Group clean = Group.builder("g1", "Vault", GroupType.PASSWORD).build();
        assertThat(clean).doesNotExpose("s3cret").hasType(GroupType.PASSWORD).hasNoDescription();
        Group leaky = clean.toBuilder()
                .raw(Map.of("settings", Map.of("password", "s3cret")))
                .build();
        assertThatThrownBy(() -> assertThat(leaky).doesNotExpose("s3cret"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("password");
    }

    @Test
    @DisplayName("check batch outcomes one by one, their order and failure reasons")
    void batchOutcomes() {
        BatchResult result = new BatchResult(List.of(
                ItemOutcome.applied("u1"),
                ItemOutcome.unchanged("u2"),
                ItemOutcome.failed("u3", FailureReason.NOT_FOUND, "no such user")));
        assertThat(result)
                .hasOutcomesFor("u1", "u2", "u3")
                .hasOutcome("u1", OutcomeStatus.APPLIED)
                .hasOutcome("u2", OutcomeStatus.UNCHANGED)
                .hasFailure("u3", FailureReason.NOT_FOUND);
        assertThatThrownBy(() -> assertThat(result).hasOutcome("u2", OutcomeStatus.APPLIED))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("u2");
        assertThatThrownBy(() -> assertThat(result).hasFailure("u3", FailureReason.BANNED))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("NOT_FOUND");
        assertThatThrownBy(() -> assertThat(result).hasOutcomesFor("u2", "u1", "u3"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("request order");
        assertThatThrownBy(() -> assertThat(result).hasOutcome("u9", OutcomeStatus.APPLIED))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("no");
        assertThatThrownBy(() -> assertThat(result).hasNoFailures()).isInstanceOf(AssertionError.class);
    }

    @Test
    @DisplayName("check page sizes and cursors")
    void pages() {
        Page<String> middle = Page.of(List.of("a", "b"), "next");
        Page<String> last = Page.of(List.of("c"), null);
        assertThat(middle).hasNextCursor().hasSize(2).hasAtMost(2).items().containsExactly("a", "b");
        assertThat(last).isLastPage().hasAtMost(2);
        assertThatThrownBy(() -> assertThat(last).hasNextCursor()).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> assertThat(middle).isLastPage()).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> assertThat(middle).hasAtMost(1)).isInstanceOf(AssertionError.class);
    }

    @Test
    @DisplayName("check presence state, last-active time to the second and observation time")
    void presence() {
        Instant at = Instant.parse("2026-01-01T10:00:00Z");
        Presence online = new Presence("zoe", PresenceState.ONLINE, Optional.of(at.plusMillis(400)), at);
        assertThat(online).isFor("zoe").isOnline().hasLastActiveAt(at).wasObservedBetween(at, at.plusSeconds(1));
        assertThatThrownBy(() -> assertThat(online).hasLastActiveAt(at.minusSeconds(5)))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> assertThat(online).hasStateIn(PresenceState.OFFLINE, PresenceState.UNKNOWN))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("ONLINE");
        assertThatThrownBy(() -> assertThat(online).wasObservedBetween(at.plusSeconds(1), at.plusSeconds(2)))
                .isInstanceOf(AssertionError.class);
    }
}
