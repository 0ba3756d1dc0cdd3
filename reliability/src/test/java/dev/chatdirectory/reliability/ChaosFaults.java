package dev.chatdirectory.reliability;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Decides which calls to one side of a migration fail, and how; seeded and thread-safe.
 *
 * <p>The decision for a call depends on the seed, the call's content (method, URL and body, or the
 * facet method and its arguments) and how often that same call was seen before, not on the order in
 * which concurrent workers happen to send calls: a seed therefore reproduces the same faults on the
 * same requests.
 */
final class ChaosFaults {

    /** What goes wrong with one call. */
    enum Kind {
        /** The connection is reset before the request reaches the vendor: nothing applied. */
        RESET_BEFORE(false),
        /** The vendor applies the request, then the connection is reset: the answer is lost. */
        RESET_AFTER(true),
        /** A 500 before anything is applied. */
        HTTP_500(false),
        /** A 503 before anything is applied. */
        HTTP_503(false),
        /** A 429 with {@code Retry-After: 1} before anything is applied. */
        HTTP_429(false),
        /** The answer comes late, but within the read timeout. */
        SLOW(true),
        /** The vendor applies the request and answers after the client's read timeout. */
        TIMEOUT_AFTER(true);

        private final boolean applied;

        Kind(boolean applied) {
            this.applied = applied;
        }

        /** {@return whether the vendor applies the request despite the fault} */
        boolean applied() {
            return applied;
        }
    }

    private final long seed;
    private final double rate;
    private final Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
    private final Map<Kind, AtomicInteger> injected = new EnumMap<>(Kind.class);
    private final AtomicInteger calls = new AtomicInteger();
    private final Consumer<Kind> onInject;
    private volatile boolean enabled = true;

    ChaosFaults(long seed, double rate) {
        this(seed, rate, kind -> {});
    }

    /** @param onInject told of every fault injected, e.g. to report it from a child process */
    ChaosFaults(long seed, double rate, Consumer<Kind> onInject) {
        this.seed = seed;
        this.rate = rate;
        this.onInject = onInject;
        for (Kind k : Kind.values()) {
            injected.put(k, new AtomicInteger());
        }
    }

    /**
     * Counts a call and decides its fault.
     *
     * @param call what identifies the call: method, path and body
     * @return the fault, or empty to let the call through
     */
    Optional<Kind> decide(String call) {
        calls.incrementAndGet();
        int occurrence = seen.computeIfAbsent(call, c -> new AtomicInteger()).incrementAndGet();
        if (!enabled) {
            return Optional.empty();
        }
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + call.hashCode() * 31L + occurrence);
        if (random.nextDouble() >= rate) {
            return Optional.empty();
        }
        Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
        injected.get(kind).incrementAndGet();
        onInject.accept(kind);
        return Optional.of(kind);
    }

    /** Lets every later call through (to verify the outcome without chaos). */
    void disable() {
        enabled = false;
    }

    /** {@return the calls seen, faulty or not} */
    int calls() {
        return calls.get();
    }

    /** {@return the faults injected, by kind} */
    Map<Kind, Integer> injected() {
        return injected.entrySet().stream()
                .filter(e -> e.getValue().get() > 0)
                .collect(Collectors.toMap(
                        Map.Entry::getKey, e -> e.getValue().get(), (a, b) -> a, () -> new EnumMap<>(Kind.class)));
    }

    /** {@return the number of faults injected} */
    int injectedTotal() {
        return injected.values().stream().mapToInt(AtomicInteger::get).sum();
    }
}
