package io.distdb.node.service;

import io.distdb.node.sql.CursorCommand;
import java.util.List;

/**
 * A prepared cursor command. DECLARE takes its query's parameters and returns no rows; FETCH
 * returns the rows of the cursor it names, described with that cursor's columns when it is open at
 * Parse time (as PostgreSQL describes it); MOVE and CLOSE take nothing and return nothing.
 */
final class CursorPreparedSql extends SessionHandledSql {

  private final StatementInfo info;
  private final CursorCommand command;
  private final PreparedSql query;
  private final List<Column> columns;

  /**
   * @param query for DECLARE, the cursor's query prepared on its own; else null
   */
  CursorPreparedSql(
      String sql,
      StatementInfo info,
      CursorCommand command,
      PreparedSql query,
      List<Column> columns) {
    super(sql);
    this.info = info;
    this.command = command;
    this.query = query;
    this.columns = List.copyOf(columns);
  }

  StatementInfo info() {
    return info;
  }

  CursorCommand command() {
    return command;
  }

  PreparedSql query() {
    return query;
  }

  @Override
  public int[] parameterTypeOids() {
    return query == null ? new int[0] : query.parameterTypeOids();
  }

  @Override
  public List<Column> columns() {
    return columns;
  }

  @Override
  public void close() {
    if (query != null) {
      query.close();
    }
  }
}
