package io.distdb.node.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TempTableSqlTest {

  @Test
  void everySpellingOfCreateTempTableBecomesH2sSessionLocalTable() throws Exception {
    assertThat(TempTableSql.create("CREATE TEMP TABLE t2 (a int)"))
        .isEqualTo(
            new TempTableSql.Create(
                "t2", "CREATE LOCAL TEMPORARY TABLE t2 (a int) TRANSACTIONAL", false));
    assertThat(TempTableSql.create("create temporary table if not exists HTE_x (id bigint)").name())
        .isEqualTo("hte_x");
    assertThat(TempTableSql.create("CREATE GLOBAL TEMPORARY TABLE g (a int)").engineSql())
        .isEqualTo("CREATE LOCAL TEMPORARY TABLE g (a int) TRANSACTIONAL");
    assertThat(TempTableSql.create("CREATE LOCAL TEMP TABLE \"Q\" (a int);").name()).isEqualTo("Q");
  }

  @Test
  void onCommitClausesStayAndThePreserveDefaultGoes() throws Exception {
    assertThat(TempTableSql.create("CREATE TEMP TABLE d (a int) ON COMMIT DROP").engineSql())
        .isEqualTo("CREATE LOCAL TEMPORARY TABLE d (a int) ON COMMIT DROP TRANSACTIONAL");
    assertThat(
            TempTableSql.create("CREATE TEMP TABLE p (a int) ON COMMIT PRESERVE ROWS").engineSql())
        .isEqualTo("CREATE LOCAL TEMPORARY TABLE p (a int)  TRANSACTIONAL");
  }

  @Test
  void createTableAsKeepsItsQueryAfterTransactional() throws Exception {
    TempTableSql.Create c =
        TempTableSql.create("CREATE TEMP TABLE x ON COMMIT DELETE ROWS AS SELECT 1 AS a");
    assertThat(c.engineSql())
        .isEqualTo(
            "CREATE LOCAL TEMPORARY TABLE x ON COMMIT DELETE ROWS TRANSACTIONAL AS SELECT 1 AS a");
    assertThat(c.withQuery()).isTrue();
    // A generated column's AS is inside the parentheses.
    assertThat(
            TempTableSql.create("CREATE TEMP TABLE g (a int, b int GENERATED ALWAYS AS (a) STORED)")
                .withQuery())
        .isFalse();
  }

  @Test
  void permanentTablesAndOtherObjectsAreNotTemporary() throws Exception {
    assertThat(TempTableSql.create("CREATE TABLE t (a int)")).isNull();
    assertThat(TempTableSql.create("CREATE TEMP VIEW v AS SELECT 1")).isNull();
    assertThat(TempTableSql.create("CREATE TEMP SEQUENCE s")).isNull();
    assertThat(TempTableSql.create("CREATE UNLOGGED TABLE u (a int)")).isNull();
  }

  @Test
  void namesAreMatchedAsTheEngineFoldsThem() throws Exception {
    Set<String> temps = Set.of("hte_x", "Mixed");
    assertThat(TempTableSql.names("DELETE FROM t WHERE id IN (SELECT id FROM HTE_X)", temps))
        .isTrue();
    assertThat(TempTableSql.names("SELECT * FROM \"Mixed\"", temps)).isTrue();
    assertThat(TempTableSql.names("SELECT * FROM mixed", temps)).isFalse();
    assertThat(TempTableSql.names("SELECT 'hte_x' FROM t", temps)).isFalse();
  }

  @Test
  void changedTablesOfStatementsThatChangeOnlyTheirTarget() throws Exception {
    assertThat(TempTableSql.changedTables("INSERT INTO t SELECT * FROM p")).containsExactly("t");
    assertThat(TempTableSql.changedTables("UPDATE ONLY t SET a = 1")).containsExactly("t");
    assertThat(TempTableSql.changedTables("DELETE FROM t WHERE a IN (SELECT a FROM p)"))
        .containsExactly("t");
    assertThat(TempTableSql.changedTables("DROP TABLE IF EXISTS a, b CASCADE"))
        .isEqualTo(List.of("a", "b"));
    assertThat(TempTableSql.changedTables("TRUNCATE TABLE a RESTART IDENTITY"))
        .containsExactly("a");
    assertThat(TempTableSql.changedTables("CREATE UNIQUE INDEX i ON t (a)")).containsExactly("t");
    assertThat(TempTableSql.changedTables("ALTER TABLE t ADD COLUMN c int")).containsExactly("t");
  }

  @Test
  void referencedTablesKeepTheirSchema() throws Exception {
    assertThat(
            TempTableSql.referencedTables(
                "CREATE TABLE c (a int REFERENCES p (a), b int REFERENCES s.q, FOREIGN KEY (a)"
                    + " REFERENCES \"P\")"))
        .containsExactly("p", "s.q", "P");
  }

  @Test
  void statementsThatMayChangeOtherTablesHaveNoTarget() throws Exception {
    assertThat(TempTableSql.changedTables("WITH d AS (DELETE FROM p RETURNING *) SELECT 1"))
        .isNull();
    assertThat(TempTableSql.changedTables("INSERT INTO s.t VALUES (1)")).isNull();
    assertThat(TempTableSql.changedTables("CREATE TABLE c AS SELECT * FROM t")).isNull();
    assertThat(TempTableSql.changedTables("CREATE VIEW v AS SELECT * FROM t")).isNull();
    assertThat(TempTableSql.changedTables("DROP VIEW v")).isNull();
  }
}
