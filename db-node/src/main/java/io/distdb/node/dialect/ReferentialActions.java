package io.distdb.node.dialect;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JSqlParser 5.3 cannot parse a column's {@code REFERENCES t (c) ON DELETE SET NULL} (nor {@code
 * SET DEFAULT}): the statement would skip every rewrite (PostgreSQL type names, constraint names).
 * Before parsing, those actions are written as one placeholder word each, which a column's
 * constraint list keeps as it is; after rendering, the words become the actions again.
 */
final class ReferentialActions {

  private static final Pattern ACTION =
      Pattern.compile("(?i)\\bON\\s+(DELETE|UPDATE)\\s+SET\\s+(NULL|DEFAULT)\\b");
  private static final Pattern PLACEHOLDER = Pattern.compile("(?i)\\bdistdb_set_(null|default)\\b");

  private ReferentialActions() {}

  /** The statement with its SET NULL / SET DEFAULT actions hidden, or itself if it has none. */
  static String hide(String sql, String lower) {
    if (!(lower.contains("set null") || lower.contains("set default"))
        || !(lower.contains("create") || lower.contains("alter"))) {
      return sql;
    }
    return ACTION.matcher(sql).replaceAll("ON $1 distdb_set_$2");
  }

  /** The engine's text with the actions restored. */
  static String restore(String engineSql) {
    Matcher m = PLACEHOLDER.matcher(engineSql);
    return m.find() ? m.replaceAll(r -> "SET " + r.group(1).toUpperCase(Locale.ROOT)) : engineSql;
  }
}
