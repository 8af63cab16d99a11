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
    assertThat(engine("SELECT g FROM generate_series(1, 3) g"))
        .isEqualTo("SELECT g FROM generate_series(1, 3) g(g)");
    assertThat(engine("SELECT * FROM generate_series(1, 2)"))
        .isEqualTo("SELECT * FROM generate_series(1, 2) generate_series(generate_series)");
    assertThat(engine("SELECT u FROM t JOIN unnest(ARRAY[1, 2]) AS u ON true"))
        .contains("unnest(ARRAY[1, 2]) AS u(u)");
  }

  @Test
  void columnListsAndManyColumnFormsAreKept() throws Exception {
    assertThat(engine("SELECT x FROM generate_series(1, 3) AS g(x)"))
        .isEqualTo("SELECT x FROM generate_series(1, 3) AS g(x)");
    assertThat(engine("SELECT * FROM unnest(ARRAY[1], ARRAY['a']) u"))
        .isEqualTo("SELECT * FROM unnest(ARRAY[1], ARRAY['a']) u");
  }
}
