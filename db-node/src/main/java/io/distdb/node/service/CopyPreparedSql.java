package io.distdb.node.service;

import io.distdb.node.copy.CopyCommand;
import java.util.List;

/**
 * A prepared {@code COPY}: PostgreSQL describes it with no parameters and no row description (its
 * rows, if any, travel as CopyData).
 */
final class CopyPreparedSql extends SessionHandledSql {

  private final StatementInfo info;
  private final CopyCommand command;

  CopyPreparedSql(String sql, StatementInfo info, CopyCommand command) {
    super(sql);
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
  public List<Column> columns() {
    return List.of();
  }
}
