package dev.chatdirectory.testkit.fuzz;

import java.util.SplittableRandom;

/**
 * The size and seed of the fuzz tests, read from system properties, and the loop that runs their
 * cases reproducibly.
 *
 * <ul>
 *   <li>{@value #CASES_PROPERTY} (default {@value #DEFAULT_CASES}): generated cases per kind of
 *       input and provider, for inputs refused before anything is sent. Round trips through an
 *       emulator take one case in {@value #ROUND_TRIP_SHARE} of that (at least ten).
 *   <li>{@value #MUTATIONS_PROPERTY} (default {@value #DEFAULT_MUTATIONS}): mutated bodies per
 *       operation and kind of mutation.
 *   <li>{@value #SEED_PROPERTY} (default {@value #DEFAULT_SEED}): the seed, a whole number, or
 *       {@code random} for a new one each run (shown in failures and in the report).
 * </ul>
 *
 * <p>Maven passes {@code -D} options to the test JVM, so {@code mvn verify
 * -Dchatdirectory.fuzz.cases=100000 -Dchatdirectory.fuzz.seed=random} runs a thorough pass. Case
 * {@code i} of a test draws from {@code new SplittableRandom(seed + i + salt)}, where the salt
 * comes from the test's name; a failing case names the seed that makes it the first case of a run,
 * so {@code -Dchatdirectory.fuzz.seed=<that> -Dchatdirectory.fuzz.cases=1} replays it. Stateless
 * and thread-safe.
 */
public final class FuzzRun {

    /** The system property holding the cases per kind of input. */
    public static final String CASES_PROPERTY = "chatdirectory.fuzz.cases";

    /** The system property holding the mutated bodies per operation and kind of mutation. */
    public static final String MUTATIONS_PROPERTY = "chatdirectory.fuzz.mutations";

    /** The system property holding the seed. */
    public static final String SEED_PROPERTY = "chatdirectory.fuzz.seed";

    /** Cases per kind of input and provider unless {@value #CASES_PROPERTY} says otherwise. */
    public static final int DEFAULT_CASES = 10_000;

    /** Mutated bodies per operation and kind unless {@value #MUTATIONS_PROPERTY} says otherwise. */
    public static final int DEFAULT_MUTATIONS = 8;

    /** The seed unless {@value #SEED_PROPERTY} says otherwise: every build runs the same cases. */
    public static final long DEFAULT_SEED = 13;

    /** One round trip through an emulator for this many cases that send nothing. */
    public static final int ROUND_TRIP_SHARE = 200;

    private static final long RANDOM_SEED = System.nanoTime();

    private FuzzRun() {}

    /** One case of a fuzz test. */
    @FunctionalInterface
    public interface Case {
        /**
         * Runs the case.
         *
         * @param random the case's own source of values
         * @throws Exception anything; it fails the test, naming the case's seed
         */
        void run(SplittableRandom random) throws Exception;
    }

    /**
     * {@return the cases per kind of input that send nothing}
     *
     * @throws IllegalArgumentException if the system property is not a whole number of at least 1
     */
    public static int cases() {
        return positive(CASES_PROPERTY, DEFAULT_CASES);
    }

    /**
     * {@return the round trips through an emulator: {@link #cases()} / {@value #ROUND_TRIP_SHARE},
     * at least ten}
     *
     * @throws IllegalArgumentException if the system property is not a whole number of at least 1
     */
    public static int roundTrips() {
        return Math.max(10, cases() / ROUND_TRIP_SHARE);
    }

    /**
     * {@return the mutated bodies per operation and kind of mutation}
     *
     * @throws IllegalArgumentException if the system property is not a whole number of at least 1
     */
    public static int mutations() {
        return positive(MUTATIONS_PROPERTY, DEFAULT_MUTATIONS);
    }

    /**
     * {@return the seed of this run}
     *
     * @throws IllegalArgumentException if the system property is neither a whole number nor {@code random}
     */
    public static long seed() {
        String text = System.getProperty(SEED_PROPERTY);
        if (text == null || text.isBlank()) {
            return DEFAULT_SEED;
        }
        if (text.strip().equals("random")) {
            return RANDOM_SEED;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    SEED_PROPERTY + " must be a whole number or 'random', was '" + text + "'", e);
        }
    }

    /**
     * Runs {@code count} cases of a test, each with its own random source.
     *
     * @param test the test's name, which salts the seeds so that tests do not all draw the same values
     * @param count how many cases
     * @param body one case
     * @throws AssertionError for the first case that fails, naming the seed that replays it
     */
    public static void forEachCase(String test, int count, Case body) {
        long seed = seed();
        long salt = test.hashCode() * 0x9E3779B97F4A7C15L;
        for (int i = 0; i < count; i++) {
            try {
                body.run(new SplittableRandom(seed + i + salt));
            } catch (Exception | AssertionError | StackOverflowError | OutOfMemoryError e) {
                throw new AssertionError(
                        test + ": case " + i + " failed; replay it with -D" + SEED_PROPERTY + "=" + (seed + i) + " -D"
                                + CASES_PROPERTY + "=1 -D" + MUTATIONS_PROPERTY + "=1: " + e,
                        e);
            }
        }
    }

    /**
     * {@return the value as Java source would write it, at most 200 characters: controls, lone
     * surrogates and non-ASCII escaped, so a failure message shows what was sent}
     *
     * @param value a generated value, or null
     */
    public static String show(Object value) {
        if (!(value instanceof String text)) {
            String shown = String.valueOf(value);
            return shown.length() > 200 ? shown.substring(0, 200) + "... (" + shown.length() + " chars)" : shown;
        }
        StringBuilder shown = new StringBuilder("\"");
        for (int i = 0; i < text.length() && shown.length() < 200; i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                shown.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7E) {
                shown.append(String.format("\\u%04X", (int) c));
            } else {
                shown.append(c);
            }
        }
        shown.append('"');
        if (shown.length() >= 200) {
            shown.append("... (").append(text.length()).append(" chars)");
        }
        return shown.toString();
    }

    private static int positive(String property, int defaultValue) {
        String text = System.getProperty(property);
        if (text == null || text.isBlank()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below, naming the property
        }
        throw new IllegalArgumentException(property + " must be a whole number of at least 1, was '" + text + "'");
    }
}
