package io.distdb.node.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TempFunctionParserTest {

  /** What Sequelize 6.37's findOrCreate sends (recorded from PostgreSQL 15's log). */
  private static final String CREATE =
      "CREATE OR REPLACE FUNCTION pg_temp.testfunc(OUT response \"sq_tags\", OUT"
          + " sequelize_caught_exception text) RETURNS RECORD AS $func_98bd$ BEGIN INSERT INTO"
          + " \"sq_tags\" (\"id\",\"name\") VALUES (DEFAULT,'db') RETURNING * INTO response;"
          + " EXCEPTION WHEN unique_violation THEN GET STACKED DIAGNOSTICS"
          + " sequelize_caught_exception = PG_EXCEPTION_DETAIL; END $func_98bd$ LANGUAGE plpgsql";

  @Test
  void sequelizesInsertFunction() throws Exception {
    assertThat(StatementClassifier.classify(CREATE))
        .isEqualTo(
            new TempInsertFunction(
                "testfunc",
                "INSERT INTO \"sq_tags\" (\"id\",\"name\") VALUES (DEFAULT,'db') RETURNING *",
                "response",
                "sequelize_caught_exception"));
  }

  @Test
  void itsDrop() throws Exception {
    assertThat(StatementClassifier.classify("DROP FUNCTION IF EXISTS pg_temp.testfunc()"))
        .isEqualTo(new TempInsertFunction.Drop("testfunc", true));
  }

  @Test
  void otherFunctionsStayRefused() {
    assertThatThrownBy(
            () ->
                StatementClassifier.classify(
                    CREATE.replace(
                        "RETURNING * INTO response;", "RETURNING * INTO response; PERFORM 1;")))
        .isInstanceOf(StatementException.class);
    assertThatThrownBy(
            () ->
                StatementClassifier.classify(
                    "CREATE FUNCTION pg_temp.f() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql"))
        .isInstanceOf(StatementException.class);
  }
}
