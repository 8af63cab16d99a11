package io.distdb.node.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each expectation is what PostgreSQL 15's pg_get_constraintdef printed for the same CHECK. */
class PostgresExpressionTextTest {

  @Test
  void quotesAndConstantCastsInPostgresSpelling() {
    assertThat(PostgresExpressionText.of("\"price\" >= CAST(0 AS NUMERIC(1))"))
        .isEqualTo("price >= 0::numeric");
    assertThat(PostgresExpressionText.of("\"qty\" > 0")).isEqualTo("qty > 0");
  }

  @Test
  void keepsQuotesPostgresNeeds() {
    assertThat(PostgresExpressionText.of("\"order\" > 0 AND \"Mixed\" < 5 AND \"a b\" <> 1"))
        .isEqualTo("\"order\" > 0 AND \"Mixed\" < 5 AND \"a b\" <> 1");
  }

  @Test
  void leavesOtherCastsAlone() {
    assertThat(PostgresExpressionText.of("CAST(\"x\" AS NUMERIC(5)) > 1"))
        .isEqualTo("CAST(x AS NUMERIC(5)) > 1");
    assertThat(PostgresExpressionText.of(null)).isNull();
  }
}
