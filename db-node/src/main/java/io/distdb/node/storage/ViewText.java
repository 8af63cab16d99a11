package io.distdb.node.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A view's definition as {@code pg_get_viewdef} shows it. {@code dialect.ViewSources} records
 * PostgreSQL's text of a view at CREATE VIEW in {@link CatalogViews#VIEW_TEXT}, with the engine's
 * text of the view as it was then; while the engine's text is still that, PostgreSQL's is shown.
 * Relation names in it are marked ({@code \u0001schema\u0002name\u0001}): PostgreSQL qualifies a
 * name only when its schema is not on the reader's search_path (pg_dump sets an empty one), which
 * the session sets as {@code @distdb_search_path}.
 */
final class ViewText {

  private static final char MARK = '\u0001';
  private static final char SEPARATOR = '\u0002';

  private static final String QUERY =
      "SELECT v.view_definition, t.engine_text, t.definition, t.pretty FROM "
          + CatalogViews.SCHEMA
          + ".pg_class r JOIN "
          + CatalogViews.SCHEMA
          + ".pg_namespace n ON n.oid = r.relnamespace"
          + " JOIN information_schema.views v ON v.table_schema = n.nspname"
          + " AND v.table_name = r.relname LEFT JOIN "
          + CatalogViews.VIEW_TEXT
          + " t ON t.view_schema = v.table_schema AND t.view_name = v.table_name"
          + " WHERE r.oid = ? AND r.relkind = 'v'";

  private ViewText() {}

  static String of(Connection c, Integer oid, boolean pretty) throws SQLException {
    if (oid == null) {
      return null;
    }
    try (PreparedStatement p = c.prepareStatement(QUERY)) {
      p.setInt(1, oid);
      try (ResultSet rs = p.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        String engine = rs.getString(1);
        if (engine.equals(rs.getString(2))) {
          return resolve(rs.getString(pretty ? 4 : 3), searchPath(c));
        }
        String recorded = recordedElsewhere(c, engine, pretty);
        if (recorded != null) {
          return resolve(recorded, searchPath(c));
        }
        String text = engine.strip();
        return " " + text + (text.endsWith(";") ? "" : ";");
      }
    }
  }

  /**
   * PostgreSQL's text recorded under another name for a view whose engine text is {@code engine}: a
   * rename that a block rolled back after its record had moved ({@code dialect.ViewRenames} moves
   * it in the rename's engine text). The text holds no name of the view itself and equal engine
   * texts are equal queries, so a record whose view no longer exists is taken; a record of an
   * existing view is not (the engine's text leaves out a view's column list, PostgreSQL's does
   * not).
   */
  private static String recordedElsewhere(Connection c, String engine, boolean pretty)
      throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT "
                + (pretty ? "pretty" : "definition")
                + " FROM "
                + CatalogViews.VIEW_TEXT
                + " t WHERE engine_text = ? AND NOT EXISTS (SELECT 1 FROM information_schema.views"
                + " v WHERE v.table_schema = t.view_schema AND v.table_name = t.view_name)"
                + " FETCH FIRST ROW ONLY")) {
      p.setString(1, engine);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  /** The schemas of the session's search_path, unquoted ({@code "$user"} is the node's user). */
  static List<String> searchPath(Connection c) throws SQLException {
    String path;
    String user;
    try (PreparedStatement p =
            c.prepareStatement("SELECT @distdb_search_path, @distdb_user, CURRENT_SCHEMA");
        ResultSet rs = p.executeQuery()) {
      rs.next();
      path = rs.getString(1);
      user = rs.getString(2);
      if (path == null) {
        path = rs.getString(3);
      }
    }
    List<String> out = new ArrayList<>();
    for (String part : path.split(",")) {
      String s = part.strip();
      if (s.isEmpty()) {
        continue;
      }
      s = unquote(s);
      out.add(s.equals("$user") ? user : s);
    }
    return out;
  }

  /** The stored text with each marked relation written as PostgreSQL would for that path. */
  static String resolve(String stored, List<String> searchPath) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (true) {
      int open = stored.indexOf(MARK, i);
      if (open < 0) {
        return out.append(stored, i, stored.length()).toString();
      }
      int separator = stored.indexOf(SEPARATOR, open);
      int close = stored.indexOf(MARK, open + 1);
      out.append(stored, i, open);
      String schema = stored.substring(open + 1, separator);
      String name = stored.substring(separator + 1, close);
      if (!searchPath.contains(unquote(schema))) {
        out.append(schema).append('.');
      }
      out.append(name);
      i = close + 1;
    }
  }

  private static String unquote(String s) {
    return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")
        ? s.substring(1, s.length() - 1).replace("\"\"", "\"")
        : s;
  }
}
