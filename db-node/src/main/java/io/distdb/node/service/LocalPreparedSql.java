package io.distdb.node.service;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * A statement a session prepared: its classification, the engine's dialect of its text, and for
 * reads an engine statement kept for re-execution.
 */
final class LocalPreparedSql implements PreparedSql {

  private final String sql;
  private final StatementInfo info;
  private final String engineSql;
  private final int[] parameterTypeOids;
  private final List<Column> columns;
  private final boolean typedParameters;
  private PreparedStatement cached;
  private boolean cachedBusy;

  LocalPreparedSql(
      String sql,
      StatementInfo info,
      String engineSql,
      int[] parameterTypeOids,
      List<Column> columns,
      PreparedStatement cached) {
    this.sql = sql;
    this.info = info;
    this.engineSql = engineSql;
    this.parameterTypeOids = parameterTypeOids;
    this.typedParameters = TypedParameters.any(parameterTypeOids);
    this.columns = List.copyOf(columns);
    this.cached = cached;
  }

  @Override
  public String sql() {
    return sql;
  }

  StatementInfo info() {
    return info;
  }

  String engineSql() {
    return engineSql;
  }

  @Override
  public int[] parameterTypeOids() {
    return parameterTypeOids.clone();
  }

  /** Whether a parameter's text must be converted before binding ({@link TypedParameters}). */
  boolean hasTypedParameters() {
    return typedParameters;
  }

  int parameterCount() {
    return parameterTypeOids.length;
  }

  @Override
  public List<Column> columns() {
    return columns;
  }

  @Override
  public boolean isEmpty() {
    return info.kind() == StatementInfo.Kind.EMPTY;
  }

  /**
   * The kept engine statement if no open cursor uses it, else null (the caller makes a new one).
   */
  PreparedStatement borrow() {
    if (cached == null || cachedBusy) {
      return null;
    }
    cachedBusy = true;
    return cached;
  }

  void giveBack() {
    cachedBusy = false;
  }

  @Override
  public void close() {
    if (cached != null) {
      try {
        cached.close();
      } catch (SQLException ignored) {
        // Freeing an engine statement cannot fail in a way the client could act on.
      }
      cached = null;
    }
  }
}
