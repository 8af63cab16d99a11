package io.distdb.node.pgwire;

import io.distdb.node.service.PreparedSql;

/**
 * A prepared statement shared by its name entry and the portals bound from it. PostgreSQL lets a
 * portal outlive its statement (pgjdbc re-parses the unnamed statement while a fetch-size cursor is
 * still open), so the statement is freed only when the last user lets go.
 */
final class StatementHandle {

  private final PreparedSql sql;
  private int references = 1;

  StatementHandle(PreparedSql sql) {
    this.sql = sql;
  }

  PreparedSql sql() {
    return sql;
  }

  StatementHandle retain() {
    references++;
    return this;
  }

  void release() {
    if (--references == 0) {
      sql.close();
    }
  }
}
