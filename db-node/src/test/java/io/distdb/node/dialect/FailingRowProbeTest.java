package io.distdb.node.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FailingRowProbeTest {

  private static final List<String> COLUMNS = List.of("id", "a", "b");

  @Test
  void anInsertsRowsWithTheMissingColumnsFilledIn() {
    assertThat(
            FailingRowProbe.query(
                "INSERT INTO t (a, b) VALUES (?1, 'x'), (2, 'y')",
                COLUMNS,
                Map.of("id", "7"),
                "NOT (a > 0)"))
        .isEqualTo(
            "SELECT * FROM (SELECT 7 AS \"id\", distdb_source.\"a\" AS \"a\","
                + " distdb_source.\"b\" AS \"b\" FROM (VALUES (?1, 'x'), (2, 'y'))"
                + " AS distdb_source(\"a\", \"b\")) AS distdb_failing WHERE NOT (a > 0) LIMIT 1");
  }

  @Test
  void anUpdatesRowsWithTheirNewValues() {
    assertThat(
            FailingRowProbe.query(
                "UPDATE t SET b = NULL WHERE id = 1", COLUMNS, Map.of(), "\"b\" IS NULL"))
        .isEqualTo(
            "SELECT * FROM (SELECT \"id\" AS \"id\", \"a\" AS \"a\", NULL AS \"b\" FROM t"
                + " WHERE id = 1) AS distdb_failing WHERE \"b\" IS NULL LIMIT 1");
  }

  @Test
  void theTargetIsFoundUnderReturningsDeltaTable() {
    assertThat(
            FailingRowProbe.target("SELECT a FROM FINAL TABLE (INSERT INTO app.t VALUES (1)) AS t"))
        .isEqualTo(new FailingRowProbe.Target("app", "t"));
    assertThat(FailingRowProbe.target("MERGE INTO t USING s ON 1 = 1 WHEN MATCHED THEN DELETE"))
        .isNull();
  }

  @Test
  void otherStatementsGetNoProbe() {
    assertThat(
            FailingRowProbe.query(
                "UPDATE t SET a = s.a FROM s WHERE t.id = s.id", COLUMNS, Map.of(), "x"))
        .isNull();
  }
}
