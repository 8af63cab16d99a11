package io.distdb.node.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.distdb.node.sql.StatementException;
import org.junit.jupiter.api.Test;

/** numeric keeps PostgreSQL's scale where the engine's unbounded NUMERIC (DECFLOAT) drops it. */
class NumericScaleRewriteTest {

  private final Dialect dialect = new Dialect(16);

  private String engine(String sql) throws StatementException {
    return dialect.translate(sql).sql();
  }

  @Test
  void aConstantCastToNumericKeepsItsOwnScale() throws Exception {
    assertThat(engine("SELECT 1.5::numeric * 2")).isEqualTo("SELECT 1.5::NUMERIC (1000, 1) * 2");
    assertThat(engine("SELECT '2.50'::numeric, CAST(7 AS numeric) AS n"))
        .isEqualTo(
            "SELECT '2.50'::NUMERIC (1000, 2) AS \"numeric\", CAST(7 AS NUMERIC (1000, 0)) AS n");
  }

  @Test
  void castsTheScaleOfWhichIsNotVisibleStayUnbounded() throws Exception {
    assertThat(engine("SELECT x::numeric, 'NaN'::numeric, 1.5::numeric(5, 3) FROM t"))
        .isEqualTo(
            "SELECT x::numeric AS \"x\", 'NaN'::numeric AS \"numeric\", 1.5::numeric (5, 3) AS"
                + " \"numeric\" FROM t");
  }

  @Test
  void roundAndTruncWithAConstantCountAnswerThatScale() throws Exception {
    assertThat(engine("SELECT round(x, 2), trunc(x, -1), round(x), round(x, $1) FROM t"))
        .isEqualTo(
            "SELECT CAST(round(x, 2) AS NUMERIC (1000, 2)) AS \"round\", CAST(trunc(x, -1) AS"
                + " NUMERIC (1000, 0)) AS \"trunc\", round(x), round(x, ?1) FROM t");
  }
}
