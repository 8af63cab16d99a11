package io.distdb.node.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.distdb.node.sql.StatementException;
import org.junit.jupiter.api.Test;

class IntervalRewriteTest {

  private final Dialect dialect = new Dialect(16);

  @Test
  void postgresIntervalTextBecomesH2Literals() throws Exception {
    assertH2("1 day", "INTERVAL '1 00:00:00' DAY TO SECOND");
    assertH2("2 hours 30 minutes", "INTERVAL '02:30:00' HOUR TO SECOND");
    assertH2("1.5 seconds", "INTERVAL '00:00:01.500000' HOUR TO SECOND");
    assertH2("3 days 04:05:06", "INTERVAL '3 04:05:06' DAY TO SECOND");
    assertH2("1 week ago", "INTERVAL '-7 00:00:00' DAY TO SECOND");
    assertH2("1 year 2 mons", "INTERVAL '1-2' YEAR TO MONTH");
    assertH2("-3 months", "INTERVAL '-0-3' YEAR TO MONTH");
    assertH2("10d", "INTERVAL '10 00:00:00' DAY TO SECOND");
    assertThat(IntervalText.toH2("fortnight")).isNull();
    assertThatThrownBy(() -> IntervalText.toH2("1 month 1 day"))
        .isInstanceOfSatisfying(
            StatementException.class, e -> assertThat(e.sqlState()).isEqualTo("0A000"));
  }

  @Test
  void literalsAndCastsInStatements() throws Exception {
    assertThat(dialect.translate("SELECT * FROM t WHERE at > now() - interval '1 day'").sql())
        .contains("INTERVAL '1 00:00:00' DAY TO SECOND");
    assertThat(dialect.translate("SELECT ts + '90 minutes'::interval FROM t").sql())
        .contains("CAST(INTERVAL '01:30:00' HOUR TO SECOND AS INTERVAL HOUR TO SECOND)");
    // The standard form H2 already reads is left as written.
    EngineStatement standard = dialect.translate("SELECT ts + INTERVAL '1' DAY FROM t");
    assertThat(standard.sql()).isEqualTo("SELECT ts + INTERVAL '1' DAY FROM t");
  }

  private static void assertH2(String pg, String h2) throws Exception {
    assertThat(IntervalText.toH2(pg).literal()).as(pg).isEqualTo(h2);
  }
}
