package io.distdb.node.copy;

import java.util.List;

/**
 * One {@code COPY} statement as distdb runs it: rows from the client into a table ({@code FROM
 * STDIN}), or a table's or query's rows to the client ({@code TO STDOUT}).
 *
 * @param from true for {@code COPY ... FROM STDIN}
 * @param table the table as written (schema-qualified or quoted), null for {@code COPY (query)}
 * @param relationName the table's name as PostgreSQL shows it in CONTEXT lines ({@code COPY t, line
 *     2}), folded like an identifier
 * @param columns the column list as written, empty for all columns
 * @param query the text of {@code COPY (query) TO}, null otherwise
 */
public record CopyCommand(
    boolean from,
    String table,
    String relationName,
    List<String> columns,
    String query,
    CopyOptions options) {

  public CopyCommand {
    columns = List.copyOf(columns);
  }

  /** The engine query whose rows {@code COPY ... TO} sends. */
  public String sourceQuery() {
    if (query != null) {
      return query;
    }
    return "SELECT " + (columns.isEmpty() ? "*" : String.join(", ", columns)) + " FROM " + table;
  }
}
