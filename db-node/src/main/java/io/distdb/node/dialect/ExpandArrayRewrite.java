package io.distdb.node.dialect;

import io.distdb.node.sql.SqlLexer;
import io.distdb.node.sql.StatementException;
import io.distdb.node.sql.Token;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code information_schema._pg_expandarray(a)}, the set-returning function pgjdbc's getPrimaryKeys
 * and getIndexInfo call in a select list (one row per element: {@code .x} the element, {@code .n}
 * its position). H2 has no set-returning functions in select lists, so the rewrite joins the query
 * block with the positions instead:
 *
 * <pre>
 * SELECT (information_schema._pg_expandarray(c.k)).n AS seq, information_schema._pg_expandarray(c.k) AS keys
 *   FROM t c WHERE ...                      ... outer: (r.keys).x
 * →
 * SELECT distdb_x.n AS seq, (c.k)[distdb_x.n] AS keys
 *   FROM t c JOIN system_range(1, 32) AS distdb_x(n) ON distdb_x.n <= CARDINALITY(c.k) WHERE ...
 *                                            ... outer: r.keys
 * </pre>
 *
 * 32 is PostgreSQL's max_index_keys, the longest key array a catalog holds. Applies to the first
 * query block that calls the function with one argument; the join ends its FROM clause (pgjdbc's
 * getBestRowIdentifier calls it in a derived table without a WHERE).
 */
final class ExpandArrayRewrite {

  private static final String FUNCTION = "_pg_expandarray";
  private static final String POSITIONS = "distdb_x";

  /** Keywords that end a query block's FROM clause. */
  private static final List<String> FROM_ENDS =
      List.of("WHERE", "GROUP", "HAVING", "WINDOW", "ORDER", "LIMIT", "OFFSET", "UNION", "FETCH");

  private ExpandArrayRewrite() {}

  /** The statement rewritten, or null if it has no call this rewrite handles. */
  static String rewrite(String sql) throws StatementException {
    if (!sql.toLowerCase(Locale.ROOT).contains(FUNCTION)) {
      return null;
    }
    List<Token> tokens = SqlLexer.tokenize(sql);
    int[] depth = depths(tokens);
    int first = nextCall(tokens, 0);
    if (first < 0) {
      return null;
    }
    int select = -1;
    for (int i = first; i >= 0; i--) {
      if (tokens.get(i).isKeyword("SELECT") && depth[i] <= depth[first]) {
        select = i;
        break;
      }
    }
    if (select < 0) {
      return null;
    }
    // Where the block's FROM clause ends: the join with the positions goes there.
    int where = tokens.size();
    for (int i = first; i < tokens.size(); i++) {
      if (depth[i] < depth[select]) {
        where = i;
        break;
      }
      if (depth[i] == depth[select] && FROM_ENDS.stream().anyMatch(tokens.get(i)::isKeyword)) {
        where = i;
        break;
      }
    }
    boolean from = false;
    for (int i = first; i < where; i++) {
      from |= depth[i] == depth[select] && tokens.get(i).isKeyword("FROM");
    }
    if (!from) {
      return null;
    }
    String array = null;
    StringBuilder out = new StringBuilder();
    int copied = 0;
    Set<String> aliases = new HashSet<>();
    for (int call = first; call >= 0 && call < where; call = nextCall(tokens, call + 1)) {
      int start = call - 2; // information_schema . _pg_expandarray
      int close = CatalogRewrite.closingParen(tokens, call + 1);
      if (close < 0 || close > where) {
        return null;
      }
      String argument = sql.substring(tokens.get(call + 2).start(), tokens.get(close - 1).end());
      if (array != null && !array.equals(argument)) {
        return null;
      }
      array = argument;
      String element = "(" + argument + ")[" + POSITIONS + ".n]";
      boolean field =
          start > 0
              && tokens.get(start - 1).is("(")
              && close + 3 < tokens.size()
              && tokens.get(close + 1).is(")")
              && tokens.get(close + 2).is(".");
      if (field) {
        String name = tokens.get(close + 3).value().toLowerCase(Locale.ROOT);
        out.append(sql, copied, tokens.get(start - 1).start())
            .append(name.equals("n") ? POSITIONS + ".n" : element);
        copied = tokens.get(close + 3).end();
      } else {
        out.append(sql, copied, tokens.get(start).start()).append(element);
        copied = tokens.get(close).end();
        if (close + 2 < tokens.size() && tokens.get(close + 1).isKeyword("AS")) {
          aliases.add(tokens.get(close + 2).value().toLowerCase(Locale.ROOT));
        }
      }
    }
    int joinAt = where < tokens.size() ? tokens.get(where).start() : sql.length();
    out.append(sql, copied, joinAt)
        .append(joinAt > 0 && !Character.isWhitespace(sql.charAt(joinAt - 1)) ? " " : "")
        .append("JOIN system_range(1, 32) AS ")
        .append(POSITIONS)
        .append("(n) ON ")
        .append(POSITIONS)
        .append(".n <= CARDINALITY(")
        .append(array)
        .append(") ");
    copied = joinAt;
    // (r.keys).x, where keys was a bare call, is now the element itself: r.keys.
    for (int i = where; i + 6 < tokens.size(); i++) {
      if (tokens.get(i).is("(")
          && tokens.get(i + 1).isName()
          && tokens.get(i + 2).is(".")
          && aliases.contains(tokens.get(i + 3).value().toLowerCase(Locale.ROOT))
          && tokens.get(i + 4).is(")")
          && tokens.get(i + 5).is(".")
          && tokens.get(i + 6).value().equalsIgnoreCase("x")) {
        out.append(sql, copied, tokens.get(i).start())
            .append(sql, tokens.get(i + 1).start(), tokens.get(i + 3).end());
        copied = tokens.get(i + 6).end();
        i += 6;
      }
    }
    return out.append(sql.substring(copied)).toString();
  }

  /** The index of the next {@code information_schema._pg_expandarray(} name token, or -1. */
  private static int nextCall(List<Token> tokens, int from) {
    for (int i = Math.max(from, 2); i + 1 < tokens.size(); i++) {
      if (tokens.get(i).isName()
          && tokens.get(i).value().equalsIgnoreCase(FUNCTION)
          && tokens.get(i - 1).is(".")
          && tokens.get(i - 2).value().equalsIgnoreCase("information_schema")
          && tokens.get(i + 1).is("(")) {
        return i;
      }
    }
    return -1;
  }

  private static int[] depths(List<Token> tokens) {
    int[] depth = new int[tokens.size()];
    int d = 0;
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).is(")")) {
        d--;
      }
      depth[i] = d;
      if (tokens.get(i).is("(")) {
        d++;
      }
    }
    return depth;
  }
}
