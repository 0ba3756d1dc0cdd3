package dev.chatdirectory.testkit.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatdirectory.model.TextRules;
import dev.chatdirectory.spi.IdRule;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The fuzz kit's own promises: replayable failures, generators that keep to their family, mutations of their kind. */
@DisplayName("The fuzz kit")
class FuzzKitTest {

    @AfterEach
    void clearProperties() {
        System.clearProperty(FuzzRun.SEED_PROPERTY);
        System.clearProperty(FuzzRun.CASES_PROPERTY);
    }

    @Nested
    @DisplayName("FuzzRun")
    class Runs {

        @Test
        @DisplayName("names the seed that replays a failing case as the first case of a run")
        void failingCaseIsReplayedBySeed() {
            List<String> values = new ArrayList<>();
            AssertionError failure = catchFailure(() -> FuzzRun.forEachCase("t", 50, random -> {
                String value = FuzzValues.trickyText(random);
                values.add(value);
                if (values.size() == 37) {
                    throw new IllegalStateException("boom");
                }
            }));
            assertThat(failure.getMessage())
                    .contains("case 36 failed", "-Dchatdirectory.fuzz.seed=" + (FuzzRun.DEFAULT_SEED + 36), "boom");

            System.setProperty(FuzzRun.SEED_PROPERTY, String.valueOf(FuzzRun.DEFAULT_SEED + 36));
            AtomicReference<String> replayed = new AtomicReference<>();
            FuzzRun.forEachCase("t", 1, random -> replayed.set(FuzzValues.trickyText(random)));

            assertThat(replayed.get()).isEqualTo(values.get(36));
        }

        @Test
        @DisplayName("reads its size and seed from system properties and refuses nonsense naming the property")
        void sizeAndSeedFromProperties() {
            System.setProperty(FuzzRun.CASES_PROPERTY, "400");
            System.setProperty(FuzzRun.SEED_PROPERTY, "-7");
            assertThat(FuzzRun.cases()).isEqualTo(400);
            assertThat(FuzzRun.roundTrips()).isEqualTo(10);
            assertThat(FuzzRun.seed()).isEqualTo(-7);

            System.setProperty(FuzzRun.CASES_PROPERTY, "0");
            assertThatThrownBy(FuzzRun::cases).hasMessageContaining(FuzzRun.CASES_PROPERTY);
            System.setProperty(FuzzRun.SEED_PROPERTY, "soon");
            assertThatThrownBy(FuzzRun::seed).hasMessageContaining(FuzzRun.SEED_PROPERTY);
        }

        @Test
        @DisplayName("shows generated text escaped, so a failure message shows what was sent")
        void showsEscaped() {
            assertThat(FuzzRun.show("a\u0000\uD800é\"")).isEqualTo("\"a\\u0000\\uD800\\u00E9\\\"\"");
            assertThat(FuzzRun.show(null)).isEqualTo("null");
        }

        private AssertionError catchFailure(Runnable run) {
            try {
                run.run();
            } catch (AssertionError e) {
                return e;
            }
            throw new AssertionError("the run did not fail");
        }
    }

    @Nested
    @DisplayName("FuzzValues")
    class Values {

        private final SplittableRandom random = new SplittableRandom(1);

        @Test
        @DisplayName("makes tricky text that every id rule of the API accepts, with the pieces it promises")
        void trickyTextIsValid() {
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                texts.add(FuzzValues.trickyText(random));
            }
            assertThat(texts)
                    .allSatisfy(text -> assertThat(IdRule.any().accepts(text))
                            .as(FuzzRun.show(text))
                            .isTrue());
            assertThat(String.join("", texts)).contains("/", "?", "#", "%", "&", "..", "🚀");
        }

        @Test
        @DisplayName("makes invalid text that breaks a rule of ids and names")
        void invalidTextBreaksARule() {
            for (int i = 0; i < 2_000; i++) {
                String text = FuzzValues.invalidText(random, 40);
                assertThat(text.isBlank()
                                || !text.strip().equals(text)
                                || TextRules.brokenRule(text).isPresent()
                                || text.codePointCount(0, text.length()) > 40)
                        .as(FuzzRun.show(text))
                        .isTrue();
            }
        }

        @Test
        @DisplayName("makes text longer than the limit in code points, not only in UTF-16 characters")
        void longerThanCountsCodePoints() {
            for (int i = 0; i < 200; i++) {
                String text = FuzzValues.longerThan(random, 255);
                assertThat(text.codePointCount(0, text.length())).isGreaterThan(255);
            }
        }
    }

    @Nested
    @DisplayName("JsonMutator")
    class Mutator {

        private static final String BODY =
                "{\"data\":{\"uid\":\"u42\",\"name\":\"Jane\",\"tags\":[\"a\",\"b\"],\"n\":3}}";
        private final JsonMutator mutator = new JsonMutator(1024);

        @Test
        @DisplayName("gives the same body for the same seed")
        void reproducible() {
            for (JsonMutator.Kind kind : JsonMutator.Kind.values()) {
                assertThat(mutator.mutate(BODY, kind, new SplittableRandom(5)))
                        .isEqualTo(mutator.mutate(BODY, kind, new SplittableRandom(5)));
            }
        }

        @Test
        @DisplayName("truncates to a proper prefix, and writes a key twice for a duplicate")
        void truncatesAndDuplicates() {
            for (int seed = 0; seed < 50; seed++) {
                String truncated = mutator.mutate(BODY, JsonMutator.Kind.TRUNCATED, new SplittableRandom(seed));
                assertThat(BODY).startsWith(truncated).isNotEqualTo(truncated);

                String duplicated = mutator.mutate(BODY, JsonMutator.Kind.DUPLICATE_KEY, new SplittableRandom(seed));
                assertThat(duplicated).matches(".*(\"[a-z]+\"):.*\\1:.*");
            }
        }

        @Test
        @DisplayName("makes huge strings on both sides of the size cap")
        void hugeStringsStraddleTheCap() {
            List<Integer> sizes = new ArrayList<>();
            for (int seed = 0; seed < 50; seed++) {
                sizes.add(mutator.mutate(BODY, JsonMutator.Kind.HUGE_STRING, new SplittableRandom(seed))
                        .getBytes(StandardCharsets.UTF_8)
                        .length);
            }
            assertThat(sizes).anyMatch(size -> size > 1024).anyMatch(size -> size <= 1024);
        }
    }
}
