package io.distdb.node.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.distdb.node.sql.StatementException;
import org.junit.jupiter.api.Test;

/** The set-returning json functions in FROM, as UNNESTs with PostgreSQL's column names. */
class JsonSetFunctionRewriteTest {

  private final Dialect dialect = new Dialect(16);

  private String engine(String sql) throws StatementException {
    return dialect.translate(sql).sql();
  }

  @Test
  void jsonbEachIsKeysAndValuesUnnestedTogether() throws Exception {
    assertThat(engine("SELECT * FROM jsonb_each($1)"))
        .isEqualTo(
            "SELECT * FROM UNNEST(distdb_catalog.jsonb_each_keys(distdb_catalog.jsonb_out(?1)),"
                + " CAST(distdb_catalog.jsonb_each_values(distdb_catalog.jsonb_out(?1)) AS JSON"
                + " ARRAY)) jsonb_each(\"key\", \"value\")");
  }

  @Test
  void anAliasNamesTheTableAndKeyAndValueAreQuoted() throws Exception {
    assertThat(engine("SELECT e.key, value FROM json_each_text($1) AS e"))
        .isEqualTo(
            "SELECT e.\"key\", \"value\" FROM UNNEST(distdb_catalog.jsonb_each_keys(?1),"
                + " distdb_catalog.jsonb_each_texts(?1)) AS e(\"key\", \"value\")");
  }

  @Test
  void anImplicitLateralIsJoinedWithItsRowPositions() throws Exception {
    assertThat(engine("SELECT e.key FROM d, jsonb_each(d.body) e"))
        .contains("LEFT JOIN SYSTEM_RANGE(1, 9223372036854775807) AS \"e\"(distdb_row)");
  }

  @Test
  void aFunctionFirstInFromOverAnOuterQuerysColumnIs0A000() {
    assertThatThrownBy(() -> engine("SELECT (SELECT count(*) FROM jsonb_each(d.body)) FROM d"))
        .isInstanceOfSatisfying(
            StatementException.class, e -> assertThat(e.sqlState()).isEqualTo("0A000"))
        .hasMessageContaining("jsonb_each");
  }

  @Test
  void oneColumnFunctionsAreNamedAfterTheirAlias() throws Exception {
    assertThat(engine("SELECT k FROM jsonb_object_keys('{}') k"))
        .isEqualTo(
            "SELECT k FROM UNNEST(distdb_catalog.jsonb_keys(distdb_catalog.jsonb_out('{}'))) k(\"k\")");
    assertThat(engine("SELECT * FROM json_array_elements($1)"))
        .isEqualTo(
            "SELECT * FROM UNNEST(CAST(distdb_catalog.jsonb_elements(?1) AS JSON(999999999) ARRAY))"
                + " json_array_elements(\"value\")");
  }
}
