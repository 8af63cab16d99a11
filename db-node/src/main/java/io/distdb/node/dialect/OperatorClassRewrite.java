package io.distdb.node.dialect;

import io.distdb.node.sql.Token;
import io.distdb.node.sql.TokenKind;
import java.util.List;

/**
 * Drops operator classes from the columns of CREATE INDEX ({@code (name varchar_pattern_ops)},
 * which Django adds to every indexed text column so that PostgreSQL can use the index for LIKE
 * 'prefix%'). The engine has one ordering per type and uses its indexes for such prefixes anyway.
 */
final class OperatorClassRewrite {

  private OperatorClassRewrite() {}

  static boolean mightApply(String lower) {
    return lower.contains("_ops");
  }

  static String rewrite(String sql, List<Token> tokens) {
    int i = 0;
    if (tokens.isEmpty() || !tokens.get(i++).isKeyword("CREATE")) {
      return null;
    }
    if (i < tokens.size() && tokens.get(i).isKeyword("UNIQUE")) {
      i++;
    }
    if (i >= tokens.size() || !tokens.get(i).isKeyword("INDEX")) {
      return null;
    }
    StringBuilder out = new StringBuilder(sql.length());
    int copied = 0;
    int depth = 0;
    boolean changed = false;
    for (; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.is("(")) {
        depth++;
      } else if (t.is(")")) {
        depth--;
      } else if (depth == 1
          && t.kind() == TokenKind.IDENTIFIER
          && t.value().endsWith("_ops")
          && i > 0
          && (tokens.get(i - 1).isName() || tokens.get(i - 1).is(")"))) {
        out.append(sql, copied, t.start());
        copied = t.end();
        changed = true;
      }
    }
    return changed ? out.append(sql, copied, sql.length()).toString() : null;
  }
}
