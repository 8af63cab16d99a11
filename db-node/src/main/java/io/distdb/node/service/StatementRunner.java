package io.distdb.node.service;

import io.distdb.node.command.Command.SqlStatement;
import io.distdb.node.command.CommandApplier;
import io.distdb.node.storage.capture.CaptureBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Runs one write statement on a connection and captures its update count or RETURNING rows. */
final class StatementRunner {

  private StatementRunner() {}

  /**
   * Runs a statement of a multi-statement write (a transaction block, a COPY) with {@code captured}
   * active. A statement that fails was undone by the engine, so its rows are cut from the capture
   * too, and the transaction's earlier rows stay.
   */
  static WriteResult runCaptured(
      Connection connection, SqlStatement statement, CaptureBuffer captured, StatementCancel cancel)
      throws SQLException {
    int mark = captured.mark();
    try (CaptureBuffer.Scope ignored = captured.activate()) {
      return run(connection, statement, cancel);
    } catch (SQLException e) {
      captured.rollbackTo(mark);
      throw e;
    }
  }

  static WriteResult run(Connection connection, SqlStatement statement) throws SQLException {
    return run(connection, statement, StatementCancel.NONE);
  }

  /** Runs a statement that {@code cancel} can stop while it runs (its RETURNING rows included). */
  static WriteResult run(Connection connection, SqlStatement statement, StatementCancel cancel)
      throws SQLException {
    if (cancel != StatementCancel.NONE) {
      EngineLockWait.apply(connection, cancel.lockWaitMillis());
    }
    try (PreparedStatement ps = connection.prepareStatement(statement.sql())) {
      CommandApplier.bind(ps, statement.parameters());
      cancel.running(ps);
      try {
        return execute(ps);
      } catch (SQLException e) {
        throw ConstraintDiagnosis.diagnose(connection, statement, e);
      } finally {
        cancel.finished();
      }
    }
  }

  private static WriteResult execute(PreparedStatement ps) throws SQLException {
    if (!ps.execute()) {
      return WriteResult.count(Math.max(ps.getLargeUpdateCount(), 0));
    }
    try (ResultSet rs = ps.getResultSet()) {
      List<Column> columns = JdbcTypes.columns(rs.getMetaData(), ps.getConnection());
      List<Object[]> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(JdbcTypes.readRow(rs, columns));
      }
      return new WriteResult(rows.size(), columns, rows);
    }
  }
}
