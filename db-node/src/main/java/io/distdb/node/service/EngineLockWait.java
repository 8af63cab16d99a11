package io.distdb.node.service;

import io.distdb.node.storage.EngineSession;
import java.sql.Connection;
import java.sql.SQLException;
import org.h2.engine.SessionLocal;

/**
 * How long a statement waits in the engine for a row or table lock another transaction holds: as
 * {@code lock_timeout} says, and without it at {@link #DEFAULT_MILLIS} (PostgreSQL would wait for
 * ever). A cancel ends the wait at once ({@link LockWaitInterrupt}); {@code statement_timeout}
 * bounds it too, a little after the timeout, should that cancel miss a wait that had not begun.
 */
final class EngineLockWait {

  /** The engine's lock timeout when the session sets none. */
  static final long DEFAULT_MILLIS = 10_000;

  /** After statement_timeout: its cancel has come by then. */
  private static final long AFTER_STATEMENT_TIMEOUT_MILLIS = 25;

  private EngineLockWait() {}

  /** The bound for a statement under these settings (milliseconds). */
  static long bound(long lockTimeoutMillis, long statementTimeoutMillis) {
    long bound = lockTimeoutMillis > 0 ? lockTimeoutMillis : DEFAULT_MILLIS;
    if (statementTimeoutMillis > 0) {
      bound = Math.min(bound, statementTimeoutMillis + AFTER_STATEMENT_TIMEOUT_MILLIS);
    }
    return Math.min(bound, Integer.MAX_VALUE);
  }

  /**
   * Sets {@code c}'s engine lock timeout to {@code millis}, on its engine session: the SQL form
   * ({@code SET LOCK_TIMEOUT}) would commit the connection's open transaction.
   */
  static void apply(Connection c, long millis) throws SQLException {
    SessionLocal session = EngineSession.of(c);
    if (session.getLockTimeout() != millis) {
      session.setLockTimeout((int) millis);
    }
  }
}
