package io.distdb.node.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.distdb.node.sql.StatementException;
import org.junit.jupiter.api.Test;

class EngineFunctionRewriteTest {

  private final Dialect dialect = new Dialect(16);

  @Test
  void functionsH2LacksGoToDistdbsImplementations() throws Exception {
    assertThat(dialect.translate("SELECT initcap(name), split_part(a, ',', $1) FROM t").sql())
        .isEqualTo(
            "SELECT distdb_catalog.initcap(name), distdb_catalog.split_part(a, ',', ?1) FROM t");
    // pg_catalog's format is PostgreSQL's own, which distdb implements (H2's FORMAT is another).
    assertThat(dialect.translate("SELECT pg_catalog.format('%s', x) FROM t").sql())
        .isEqualTo("SELECT distdb_catalog.format('%s', x) FROM t");
  }

  @Test
  void lateralAndGroupingConstructsGroupingSetsRewriteCannotRunAre0A000() {
    for (String sql :
        new String[] {
          "SELECT a, grouping(a) FROM t GROUP BY a",
          "SELECT * FROM t, LATERAL (SELECT a FROM u WHERE u.id = t.id GROUP BY a) x",
          "SELECT * FROM t CROSS JOIN LATERAL (SELECT a FROM u LIMIT 3) x",
          // JSqlParser cannot parse this one: the text is looked at instead
          "SELECT a, b FROM t GROUP BY a, GROUPING SETS ((b), ())"
        }) {
      assertThatThrownBy(() -> dialect.translate(sql))
          .as(sql)
          .isInstanceOfSatisfying(
              StatementException.class,
              e -> {
                assertThat(e.sqlState()).isEqualTo("0A000");
                assertThat(e.getMessage()).contains("not supported by distdb");
              });
    }
  }

  @Test
  void wordsInStringConstantsAreNotFeatures() throws Exception {
    assertThat(dialect.translate("SELECT 'lateral, rollup(x)' FROM t").sql())
        .isEqualTo("SELECT 'lateral, rollup(x)' FROM t");
  }
}
