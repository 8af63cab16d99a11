package io.distdb.node.service;

import io.distdb.node.copy.CopyCommand;
import java.util.List;

/**
 * A prepared {@code COPY}: PostgreSQL describes it with no parameters and no row description (its
 * rows, if any, travel as CopyData).
 */
final class CopyPreparedSql implements PreparedSql {

  private final String sql;
  private final StatementInfo info;
  private final CopyCommand command;

  CopyPreparedSql(String sql, StatementInfo info, CopyCommand command) {
    this.sql = sql;
    this.info = info;
    this.command = command;
  }

  StatementInfo info() {
    return info;
  }

  CopyCommand command() {
    return command;
  }

  @Override
  public String sql() {
    return sql;
  }

  @Override
  public int[] parameterTypeOids() {
    return new int[0];
  }

  @Override
  public List<Column> columns() {
    return List.of();
  }

  @Override
  public boolean isEmpty() {
    return false;
  }

  @Override
  public void close() {}
}
