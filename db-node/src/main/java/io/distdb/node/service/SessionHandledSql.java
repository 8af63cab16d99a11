package io.distdb.node.service;

import java.util.List;

/**
 * A prepared statement that the session carries out itself instead of handing its text to the
 * engine (a COPY, a cursor command, a call of a session's temporary function): its text is never
 * empty, and unless a subclass says otherwise it takes no parameters and holds nothing to free.
 */
abstract class SessionHandledSql implements PreparedSql {

  private final String sql;

  SessionHandledSql(String sql) {
    this.sql = sql;
  }

  @Override
  public final String sql() {
    return sql;
  }

  @Override
  public int[] parameterTypeOids() {
    return new int[0];
  }

  @Override
  public abstract List<Column> columns();

  @Override
  public final boolean isEmpty() {
    return false;
  }

  @Override
  public void close() {}
}
