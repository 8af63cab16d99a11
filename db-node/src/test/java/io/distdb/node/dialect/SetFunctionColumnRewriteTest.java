package io.distdb.node.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Column names of set-returning functions in a FROM, as PostgreSQL 15 names them. */
class SetFunctionColumnRewriteTest {

  private final Dialect dialect = new Dialect(16);

  private String engine(String sql) throws Exception {
    return dialect.translate(sql).sql();
  }

  @Test
  void theAliasOrTheFunctionNamesTheColumn() throws Exception {
    assertThat(engine("SELECT g FROM generate_series(1, $1::bigint) g"))
        .isEqualTo("SELECT g FROM generate_series(1, ?1::bigint) g(g)");
    assertThat(engine("SELECT * FROM generate_series(1, 2.5)"))
        .isEqualTo("SELECT * FROM generate_series(1, 2.5) generate_series(generate_series)");
    assertThat(engine("SELECT u FROM t JOIN unnest(ARRAY[1, 2]) AS u ON true"))
        .contains("unnest(ARRAY[1, 2]) AS u(u)");
  }

  @Test
  void columnListsAndManyColumnFormsAreKept() throws Exception {
    assertThat(engine("SELECT x FROM generate_series(a, b) AS g(x)"))
        .isEqualTo("SELECT x FROM generate_series(a, b) AS g(x)");
    assertThat(engine("SELECT * FROM unnest(ARRAY[1], ARRAY['a']) u"))
        .isEqualTo("SELECT * FROM unnest(ARRAY[1], ARRAY['a']) u");
  }

  @Test
  void aSeriesOfIntegersIsInteger() throws Exception {
    // PostgreSQL's generate_series(int, int) is integer; the engine's is bigint.
    assertThat(engine("SELECT g FROM generate_series(1, 3) g"))
        .isEqualTo(
            "SELECT g FROM (SELECT CAST(distdb_gs.distdb_v AS INTEGER) AS g"
                + " FROM GENERATE_SERIES(1, 3) AS distdb_gs(distdb_v)) AS g");
    assertThat(engine("SELECT x FROM generate_series(1, 10, 3::int) AS s(x)"))
        .isEqualTo(
            "SELECT x FROM (SELECT CAST(distdb_gs.distdb_v AS INTEGER) AS x"
                + " FROM GENERATE_SERIES(1, 10, 3::int) AS distdb_gs(distdb_v)) AS s");
  }

  @Test
  void aSeriesWithOrdinalityNumbersItsRows() throws Exception {
    assertThat(engine("SELECT * FROM generate_series(1, 3) WITH ORDINALITY"))
        .isEqualTo(
            "SELECT * FROM (SELECT CAST(distdb_gs.distdb_v AS INTEGER) AS generate_series,"
                + " ROW_NUMBER() OVER () AS ordinality FROM GENERATE_SERIES(1, 3)"
                + " AS distdb_gs(distdb_v)) AS generate_series");
  }
}
