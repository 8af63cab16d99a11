package io.distdb.node.service;

import java.util.List;

/**
 * The rows of one execution, fetched in chunks so a large result never sits in memory whole. Each
 * row is an {@code Object[]} with one value per column ({@code null} for SQL NULL).
 */
public interface RowCursor extends AutoCloseable {

  /** Up to {@code max} further rows; an empty list once the result is exhausted. */
  List<Object[]> next(int max) throws SqlException;

  @Override
  void close();
}
