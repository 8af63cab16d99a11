package io.distdb.node.service;

import java.util.List;

/** A cursor over rows already in memory (RETURNING rows, SHOW output). */
final class ListCursor implements RowCursor {

  private final List<Object[]> rows;
  private int position;

  ListCursor(List<Object[]> rows) {
    this.rows = rows;
  }

  @Override
  public List<Object[]> next(int max) {
    int end = Math.min(rows.size(), position + max);
    List<Object[]> chunk = rows.subList(position, end);
    position = end;
    return chunk;
  }

  @Override
  public void close() {}
}
