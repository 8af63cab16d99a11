package io.distdb.node.dialect;

import io.distdb.node.sql.StatementException;
import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.create.view.CreateView;
import net.sf.jsqlparser.statement.select.PlainSelect;

/**
 * Keeps PostgreSQL's text of a view beside the view: the engine holds a view as its own text (every
 * name quoted, join conditions moved to WHERE, ORDER BY by position), which is not what {@code
 * pg_get_viewdef} shows in PostgreSQL. A {@code CREATE [OR REPLACE] VIEW} that {@link ViewDeparser}
 * can print is followed, in the same engine text, by a MERGE of both printed forms into {@value
 * #TABLE}, keyed by the view's name and holding the engine's text of the view as it was then. The
 * catalog uses PostgreSQL's text only while the engine's still equals that (a view renamed,
 * replaced without distdb seeing it, or rebuilt by a block's undo shows the engine's text again).
 * The MERGE is part of the schema change's logged text, so every replica has the same row.
 */
final class ViewSources {

  /** Where the texts are kept (created by {@code storage.CatalogViews}). */
  static final String TABLE = "\"distdb_internal\".\"view_text\"";

  private ViewSources() {}

  static boolean mightApply(String lower) {
    return lower.stripLeading().startsWith("create") && lower.contains("view");
  }

  /**
   * The statement that records {@code sql}'s view, or null if {@code sql} is no plain CREATE VIEW
   * or its query is one {@link ViewDeparser} does not print.
   */
  static String record(String sql, Schema schema) throws StatementException {
    Statement tree = PostgresParser.parse(sql);
    if (!(tree instanceof CreateView v)
        || v.isMaterialized()
        || v.getTemporary() != null
            && v.getTemporary() != net.sf.jsqlparser.statement.create.view.TemporaryOption.NONE
        || v.getSelect() == null
        || !(v.getSelect() instanceof PlainSelect select)
        || v.getView().getDatabaseName() != null) {
      return null;
    }
    List<String> columns = new ArrayList<>();
    if (v.getColumnNames() != null) {
      for (Column c : v.getColumnNames()) {
        columns.add(ViewTyping.fold(c.getColumnName()));
      }
    }
    String current = schema.currentSchema();
    String viewSchema =
        v.getView().getSchemaName() == null
            ? current
            : ViewTyping.fold(v.getView().getSchemaName());
    ViewDeparser.Definition d = ViewDeparser.deparse(select, columns, schema, current);
    if (d == null) {
      return null;
    }
    return "MERGE INTO "
        + TABLE
        + " (\"view_schema\", \"view_name\", \"engine_text\", \"definition\", \"pretty\")"
        + " KEY (\"view_schema\", \"view_name\") SELECT TABLE_SCHEMA, TABLE_NAME, VIEW_DEFINITION, "
        + literal(d.plain())
        + ", "
        + literal(d.pretty())
        + " FROM INFORMATION_SCHEMA.VIEWS WHERE TABLE_SCHEMA = "
        + literal(viewSchema)
        + " AND TABLE_NAME = "
        + literal(ViewTyping.fold(v.getView().getName()));
  }

  private static String literal(String s) {
    return "'" + s.replace("'", "''") + "'";
  }
}
