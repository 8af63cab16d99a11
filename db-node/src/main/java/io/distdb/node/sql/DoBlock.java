package io.distdb.node.sql;

import java.util.Set;

/**
 * A {@code DO} block of the one PL/pgSQL shape frameworks wrap DDL in, {@code BEGIN statement;
 * [EXCEPTION WHEN condition [OR condition] THEN NULL;] END}: run {@code statement}, and where it
 * fails with one of the conditions, carry on as the block's handler would (Sequelize creates its
 * enum types so: {@code EXCEPTION WHEN duplicate_object THEN null}). distdb has no PL/pgSQL; any
 * other body is refused by {@link DoBlockParser} (0A000).
 *
 * @param statement the one SQL statement of the block's body; empty for an empty body
 * @param ignoredSqlStates the SQLSTATEs the block's handler swallows
 */
public record DoBlock(String statement, Set<String> ignoredSqlStates) implements Statement {

  @Override
  public StatementKind kind() {
    return StatementKind.OTHER;
  }

  @Override
  public String commandTag() {
    return "DO";
  }

  @Override
  public boolean returnsRows() {
    return false;
  }
}
