package io.distdb.node.sql;

/**
 * {@code CREATE DATABASE name [WITH ...]} or {@code DROP DATABASE [IF EXISTS] name [WITH (FORCE)]}.
 * CREATE's options (OWNER, ENCODING, ...) are not kept: a logical distdb database has none.
 *
 * @param action CREATE or DROP
 * @param name the database name, folded to lower case unless it was double-quoted
 * @param ifExists DROP ... IF EXISTS
 * @param force DROP ... WITH (FORCE)
 */
public record DatabaseCommand(Action action, String name, boolean ifExists, boolean force)
    implements Statement {

  /** What the command does to the database. */
  public enum Action {
    CREATE,
    DROP
  }

  @Override
  public StatementKind kind() {
    return StatementKind.DATABASE_DDL;
  }

  @Override
  public String commandTag() {
    return action == Action.CREATE ? "CREATE DATABASE" : "DROP DATABASE";
  }

  @Override
  public boolean returnsRows() {
    return false;
  }
}
