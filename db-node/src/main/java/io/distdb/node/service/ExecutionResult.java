package io.distdb.node.service;

import java.util.List;

/**
 * What one statement execution produced: a command tag and, for row-returning statements, a cursor.
 *
 * @param columns the row layout, empty for statements that return no rows
 * @param rows the rows, {@code null} for statements that return no rows
 * @param tag the complete CommandComplete tag ({@code "UPDATE 3"}, {@code "CREATE TABLE"}) for
 *     statements without rows; for row-returning ones either the tag's prefix ending in a space, to
 *     which the protocol appends the number of rows it sent ({@code "SELECT "}, {@code "INSERT 0
 *     "}), or a complete tag ({@code "SHOW"})
 */
public record ExecutionResult(List<Column> columns, RowCursor rows, String tag) {

  public static ExecutionResult command(String tag) {
    return new ExecutionResult(List.of(), null, tag);
  }

  public static ExecutionResult rows(List<Column> columns, RowCursor rows, String tagPrefix) {
    return new ExecutionResult(List.copyOf(columns), rows, tagPrefix);
  }

  public boolean returnsRows() {
    return rows != null;
  }

  /** The CommandComplete tag once {@code rowCount} rows were sent. */
  public String completionTag(long rowCount) {
    return returnsRows() && tag.endsWith(" ") ? tag + rowCount : tag;
  }
}
