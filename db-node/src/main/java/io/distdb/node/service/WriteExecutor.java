package io.distdb.node.service;

import io.distdb.node.command.Command.SqlStatement;
import io.distdb.node.storage.capture.CaptureBuffer;
import io.distdb.node.storage.capture.CapturedRow;
import java.sql.Connection;
import java.util.List;

/**
 * The one seam every change to the node's data goes through. On a master it logs, applies and (via
 * its {@link CommitGate}) waits for replicas; on a slave it refuses.
 */
public interface WriteExecutor {

  /**
   * Runs one write or DDL statement as its own transaction. When this returns, the statement is in
   * the durable log and visible to readers. {@code cancel} stops it while it is queued or runs.
   */
  WriteResult autocommit(String database, SqlStatement statement, StatementCancel cancel)
      throws SqlException;

  /**
   * Takes exclusive write ownership of a database for an explicit transaction block. The caller
   * then runs its statements on its own connection and ends with {@link TransactionWrites#commit}
   * or {@link TransactionWrites#rollback}. {@code cancel} ends the wait for ownership.
   */
  TransactionWrites beginWrites(String database, StatementCancel cancel) throws SqlException;

  void createDatabase(String name) throws SqlException;

  /**
   * Throws the refusal a write or DDL statement would meet here, so a node that takes no writes
   * refuses it before preparing it against storage it may not change; nothing on a master.
   */
  default void checkAcceptsWrites(boolean ddl) throws SqlException {}

  /**
   * Drops a database.
   *
   * @param sessionDatabase the database the requesting session is connected to (it cannot drop it)
   */
  void dropDatabase(String name, String sessionDatabase) throws SqlException;

  /** A transaction block's ownership of a database's write path. */
  interface TransactionWrites {

    /**
     * Logs what the block changed (the rows its capture buffer holds) as one entry, records its LSN
     * and commits {@code connection}; releases ownership whatever happens.
     */
    void commit(Connection connection, List<CapturedRow> rows) throws SqlException;

    /**
     * Rolls {@code connection} back and releases ownership; only the sequences the block moved are
     * logged. Never throws.
     */
    void rollback(Connection connection);

    /**
     * Runs a schema change inside the block so that ROLLBACK, a crash or a lost client can still
     * undo it although the engine commits it at once; {@code captured} holds the block's rows so
     * far.
     */
    default WriteResult schemaChange(
        Connection connection, SqlStatement statement, CaptureBuffer captured) throws SqlException {
      throw new SqlException("25001", "DDL cannot run inside this transaction block");
    }

    /** Whether the block has run a schema change that only {@link #undoSchemaChanges} reverts. */
    default boolean changedSchema() {
      return false;
    }

    /**
     * Returns the database to where it was before the block's first schema change (for ROLLBACK TO
     * a savepoint set before it); the block goes on.
     */
    default void undoSchemaChanges(Connection connection) {}
  }
}
