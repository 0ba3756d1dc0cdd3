package dev.chatdirectory.http;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Mutual exclusion per key (an entity id), with memory bounded by the threads using it: a key's
 * lock exists only while a thread holds or waits for it, so locking a million ids in turn leaves
 * nothing behind, and unrelated keys never wait for each other.
 *
 * <p>Thread-safe. Reentrant: a thread holding a key may lock it again.
 */
final class KeyedLocks {

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /**
     * Runs an action while holding the key's lock.
     *
     * @param key the key, e.g. {@code "user:zoe"}
     * @param maxWait how long to wait for a thread holding the key
     * @param action what to run
     * @param <T> the result type
     * @return the action's result
     * @throws TimeoutException if the key stayed held for longer than {@code maxWait}
     * @throws InterruptedException if the thread was interrupted while waiting
     */
    <T> T withLock(String key, Duration maxWait, Supplier<T> action) throws TimeoutException, InterruptedException {
        // compute() runs atomically per key, so an entry is never dropped while a thread joins it.
        Entry entry = entries.compute(key, (k, e) -> (e == null ? new Entry() : e).join());
        try {
            if (!entry.lock.tryLock(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new TimeoutException("'" + key + "' stayed locked for " + maxWait.toMillis() + " ms");
            }
            try {
                return action.get();
            } finally {
                entry.lock.unlock();
            }
        } finally {
            entries.computeIfPresent(key, (k, e) -> e.leave() ? null : e);
        }
    }

    /** {@return how many keys are held or waited for now} */
    int size() {
        return entries.size();
    }

    /** A key's lock and how many threads hold or wait for it; the count changes only inside compute(). */
    private static final class Entry {
        private final ReentrantLock lock = new ReentrantLock();
        private int users;

        Entry join() {
            users++;
            return this;
        }

        boolean leave() {
            return --users == 0;
        }
    }
}
