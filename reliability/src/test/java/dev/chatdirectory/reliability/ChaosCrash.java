package dev.chatdirectory.reliability;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where a migration dies: at its n-th write to the target (for an HTTP target, its n-th request
 * other than a GET, which includes AtomChat's reads by POST), either before the write reaches the
 * target or after the target applied it. Thread-safe; fires once.
 */
final class ChaosCrash {

    /** Thrown in the migrating process when it dies in-process (a memory target has no process of its own). */
    static final class Died extends RuntimeException {
        Died(String message) {
            super(message);
        }
    }

    private final int atWrite;
    private final boolean afterApplied;
    private final AtomicInteger writes = new AtomicInteger();
    private volatile Runnable kill = () -> {};
    private volatile String firedAt;

    /**
     * @param atWrite the 1-based write that triggers the crash; 0 for none
     * @param afterApplied whether the target applies that write before the process dies
     */
    ChaosCrash(int atWrite, boolean afterApplied) {
        this.atWrite = atWrite;
        this.afterApplied = afterApplied;
    }

    static ChaosCrash none() {
        return new ChaosCrash(0, false);
    }

    /** Sets what kills the migrating process, e.g. {@code Process::destroyForcibly}. */
    void onFire(Runnable kill) {
        this.kill = kill;
    }

    /**
     * Counts one write and tells whether it is the one that crashes.
     *
     * @param what the write, for the report
     * @return whether the caller must crash now (before or after applying, see {@link #afterApplied()})
     */
    boolean isCrashWrite(String what) {
        if (writes.incrementAndGet() == atWrite) {
            firedAt = what;
            return true;
        }
        return false;
    }

    /** Kills the migrating process. */
    void fire() {
        kill.run();
    }

    boolean afterApplied() {
        return afterApplied;
    }

    boolean fired() {
        return firedAt != null;
    }

    /** {@return e.g. "write 17 (POST /v3/groups), after applied"} */
    String describe() {
        return "write " + atWrite + (firedAt == null ? "" : " (" + firedAt + ")") + ", "
                + (afterApplied ? "after applied" : "before sent");
    }
}
