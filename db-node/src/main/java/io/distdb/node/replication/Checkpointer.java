package io.distdb.node.replication;

import io.distdb.node.config.NodeState;
import io.distdb.node.storage.Storage;
import java.io.IOException;
import java.util.function.LongSupplier;

/**
 * Checkpoints: makes storage durable up to an LSN it has committed every entry through, then
 * records that LSN in {@code node-state}, so a restart replays only the log after it (PostgreSQL's
 * checkpoint and redo point). Without it, a restart would read and decode every retained entry just
 * to find them applied. Log retention keeps the log from the checkpoint on.
 */
public final class Checkpointer {

  private final Storage storage;
  private final NodeState nodeState;
  private final LongSupplier committedThrough;

  /**
   * @param committedThrough an LSN up to which every log entry is committed in storage
   */
  public Checkpointer(Storage storage, NodeState nodeState, LongSupplier committedThrough) {
    this.storage = storage;
    this.nodeState = nodeState;
    this.committedThrough = committedThrough;
  }

  /** One checkpoint, when storage has moved since the last; returns the checkpoint's LSN. */
  public synchronized long runOnce() throws IOException {
    long committed = committedThrough.getAsLong();
    if (committed != nodeState.checkpointLsn()) {
      // Read before the storage checkpoint: everything up to it is in what the checkpoint writes.
      storage.checkpoint();
      nodeState.recordCheckpoint(committed);
    }
    return committed;
  }

  /**
   * Runs {@code replacement}, which swaps storage and the log for a snapshot's. The old checkpoint
   * may lie beyond the new log's start, so it is dropped first: until the next checkpoint a restart
   * replays all the log holds. No checkpoint runs meanwhile, so none can record an LSN read from
   * the state being replaced.
   */
  public synchronized void whileStorageReplaced(Runnable replacement) throws IOException {
    nodeState.recordCheckpoint(0);
    replacement.run();
  }
}
