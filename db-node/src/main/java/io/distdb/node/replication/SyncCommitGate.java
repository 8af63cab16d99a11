package io.distdb.node.replication;

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
 */
public final class SyncCommitGate implements CommitGate, Primary.AckListener {

  private static final Logger log = LoggerFactory.getLogger(SyncCommitGate.class);

  private final ReplicationSettings settings;
  private final LongUnaryOperator durableCount;
  private final LongUnaryOperator lastLsn;
  private final Object monitor = new Object();
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
    long deadline = System.nanoTime() + settings.ackTimeout().toNanos();
    synchronized (monitor) {
      while (durableCount.applyAsLong(lsn) < needed) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          timedOut(lsn, needed);
          return;
        }
        TimeUnit.NANOSECONDS.timedWait(monitor, remaining);
      }
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
    synchronized (monitor) {
      monitor.notifyAll();
    }
  }
}
