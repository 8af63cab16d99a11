package io.distdb.node.dialect;

import io.distdb.node.sql.SqlLexer;
import io.distdb.node.sql.StatementException;
import io.distdb.node.sql.Token;
import java.util.List;
import java.util.Locale;

/**
 * The scalar subquery asyncpg's type introspection uses for a domain's base type,
 *
 * <pre>
 * (WITH RECURSIVE typebases(oid, depth) AS (
 *     SELECT t2.typbasetype AS oid, 0 AS depth FROM pg_type t2 WHERE t2.oid = t.oid
 *     UNION ALL SELECT ... FROM pg_type t2, typebases tb WHERE tb.oid = t2.oid AND ...)
 *  SELECT oid FROM typebases ORDER BY depth DESC LIMIT 1)
 * </pre>
 *
 * which H2 cannot run (a recursive query inside a subquery neither sees the outer query's columns
 * nor parses inside another recursive query), becomes its first step, {@code (SELECT t2.typbasetype
 * FROM pg_type t2 WHERE t2.oid = t.oid)}. That is the same answer for every type the catalog can
 * hold: distdb's domains (information_schema's, PostgreSQL's built-in ones) are all over base
 * types, so the recursion never takes a second step.
 */
final class DomainBaseTypeRewrite {

  private DomainBaseTypeRewrite() {}

  static boolean mightApply(String lower) {
    return lower.contains("typbasetype") && lower.contains("recursive");
  }

  /** The statement with each such subquery replaced, or null if it has none. */
  static String rewrite(String sql) throws StatementException {
    List<Token> tokens = SqlLexer.tokenize(sql);
    StringBuilder out = new StringBuilder();
    int copied = 0;
    for (int i = 0; i + 4 < tokens.size(); i++) {
      if (!tokens.get(i).is("(")
          || !tokens.get(i + 1).isKeyword("WITH")
          || !tokens.get(i + 2).isKeyword("RECURSIVE")
          || tokens.get(i).start() < copied) {
        continue;
      }
      String anchor = anchorStep(sql, tokens, i);
      if (anchor != null) {
        out.append(sql, copied, tokens.get(i).start()).append('(').append(anchor).append(')');
        copied = tokens.get(close(tokens, i)).end();
      }
    }
    return copied == 0 ? null : out.append(sql.substring(copied)).toString();
  }

  /**
   * For the subquery opening at token {@code open}: {@code SELECT <first item> FROM ...} of the
   * recursive query's first step, or null when the subquery is not of the domain-walking shape.
   */
  private static String anchorStep(String sql, List<Token> tokens, int open) {
    int end = close(tokens, open);
    int columns = open + 4; // ( WITH RECURSIVE name (
    if (end < 0 || columns >= end || !tokens.get(columns).is("(")) {
      return null;
    }
    int as = close(tokens, columns) + 1;
    if (as <= 0
        || as + 2 >= end
        || !tokens.get(as).isKeyword("AS")
        || !tokens.get(as + 1).is("(")) {
      return null;
    }
    int body = as + 1;
    int bodyEnd = close(tokens, body);
    int select = body + 1;
    if (bodyEnd < 0 || !tokens.get(select).isKeyword("SELECT")) {
      return null;
    }
    int comma = -1;
    int from = -1;
    int union = -1;
    int depth = 0;
    for (int k = select + 1; k < bodyEnd; k++) {
      Token t = tokens.get(k);
      if (t.is("(")) {
        depth++;
      } else if (t.is(")")) {
        depth--;
      } else if (depth == 0 && t.is(",") && comma < 0) {
        comma = k;
      } else if (depth == 0 && t.isKeyword("FROM") && from < 0) {
        from = k;
      } else if (depth == 0 && t.isKeyword("UNION")) {
        union = k;
        break;
      }
    }
    if (comma < 0 || from < comma || union < from) {
      return null;
    }
    int itemEnd = comma;
    if (tokens.get(comma - 2).isKeyword("AS")) {
      itemEnd = comma - 2;
    }
    String item = sql.substring(tokens.get(select + 1).start(), tokens.get(itemEnd - 1).end());
    boolean lastStepIsLimitOne =
        tokens.get(end - 1).text().equals("1") && tokens.get(end - 2).isKeyword("LIMIT");
    if (!item.toLowerCase(Locale.ROOT).endsWith("typbasetype") || !lastStepIsLimitOne) {
      return null;
    }
    return "SELECT "
        + item
        + " "
        + sql.substring(tokens.get(from).start(), tokens.get(union - 1).end());
  }

  /** The token closing the parenthesis at {@code open}, or -1. */
  private static int close(List<Token> tokens, int open) {
    int depth = 0;
    for (int k = open; k < tokens.size(); k++) {
      if (tokens.get(k).is("(")) {
        depth++;
      } else if (tokens.get(k).is(")") && --depth == 0) {
        return k;
      }
    }
    return -1;
  }
}
