package io.distdb.node.service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Streams a live result set in chunks; closes the statement behind it unless told it is shared. */
final class ResultSetCursor implements RowCursor {

  private final ResultSet resultSet;
  private final List<Column> columns;
  private final Statement ownedStatement;
  private final Runnable onClose;
  private boolean done;

  ResultSetCursor(
      ResultSet resultSet, List<Column> columns, Statement ownedStatement, Runnable onClose) {
    this.resultSet = resultSet;
    this.columns = columns;
    this.ownedStatement = ownedStatement;
    this.onClose = onClose;
  }

  @Override
  public List<Object[]> next(int max) throws SqlException {
    List<Object[]> rows = new ArrayList<>(Math.min(max, 256));
    try {
      while (!done && rows.size() < max) {
        if (resultSet.next()) {
          rows.add(JdbcTypes.readRow(resultSet, columns));
        } else {
          done = true;
        }
      }
    } catch (SQLException e) {
      throw SqlErrors.translate(e);
    } catch (StackOverflowError | OutOfMemoryError e) {
      rows = null;
      throw StatementFailures.statementError(e);
    }
    return rows;
  }

  @Override
  public void close() {
    try {
      resultSet.close();
      if (ownedStatement != null) {
        ownedStatement.close();
      }
    } catch (SQLException ignored) {
      // Closing a result set only frees memory; nothing the client could act on.
    } finally {
      onClose.run();
    }
  }
}
