package io.distdb.node.dialect;

import io.distdb.node.sql.SqlLexer;
import io.distdb.node.sql.StatementException;
import io.distdb.node.sql.Token;
import io.distdb.node.storage.CatalogViews;
import java.util.ArrayList;
import java.util.List;

/**
 * A select list with several {@code unnest(array) AS name} items, which PostgreSQL runs in lockstep
 * (one row per position, the shorter arrays padded with nulls): TypeORM's foreign keys, {@code
 * SELECT UNNEST(con1.conkey) AS parent, UNNEST(con1.confkey) AS child, ... FROM ... WHERE ...}, and
 * pgcli's, whose unnests stand between other columns. H2 has no set-returning functions in a select
 * list, so the query joins {@code distdb_catalog.array_position} (1..32, the catalog's arrays are
 * never longer) and takes each array's element at that position, {@code SELECT CASE WHEN k.n <=
 * CARDINALITY(a) THEN a[k.n] END AS parent, ... FROM ... JOIN array_position k ON k.n <=
 * GREATEST(CARDINALITY(a), ...) WHERE}.
 */
final class LockstepUnnestRewrite {

  private static final String POSITION = "distdb_lockstep";

  private LockstepUnnestRewrite() {}

  /** The statement with each such select list rewritten, or null if it has none. */
  static String rewrite(String sql) throws StatementException {
    if (!sql.toLowerCase(java.util.Locale.ROOT).contains("unnest")) {
      return null;
    }
    List<Token> tokens = SqlLexer.tokenize(sql);
    for (int i = 0; i < tokens.size(); i++) {
      if (!tokens.get(i).isKeyword("SELECT")) {
        continue;
      }
      String rewritten = rewriteAt(sql, tokens, i);
      if (rewritten != null) {
        String again = rewrite(rewritten);
        return again == null ? rewritten : again;
      }
    }
    return null;
  }

  /** The select list starting at token {@code select}, rewritten; null if it is not the shape. */
  private static String rewriteAt(String sql, List<Token> tokens, int select) {
    List<String> arrays = new ArrayList<>();
    List<String> items = new ArrayList<>();
    int i = select + 1;
    int itemsEnd = -1;
    // Items up to the FROM, each either unnest(array) AS name or kept as written (pgcli's
    // foreign keys put the unnests between other columns).
    while (i < tokens.size()) {
      int itemStart = i;
      int depth = 0;
      int k = i;
      for (; k < tokens.size(); k++) {
        Token t = tokens.get(k);
        if (t.is("(")) {
          depth++;
        } else if (t.is(")")) {
          if (--depth < 0) {
            return null;
          }
        } else if (depth == 0 && (t.is(",") || t.isKeyword("FROM"))) {
          break;
        }
      }
      if (k >= tokens.size() || k == itemStart) {
        return null; // no FROM: not a shape of the catalog's
      }
      int last = k - 1;
      boolean unnest =
          tokens.get(itemStart).isKeyword("UNNEST")
              && itemStart + 1 < last
              && tokens.get(itemStart + 1).is("(")
              && closingParen(tokens, itemStart + 1) == last - 2
              && tokens.get(last - 1).isKeyword("AS");
      if (unnest) {
        String array = sql.substring(tokens.get(itemStart + 2).start(), tokens.get(last - 3).end());
        arrays.add(array);
        items.add(
            "CASE WHEN "
                + POSITION
                + ".n <= CARDINALITY("
                + array
                + ") THEN ("
                + array
                + ")["
                + POSITION
                + ".n] END AS "
                + tokens.get(last).text());
      } else {
        items.add(sql.substring(tokens.get(itemStart).start(), tokens.get(last).end()));
      }
      itemsEnd = last;
      if (tokens.get(k).isKeyword("FROM")) {
        break;
      }
      i = k + 1;
    }
    if (arrays.size() < 2) {
      return null; // one unnest: other rewrites' shapes (UnnestRewrite)
    }
    int depth = 0;
    int insertAt = -1;
    for (int k = itemsEnd + 1; k < tokens.size(); k++) {
      Token t = tokens.get(k);
      if (t.is("(")) {
        depth++;
      } else if (t.is(")")) {
        if (depth == 0) {
          insertAt = t.start();
          break;
        }
        depth--;
      } else if (depth == 0
          && (t.isKeyword("WHERE")
              || t.isKeyword("GROUP")
              || t.isKeyword("ORDER")
              || t.isKeyword("LIMIT")
              || t.isKeyword("UNION"))) {
        insertAt = t.start();
        break;
      }
    }
    if (insertAt < 0) {
      insertAt = sql.length();
    }
    List<String> cardinalities = new ArrayList<>();
    for (String a : arrays) {
      cardinalities.add("CARDINALITY(" + a + ")");
    }
    String join =
        " JOIN "
            + CatalogViews.SCHEMA
            + ".array_position "
            + POSITION
            + " ON "
            + POSITION
            + ".n <= GREATEST("
            + String.join(", ", cardinalities)
            + ") ";
    int listStart = tokens.get(select + 1).start();
    int listEnd = tokens.get(itemsEnd).end();
    return sql.substring(0, listStart)
        + String.join(", ", items)
        + sql.substring(listEnd, insertAt).stripTrailing()
        + join
        + sql.substring(insertAt);
  }

  private static int closingParen(List<Token> tokens, int open) {
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
