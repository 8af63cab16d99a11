package io.distdb.node.service;

/**
 * The order in which one database's logged transactions commit to storage: the order of their log
 * entries. A database records the last LSN it applied in the same storage transaction as the data
 * (see {@code storage.AppliedLsn}), and a restart replays the log after it; committed in log order,
 * storage always holds exactly the entries up to that LSN. Transactions take a turn when they
 * append, wait for the fsync side by side (one fsync covers them all), then commit one by one.
 *
 * <p>Once a turn fails, storage may lack an entry the log has, and no later turn may commit a
 * higher applied LSN over that gap: they all fail too, and only a restart's replay reconciles.
 */
final class CommitTurns {

  private long issued; // guarded by this
  private long done; // guarded by this
  private String failure; // guarded by this

  /** The next turn; the caller holds its database's append lock, so turns follow the LSNs. */
  synchronized long take() {
    return ++issued;
  }

  /**
   * Waits until every earlier turn is done. Not interruptible: a turn that gave up waiting would
   * stall every later one. Returns why an earlier turn failed, or null.
   */
  synchronized String await(long turn) {
    boolean interrupted = false;
    while (done != turn - 1) {
      try {
        wait();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return failure;
  }

  /** Ends {@code turn}; {@code failedWith} non-null fails it and every later turn. */
  synchronized void finish(long turn, String failedWith) {
    if (failure == null && failedWith != null) {
      failure = failedWith;
    }
    done = turn;
    notifyAll();
  }
}
