package io.distdb.node.sql;

/**
 * A SQL-level cursor command: DECLARE, FETCH, MOVE or CLOSE. distdb's cursors scan forward only, so
 * a direction that would go back (or jump) is kept as such for the service to refuse.
 *
 * @param op what to do
 * @param name the cursor's name (folded unless quoted); null for {@code CLOSE ALL}
 * @param query for DECLARE: the query text after {@code FOR}, its {@code $n} placeholders those of
 *     the DECLARE statement; else null
 * @param count for FETCH and MOVE: how many rows forward ({@link Long#MAX_VALUE} for ALL)
 * @param forward false for FETCH and MOVE directions other than forward (PRIOR, FIRST, LAST,
 *     ABSOLUTE, RELATIVE, BACKWARD, a negative count)
 * @param hold DECLARE ... WITH HOLD
 * @param binary DECLARE ... BINARY
 * @param scroll DECLARE ... SCROLL
 */
public record CursorCommand(
    Op op,
    String name,
    String query,
    long count,
    boolean forward,
    boolean hold,
    boolean binary,
    boolean scroll)
    implements Statement {

  /** The cursor operation. */
  public enum Op {
    DECLARE,
    FETCH,
    MOVE,
    CLOSE
  }

  @Override
  public StatementKind kind() {
    return StatementKind.OTHER;
  }

  @Override
  public String commandTag() {
    return switch (op) {
      case DECLARE -> "DECLARE CURSOR";
      case FETCH -> "FETCH";
      case MOVE -> "MOVE";
      case CLOSE -> name == null ? "CLOSE CURSOR ALL" : "CLOSE CURSOR";
    };
  }

  @Override
  public boolean returnsRows() {
    return op == Op.FETCH;
  }
}
