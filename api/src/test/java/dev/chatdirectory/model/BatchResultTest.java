package dev.chatdirectory.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("BatchResult and ItemOutcome")
class BatchResultTest {

    private static final BatchResult MIXED = new BatchResult(List.of(
            ItemOutcome.applied("a"),
            ItemOutcome.unchanged("b"),
            ItemOutcome.failed("c", FailureReason.NOT_FOUND, "no user with this id"),
            ItemOutcome.applied("d"),
            ItemOutcome.failed("e", FailureReason.BANNED, "banned")));

    @Nested
    @DisplayName("BatchResult")
    class Batch {

        @Test
        @DisplayName("lists applied and unchanged ids in request order")
        void byStatus() {
            assertThat(MIXED.applied()).containsExactly("a", "d");
            assertThat(MIXED.unchanged()).containsExactly("b");
        }

        @Test
        @DisplayName("never hides a partial failure")
        void partialFailure() {
            assertThat(MIXED.allSucceeded()).isFalse();
            assertThat(MIXED.failed()).extracting(ItemOutcome::id).containsExactly("c", "e");
            assertThat(MIXED.failed())
                    .extracting(o -> o.reason().orElseThrow())
                    .containsExactly(FailureReason.NOT_FOUND, FailureReason.BANNED);
        }

        @Test
        @DisplayName("counts unchanged items as succeeded")
        void unchangedSucceeds() {
            BatchResult result = new BatchResult(List.of(ItemOutcome.applied("a"), ItemOutcome.unchanged("b")));

            assertThat(result.allSucceeded()).isTrue();
            assertThat(result.failed()).isEmpty();
        }

        @Test
        @DisplayName("looks up the outcome of one id")
        void outcome() {
            assertThat(MIXED.outcome("b")).contains(ItemOutcome.unchanged("b"));
            assertThat(MIXED.outcome("zz")).isEmpty();
        }

        @Test
        @DisplayName("an empty result succeeded and has no outcomes")
        void empty() {
            assertThat(BatchResult.empty().outcomes()).isEmpty();
            assertThat(BatchResult.empty().allSucceeded()).isTrue();
        }

        @Test
        @DisplayName("rejects two outcomes for the same id")
        void duplicateIds() {
            assertThatThrownBy(() -> new BatchResult(List.of(ItemOutcome.applied("a"), ItemOutcome.unchanged("a"))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("a");
        }

        @Test
        @DisplayName("plus appends the later outcomes and still rejects duplicates across the parts")
        void plus() {
            BatchResult first = new BatchResult(List.of(ItemOutcome.applied("a"), ItemOutcome.applied("b")));
            BatchResult second = new BatchResult(List.of(ItemOutcome.unchanged("c")));

            assertThat(first.plus(second).outcomes())
                    .extracting(ItemOutcome::id)
                    .containsExactly("a", "b", "c");
            assertThat(first.plus(BatchResult.empty())).isEqualTo(first);
            assertThatThrownBy(() -> first.plus(new BatchResult(List.of(ItemOutcome.applied("b")))))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        @DisplayName("copies its outcomes and is unmodifiable")
        void immutable() {
            List<ItemOutcome> source = new ArrayList<>(List.of(ItemOutcome.applied("a")));
            BatchResult result = new BatchResult(source);
            source.add(ItemOutcome.applied("b"));

            assertThat(result.outcomes()).hasSize(1);
            assertThatThrownBy(() -> result.outcomes().clear()).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    @DisplayName("ItemOutcome")
    class Outcome {

        @Test
        @DisplayName("the factories build consistent outcomes")
        void factories() {
            assertThat(ItemOutcome.applied("a"))
                    .isEqualTo(new ItemOutcome("a", OutcomeStatus.APPLIED, Optional.empty(), Optional.empty()));
            assertThat(ItemOutcome.unchanged("a").succeeded()).isTrue();
            ItemOutcome failed = ItemOutcome.failed("a", FailureReason.LIMIT_EXCEEDED, "group is full");
            assertThat(failed.succeeded()).isFalse();
            assertThat(failed.status()).isEqualTo(OutcomeStatus.FAILED);
            assertThat(failed.reason()).contains(FailureReason.LIMIT_EXCEEDED);
            assertThat(failed.message()).contains("group is full");
        }

        @Test
        @DisplayName("a failure needs a reason")
        void failureNeedsReason() {
            assertThatThrownBy(() -> new ItemOutcome("a", OutcomeStatus.FAILED, Optional.empty(), Optional.of("x")))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        @DisplayName("a failure needs a message")
        void failureNeedsMessage() {
            assertThatThrownBy(() -> new ItemOutcome(
                            "a", OutcomeStatus.FAILED, Optional.of(FailureReason.ERROR), Optional.empty()))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> ItemOutcome.failed("a", FailureReason.ERROR, null))
                    .isInstanceOf(NullPointerException.class);
        }

        @Test
        @DisplayName("a success has neither reason nor message")
        void successHasNeither() {
            assertThatThrownBy(() -> new ItemOutcome(
                            "a", OutcomeStatus.APPLIED, Optional.of(FailureReason.ERROR), Optional.empty()))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() ->
                            new ItemOutcome("a", OutcomeStatus.UNCHANGED, Optional.empty(), Optional.of("all fine")))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        @DisplayName("id and status are required")
        void required() {
            assertThatThrownBy(() -> ItemOutcome.applied(null)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> new ItemOutcome("a", null, Optional.empty(), Optional.empty()))
                    .isInstanceOf(NullPointerException.class);
        }
    }
}
