package io.distdb.node.service;

import io.distdb.node.storage.H2ErrorTranslator;
import io.distdb.node.storage.TranslatedError;
import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.ErrorCode;

/**
 * What a statement's {@link Error} means for its client and for the node. Deep nesting fails only
 * that statement (54001); running out of memory fails it (53200), and when the storage engine
 * reports it the engine has closed the database, so the node fails and a restart recovers from the
 * log; any other {@code Error} is a defect nobody can reason about, so the node fails too and its
 * probes tell the kubelet to restart it, instead of a thread dying silently.
 */
final class StatementFailures {

  private final NodeHealth health;

  StatementFailures(NodeHealth health) {
    this.health = health;
  }

  /** The client's error for {@code e}, failing the node where the table above says so. */
  SqlException onError(Error e) {
    if (e instanceof StackOverflowError || e instanceof OutOfMemoryError) {
      return statementError((VirtualMachineError) e);
    }
    health.fail("unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage());
    return new SqlException("XX000", "internal error: " + e.getClass().getSimpleName(), e);
  }

  /** The error of a statement that overflowed the stack or ran out of memory. */
  static SqlException statementError(VirtualMachineError e) {
    if (e instanceof StackOverflowError) {
      TranslatedError t = H2ErrorTranslator.stackDepthExceeded();
      return new SqlException(
          t.sqlState(),
          t.message(),
          null,
          "The statement is nested too deeply; simplify it or split it up.",
          null);
    }
    return new SqlException("53200", "out of memory", null, null, null);
  }

  /**
   * Passes {@code e} on. After running out of memory, {@code connection} tells whether the engine
   * closed its database (it does when memory runs out while it executes): then the node fails.
   */
  SqlException afterFailure(SqlException e, Connection connection) {
    if (outOfMemory(e) && !usable(connection)) {
      health.fail("the storage engine ran out of memory and closed a database");
    } else if (databaseClosed(e)) {
      // The engine closed the database under a live node (after running out of memory in another
      // statement, say): only a restart, replaying the log, brings it back.
      health.fail("the storage engine closed a database: " + e.getMessage());
    }
    return e;
  }

  /**
   * After a failed statement on a database's writer connection: a writer whose connection the
   * engine closed can never write again, so the node fails instead of refusing every write.
   */
  void checkWriter(Connection writer) {
    if (!usable(writer)) {
      health.fail("the storage engine closed the writer's connection");
    }
  }

  private static boolean databaseClosed(SqlException e) {
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof SQLException s
          && (s.getErrorCode() == ErrorCode.DATABASE_IS_CLOSED
              || s.getErrorCode() == ErrorCode.DATABASE_CALLED_AT_SHUTDOWN)) {
        return true;
      }
    }
    return false;
  }

  static boolean outOfMemory(SqlException e) {
    return e.sqlState().equals("53200");
  }

  private static boolean usable(Connection connection) {
    try {
      return connection.isValid(1);
    } catch (SQLException e) {
      return false;
    }
  }
}
