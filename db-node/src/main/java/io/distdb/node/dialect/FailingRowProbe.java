package io.distdb.node.dialect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * PostgreSQL's DETAIL of a check or not-null violation is the whole row that failed, {@code Failing
 * row contains (1, -5).}; the engine names only the constraint or column. This reads the engine
 * statement that failed and writes a query that computes the rows it proposed, with every column of
 * the table in order, and keeps the first one that violates: for {@code INSERT ... VALUES | SELECT}
 * the source rows with the missing columns' values filled in, for a single-table {@code UPDATE ...
 * SET ... [WHERE]} the matching rows with the new values. Other statements (MERGE, UPDATE ... FROM,
 * data-modifying CTEs) get no probe and so no DETAIL.
 */
public final class FailingRowProbe {

  /** The statement's target and the probe's parts. */
  public record Target(String schema, String table) {}

  private FailingRowProbe() {}

  /** The table an engine INSERT or UPDATE (bare or under RETURNING's delta table) writes. */
  public static Target target(String engineSql) {
    Statement s = parse(engineSql);
    Table table =
        s instanceof Insert i ? i.getTable() : s instanceof Update u ? u.getTable() : null;
    if (table == null) {
      return null;
    }
    return new Target(
        table.getSchemaName() == null ? null : name(table.getSchemaName()), name(table.getName()));
  }

  /**
   * A query whose first row is the failing row, each column as written by the statement, or null if
   * the statement is not one this class reads.
   *
   * @param columns the table's columns in order (engine names)
   * @param missing for an INSERT: the SQL of a column's value when the statement does not give it
   *     (its default, or the identity value the engine drew); absent means NULL
   * @param violated the condition a failing row meets, over the bare column names
   */
  public static String query(
      String engineSql, List<String> columns, Map<String, String> missing, String violated) {
    Statement s = parse(engineSql);
    String rows;
    if (s instanceof Insert insert) {
      rows = insertRows(insert, columns, missing);
    } else if (s instanceof Update update) {
      rows = updateRows(update, columns);
    } else {
      return null;
    }
    return rows == null
        ? null
        : "SELECT * FROM (" + rows + ") AS distdb_failing WHERE " + violated + " LIMIT 1";
  }

  private static String insertRows(
      Insert insert, List<String> columns, Map<String, String> missing) {
    if (insert.getSelect() == null
        || insert.getConflictAction() != null
        || insert.getDuplicateUpdateSets() != null
        || insert.getWithItemsList() != null) {
      return null;
    }
    List<String> given = new ArrayList<>();
    if (insert.getColumns() == null || insert.getColumns().isEmpty()) {
      given.addAll(columns);
    } else {
      for (Column c : insert.getColumns()) {
        given.add(name(c.getColumnName()));
      }
    }
    StringBuilder sql = new StringBuilder("SELECT ");
    for (int i = 0; i < columns.size(); i++) {
      String column = columns.get(i);
      sql.append(i == 0 ? "" : ", ");
      if (given.contains(column)) {
        sql.append("distdb_source.").append(quote(column));
      } else {
        sql.append(missing.getOrDefault(column, "NULL"));
      }
      sql.append(" AS ").append(quote(column));
    }
    sql.append(" FROM (").append(insert.getSelect()).append(") AS distdb_source(");
    for (int i = 0; i < given.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append(quote(given.get(i)));
    }
    return sql.append(')').toString();
  }

  private static String updateRows(Update update, List<String> columns) {
    if (update.getFromItem() != null
        || (update.getJoins() != null && !update.getJoins().isEmpty())
        || update.getStartJoins() != null && !update.getStartJoins().isEmpty()
        || update.getWithItemsList() != null) {
      return null;
    }
    Map<String, String> set = new java.util.HashMap<>();
    for (UpdateSet u : update.getUpdateSets()) {
      if (u.getColumns().size() != u.getValues().size()) {
        return null; // (a, b) = (SELECT ...)
      }
      for (int i = 0; i < u.getColumns().size(); i++) {
        set.put(name(u.getColumns().get(i).getColumnName()), u.getValues().get(i).toString());
      }
    }
    StringBuilder sql = new StringBuilder("SELECT ");
    for (int i = 0; i < columns.size(); i++) {
      String column = columns.get(i);
      sql.append(i == 0 ? "" : ", ")
          .append(set.getOrDefault(column, quote(column)))
          .append(" AS ")
          .append(quote(column));
    }
    sql.append(" FROM ").append(update.getTable());
    if (update.getWhere() != null) {
      sql.append(" WHERE ").append(update.getWhere());
    }
    return sql.toString();
  }

  /**
   * The engine statement, looked for inside RETURNING's {@code ... FROM FINAL TABLE (...) AS t}.
   */
  private static Statement parse(String engineSql) {
    String sql = engineSql;
    int delta = sql.toUpperCase(Locale.ROOT).indexOf(" FINAL TABLE (");
    int end = sql.lastIndexOf(") AS ");
    if (delta >= 0 && end > delta) {
      sql = sql.substring(delta + " FINAL TABLE (".length(), end);
    }
    return PostgresParser.parse(sql);
  }

  /** An identifier as the engine stores it: quoted as written, unquoted in lower case. */
  private static String name(String identifier) {
    return JsonColumnRewrite.name(identifier);
  }

  private static String quote(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }
}
