package io.distdb.node.service;

import io.distdb.node.log.ReplicationLog;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The master's storage horizon: the LSN up to which every logged entry is committed in storage. A
 * checkpoint makes storage durable up to it, so that a restart replays only the log after it,
 * without pausing writes to find it.
 *
 * <p>An entry is pending from its append until its storage commit. One that fails to commit stays
 * pending for good: the node stops taking writes, and only a restart's replay brings storage up to
 * the log, so the horizon must never pass it.
 */
final class StorageHorizon {

  /** Appends the entries, returning the first one's LSN. */
  interface Append {
    long append() throws Exception;
  }

  private final ReplicationLog replicationLog;
  private final ConcurrentSkipListSet<Long> pending = new ConcurrentSkipListSet<>();

  /**
   * Appends hold it shared and {@link #committedThrough} exclusively, so the log's last LSN and the
   * pending set are read at a moment when no entry is in the log but not yet pending.
   */
  private final ReadWriteLock appending = new ReentrantReadWriteLock();

  StorageHorizon(ReplicationLog replicationLog) {
    this.replicationLog = replicationLog;
  }

  /** Runs the append; its entries are pending until {@link #committed} with the returned LSN. */
  long append(Append append) throws Exception {
    appending.readLock().lock();
    try {
      long first = append.append();
      pending.add(first);
      return first;
    } finally {
      appending.readLock().unlock();
    }
  }

  /** The entries appended from {@code first} are committed in storage. */
  void committed(long first) {
    pending.remove(first);
  }

  /** An LSN up to which every entry in the log is committed in storage. */
  long committedThrough() {
    appending.writeLock().lock();
    try {
      long last = replicationLog.lastLsn();
      Long oldest = pending.ceiling(Long.MIN_VALUE);
      return oldest == null ? last : Math.min(last, oldest - 1);
    } finally {
      appending.writeLock().unlock();
    }
  }
}
