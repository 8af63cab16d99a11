package io.distdb.node.replication;

import io.distdb.node.command.ApplyException;
import io.distdb.node.command.CommandApplier;
import io.distdb.node.log.LogCursor;
import io.distdb.node.log.LogEntry;
import io.distdb.node.log.ReplicationLog;
import io.distdb.node.storage.Storage;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A slave's apply loop: reads its own durable log in order and applies each entry with the same
 * {@link CommandApplier} crash recovery uses. Runs on its own thread so that receiving (and
 * acknowledging durability) never waits for storage.
 */
final class ReplicaApplier implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ReplicaApplier.class);

  private final ReplicationLog replicationLog;
  private final Storage storage;
  private final LongConsumer onApplied;
  private final ReentrantLock applyLock = new ReentrantLock();
  private final Object wakeup = new Object();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile long appliedLsn;
  private volatile String failure;
  private CommandApplier applier;
  private LogCursor cursor;

  ReplicaApplier(
      ReplicationLog replicationLog, Storage storage, long appliedLsn, LongConsumer onApplied) {
    this.replicationLog = replicationLog;
    this.storage = storage;
    this.appliedLsn = appliedLsn;
    this.onApplied = onApplied;
    this.applier = new CommandApplier(storage);
    replicationLog.addDurableListener(lsn -> wake());
    this.thread = new Thread(this::run, "replica-applier");
    thread.setDaemon(true);
    thread.start();
  }

  long appliedLsn() {
    return appliedLsn;
  }

  /** Why applying stopped, or null. */
  String failure() {
    return failure;
  }

  private void wake() {
    synchronized (wakeup) {
      wakeup.notifyAll();
    }
  }

  private void run() {
    while (running) {
      boolean progressed = false;
      applyLock.lock();
      try {
        progressed = applyAvailable();
      } catch (ApplyException e) {
        failure = e.getMessage();
        log.atError()
            .setCause(e)
            .addKeyValue("lsn", e.lsn())
            .log("replica cannot apply the log; it has diverged and stops applying");
        return;
      } catch (Exception e) {
        log.atWarn().setCause(e).log("reading the log failed; retrying");
        closeCursor();
      } finally {
        applyLock.unlock();
      }
      if (progressed) {
        onApplied.accept(appliedLsn);
        continue;
      }
      synchronized (wakeup) {
        try {
          if (replicationLog.durableLsn() <= appliedLsn) {
            wakeup.wait(200);
          }
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  private boolean applyAvailable() throws Exception {
    if (replicationLog.durableLsn() <= appliedLsn) {
      return false;
    }
    if (cursor == null) {
      cursor = replicationLog.read(appliedLsn + 1);
    }
    long last = 0;
    for (int i = 0; i < 1024; i++) {
      LogEntry e = cursor.next();
      if (e == null) {
        break;
      }
      applier.applyEntry(e.lsn(), e.payload());
      last = e.lsn();
    }
    if (last == 0) {
      return false;
    }
    // One storage commit for the run; readers see it, and the master hears of it, after.
    applier.commitPending();
    appliedLsn = last;
    return true;
  }

  /**
   * Swaps the whole state for a snapshot's: pauses applying, lets {@code install} replace storage
   * and reset the log, and resumes after the snapshot's LSN.
   */
  void reinstall(long snapshotLsn, Runnable install) {
    applyLock.lock();
    try {
      closeCursor();
      applier.close();
      install.run();
      applier = new CommandApplier(storage);
      appliedLsn = snapshotLsn;
    } finally {
      applyLock.unlock();
    }
    onApplied.accept(snapshotLsn);
  }

  private void closeCursor() {
    if (cursor != null) {
      cursor.close();
      cursor = null;
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    applyLock.lock();
    try {
      closeCursor();
      applier.close();
    } finally {
      applyLock.unlock();
    }
  }
}
