package io.distdb.node.sql;

/**
 * The one PL/pgSQL function distdb runs: Sequelize's {@code findOrCreate} inserts through a
 * session-local function, {@code CREATE OR REPLACE FUNCTION pg_temp.testfunc(OUT response "t", OUT
 * sequelize_caught_exception text) RETURNS RECORD AS $$ BEGIN INSERT ... RETURNING * INTO response;
 * EXCEPTION WHEN unique_violation THEN GET STACKED DIAGNOSTICS sequelize_caught_exception =
 * PG_EXCEPTION_DETAIL; END $$ LANGUAGE plpgsql}, calls it once and drops it. The session keeps
 * {@code insert} under {@code name} and runs it when the function is called, inside a savepoint,
 * answering the inserted row, or nulls and the violation's DETAIL (see {@link TempFunctionParser}).
 *
 * @param name the function's name in pg_temp
 * @param insert the INSERT ... RETURNING * without its INTO
 * @param rowName the OUT parameter that holds the inserted row
 * @param detailName the OUT parameter that holds a unique violation's DETAIL
 */
public record TempInsertFunction(String name, String insert, String rowName, String detailName)
    implements Statement {

  @Override
  public StatementKind kind() {
    return StatementKind.OTHER;
  }

  @Override
  public String commandTag() {
    return "CREATE FUNCTION";
  }

  @Override
  public boolean returnsRows() {
    return false;
  }

  /** {@code DROP FUNCTION [IF EXISTS] pg_temp.name()} of such a function. */
  public record Drop(String name, boolean ifExists) implements Statement {

    @Override
    public StatementKind kind() {
      return StatementKind.OTHER;
    }

    @Override
    public String commandTag() {
      return "DROP FUNCTION";
    }

    @Override
    public boolean returnsRows() {
      return false;
    }
  }
}
