package io.distdb.node.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.distdb.node.sql.StatementException;
import org.junit.jupiter.api.Test;

/** GROUPING SETS, ROLLUP and CUBE as a UNION ALL of plain GROUP BYs, one per grouping set. */
class GroupingSetsRewriteTest {

  private final Dialect dialect = new Dialect(16);

  private String engine(String sql) throws StatementException {
    return dialect.translate(sql).sql();
  }

  @Test
  void rollupIsOneGroupByPerPrefix() throws Exception {
    assertThat(engine("SELECT a, b, sum(q) FROM t GROUP BY ROLLUP (a, b) ORDER BY a, b"))
        .isEqualTo(
            "SELECT a, b, sum(q) AS \"sum\" FROM t GROUP BY a, b"
                + " UNION ALL SELECT a, NULL AS \"b\", sum(q) AS \"sum\" FROM t GROUP BY a"
                + " UNION ALL SELECT NULL AS \"a\", NULL AS \"b\", sum(q) AS \"sum\" FROM t"
                + " GROUP BY () ORDER BY a, b");
  }

  @Test
  void groupingIsTheMaskOfTheColumnsLeftOut() throws Exception {
    String sql = engine("SELECT grouping(a, b) AS g FROM t GROUP BY CUBE (a, b)");
    assertThat(sql.split(" UNION ALL "))
        .containsExactly(
            "SELECT 0 AS g FROM t GROUP BY a, b",
            "SELECT 1 AS g FROM t GROUP BY a",
            "SELECT 2 AS g FROM t GROUP BY b",
            "SELECT 3 AS g FROM t GROUP BY ()");
  }

  @Test
  void plainExpressionsCrossTheSetsAndClausesStayWithTheirBranch() throws Exception {
    assertThat(
            engine(
                "SELECT a, b, count(*) FROM t WHERE c > 1 GROUP BY a, ROLLUP (b)"
                    + " HAVING count(*) > 1 LIMIT 3"))
        .isEqualTo(
            "SELECT a, b, count(*) AS \"count\" FROM t WHERE c > 1 GROUP BY a, b HAVING count(*) > 1"
                + " UNION ALL SELECT a, NULL AS \"b\", count(*) AS \"count\" FROM t WHERE c > 1"
                + " GROUP BY a HAVING count(*) > 1 LIMIT 3");
  }

  @Test
  void aGroupingColumnInsideAnExpressionIsNullWhereLeftOutButNotInsideAnAggregate()
      throws Exception {
    assertThat(
            engine("SELECT coalesce(a, 'all'), max(a) FROM t GROUP BY ROLLUP (a)")
                .split(" UNION ALL "))
        .containsExactly(
            "SELECT coalesce(a, 'all') AS \"coalesce\", max(a) AS \"max\" FROM t GROUP BY a",
            "SELECT coalesce(NULL, 'all') AS \"coalesce\", max(a) AS \"max\" FROM t GROUP BY ()");
  }

  @Test
  void groupingSetsListTheirSets() throws Exception {
    assertThat(
            engine("SELECT a, b FROM t GROUP BY GROUPING SETS (a, (a, b), ())")
                .split(" UNION ALL "))
        .containsExactly(
            "SELECT a, NULL AS \"b\" FROM t GROUP BY a",
            "SELECT a, b FROM t GROUP BY a, b",
            "SELECT NULL AS \"a\", NULL AS \"b\" FROM t GROUP BY ()");
  }

  @Test
  void groupingConstructsAnywhereElseAre0A000() {
    for (String sql :
        new String[] {
          "SELECT a, grouping(a) FROM t GROUP BY a",
          "SELECT a FROM t WHERE a IN (SELECT b FROM u GROUP BY b HAVING grouping(b) = 0)"
        }) {
      assertThatThrownBy(() -> engine(sql))
          .as(sql)
          .isInstanceOfSatisfying(
              StatementException.class, e -> assertThat(e.sqlState()).isEqualTo("0A000"));
    }
  }

  @Test
  void subqueriesCtesAndUnionBranchesBecomeTheirUnionInParentheses() throws Exception {
    assertThat(engine("SELECT * FROM (SELECT a, count(*) FROM t GROUP BY ROLLUP (a)) s"))
        .isEqualTo(
            "SELECT * FROM (SELECT a, count(*) AS \"count\" FROM t GROUP BY a UNION ALL SELECT"
                + " NULL AS \"a\", count(*) AS \"count\" FROM t GROUP BY ()) s");
    assertThat(engine("SELECT a FROM t WHERE a IN (SELECT b FROM u GROUP BY CUBE (b))"))
        .isEqualTo(
            "SELECT a FROM t WHERE a IN (SELECT b FROM u GROUP BY b UNION ALL SELECT NULL AS"
                + " \"b\" FROM u GROUP BY ())");
    assertThat(
            engine(
                "WITH r AS (SELECT a, grouping(a) AS g FROM t GROUP BY ROLLUP (a)) SELECT * FROM r"))
        .isEqualTo(
            "WITH r AS (SELECT a, 0 AS g FROM t GROUP BY a UNION ALL SELECT NULL AS \"a\", 1 AS g"
                + " FROM t GROUP BY ()) SELECT * FROM r");
    // an outer union's text holds the inner one's
    assertThat(
            engine(
                "SELECT x, count(*) FROM (SELECT a AS x FROM t GROUP BY ROLLUP (a)) s GROUP BY"
                    + " ROLLUP (x)"))
        .contains(
            "FROM (SELECT a AS x FROM t GROUP BY a UNION ALL SELECT NULL AS x FROM t GROUP BY ()) s GROUP BY ()")
        .doesNotContain("distdb_grouping_sets");
  }
}
