package io.distdb.node.command;

import io.distdb.node.command.Change.Op;
import io.distdb.node.command.Change.RowChange;
import io.distdb.node.command.Change.RowChanges;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes row images into one database with prepared statements, a JDBC batch per run of rows of the
 * same kind; nothing is evaluated but the values the master logged.
 *
 * <ul>
 *   <li>insert: {@code INSERT ... OVERRIDING SYSTEM VALUE VALUES (?, ...)}, so identity columns
 *       take the master's values;
 *   <li>delete: by primary key, or for a table without one by all stored values ({@code IS NOT
 *       DISTINCT FROM}, first matching row only: equal rows are interchangeable);
 *   <li>update: a run of updates from one statement is applied like the engine applies it, all old
 *       rows deleted first, then all new rows inserted, so keys swapped within one statement never
 *       collide.
 * </ul>
 *
 * A delete (or update) that finds no row means this replica has diverged: {@link
 * DivergenceException}.
 */
final class RowApplier {

  private final Connection connection;
  private final Map<String, PreparedStatement> statements = new HashMap<>();

  RowApplier(Connection connection) {
    this.connection = connection;
  }

  void apply(RowChanges changes) throws SQLException {
    List<RowChange> rows = changes.rows();
    int i = 0;
    while (i < rows.size()) {
      Op op = rows.get(i).op();
      int end = i;
      while (end < rows.size() && rows.get(end).op() == op) {
        end++;
      }
      List<RowChange> run = rows.subList(i, end);
      if (op != Op.INSERT) {
        delete(changes, run);
      }
      if (op != Op.DELETE) {
        insert(changes, run);
      }
      i = end;
    }
  }

  private void insert(RowChanges t, List<RowChange> run) throws SQLException {
    PreparedStatement ps = statement(t, "insert");
    for (RowChange r : run) {
      bind(ps, r.row());
      ps.addBatch();
    }
    ps.executeBatch();
  }

  private void delete(RowChanges t, List<RowChange> run) throws SQLException {
    PreparedStatement ps = statement(t, "delete");
    for (RowChange r : run) {
      bind(ps, r.key());
      ps.addBatch();
    }
    int[] counts = ps.executeBatch();
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] == 0) {
        throw new DivergenceException(
            "row of "
                + t.schema()
                + "."
                + t.table()
                + " to "
                + run.get(i).op().name().toLowerCase(java.util.Locale.ROOT)
                + " not found: this replica no longer matches the master");
      }
    }
  }

  private static void bind(PreparedStatement ps, Object[] values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      ps.setObject(i + 1, values[i]);
    }
  }

  private PreparedStatement statement(RowChanges t, String kind) throws SQLException {
    String key =
        kind
            + '\u0000'
            + t.schema()
            + '\u0000'
            + t.table()
            + '\u0000'
            + t.columns()
            + t.keyColumns();
    PreparedStatement ps = statements.get(key);
    if (ps == null) {
      ps = connection.prepareStatement(kind.equals("insert") ? insertSql(t) : deleteSql(t));
      statements.put(key, ps);
    }
    return ps;
  }

  static String insertSql(RowChanges t) {
    StringBuilder sql = new StringBuilder("INSERT INTO ").append(table(t)).append(" (");
    List<String> marks = new ArrayList<>();
    for (int i = 0; i < t.columns().size(); i++) {
      sql.append(i == 0 ? "" : ", ").append(quote(t.columns().get(i)));
      marks.add("?");
    }
    return sql.append(") OVERRIDING SYSTEM VALUE VALUES (")
        .append(String.join(", ", marks))
        .append(')')
        .toString();
  }

  static String deleteSql(RowChanges t) {
    boolean byKey = !t.keyColumns().isEmpty();
    List<String> names = byKey ? t.keyColumns() : t.columns();
    StringBuilder sql = new StringBuilder("DELETE FROM ").append(table(t)).append(" WHERE ");
    for (int i = 0; i < names.size(); i++) {
      sql.append(i == 0 ? "" : " AND ")
          .append(quote(names.get(i)))
          .append(byKey ? " = ?" : " IS NOT DISTINCT FROM ?");
    }
    return byKey ? sql.toString() : sql.append(" FETCH FIRST 1 ROW ONLY").toString();
  }

  private static String table(RowChanges t) {
    return quote(t.schema()) + "." + quote(t.table());
  }

  static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  /** The schema changed: prepared statements may name columns that are gone. */
  void forgetStatements() {
    for (PreparedStatement ps : statements.values()) {
      try {
        ps.close();
      } catch (SQLException ignored) {
        // Only frees memory.
      }
    }
    statements.clear();
  }
}
