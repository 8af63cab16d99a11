package io.distdb.node.dialect;

import io.distdb.node.storage.CatalogViews;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two shapes in which clients unnest a catalog array (a key's column numbers), which H2 cannot
 * run: it has no set-returning functions in a select list, and its {@code UNNEST} cannot read a
 * column of another table in the same FROM. Both become a join with {@code
 * distdb_catalog.array_position} (1..32, PostgreSQL's max_index_keys):
 *
 * <ul>
 *   <li>SQLAlchemy: {@code SELECT unnest(a) x, generate_subscripts(a, 1) y FROM t z WHERE} → {@code
 *       SELECT a[k.n] x, k.n y FROM t z JOIN array_position k ON k.n <= CARDINALITY(a) WHERE};
 *   <li>Django: {@code unnest(a) WITH ORDINALITY c(x, y)} in a FROM → {@code array_position c},
 *       with {@code c.x} read as the element at {@code c.n} (null past the end, so a join on it
 *       drops those rows) and {@code c.y} as {@code c.n}.
 * </ul>
 */
final class UnnestRewrite {

  private static final String POSITIONS = CatalogViews.SCHEMA + ".array_position";

  private static final Pattern SELECT_LIST =
      Pattern.compile(
          "(?i)SELECT\\s+unnest\\(\\s*([\\w.]+)\\s*\\)\\s+(\\w+)\\s*,\\s*generate_subscripts\\(\\s*\\1"
              + "\\s*,\\s*1\\s*\\)\\s+(\\w+)\\s+FROM\\s+([\\w.]+\\s+\\w+)\\s+WHERE\\b");

  private static final Pattern WITH_ORDINALITY =
      Pattern.compile(
          "(?i)unnest\\(\\s*([\\w.]+)\\s*\\)\\s+WITH\\s+ORDINALITY\\s+(\\w+)\\s*\\(\\s*(\\w+)\\s*,"
              + "\\s*(\\w+)\\s*\\)");

  /**
   * Django's index columns: {@code SELECT * FROM pg_index i, unnest(i.indkey, i.indoption) ...}.
   */
  private static final Pattern STAR_PAIR =
      Pattern.compile(
          "(?i)SELECT\\s+\\*\\s+FROM\\s+([\\w.]+)\\s+(\\w+)\\s*,\\s*unnest\\(\\s*([\\w.]+)\\s*,"
              + "\\s*([\\w.]+)\\s*\\)\\s+WITH\\s+ORDINALITY\\s+(\\w+)\\s*\\(\\s*(\\w+)\\s*,\\s*(\\w+)"
              + "\\s*,\\s*(\\w+)\\s*\\)");

  /** {@code (x & 1)}: H2 spells bitwise and as a function. */
  private static final Pattern BIT_AND = Pattern.compile("\\((\\w+)\\s*&\\s*(\\d+)\\)");

  private UnnestRewrite() {}

  /** The statement with both shapes replaced, or null if it has neither. */
  static String rewrite(String sql) {
    if (!sql.toLowerCase(java.util.Locale.ROOT).contains("unnest(")) {
      return null;
    }
    String out = sql;
    Matcher pair = STAR_PAIR.matcher(out);
    StringBuilder paired = new StringBuilder();
    while (pair.find()) {
      String alias = pair.group(5);
      pair.appendReplacement(
          paired,
          Matcher.quoteReplacement(
              "SELECT "
                  + pair.group(2)
                  + ".*, ("
                  + pair.group(3)
                  + ")["
                  + alias
                  + ".n] AS \""
                  + pair.group(6)
                  + "\", ("
                  + pair.group(4)
                  + ")["
                  + alias
                  + ".n] AS \""
                  + pair.group(7)
                  + "\", "
                  + alias
                  + ".n AS "
                  + pair.group(8)
                  + " FROM "
                  + pair.group(1)
                  + " "
                  + pair.group(2)
                  + " JOIN "
                  + POSITIONS
                  + " "
                  + alias
                  + " ON "
                  + alias
                  + ".n <= CARDINALITY("
                  + pair.group(3)
                  + ")"));
    }
    out = pair.appendTail(paired).toString();
    if (!out.equals(sql)) {
      // The element columns are named as the client named them ("key" is reserved in H2).
      out = out.replaceAll("(?i)\\.(key|value)\\b", ".\"$1\"");
    }
    out = BIT_AND.matcher(out).replaceAll("(BITAND($1, $2))");
    Matcher m = SELECT_LIST.matcher(out);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      String array = m.group(1);
      m.appendReplacement(
          b,
          Matcher.quoteReplacement(
              "SELECT ("
                  + array
                  + ")[k.n] "
                  + m.group(2)
                  + ", k.n "
                  + m.group(3)
                  + " FROM "
                  + m.group(4)
                  + " JOIN "
                  + POSITIONS
                  + " k ON k.n <= CARDINALITY("
                  + array
                  + ") WHERE"));
    }
    out = m.appendTail(b).toString();
    m = WITH_ORDINALITY.matcher(out);
    while (m.find()) {
      String array = m.group(1);
      String alias = m.group(2);
      String rest = out.substring(m.end());
      rest =
          rest.replaceAll(
                  "(?i)\\b" + alias + "\\." + m.group(3) + "\\b",
                  Matcher.quoteReplacement(
                      "CASE WHEN "
                          + alias
                          + ".n <= CARDINALITY("
                          + array
                          + ") THEN ("
                          + array
                          + ")["
                          + alias
                          + ".n] END"))
              .replaceAll("(?i)\\b" + alias + "\\." + m.group(4) + "\\b", alias + ".n");
      out = out.substring(0, m.start()) + POSITIONS + " " + alias + rest;
      m = WITH_ORDINALITY.matcher(out);
    }
    return out.equals(sql) ? null : out;
  }
}
