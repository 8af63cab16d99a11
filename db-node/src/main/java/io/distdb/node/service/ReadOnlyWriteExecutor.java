package io.distdb.node.service;

import io.distdb.node.command.Command.SqlStatement;

/** A slave's write path: every change is refused, naming where writes go. */
public final class ReadOnlyWriteExecutor implements WriteExecutor {

  private final String writeTarget;

  /**
   * @param writeTarget where clients should send writes, e.g. the master's address or the
   *     read-write Service; empty if unknown
   */
  public ReadOnlyWriteExecutor(String writeTarget) {
    this.writeTarget = writeTarget;
  }

  private SqlException refuse(String what) {
    return new SqlException(
        "25006",
        "cannot execute " + what + " in a read-only transaction",
        "This node is a read-only replica.",
        writeTarget.isEmpty()
            ? "Send writes to the master."
            : "Send writes to the master at " + writeTarget + ".",
        null);
  }

  @Override
  public WriteResult autocommit(String database, SqlStatement statement, StatementCancel cancel)
      throws SqlException {
    throw refuse(statement.ddl() ? "DDL" : "a write");
  }

  @Override
  public void checkAcceptsWrites(boolean ddl) throws SqlException {
    throw refuse(ddl ? "DDL" : "a write");
  }

  @Override
  public TransactionWrites beginWrites(String database, StatementCancel cancel)
      throws SqlException {
    throw refuse("a write");
  }

  @Override
  public void createDatabase(String name) throws SqlException {
    throw refuse("CREATE DATABASE");
  }

  @Override
  public void dropDatabase(String name, String sessionDatabase) throws SqlException {
    throw refuse("DROP DATABASE");
  }
}
