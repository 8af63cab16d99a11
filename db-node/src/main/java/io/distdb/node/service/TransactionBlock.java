package io.distdb.node.service;

import io.distdb.node.command.Command.SqlStatement;
import io.distdb.node.service.StatementInfo.Kind;
import io.distdb.node.service.WriteExecutor.TransactionWrites;
import io.distdb.node.storage.AdvisoryLockFunctions;
import io.distdb.node.storage.capture.CaptureBuffer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's transaction-block state machine for one session: BEGIN/COMMIT/ROLLBACK, savepoints,
 * the aborted state after an error, and the rows the block changed (captured while its statements
 * run, cut back when a statement fails or a savepoint is rolled back, logged as one entry at
 * COMMIT).
 */
final class TransactionBlock {

  /**
   * @param schemaChanges how many schema changes the block had run when the savepoint was set: the
   *     engine committed at each, so the engine savepoint only still holds if none ran since
   */
  private record Mark(String name, Savepoint savepoint, int captured, int schemaChanges) {}

  private final Connection connection;
  private final WriteExecutor writes;
  private final String database;
  private final StatementCancel cancel;
  private final CaptureBuffer captured = new CaptureBuffer();
  private final List<Mark> marks = new ArrayList<>();
  private TransactionStatus status = TransactionStatus.IDLE;
  private TransactionWrites owned;
  private int schemaChanges;

  TransactionBlock(
      Connection connection, WriteExecutor writes, String database, StatementCancel cancel) {
    this.cancel = cancel;
    this.connection = connection;
    this.writes = writes;
    this.database = database;
  }

  TransactionStatus status() {
    return status;
  }

  boolean isOpen() {
    return status != TransactionStatus.IDLE;
  }

  /** Whether the block has taken its database's write path (it wrote to permanent tables). */
  boolean ownsWrites() {
    return owned != null;
  }

  /** Marks the block aborted after a failed statement (outside a block, errors change nothing). */
  void failed() {
    if (status == TransactionStatus.IN_TRANSACTION) {
      status = TransactionStatus.FAILED;
    }
  }

  void checkNotAborted(StatementInfo info) throws SqlException {
    if (status == TransactionStatus.FAILED && !endsAbortedBlock(info)) {
      throw new SqlException(
          "25P02",
          "current transaction is aborted, commands ignored until end of transaction block");
    }
  }

  private static boolean endsAbortedBlock(StatementInfo info) {
    return info.kind() == Kind.TRANSACTION
        && (info.verb().equals("COMMIT")
            || info.verb().equals("ROLLBACK")
            || info.verb().equals("ROLLBACK TO"));
  }

  void refuseInside(String what) throws SqlException {
    if (isOpen()) {
      throw new SqlException("25001", what + " cannot run inside a transaction block");
    }
  }

  /**
   * Runs a write inside the block on the session's connection, taking write ownership first. A
   * schema change runs undoably ({@link TransactionWrites#schemaChange}).
   */
  WriteResult write(SqlStatement statement) throws SqlException {
    if (owned == null) {
      owned = writes.beginWrites(database, cancel);
    }
    if (statement.ddl()) {
      // Counted before it runs: the engine commits even when the statement then fails.
      schemaChanges++;
      return owned.schemaChange(connection, statement, captured);
    }
    try {
      return StatementRunner.runCaptured(connection, statement, captured, cancel);
    } catch (SQLException e) {
      throw SqlErrors.translate(e);
    }
  }

  /** Executes BEGIN, COMMIT, ROLLBACK or a savepoint command; returns the command tag. */
  String control(StatementInfo info) throws SqlException {
    try {
      return switch (info.verb()) {
        case "BEGIN", "START TRANSACTION" -> begin(info.verb());
        case "COMMIT" -> commit();
        case "ROLLBACK" -> rollback();
        case "SAVEPOINT" -> savepoint(info.savepoint());
        case "RELEASE" -> release(info.savepoint());
        case "ROLLBACK TO" -> rollbackTo(info.savepoint());
        default ->
            throw new SqlException("0A000", "unsupported transaction command " + info.verb());
      };
    } catch (SQLException e) {
      throw SqlErrors.translate(e);
    }
  }

  private String begin(String tag) throws SQLException {
    if (!isOpen()) {
      connection.setAutoCommit(false);
      status = TransactionStatus.IN_TRANSACTION;
    }
    return tag;
  }

  private String commit() throws SqlException, SQLException {
    if (status == TransactionStatus.FAILED) {
      return rollback();
    }
    if (!isOpen()) {
      return "COMMIT";
    }
    try {
      if (owned != null) {
        TransactionWrites writes = owned;
        owned = null;
        writes.commit(connection, captured.drain());
      } else {
        connection.commit();
      }
    } finally {
      end();
    }
    return "COMMIT";
  }

  private String rollback() throws SQLException {
    captured.drain();
    if (owned != null) {
      TransactionWrites writes = owned;
      owned = null;
      writes.rollback(connection);
    } else if (isOpen()) {
      connection.rollback();
    }
    end();
    return "ROLLBACK";
  }

  private String savepoint(String name) throws SqlException, SQLException {
    if (!isOpen()) {
      throw new SqlException("25P01", "SAVEPOINT can only be used in transaction blocks");
    }
    marks.add(new Mark(name, connection.setSavepoint(name), captured.mark(), schemaChanges));
    return "SAVEPOINT";
  }

  private String release(String name) throws SqlException, SQLException {
    int i = find(name, "RELEASE SAVEPOINT");
    if (marks.get(i).schemaChanges() == schemaChanges) {
      connection.releaseSavepoint(marks.get(i).savepoint());
    }
    marks.subList(i, marks.size()).clear();
    return "RELEASE";
  }

  private String rollbackTo(String name) throws SqlException, SQLException {
    int i = find(name, "ROLLBACK TO SAVEPOINT");
    Mark mark = marks.get(i);
    if (mark.schemaChanges() == schemaChanges) {
      connection.rollback(mark.savepoint());
    } else if (mark.schemaChanges() == 0 && mark.captured() == 0) {
      // Set before the block changed anything: back to where the block began.
      owned.undoSchemaChanges(connection);
      schemaChanges = 0;
      for (int j = 0; j <= i; j++) {
        Mark m = marks.get(j);
        marks.set(j, new Mark(m.name(), connection.setSavepoint(m.name()), 0, 0));
      }
    } else {
      throw new SqlException(
          "0A000",
          "ROLLBACK TO SAVEPOINT across a schema change is only supported in distdb for a"
              + " savepoint set before the block's first change",
          null,
          "ROLLBACK the whole transaction block.",
          null);
    }
    captured.rollbackTo(mark.captured());
    marks.subList(i + 1, marks.size()).clear();
    status = TransactionStatus.IN_TRANSACTION;
    return "ROLLBACK";
  }

  private int find(String name, String command) throws SqlException {
    if (!isOpen()) {
      throw new SqlException("25P01", command + " can only be used in transaction blocks");
    }
    for (int i = marks.size() - 1; i >= 0; i--) {
      if (marks.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new SqlException("3B001", "savepoint \"" + name + "\" does not exist");
  }

  /** The session is going away: whatever the block did is rolled back. */
  void abandon() {
    try {
      rollback();
    } catch (SQLException ignored) {
      // The connection closes next; the engine discards the transaction with it.
    }
  }

  private void end() {
    captured.drain();
    marks.clear();
    schemaChanges = 0;
    status = TransactionStatus.IDLE;
    AdvisoryLockFunctions.LOCKS.transactionEnded(AdvisoryLockFunctions.owner(connection));
    try {
      connection.setAutoCommit(true);
    } catch (SQLException ignored) {
      // A broken connection surfaces on the next statement.
    }
  }
}
