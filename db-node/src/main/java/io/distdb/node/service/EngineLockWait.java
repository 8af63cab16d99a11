package io.distdb.node.service;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;

/**
 * How long a statement waits in the engine for a row or table lock another transaction holds. The
 * engine's lock waits do not notice a cancel, so {@code lock_timeout} and {@code statement_timeout}
 * bound them instead: the wait ends as the timeout does (a little after, for statement_timeout, so
 * that the cancel has been asked for and the failure reads as PostgreSQL's 57014), and without
 * either at {@link #DEFAULT_MILLIS} (PostgreSQL would wait for ever).
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
    SessionLocal session = (SessionLocal) c.unwrap(JdbcConnection.class).getSession();
    if (session.getLockTimeout() != millis) {
      session.setLockTimeout((int) millis);
    }
  }
}
