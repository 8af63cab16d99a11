package io.distdb.node.service.catalog;

import io.distdb.node.service.Column;
import io.distdb.node.service.PgType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code SELECT version()}, {@code current_database()}, {@code current_user} and the like, alone or
 * several in one select list without FROM. H2 answers these with its own values (a "PostgreSQL
 * 8.2.23 server protocol using H2" version, an empty user, a database named after its file), so the
 * session answers them. Such calls inside larger expressions still reach H2.
 */
final class SessionFunctions implements Recognizer {

  private static final Pattern SELECT = Pattern.compile("(?is)SELECT\\s+(.+)");
  private static final Pattern ITEM =
      Pattern.compile(
          "(?i)\\s*(?:(?:pg_catalog\\.)?"
              + "(version|current_database)\\s*\\(\\s*\\)|(current_user|session_user|current_catalog|user))"
              + "(?:\\s+(?:as\\s+)?([a-z_][a-z0-9_]*|\"[^\"]+\"))?\\s*");
  private static final Set<String> NOT_ALIASES =
      Set.of("from", "where", "group", "order", "limit", "union", "having", "offset", "for");

  private final CatalogContext context;

  SessionFunctions(CatalogContext context) {
    this.context = context;
  }

  /** Cheap test before normalising: only short statements that name one of the functions. */
  static boolean mightMatch(String sql) {
    if (sql.length() > 300) {
      return false;
    }
    String lower = sql.toLowerCase(Locale.ROOT);
    return lower.contains("version") || lower.contains("current_") || lower.contains("user");
  }

  @Override
  public CatalogAnswer recognize(QueryText q) {
    Matcher select = SELECT.matcher(q.text());
    if (!select.matches()) {
      return null;
    }
    List<Column> columns = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    for (String item : select.group(1).split(",", -1)) {
      Matcher m = ITEM.matcher(item);
      if (!m.matches()) {
        return null;
      }
      String function = (m.group(1) != null ? m.group(1) : m.group(2)).toLowerCase(Locale.ROOT);
      String alias = m.group(3);
      if (alias != null && NOT_ALIASES.contains(alias.toLowerCase(Locale.ROOT))) {
        return null;
      }
      String label =
          alias == null
              ? function
              : alias.startsWith("\"")
                  ? alias.substring(1, alias.length() - 1)
                  : alias.toLowerCase(Locale.ROOT);
      boolean isVersion = function.equals("version");
      columns.add(new Column(label, isVersion ? PgType.TEXT : PgType.NAME));
      values.add(
          switch (function) {
            case "version" -> version();
            case "current_database", "current_catalog" -> context.database();
            default -> context.user();
          });
    }
    Object[] row = values.toArray();
    return new CatalogAnswer(columns, () -> List.<Object[]>of(row));
  }

  /** PostgreSQL's version() format, naming distdb and the JVM in place of gcc. */
  private String version() {
    String arch = System.getProperty("os.arch", "x86_64");
    String platform =
        arch.equals("amd64") || arch.equals("x86_64")
            ? "x86_64-pc-linux-gnu"
            : arch + "-unknown-linux-gnu";
    return "PostgreSQL "
        + context.serverVersion()
        + " on "
        + platform
        + ", compiled by javac 17, 64-bit";
  }
}
