package io.distdb.node.command;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One part of a logged {@link Command.Transaction}, applied in order. */
public sealed interface Change {

  /**
   * Row images of one table from one statement (a statement touching several tables, through
   * cascades or triggers, yields one group per run of rows on the same table).
   *
   * @param columns the table's stored columns in table order (generated columns left out: the
   *     replica computes them from the others)
   * @param keyColumns the primary key's columns; empty for a table without one, whose rows are then
   *     identified by all their values (see {@code command/DESIGN.md})
   */
  record RowChanges(
      String schema,
      String table,
      List<String> columns,
      List<String> keyColumns,
      List<RowChange> rows)
      implements Change {
    public RowChanges {
      columns = List.copyOf(columns);
      keyColumns = List.copyOf(keyColumns);
      rows = List.copyOf(rows);
    }

    /** The key's width: the key columns, or every column for a table without a primary key. */
    public int keyWidth() {
      return keyColumns.isEmpty() ? columns.size() : keyColumns.size();
    }
  }

  /** What happened to one row. */
  enum Op {
    INSERT,
    UPDATE,
    DELETE
  }

  /**
   * @param key the row's old key values ({@link RowChanges#keyWidth()} of them); null for an insert
   * @param row the new row's column values; null for a delete
   */
  record RowChange(Op op, Object[] key, Object[] row) {
    public static RowChange insert(Object[] row) {
      return new RowChange(Op.INSERT, null, row);
    }

    public static RowChange update(Object[] key, Object[] row) {
      return new RowChange(Op.UPDATE, key, row);
    }

    public static RowChange delete(Object[] key) {
      return new RowChange(Op.DELETE, key, null);
    }
  }

  /**
   * A schema change or TRUNCATE, logged as the statement the engine ran: DDL is deterministic once
   * its text is (clock functions in {@code CREATE TABLE AS} are fixed before it runs).
   */
  record SchemaChange(String sql, List<Object> parameters) implements Change {
    public SchemaChange {
      parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
    }
  }

  /**
   * Where a sequence stands after the transaction: the value its next use returns. Logged whenever
   * it moved, including by statements that were rolled back, so every replica's sequences end where
   * the master's did.
   *
   * @param column null for a sequence object; the identity column whose (engine-named) sequence it
   *     is, otherwise
   */
  record SequencePosition(String schema, String name, String column, long nextValue)
      implements Change {}
}
