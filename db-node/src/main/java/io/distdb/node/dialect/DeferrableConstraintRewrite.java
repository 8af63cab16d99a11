package io.distdb.node.dialect;

import io.distdb.node.sql.Token;
import java.util.List;

/**
 * {@code DEFERRABLE [INITIALLY DEFERRED | INITIALLY IMMEDIATE]} and {@code NOT DEFERRABLE} on
 * constraints in CREATE TABLE and ALTER TABLE (Django declares every foreign key {@code DEFERRABLE
 * INITIALLY DEFERRED}): dropped. H2 has no deferred constraints, so distdb checks them at each
 * statement, as PostgreSQL checks a constraint that is not deferred. The approximation holds for
 * applications that write a referenced row before the rows referring to it (what ORMs do); a
 * transaction that inserts a child before its parent is refused (23503) where PostgreSQL would
 * accept it at COMMIT. Documented in dialect/DESIGN.md.
 */
final class DeferrableConstraintRewrite implements TextRewrite {

  @Override
  public String rewrite(String sql, List<Token> tokens) {
    if (tokens.size() < 2
        || !(tokens.get(0).isKeyword("CREATE") || tokens.get(0).isKeyword("ALTER"))
        || !tokens.get(1).isKeyword("TABLE")) {
      return null;
    }
    StringBuilder out = new StringBuilder(sql.length());
    int copied = 0;
    for (int i = 2; i < tokens.size(); i++) {
      int from = i;
      int to = -1;
      if (tokens.get(i).isKeyword("NOT") && next(tokens, i, "DEFERRABLE")) {
        to = i + 1;
      } else if (tokens.get(i).isKeyword("DEFERRABLE")) {
        to = i;
      } else if (tokens.get(i).isKeyword("INITIALLY")
          && (next(tokens, i, "DEFERRED") || next(tokens, i, "IMMEDIATE"))) {
        to = i + 1;
      }
      if (to >= 0) {
        out.append(sql, copied, tokens.get(from).start());
        copied = tokens.get(to).end();
        i = to;
      }
    }
    return copied == 0 ? null : out.append(sql.substring(copied)).toString();
  }

  private static boolean next(List<Token> tokens, int i, String keyword) {
    return i + 1 < tokens.size() && tokens.get(i + 1).isKeyword(keyword);
  }
}
