package io.distdb.node.service;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Who may change one database on the master, and how. Data writers (the autocommit writer's batch,
 * a transaction block from its first write to its end) share the path and run side by side; the
 * engine's row locks order their conflicting changes, and {@link CommitOrder} puts their commits in
 * the log in the order storage makes them. A schema change, and anything that needs the database
 * still (a pause for a snapshot), takes the path alone: it waits for every data writer to end.
 *
 * <p>Not a {@link java.util.concurrent.locks.ReadWriteLock}: a block's statements, so its acquire
 * and release, may run on different threads. A waiting exclusive holder keeps new shared holders
 * out, so a schema change cannot starve behind a steady stream of writes; a wait keeps its place
 * while it looks whether to give up (a cancel).
 */
final class WritePath {

  /** How often a wait looks for a cancel. */
  private static final long POLL_MILLIS = 20;

  private int shared; // guarded by this
  private boolean exclusive; // guarded by this
  private int exclusiveWaiting; // guarded by this

  /** Takes a shared hold if it is free now. */
  synchronized boolean tryShared() {
    if (exclusive || exclusiveWaiting > 0) {
      return false;
    }
    shared++;
    return true;
  }

  /** A shared hold for the writer's own thread, which waits as long as it takes. */
  synchronized void shared() throws InterruptedException {
    while (exclusive || exclusiveWaiting > 0) {
      wait();
    }
    shared++;
  }

  /**
   * A shared hold within {@code timeoutMillis}; false when it timed out or {@code giveUp} said so.
   */
  synchronized boolean shared(long timeoutMillis, BooleanSupplier giveUp)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (exclusive || exclusiveWaiting > 0) {
      if (giveUp.getAsBoolean() || !waitSlice(deadline)) {
        return false;
      }
    }
    shared++;
    return true;
  }

  synchronized boolean exclusive(long timeoutMillis) throws InterruptedException {
    return exclusive(timeoutMillis, () -> false);
  }

  /**
   * The path alone within {@code timeoutMillis}; false when it timed out or {@code giveUp} said so
   * (looked at every few milliseconds while the wait keeps its place).
   */
  synchronized boolean exclusive(long timeoutMillis, BooleanSupplier giveUp)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    exclusiveWaiting++;
    try {
      while (exclusive || shared > 0) {
        if (giveUp.getAsBoolean() || !waitSlice(deadline)) {
          return false;
        }
      }
      exclusive = true;
      return true;
    } finally {
      exclusiveWaiting--;
      // Shared waiters held back by this wait may go now if it gave up.
      notifyAll();
    }
  }

  synchronized void releaseShared() {
    if (shared == 0) {
      throw new IllegalStateException("no shared hold to release");
    }
    if (--shared == 0) {
      notifyAll();
    }
  }

  synchronized void releaseExclusive() {
    if (!exclusive) {
      throw new IllegalStateException("no exclusive hold to release");
    }
    exclusive = false;
    notifyAll();
  }

  /** Waits one slice; false once the deadline passed. The caller holds the monitor. */
  private boolean waitSlice(long deadline) throws InterruptedException {
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      return false;
    }
    wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), POLL_MILLIS)));
    return true;
  }
}
