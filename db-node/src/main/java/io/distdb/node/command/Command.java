package io.distdb.node.command;

import java.util.List;

/**
 * What one replication-log entry means. Every replica applies the same commands in LSN order, so a
 * command must mean the same thing everywhere: SQL in it has had its nondeterminism removed before
 * it was logged.
 */
public sealed interface Command {

  /** {@code CREATE DATABASE name}. */
  record CreateDatabase(String name) implements Command {}

  /** {@code DROP DATABASE name}. */
  record DropDatabase(String name) implements Command {}

  /**
   * A transaction on one database: its statements in the order they ran. A DDL statement is always
   * alone in its transaction, because the storage engine commits DDL immediately.
   *
   * @param rolledBack the master rolled the transaction back (or its only statement failed). It is
   *     logged all the same because sequences do not roll back: replaying it, failure and rollback
   *     included, advances every replica's sequences exactly as the master's advanced.
   */
  record Transaction(String database, List<SqlStatement> statements, boolean rolledBack)
      implements Command {
    public Transaction {
      statements = List.copyOf(statements);
    }

    public static Transaction committed(String database, List<SqlStatement> statements) {
      return new Transaction(database, statements, false);
    }
  }

  /**
   * One statement as the storage engine ran it (its dialect, {@code ?n} parameters).
   *
   * @param parameters the bound values, each null or one of the types {@link CommandCodec} knows
   * @param ddl whether the statement changes the schema (replay must tolerate its having committed
   *     already, because the engine commits DDL outside the transaction that records the LSN)
   * @param failed the statement failed on the master; a replica expects it to fail too
   */
  record SqlStatement(String sql, List<Object> parameters, boolean ddl, boolean failed) {
    public SqlStatement {
      parameters = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(parameters));
    }

    public SqlStatement(String sql, List<Object> parameters, boolean ddl) {
      this(sql, parameters, ddl, false);
    }

    /** The same statement, marked as having failed on the master. */
    public SqlStatement asFailed() {
      return new SqlStatement(sql, parameters, ddl, true);
    }
  }
}
