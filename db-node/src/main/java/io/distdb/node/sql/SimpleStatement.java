package io.distdb.node.sql;

/**
 * A statement whose routing needs nothing beyond its kind: READ, WRITE, DDL, EMPTY or OTHER.
 *
 * @param kind READ, WRITE, DDL, EMPTY or OTHER
 * @param commandTag see {@link Statement#commandTag()}
 * @param returnsRows true for queries, {@code SELECT nextval(..)}, EXPLAIN and RETURNING
 * @param hasReturning true for a data-changing statement with a top-level RETURNING clause
 */
public record SimpleStatement(
    StatementKind kind, String commandTag, boolean returnsRows, boolean hasReturning)
    implements Statement {

  static final SimpleStatement EMPTY = new SimpleStatement(StatementKind.EMPTY, "", false, false);

  static SimpleStatement of(StatementKind kind, String commandTag) {
    return new SimpleStatement(kind, commandTag, false, false);
  }
}
