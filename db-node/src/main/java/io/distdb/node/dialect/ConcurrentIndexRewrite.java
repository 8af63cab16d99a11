package io.distdb.node.dialect;

import io.distdb.node.sql.Token;
import java.util.List;

/**
 * {@code CREATE [UNIQUE] INDEX CONCURRENTLY} and {@code DROP INDEX CONCURRENTLY}: the keyword is
 * dropped. It only changes how PostgreSQL locks while building; H2 builds the index under its own
 * table lock, and the statement's effect is the same.
 */
final class ConcurrentIndexRewrite implements TextRewrite {

  @Override
  public String rewrite(String sql, List<Token> tokens) {
    int i = 0;
    if (i < tokens.size()
        && (tokens.get(i).isKeyword("CREATE") || tokens.get(i).isKeyword("DROP"))) {
      i++;
    } else {
      return null;
    }
    if (i < tokens.size() && tokens.get(i).isKeyword("UNIQUE")) {
      i++;
    }
    if (i + 1 < tokens.size()
        && tokens.get(i).isKeyword("INDEX")
        && tokens.get(i + 1).isKeyword("CONCURRENTLY")) {
      Token c = tokens.get(i + 1);
      return sql.substring(0, c.start()) + sql.substring(c.end());
    }
    return null;
  }
}
