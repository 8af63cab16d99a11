package io.distdb.node.dialect;

import io.distdb.node.sql.SqlLexer;
import io.distdb.node.sql.StatementException;
import io.distdb.node.sql.Token;
import java.util.List;

/**
 * {@code ALTER VIEW v RENAME TO w} (or {@code ALTER TABLE v RENAME TO w}, which PostgreSQL accepts
 * for a view too) carries the PostgreSQL text {@link ViewSources} recorded for {@code v} over to
 * {@code w}: the record is keyed by the view's name, so without this pg_get_viewdef and pg_views of
 * the renamed view fell back to the engine's text. The UPDATE runs in the same engine text as the
 * rename, so every replica moves the same row; for a table it changes nothing.
 */
final class ViewRenames {

  private ViewRenames() {}

  static boolean mightApply(String lower) {
    return lower.stripLeading().startsWith("alter") && lower.contains("rename");
  }

  /** The statement that moves the record, or null if {@code sql} renames no relation. */
  static String record(String sql, Schema schema) throws StatementException {
    List<Token> t = SqlLexer.tokenize(sql);
    int end = t.size();
    if (end > 0 && t.get(end - 1).is(";")) {
      end--;
    }
    if (end < 6
        || !t.get(0).isKeyword("ALTER")
        || !(t.get(1).isKeyword("VIEW") || t.get(1).isKeyword("TABLE"))) {
      return null;
    }
    int i = 2;
    if (t.get(i).isKeyword("IF") && t.get(i + 1).isKeyword("EXISTS")) {
      i += 2;
    }
    String viewSchema = null;
    if (i + 2 < end && t.get(i + 1).is(".")) {
      if (!t.get(i).isName()) {
        return null;
      }
      viewSchema = t.get(i).value();
      i += 2;
    }
    if (i + 4 != end
        || !t.get(i).isName()
        || !t.get(i + 1).isKeyword("RENAME")
        || !t.get(i + 2).isKeyword("TO")
        || !t.get(i + 3).isName()) {
      return null;
    }
    return "UPDATE "
        + ViewSources.TABLE
        + " SET \"view_name\" = "
        + literal(t.get(i + 3).value())
        + " WHERE \"view_schema\" = "
        + literal(viewSchema == null ? schema.currentSchema() : viewSchema)
        + " AND \"view_name\" = "
        + literal(t.get(i).value());
  }

  private static String literal(String s) {
    return "'" + s.replace("'", "''") + "'";
  }
}
