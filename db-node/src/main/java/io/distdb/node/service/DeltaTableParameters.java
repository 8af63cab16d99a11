package io.distdb.node.service;

import io.distdb.node.sql.SqlLexer;
import io.distdb.node.sql.StatementException;
import io.distdb.node.sql.Token;
import java.util.List;

/**
 * The engine cannot type the parameters of a data change inside a delta table ({@code SELECT ...
 * FROM FINAL TABLE (INSERT ... VALUES (?1, ?2)) AS t}, what the dialect makes of {@code INSERT ...
 * RETURNING}): it reports them as strings, and a client that binds by the described types (asyncpg
 * refuses an int for a varchar parameter) cannot bind them. The data change on its own types them,
 * as PostgreSQL does.
 */
final class DeltaTableParameters {

  private DeltaTableParameters() {}

  /** The data change inside the statement's delta table, or null when it has none. */
  static String dataChange(String engineSql) {
    int at = indexOfDeltaTable(engineSql);
    if (at < 0) {
      return null;
    }
    List<Token> tokens;
    try {
      tokens = SqlLexer.tokenize(engineSql.substring(at));
    } catch (StatementException e) {
      return null;
    }
    int depth = 0;
    int open = -1;
    for (int k = 0; k < tokens.size(); k++) {
      Token t = tokens.get(k);
      if (t.is("(")) {
        if (depth++ == 0) {
          open = k;
        }
      } else if (t.is(")") && --depth == 0 && open >= 0) {
        return engineSql.substring(at + tokens.get(open).end(), at + t.start());
      }
    }
    return null;
  }

  private static int indexOfDeltaTable(String sql) {
    for (String marker : new String[] {"FINAL TABLE (", "OLD TABLE (", "NEW TABLE ("}) {
      int i = sql.indexOf(marker);
      if (i >= 0) {
        return i + marker.length() - 1;
      }
    }
    return -1;
  }
}
