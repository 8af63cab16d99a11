package io.distdb.node.service;

import io.distdb.node.command.Command.SqlStatement;
import io.distdb.node.command.CommandApplier;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Runs one write statement on a connection and captures its update count or RETURNING rows. */
final class StatementRunner {

  private StatementRunner() {}

  static WriteResult run(Connection connection, SqlStatement statement) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(statement.sql())) {
      CommandApplier.bind(ps, statement.parameters());
      if (!ps.execute()) {
        return WriteResult.count(Math.max(ps.getLargeUpdateCount(), 0));
      }
      try (ResultSet rs = ps.getResultSet()) {
        List<Column> columns = JdbcTypes.columns(rs.getMetaData());
        List<Object[]> rows = new ArrayList<>();
        while (rs.next()) {
          rows.add(JdbcTypes.readRow(rs, columns));
        }
        return new WriteResult(rows.size(), columns, rows);
      }
    }
  }
}
