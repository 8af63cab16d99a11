package io.distdb.node.command;

import io.distdb.node.command.Change.Op;
import io.distdb.node.command.Change.RowChange;
import io.distdb.node.command.Change.RowChanges;
import java.sql.BatchUpdateException;
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

  /** Rows held back at most before they are sent, so a long run's batch stays small in memory. */
  static final int MAX_PENDING_ROWS = 4_096;

  private final Connection connection;
  private final Map<StatementKey, PreparedStatement> statements = new HashMap<>();
  private final PendingRows pending = new PendingRows();

  /** What a prepared statement is for: one kind of write into one table of one shape. */
  private record StatementKey(
      Op op, String schema, String table, List<String> columns, List<String> keyColumns) {
    static StatementKey of(Op op, RowChanges t) {
      return new StatementKey(op, t.schema(), t.table(), t.columns(), t.keyColumns());
    }
  }

  RowApplier(Connection connection) {
    this.connection = connection;
  }

  /**
   * Applies the row images of the entry at {@code lsn}. Inserts may be held back in a batch that
   * later entries' inserts into the same table extend, so that a slave catching up sends one JDBC
   * batch for many single-row entries; anything else that touches this database must call {@link
   * #flush()} first, and the caller must flush before it commits.
   */
  void apply(RowChanges changes, long lsn) throws SQLException {
    List<RowChange> rows = changes.rows();
    int i = 0;
    while (i < rows.size()) {
      Op op = rows.get(i).op();
      int end = i;
      while (end < rows.size() && rows.get(end).op() == op) {
        end++;
      }
      List<RowChange> run = rows.subList(i, end);
      if (op == Op.UPDATE) {
        // All old rows go before any new row goes in (see the class comment), so the run is
        // applied whole, and never merged with another statement's.
        flush();
        hold(changes, Op.DELETE, run, lsn);
        flush();
        hold(changes, Op.INSERT, run, lsn);
      } else if (op == Op.DELETE) {
        // Sent at once: a delete that misses is divergence, reported by the entry that logged it.
        hold(changes, op, run, lsn);
        flush();
      } else {
        hold(changes, op, run, lsn);
      }
      i = end;
    }
  }

  private void hold(RowChanges t, Op op, List<RowChange> run, long lsn) throws SQLException {
    PreparedStatement ps = statement(op, t);
    if (!pending.continues(ps)) {
      flush();
      pending.start(ps, t, op);
    }
    for (RowChange r : run) {
      bind(ps, op == Op.INSERT ? r.row() : r.key());
      ps.addBatch();
      pending.add(lsn, r.op());
      if (pending.size() >= MAX_PENDING_ROWS) {
        flush();
        pending.start(ps, t, op);
      }
    }
  }

  /**
   * Sends the rows held back. A failure names the entry whose row failed: {@link
   * RowApplyException#lsn()}.
   */
  void flush() throws SQLException {
    if (pending.isEmpty()) {
      pending.clear();
      return;
    }
    PreparedStatement ps = pending.statement();
    int[] counts;
    try {
      counts = ps.executeBatch();
    } catch (BatchUpdateException e) {
      long lsn = pending.lsn(firstFailure(e.getUpdateCounts()));
      pending.clear();
      throw new RowApplyException(lsn, earliest(e));
    } catch (SQLException e) {
      long lsn = pending.lsn(0);
      pending.clear();
      throw new RowApplyException(lsn, e);
    }
    try {
      if (pending.op() == Op.DELETE) {
        for (int i = 0; i < counts.length; i++) {
          if (counts[i] == 0) {
            throw new RowApplyException(
                pending.lsn(i),
                new DivergenceException(
                    "row of "
                        + pending.table().schema()
                        + "."
                        + pending.table().table()
                        + " to "
                        + pending.logged(i).name().toLowerCase(java.util.Locale.ROOT)
                        + " not found: this replica no longer matches the master"));
          }
        }
      }
    } finally {
      pending.clear();
    }
  }

  /** Drops the rows held back (their transaction is being rolled back). */
  void discard() {
    PreparedStatement ps = pending.statement();
    pending.clear();
    if (ps != null) {
      try {
        ps.clearBatch();
      } catch (SQLException ignored) {
        // The statement is reused only after a successful clear; a closed one is re-prepared.
      }
    }
  }

  /** The index of the first row the engine refused. */
  private int firstFailure(int[] counts) {
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] == java.sql.Statement.EXECUTE_FAILED) {
        return i;
      }
    }
    // A driver that stops at the first failure reports only the rows before it.
    return Math.min(counts.length, pending.size() - 1);
  }

  /** The engine chains a batch's failures latest first: the first row's is the last. */
  private static SQLException earliest(BatchUpdateException e) {
    SQLException first = e;
    while (first.getNextException() != null) {
      first = first.getNextException();
    }
    return first;
  }

  private static void bind(PreparedStatement ps, Object[] values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      ps.setObject(i + 1, values[i]);
    }
  }

  private PreparedStatement statement(Op op, RowChanges t) throws SQLException {
    StatementKey key = StatementKey.of(op, t);
    PreparedStatement ps = statements.get(key);
    if (ps == null) {
      ps = connection.prepareStatement(op == Op.INSERT ? insertSql(t) : deleteSql(t));
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
    discard();
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
