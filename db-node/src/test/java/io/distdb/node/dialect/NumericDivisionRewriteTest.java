package io.distdb.node.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Division and avg over columns, typed from a fake catalog (the engine's type names). */
class NumericDivisionRewriteTest {

  private final Schema schema =
      new Schema() {
        @Override
        public List<String> columns(String table) {
          return List.of();
        }

        @Override
        public List<String> constraintColumns(String table, String constraint) {
          return List.of();
        }

        @Override
        public Map<String, String> engineColumnTypes(String schema, String table) {
          return switch (table) {
            case "n" -> Map.of("a", "DECFLOAT", "b", "NUMERIC", "i", "INTEGER", "g", "BIGINT");
            case "f" -> Map.of("d", "DOUBLE PRECISION", "r", "REAL", "i", "INTEGER");
            default -> Map.of();
          };
        }
      };

  @Test
  void translationsReadingColumnTypesAreCachedUnderTheCatalogVersion() throws Exception {
    int[] lookups = {0};
    String[] version = {"db#1"};
    Schema counting =
        new Schema() {
          @Override
          public List<String> columns(String table) {
            return List.of();
          }

          @Override
          public List<String> constraintColumns(String table, String constraint) {
            return List.of();
          }

          @Override
          public String catalogVersion() {
            return version[0];
          }

          @Override
          public Map<String, String> engineColumnTypes(String schema, String table) {
            lookups[0]++;
            return Map.of("b", "NUMERIC");
          }
        };
    Dialect dialect = new Dialect(16);
    String sql = "SELECT b / 3 FROM n";
    String first = dialect.translate(sql, counting).sql();
    assertThat(dialect.translate(sql, counting).sql()).isEqualTo(first);
    assertThat(lookups[0]).isEqualTo(1);
    version[0] = "db#2"; // a schema change: translated again
    dialect.translate(sql, counting);
    assertThat(lookups[0]).isEqualTo(2);
  }

  private String engine(String sql) throws Exception {
    return new Dialect(16).translate(sql, schema).sql();
  }

  @Test
  void numericColumnsDivideWithSelectDivScale() throws Exception {
    assertThat(engine("SELECT b / 3 FROM n"))
        .isEqualTo("SELECT distdb_catalog.numeric_div(b, 3) AS \"?column?\" FROM n");
    assertThat(engine("SELECT n.i / x.a FROM n JOIN n x ON true"))
        .isEqualTo(
            "SELECT distdb_catalog.numeric_div(n.i, x.a) AS \"?column?\" FROM n JOIN n x ON true");
    assertThat(engine("UPDATE n SET b = (b * 2) / i WHERE i > 0"))
        .isEqualTo("UPDATE n SET b = distdb_catalog.numeric_div((b * 2), i) WHERE i > 0");
  }

  @Test
  void windowAndFilterAveragesOverTheSameWindow() throws Exception {
    assertThat(engine("SELECT avg(b) OVER (PARTITION BY i) FROM n"))
        .isEqualTo(
            "SELECT distdb_catalog.numeric_div(SUM(b) OVER (PARTITION BY i ),"
                + " COUNT(b) OVER (PARTITION BY i )) AS \"avg\" FROM n");
    assertThat(engine("SELECT avg(d) OVER () FROM f"))
        .isEqualTo("SELECT CAST(avg(d) OVER () AS DOUBLE PRECISION) AS \"avg\" FROM f");
  }

  @Test
  void divAndFloatRoundAreDistdbs() throws Exception {
    assertThat(engine("SELECT mod(10.5, 3), mod(i, 3) FROM n"))
        .isEqualTo("SELECT distdb_catalog.numeric_mod(10.5, 3) AS \"mod\", mod(i, 3) FROM n");
    assertThat(engine("SELECT div(b, 3), round(d), round(b), round(d, 1) FROM n, f"))
        .isEqualTo(
            "SELECT distdb_catalog.numeric_div_trunc(b, 3) AS \"div\","
                + " distdb_catalog.float8_round(d) AS \"round\", round(b),"
                + " CAST(round(d, 1) AS NUMERIC (1000, 1)) AS \"round\" FROM n, f");
  }

  @Test
  void numericRemainderIsNumerics() throws Exception {
    assertThat(engine("SELECT 7.5 % 2, b % i, i % 2 FROM n"))
        .isEqualTo(
            "SELECT distdb_catalog.numeric_mod(7.5, 2) AS \"?column?\","
                + " distdb_catalog.numeric_mod(b, i) AS \"?column?\", i % 2 AS \"?column?\" FROM n");
  }

  @Test
  void integerFloatAndUnknownDivisionsAreNotNumericDivisions() throws Exception {
    assertThat(engine("SELECT i / 2, g / i FROM n")).isEqualTo("SELECT i / 2, g / i FROM n");
    // float division is FloatRewrite's: 22012 and 22003 as PostgreSQL's float8_div
    assertThat(engine("SELECT d / 2, r / i FROM f"))
        .isEqualTo(
            "SELECT distdb_catalog.float8_div(d, 2) AS \"?column?\","
                + " distdb_catalog.float8_div(r, i) AS \"?column?\" FROM f");
    assertThat(engine("SELECT b / $1 FROM n")).isEqualTo("SELECT b / ?1 FROM n");
    // an unqualified name may be the subquery's own column: not resolved
    assertThat(engine("SELECT b / 2 FROM (SELECT d AS b FROM f) s"))
        .isEqualTo("SELECT b / 2 FROM (SELECT d AS b FROM f) s");
    assertThat(engine("SELECT x / 2 FROM nosuch")).isEqualTo("SELECT x / 2 FROM nosuch");
  }

  @Test
  void avgOfExactColumnsIsSumOverCountAndOfFloatsFloat8() throws Exception {
    assertThat(engine("SELECT avg(i), avg(DISTINCT b) FROM n"))
        .isEqualTo(
            "SELECT distdb_catalog.numeric_div(SUM(i), COUNT(i)) AS \"avg\","
                + " distdb_catalog.numeric_div(SUM(DISTINCT b), COUNT(DISTINCT b)) AS \"avg\" FROM n");
    assertThat(engine("SELECT avg(d), sum(d), sum(r), sum(r * 2.0) FROM f"))
        .isEqualTo(
            "SELECT CAST(avg(d) AS DOUBLE PRECISION) AS \"avg\","
                + " CAST(sum(d) AS DOUBLE PRECISION) AS \"sum\", CAST(sum(r) AS REAL) AS \"sum\","
                + " CAST(sum(distdb_catalog.float8_mul(r, 2.0)) AS DOUBLE PRECISION) AS \"sum\""
                + " FROM f");
    assertThat(engine("SELECT sum(i), sum(b) FROM n"))
        .isEqualTo("SELECT sum(i) AS \"sum\", sum(b) AS \"sum\" FROM n"); // labels only
    assertThat(engine("SELECT avg(x) FROM (SELECT 1 AS x) s"))
        .isEqualTo("SELECT avg(CAST(x AS NUMERIC (38, 6))) AS \"avg\" FROM (SELECT 1 AS x) s");
  }
}
