package io.distdb.node.replication;

import java.util.concurrent.Callable;

/**
 * Pauses every write on the master for a moment, so that everything logged is also in storage: the
 * instant a consistent snapshot or a safe log truncation point can be taken.
 */
public interface WriteQuiescer {

  /**
   * Runs {@code action} while no write is in progress; fails if writes cannot be paused in time.
   */
  <T> T whileWritesPaused(Callable<T> action) throws Exception;
}
