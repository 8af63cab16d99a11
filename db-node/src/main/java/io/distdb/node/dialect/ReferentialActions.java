package io.distdb.node.dialect;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JSqlParser 5.3 cannot parse a column's {@code REFERENCES t (c) ON DELETE SET NULL} (nor {@code
 * SET DEFAULT}): the statement would skip every rewrite (PostgreSQL type names, constraint names).
 * When a statement does not parse, it is tried again with those actions written as one placeholder
 * word each, which a column's constraint list keeps as it is (a table-level FOREIGN KEY, which
 * parses as written, would not); after rendering, the words become the actions again.
 */
final class ReferentialActions {

  private static final Pattern ACTION =
      Pattern.compile("(?i)\\bON\\s+(DELETE|UPDATE)\\s+SET\\s+(NULL|DEFAULT)\\b");
  private static final Pattern TABLE_LEVEL =
      Pattern.compile("(?is)FOREIGN\\s+KEY\\s*\\([^)]*\\)\\s*$");
  private static final Pattern PLACEHOLDER = Pattern.compile("(?i)\\bdistdb_set_(null|default)\\b");

  private ReferentialActions() {}

  /** The statement with its SET NULL / SET DEFAULT actions hidden, or itself if it has none. */
  static String hide(String sql, String lower) {
    if (!(lower.contains("set null") || lower.contains("set default"))
        || !(lower.contains("create") || lower.contains("alter"))) {
      return sql;
    }
    Matcher m = ACTION.matcher(sql);
    StringBuilder out = new StringBuilder(sql.length());
    while (m.find()) {
      String replacement = isTableLevel(sql, m.start()) ? m.group() : "ON $1 distdb_set_$2";
      m.appendReplacement(
          out, replacement.equals(m.group()) ? Matcher.quoteReplacement(m.group()) : replacement);
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Whether the action at {@code at} ends a table's {@code FOREIGN KEY (cols) REFERENCES ...}. */
  private static boolean isTableLevel(String sql, int at) {
    String before = sql.substring(0, at);
    int references = before.toUpperCase(Locale.ROOT).lastIndexOf("REFERENCES");
    return references >= 0 && TABLE_LEVEL.matcher(before.substring(0, references)).find();
  }

  /** The engine's text with the actions restored. */
  static String restore(String engineSql) {
    Matcher m = PLACEHOLDER.matcher(engineSql);
    return m.find() ? m.replaceAll(r -> "SET " + r.group(1).toUpperCase(Locale.ROOT)) : engineSql;
  }
}
