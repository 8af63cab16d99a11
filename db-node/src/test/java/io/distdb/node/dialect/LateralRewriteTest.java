package io.distdb.node.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.distdb.node.sql.StatementException;
import org.junit.jupiter.api.Test;

/**
 * LATERAL subqueries and set-returning functions over other FROM items, as the engine runs them:
 * expressions, correlated scalar subqueries, joins with row positions. The differential corpus
 * checks their results against PostgreSQL.
 */
class LateralRewriteTest {

  private final Dialect dialect = new Dialect(16);

  private String engine(String sql) throws StatementException {
    return dialect.translate(sql).sql();
  }

  @Test
  void unnestOverAColumnJoinsTheArraysPositions() throws Exception {
    assertThat(engine("SELECT t.id, x FROM t, unnest(t.tags) AS x"))
        .isEqualTo(
            "SELECT t.id, (t.tags)[\"x\".distdb_row] AS \"x\" FROM t LEFT JOIN SYSTEM_RANGE(1,"
                + " 9223372036854775807) AS \"x\"(distdb_row) ON \"x\".distdb_row <="
                + " COALESCE(CARDINALITY(t.tags), 0) WHERE \"x\".distdb_row IS NOT NULL");
  }

  @Test
  void aLeftJoinKeepsRowsWithoutElementsAndTheOrdinalityIsThePosition() throws Exception {
    assertThat(
            engine(
                "SELECT t.id, u.o FROM t LEFT JOIN LATERAL unnest(t.n) WITH ORDINALITY u(v, o) ON true"))
        .isEqualTo(
            "SELECT t.id, \"u\".distdb_row AS \"o\" FROM t LEFT JOIN SYSTEM_RANGE(1,"
                + " 9223372036854775807) AS \"u\"(distdb_row) ON \"u\".distdb_row <="
                + " COALESCE(CARDINALITY(t.n), 0) AND (true)");
  }

  @Test
  void jsonFunctionsReadTheirArraysAtThePosition() throws Exception {
    String sql = engine("SELECT d.id, e.key FROM d CROSS JOIN LATERAL jsonb_each(d.body) e");
    assertThat(sql)
        .startsWith(
            "SELECT d.id, (distdb_catalog.jsonb_each_keys(distdb_catalog.jsonb_out(d.body)))"
                + "[\"e\".distdb_row] AS \"key\" FROM d LEFT JOIN SYSTEM_RANGE")
        .endsWith("WHERE \"e\".distdb_row IS NOT NULL");
  }

  @Test
  void starListsEveryItemsColumnsWithTheFunctionsComputed() throws Exception {
    assertThat(engine("SELECT * FROM t, generate_series(1, t.n) g"))
        .startsWith("SELECT t.*, CASE WHEN \"g\".distdb_row IS NULL THEN NULL");
  }

  @Test
  void aOneRowSubqueryWithoutFromIsItsExpressions() throws Exception {
    assertThat(engine("SELECT t.id, x.d FROM t, LATERAL (SELECT t.n * 2 AS d) x ORDER BY x.d"))
        .isEqualTo("SELECT t.id, t.n * 2 AS \"d\" FROM t ORDER BY t.n * 2");
  }

  @Test
  void aLimitOneSubqueryIsAScalarSubqueryPerColumn() throws Exception {
    assertThat(
            engine(
                "SELECT t.id, s.v FROM t LEFT JOIN LATERAL (SELECT v FROM u WHERE u.t_id = t.id"
                    + " ORDER BY v DESC LIMIT 1) s ON true"))
        .isEqualTo(
            "SELECT t.id, (SELECT v FROM u WHERE u.t_id = t.id ORDER BY v DESC LIMIT 1) AS \"v\""
                + " FROM t");
    // an inner join drops the rows the subquery has no row for
    assertThat(
            engine(
                "SELECT t.id, s.v FROM t, LATERAL (SELECT v FROM u WHERE u.t_id = t.id LIMIT 1) s"))
        .isEqualTo(
            "SELECT t.id, (SELECT v FROM u WHERE u.t_id = t.id LIMIT 1) AS \"v\" FROM t WHERE EXISTS"
                + " (SELECT 1 FROM u WHERE u.t_id = t.id LIMIT 1)");
  }

  @Test
  void aPlainFilterSubqueryJoinsItsFromItems() throws Exception {
    assertThat(engine("SELECT t.id, s.v FROM t, LATERAL (SELECT u.v FROM u WHERE u.t_id = t.id) s"))
        .isEqualTo("SELECT t.id, u.v AS \"v\" FROM t CROSS JOIN u WHERE u.t_id = t.id");
    assertThat(
            engine(
                "SELECT t.id, s.v FROM t LEFT JOIN LATERAL (SELECT u.v FROM u WHERE u.t_id = t.id) s"
                    + " ON true"))
        .isEqualTo("SELECT t.id, u.v AS \"v\" FROM t LEFT JOIN u ON u.t_id = t.id");
  }

  @Test
  void formsTheEngineCannotRunAre0A000NamingLateral() {
    for (String sql :
        new String[] {
          "SELECT * FROM t, LATERAL (SELECT v FROM u WHERE u.t_id = t.id GROUP BY v) s",
          "SELECT * FROM t, LATERAL (SELECT v FROM u WHERE u.t_id = t.id LIMIT 2) s",
          "SELECT * FROM t LEFT JOIN LATERAL (SELECT v FROM u WHERE u.t_id = t.id LIMIT 1) s ON s.v > 1",
          "SELECT * FROM t, LATERAL (SELECT 1 UNION SELECT 2) s",
          "SELECT * FROM t, LATERAL (SELECT * FROM t WHERE t.id = 1) s",
          "SELECT * FROM t, generate_series(t.a, t.b, interval '1 day') g"
        }) {
      assertThatThrownBy(() -> engine(sql))
          .as(sql)
          .isInstanceOfSatisfying(
              StatementException.class, e -> assertThat(e.sqlState()).isEqualTo("0A000"))
          .hasMessageContaining("LATERAL");
    }
  }
}
