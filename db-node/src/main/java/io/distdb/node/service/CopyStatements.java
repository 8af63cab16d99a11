package io.distdb.node.service;

import io.distdb.node.command.Command.SqlStatement;
import io.distdb.node.copy.CopyCommand;
import io.distdb.node.copy.CopyCommandParser;
import io.distdb.node.copy.CopyException;
import io.distdb.node.dialect.Dialect;
import io.distdb.node.dialect.Schema;
import io.distdb.node.service.StatementInfo.Kind;
import io.distdb.node.service.WriteExecutor.TransactionWrites;
import io.distdb.node.storage.capture.CaptureBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A session's {@code COPY} statements. {@code TO STDOUT} is a read on the session's connection (so
 * slaves serve it); {@code FROM STDIN} is a write: inside a transaction block it joins the block,
 * otherwise it is one transaction of its own on the database's write path, committed and logged as
 * one entry when the client's data ends.
 */
final class CopyStatements {

  private final String database;
  private final Connection connection;
  private final WriteExecutor writes;
  private final TransactionBlock block;
  private final Dialect dialect;
  private final Schema schema;

  CopyStatements(
      String database,
      Connection connection,
      WriteExecutor writes,
      TransactionBlock block,
      Dialect dialect,
      Schema schema) {
    this.database = database;
    this.connection = connection;
    this.writes = writes;
    this.block = block;
    this.dialect = dialect;
    this.schema = schema;
  }

  CopyPreparedSql prepare(String sql, StatementInfo info) throws SqlException {
    CopyCommand command;
    try {
      command = CopyCommandParser.parse(sql);
    } catch (CopyException e) {
      throw new SqlException(e.sqlState(), e.getMessage());
    }
    if (command.from()) {
      writes.checkAcceptsWrites(false);
    }
    return new CopyPreparedSql(sql, info, command);
  }

  ExecutionResult execute(CopyPreparedSql prepared) throws SqlException {
    CopyCommand command = prepared.command();
    return command.from() ? copyIn(command) : copyOut(command);
  }

  private ExecutionResult copyOut(CopyCommand command) throws SqlException {
    if (command.query() == null) {
      targetColumns(command);
    }
    String query = command.sourceQuery();
    if (command.query() != null && StatementInfo.classify(query).kind() != Kind.READ) {
      throw new SqlException(
          "0A000", "COPY (query) TO supports only queries that read (SELECT, VALUES, WITH)");
    }
    String engineSql = StatementInfo.toEngine(dialect, query, schema).sql();
    PreparedStatement ps = null;
    try {
      ps = connection.prepareStatement(engineSql);
      ResultSet rs = ps.executeQuery();
      List<Column> columns = JdbcTypes.columns(rs.getMetaData());
      return ExecutionResult.copyOut(
          columns, new ResultSetCursor(rs, columns, ps, () -> {}), command.options());
    } catch (SQLException e) {
      closeQuietly(ps);
      throw SqlErrors.translate(e);
    }
  }

  private ExecutionResult copyIn(CopyCommand command) throws SqlException {
    List<Column> columns = targetColumns(command);
    CopyFromStdin.Target target = block.isOpen() ? new InBlock() : new OwnTransaction();
    return ExecutionResult.copyIn(
        columns, new CopyFromStdin(command, command.table(), columns, target));
  }

  /**
   * The table's columns a COPY names (all, in table order, without a list), as the engine describes
   * them; a missing one is 42703 naming the relation, as in PostgreSQL.
   */
  private List<Column> targetColumns(CopyCommand command) throws SqlException {
    List<Column> all;
    try (PreparedStatement ps = connection.prepareStatement("SELECT * FROM " + command.table())) {
      all = JdbcTypes.columns(ps.getMetaData());
    } catch (SQLException e) {
      throw SqlErrors.translate(e);
    }
    if (command.columns().isEmpty()) {
      return all;
    }
    List<Column> chosen = new ArrayList<>();
    for (String written : command.columns()) {
      String name = identifier(written);
      Column match = all.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
      if (match == null) {
        throw new SqlException(
            "42703",
            "column \""
                + name
                + "\" of relation \""
                + command.relationName()
                + "\" does not exist");
      }
      chosen.add(match);
    }
    return chosen;
  }

  /** A column name as PostgreSQL resolves it: quoted kept, unquoted folded to lower case. */
  private static String identifier(String written) {
    if (written.length() >= 2 && written.startsWith("\"") && written.endsWith("\"")) {
      return written.substring(1, written.length() - 1).replace("\"\"", "\"");
    }
    return written.toLowerCase(java.util.Locale.ROOT);
  }

  /** Inside BEGIN ... COMMIT: the batches are the block's statements; an error aborts it. */
  private final class InBlock implements CopyFromStdin.Target {
    @Override
    public void write(SqlStatement statement) throws SqlException {
      block.write(statement);
    }

    @Override
    public void commit() {}

    @Override
    public void abort() {
      block.failed();
    }
  }

  /**
   * Outside a block: the database's write path, taken at the first batch (not while the client is
   * still starting up) and held until the data ends, like a transaction block that writes.
   */
  private final class OwnTransaction implements CopyFromStdin.Target {
    private final CaptureBuffer captured = new CaptureBuffer();
    private TransactionWrites owned;

    @Override
    public void write(SqlStatement statement) throws SqlException {
      if (owned == null) {
        owned = writes.beginWrites(database, StatementCancel.NONE);
        try {
          connection.setAutoCommit(false);
        } catch (SQLException e) {
          abort();
          throw SqlErrors.translate(e);
        }
      }
      try {
        StatementRunner.runCaptured(connection, statement, captured, StatementCancel.NONE);
      } catch (SQLException e) {
        throw SqlErrors.translate(e);
      }
    }

    @Override
    public void commit() throws SqlException {
      if (owned == null) {
        return; // no rows: nothing to log
      }
      try {
        owned.commit(connection, captured.drain());
      } finally {
        owned = null;
        autocommit();
      }
    }

    @Override
    public void abort() {
      if (owned != null) {
        owned.rollback(connection);
        owned = null;
        captured.rollbackTo(0);
        autocommit();
      }
    }

    private void autocommit() {
      try {
        connection.setAutoCommit(true);
      } catch (SQLException ignored) {
        // A broken connection surfaces on the next statement.
      }
    }
  }

  private static void closeQuietly(PreparedStatement ps) {
    if (ps != null) {
      try {
        ps.close();
      } catch (SQLException ignored) {
        // Only frees memory.
      }
    }
  }
}
