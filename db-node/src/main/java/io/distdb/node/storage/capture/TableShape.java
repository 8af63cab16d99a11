package io.distdb.node.storage.capture;

import java.util.List;

/**
 * What the log needs to know about a table's columns to turn a {@link CapturedRow} into a row
 * image.
 *
 * @param columns the stored (non-generated) columns, in table order
 * @param stored their positions in a captured row
 * @param keyColumns the primary key's columns; empty when the table has none
 * @param key their positions in a captured row
 */
public record TableShape(List<String> columns, int[] stored, List<String> keyColumns, int[] key) {

  /** The stored values of a captured row. */
  public Object[] project(Object[] row) {
    return pick(row, stored);
  }

  /** The values that identify a captured row: its key, or all its stored values without one. */
  public Object[] identify(Object[] row) {
    return pick(row, keyColumns.isEmpty() ? stored : key);
  }

  private static Object[] pick(Object[] row, int[] positions) {
    Object[] out = new Object[positions.length];
    for (int i = 0; i < positions.length; i++) {
      out[i] = row[positions[i]];
    }
    return out;
  }
}
