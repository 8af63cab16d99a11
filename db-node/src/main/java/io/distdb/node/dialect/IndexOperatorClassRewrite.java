package io.distdb.node.dialect;

import io.distdb.node.sql.Token;
import java.util.List;

/**
 * Operator classes in {@code CREATE INDEX ... (name varchar_pattern_ops)}, as Django writes for
 * every unique or indexed text column so that PostgreSQL can use the index for {@code LIKE 'abc%'}:
 * dropped. H2 has one kind of index per column type and uses it for prefix LIKE anyway.
 */
final class IndexOperatorClassRewrite implements TextRewrite {

  @Override
  public String rewrite(String sql, List<Token> tokens) {
    if (tokens.size() < 3 || !tokens.get(0).isKeyword("CREATE")) {
      return null;
    }
    int i = 1;
    if (tokens.get(i).isKeyword("UNIQUE")) {
      i++;
    }
    if (!tokens.get(i).isKeyword("INDEX")) {
      return null;
    }
    StringBuilder out = new StringBuilder(sql.length());
    int copied = 0;
    int depth = 0;
    for (; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.is("(")) {
        depth++;
      } else if (t.is(")")) {
        depth--;
      } else if (depth > 0 && isOperatorClass(t) && follows(tokens.get(i - 1))) {
        out.append(sql, copied, t.start());
        copied = t.end();
      }
    }
    if (copied == 0) {
      return null;
    }
    return out.append(sql.substring(copied)).toString();
  }

  private static boolean isOperatorClass(Token t) {
    return t.isName() && t.value().toLowerCase(java.util.Locale.ROOT).endsWith("_ops");
  }

  /** An operator class follows its column (a name) or expression (a closing parenthesis). */
  private static boolean follows(Token before) {
    return before.isName() || before.is(")");
  }
}
