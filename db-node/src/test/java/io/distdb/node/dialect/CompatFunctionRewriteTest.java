package io.distdb.node.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.distdb.node.sql.StatementException;
import org.junit.jupiter.api.Test;

class CompatFunctionRewriteTest {

  private final Dialect dialect = new Dialect(16);

  private String engine(String sql) throws StatementException {
    return dialect.translate(sql).sql();
  }

  @Test
  void powerAndDateDifferenceKeepPostgresLabels() throws Exception {
    assertThat(engine("SELECT 2 ^ 10, x FROM t"))
        .isEqualTo("SELECT POWER(2, 10) AS \"?column?\", x FROM t");
    assertThat(engine("SELECT DATE '2024-03-15' - d::date FROM t"))
        .isEqualTo(
            "SELECT CAST(DATEDIFF(DAY, d::date, DATE '2024-03-15') AS INTEGER) AS \"?column?\""
                + " FROM t");
    assertThat(engine("SELECT DATE '2024-03-15' - 10")).isEqualTo("SELECT DATE '2024-03-15' - 10");
  }

  @Test
  void datePartIsExtractAsDoublePrecision() throws Exception {
    assertThat(engine("SELECT date_part('year', at) FROM t"))
        .isEqualTo(
            "SELECT CAST(EXTRACT(YEAR FROM (at)) AS DOUBLE PRECISION) AS \"date_part\" FROM t");
    assertThatThrownBy(() -> engine("SELECT date_part('julian', at) FROM t"))
        .isInstanceOfSatisfying(
            StatementException.class, e -> assertThat(e.sqlState()).isEqualTo("0A000"))
        .hasMessageContaining("julian");
  }

  @Test
  void functionsGoToDistdbsImplementations() throws Exception {
    assertThat(engine("SELECT left(name, -2), age(a, b), string_to_array(s, ',') FROM t"))
        .isEqualTo(
            "SELECT distdb_catalog.text_left(name, -2) AS \"left\","
                + " distdb_catalog.age(a, b) AS \"age\","
                + " distdb_catalog.string_to_array(s, ',') AS \"string_to_array\" FROM t");
    assertThat(engine("SELECT age(born) FROM t"))
        .isEqualTo(
            "SELECT distdb_catalog.age(CAST(CURRENT_DATE AS TIMESTAMP), born) AS \"age\" FROM t");
  }

  @Test
  void serialSequenceIsTheCatalogsFunction() throws Exception {
    assertThat(engine("SELECT pg_get_serial_sequence('public.Items', 'id')"))
        .isEqualTo(
            "SELECT distdb_catalog.d_pg_get_serial_sequence('public.Items', 'id')"
                + " AS pg_get_serial_sequence");
  }
}
