package io.distdb.node.service;

import java.util.List;

/**
 * A parsed, described statement. Owned by the session that prepared it; {@link #close()} frees it.
 */
public interface PreparedSql extends AutoCloseable {

  /** The statement text as the client sent it. */
  String sql();

  /** One PostgreSQL type OID per {@code $n} parameter, in order (never 0 once prepared). */
  int[] parameterTypeOids();

  /**
   * The columns a successful execution returns, or an empty list when the statement returns no rows
   * (the protocol then answers Describe with NoData).
   */
  List<Column> columns();

  /** True for a statement that is only whitespace and comments (EmptyQueryResponse). */
  boolean isEmpty();

  @Override
  void close();
}
