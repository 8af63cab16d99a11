package io.distdb.node.service;

import java.util.List;

/**
 * What a write statement produced: an update count, and the rows of a {@code RETURNING} clause.
 *
 * @param columns empty unless the statement returned rows
 */
public record WriteResult(long updateCount, List<Column> columns, List<Object[]> rows) {

  public static WriteResult count(long updateCount) {
    return new WriteResult(updateCount, List.of(), List.of());
  }

  public boolean returnsRows() {
    return !columns.isEmpty();
  }
}
