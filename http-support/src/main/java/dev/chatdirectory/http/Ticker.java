package dev.chatdirectory.http;

/**
 * A monotonic nanosecond time source for deadlines and token buckets; replaced in tests.
 *
 * <p>Implementations are thread-safe.
 */
@FunctionalInterface
public interface Ticker {

    /** The real one: {@link System#nanoTime()}. */
    Ticker SYSTEM = System::nanoTime;

    /** {@return the current reading, in nanoseconds, meaningful only as a difference} */
    long nanos();
}
