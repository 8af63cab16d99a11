package io.distdb.node.service.catalog;

import io.distdb.node.service.Column;
import io.distdb.node.service.SqlException;
import java.util.List;

/**
 * A recognised catalog query: its row layout, known when the statement is prepared, and its rows,
 * computed each time it is executed so that a prepared statement sees later schema changes.
 */
public record CatalogAnswer(List<Column> columns, Rows rows) {

  /** Computes the rows of one execution. */
  @FunctionalInterface
  public interface Rows {
    List<Object[]> get() throws SqlException;
  }

  public CatalogAnswer {
    columns = List.copyOf(columns);
  }

  /** An answer with no rows: for catalogs distdb has nothing in (policies, publications...). */
  static CatalogAnswer empty(List<Column> columns) {
    return new CatalogAnswer(columns, List::of);
  }
}
