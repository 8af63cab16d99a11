package io.distdb.node.service;

import io.distdb.node.storage.EngineSession;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.api.ErrorCode;
import org.h2.engine.SessionLocal;

/**
 * A cancel of one session's current statement, asked for from another thread (a CancelRequest or
 * {@code statement_timeout}) wherever the statement is at that moment: running on the session's own
 * connection, queued for its database's writer, running on the writer's connection, or waiting for
 * the database's write path. A cancel that comes while the statement is between two of those is
 * kept, so the next one fails at once instead of the cancel being lost.
 *
 * <p>The engine is told through its session, not the JDBC statement: H2 keeps a statement's cancel
 * on its command, and caches commands by text, so a cancel that arrived just as a statement ended
 * would fail the next run of the same text on that connection, on the writer maybe another
 * session's. A session-level cancel is re-armed at every statement's start instead (engine
 * connections carry a query timeout, see {@code storage.Storage}). The engine's wait for a row lock
 * does not look at that cancel: {@link LockWaitInterrupt} ends it.
 */
public final class StatementCancel {

  /** For statements no client can cancel (replay, internal writes). */
  static final StatementCancel NONE = new StatementCancel();

  private static final String BY_USER = "canceling statement due to user request";

  private boolean requested;
  private Runnable onCancel;
  private SessionLocal engine;
  private boolean interruptedLockWait;
  private long lockWaitMillis = EngineLockWait.DEFAULT_MILLIS;

  /** A new statement starts: earlier cancels are forgotten. */
  synchronized void reset() {
    requested = false;
    onCancel = null;
  }

  /**
   * How long the statement may wait for a row lock (see {@link EngineLockWait}): the engine's lock
   * waits do not see a cancel, so they are bounded instead.
   */
  synchronized void boundLockWaits(long millis) {
    lockWaitMillis = millis;
  }

  synchronized long lockWaitMillis() {
    return lockWaitMillis;
  }

  /** Cancels what runs now, or whatever the statement does next. */
  synchronized void request() {
    requested = true;
    if (onCancel != null) {
      onCancel.run();
    }
  }

  synchronized boolean isRequested() {
    return requested;
  }

  /** The statement waits for something {@code withdraw} can abandon (a queue, a permit). */
  synchronized void waiting(Runnable withdraw) {
    onCancel = withdraw;
    if (requested) {
      withdraw.run();
    }
  }

  /** {@code s} is about to run on the engine; throws 57014 if the cancel came first. */
  void running(Statement s) throws SQLException {
    if (this == NONE) {
      return;
    }
    synchronized (this) {
      registerRunning(s);
    }
  }

  private void registerRunning(Statement s) throws SQLException {
    if (requested) {
      throw canceled();
    }
    engine = EngineSession.of(s.getConnection());
    Thread thread = Thread.currentThread();
    onCancel =
        () -> {
          engine.cancel();
          interruptedLockWait |= LockWaitInterrupt.ifWaiting(thread, engine);
        };
  }

  /** The statement left the engine: a cancel now is for whatever the statement does next. */
  void finished() {
    if (this == NONE) {
      return;
    }
    synchronized (this) {
      onCancel = null;
      if (interruptedLockWait) {
        interruptedLockWait = false;
        // The interrupt set the lock timeout to 0: the connection's next statement, maybe one
        // that sets none itself, waits as long as this one could.
        engine.setLockTimeout((int) lockWaitMillis);
        // The engine's wait took the interrupt; should it have ended just before, the flag must
        // not reach this thread's next wait or file read.
        Thread.interrupted();
      }
    }
  }

  static SQLException canceled() {
    return new SQLException(BY_USER, "57014", ErrorCode.STATEMENT_WAS_CANCELED);
  }

  static SqlException canceledByUser() {
    return new SqlException("57014", BY_USER);
  }
}
