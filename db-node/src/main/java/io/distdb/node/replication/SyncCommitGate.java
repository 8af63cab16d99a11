package io.distdb.node.replication;

import java.util.PriorityQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongUnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds a commit until enough slaves have its entry durably (synchronous mode), for at most the ack
 * timeout. Then, as configured, the write fails or the cluster degrades to asynchronous commits
 * until the slaves have caught up again. Waiting happens after the write path's locks are released,
 * so a slow slave delays the waiting client only.
 *
 * <p>Waiters are kept in LSN order: an acknowledgement wakes exactly the commits it completes, from
 * the lowest LSN up, and nobody polls or re-checks on acks that do not concern it.
 */
public final class SyncCommitGate implements CommitGate, Primary.AckListener {

  private static final Logger log = LoggerFactory.getLogger(SyncCommitGate.class);

  private final ReplicationSettings settings;
  private final LongUnaryOperator durableCount;
  private final LongUnaryOperator lastLsn;
  private final Object monitor = new Object();
  private final PriorityQueue<Waiter> waiters = new PriorityQueue<>(); // guarded by monitor
  private final AtomicBoolean degraded = new AtomicBoolean();
  private final AtomicLong timeouts = new AtomicLong();

  /**
   * @param durableCount slaves that have a given LSN durably (applied, in remote-apply mode)
   * @param lastLsn the master's last LSN (the argument is ignored)
   */
  public SyncCommitGate(
      ReplicationSettings settings, LongUnaryOperator durableCount, LongUnaryOperator lastLsn) {
    this.settings = settings;
    this.durableCount = durableCount;
    this.lastLsn = lastLsn;
  }

  public boolean degraded() {
    return degraded.get();
  }

  public long timeouts() {
    return timeouts.get();
  }

  @Override
  public void awaitCommitted(long lsn) throws CommitNotConfirmedException, InterruptedException {
    int needed = settings.minSyncAcks();
    if (!settings.sync() || needed == 0 || degraded.get()) {
      return;
    }
    Waiter w = new Waiter(lsn);
    synchronized (monitor) {
      if (durableCount.applyAsLong(lsn) >= needed) {
        return;
      }
      waiters.add(w);
    }
    boolean released = false;
    try {
      released = w.latch.await(settings.ackTimeout().toNanos(), TimeUnit.NANOSECONDS);
    } finally {
      if (!released) {
        synchronized (monitor) {
          waiters.remove(w);
        }
      }
    }
    if (!released && durableCount.applyAsLong(lsn) < needed) {
      timedOut(lsn, needed);
    }
  }

  /** One commit waiting for its LSN's acknowledgements. */
  private static final class Waiter implements Comparable<Waiter> {
    final long lsn;
    final CountDownLatch latch = new CountDownLatch(1);

    Waiter(long lsn) {
      this.lsn = lsn;
    }

    @Override
    public int compareTo(Waiter o) {
      return Long.compare(lsn, o.lsn);
    }
  }

  private void timedOut(long lsn, int needed) throws CommitNotConfirmedException {
    timeouts.incrementAndGet();
    long have = durableCount.applyAsLong(lsn);
    String what =
        "commit at LSN "
            + lsn
            + " was confirmed by "
            + have
            + " of the "
            + needed
            + " required replicas within "
            + settings.ackTimeout().toMillis()
            + " ms";
    if (settings.degradeOnTimeout()) {
      if (degraded.compareAndSet(false, true)) {
        log.atWarn()
            .addKeyValue("lsn", lsn)
            .addKeyValue("acks", have)
            .log("synchronous replication degraded to asynchronous: {}", what);
      }
      return;
    }
    throw new CommitNotConfirmedException(what);
  }

  @Override
  public void acknowledged() {
    if (degraded.get()
        && durableCount.applyAsLong(lastLsn.applyAsLong(0)) >= settings.minSyncAcks()) {
      if (degraded.compareAndSet(true, false)) {
        log.atInfo().log("synchronous replication restored: enough replicas caught up");
      }
    }
    int needed = settings.minSyncAcks();
    synchronized (monitor) {
      // The count only falls with the LSN: once the lowest waiter is not covered, none is.
      while (!waiters.isEmpty() && durableCount.applyAsLong(waiters.peek().lsn) >= needed) {
        waiters.poll().latch.countDown();
      }
    }
  }
}
