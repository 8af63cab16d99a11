package io.distdb.node.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.distdb.node.sql.StatementException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Input SQL → engine SQL, one construct per test; PostgresDialectIT runs them end to end. */
class DialectTest {

  private final Dialect dialect = new Dialect(16);

  private String engine(String sql) throws StatementException {
    return dialect.translate(sql).sql();
  }

  @Test
  void bitwiseOperatorsBecomeH2Functions() throws Exception {
    assertThat(engine("SELECT a & 1, a | b, a << 2, a >> 1, a & b & 4 FROM t"))
        .isEqualTo(
            "SELECT BITAND(a, 1), BITOR(a, b), LSHIFT(a, 2), RSHIFT(a, 1), BITAND(BITAND(a, b), 4)"
                + " FROM t");
  }

  @Test
  void statementsNoRewriteTouchesReachTheEngineAsWritten() throws Exception {
    EngineStatement e = dialect.translate("SELECT abalance FROM pgbench_accounts WHERE aid = $1");
    assertThat(e.sql()).isEqualTo("SELECT abalance FROM pgbench_accounts WHERE aid = ?1");
    assertThat(e.parameterCount()).isEqualTo(1);
    assertThat(e.rewritten()).isFalse();
  }

  @Test
  void pgjdbcSimpleModeValueCastsInAWriteNeedNoParse() throws Exception {
    // pgjdbc's simple query mode inlines every bound value with a cast; H2 reads them alike.
    String insert =
        "INSERT INTO t (a, b, c, d) VALUES (('-5'::int8), ('x'), ('7'::int4), ('t'::boolean))";
    EngineStatement e = dialect.translate(insert);
    assertThat(e.sql()).isEqualTo(insert);
    assertThat(e.rewritten()).isFalse();
    String update = "UPDATE t SET a = ('1'::int4) WHERE id = ('9'::int8)";
    assertThat(dialect.translate(update).rewritten()).isFalse();
  }

  @Test
  void otherCastsAndQueriesStillGoThroughTheRewrites() throws Exception {
    // A query's select list: the cast names the column (PostgreSQL labels it int4).
    String select = "select '1'::int4 from t where a = '2'::int8";
    assertThat(SimpleLiteralCasts.withoutCasts(select, select)).isEqualTo(select);
    String insert = "insert into t values (('1'::int4), ('2'::int8))";
    assertThat(SimpleLiteralCasts.withoutCasts(insert, insert))
        .isEqualTo("insert into t values (('1'), ('2'))");
    // Types H2 reads differently, arrays, and RETURNING keep the full translation.
    assertThat(dialect.translate("INSERT INTO t VALUES (('1.50'::numeric))").sql())
        .isNotEqualTo("INSERT INTO t VALUES (('1.50'::numeric))");
    assertThat(dialect.translate("INSERT INTO t VALUES (('{1,2}'::int4[]))").rewritten()).isTrue();
    assertThat(dialect.translate("INSERT INTO t VALUES (('1'::int4)) RETURNING id").rewritten())
        .isTrue();
  }

  @Test
  void unparseableStatementsFallBackToTheClientText() throws Exception {
    // JSqlParser has no EXCLUDE constraints; the text goes to H2 unchanged, as before the dialect.
    String sql = "select count(*) from t where x = $2 group by 1 having count(*) > $1 fetch xyzzy";
    EngineStatement e = dialect.translate(sql);
    assertThat(e.rewritten()).isFalse();
    assertThat(e.sql()).contains("?2").contains("?1");
    assertThat(e.parameterCount()).isEqualTo(2);
  }

  @Test
  void translationsAreCachedByText() throws Exception {
    String sql = "INSERT INTO t (a) VALUES ($1) RETURNING id";
    EngineStatement first = dialect.translate(sql);
    assertThat(dialect.translate(sql)).isSameAs(first);
    assertThat(dialect.cachedStatements()).isEqualTo(1);
  }

  @Test
  void cacheIsBounded() throws Exception {
    for (int i = 0; i < 100; i++) {
      dialect.translate("SELECT count(*) FROM t WHERE a = " + i);
    }
    assertThat(dialect.cachedStatements()).isEqualTo(16);
  }

  @Test
  void insertReturningReadsTheFinalTable() throws Exception {
    assertThat(engine("INSERT INTO t (a, b) VALUES ($1, $2) RETURNING id, a + 1, *"))
        .isEqualTo(
            "SELECT id, a + 1, * FROM FINAL TABLE (INSERT INTO t (a, b) VALUES (?1, ?2)) AS t");
  }

  @Test
  void returningKeepsTheTargetAlias() throws Exception {
    assertThat(engine("INSERT INTO app.t AS x (a) VALUES (1) RETURNING x.id"))
        .isEqualTo("SELECT x.id FROM FINAL TABLE (INSERT INTO app.t AS x (a) VALUES (1)) AS x");
  }

  @Test
  void updateAndDeleteReturning() throws Exception {
    assertThat(engine("UPDATE t SET a = a + 1 WHERE id = $1 RETURNING a"))
        .isEqualTo("SELECT a FROM FINAL TABLE (UPDATE t SET a = a + 1 WHERE id = ?1) AS t");
    assertThat(engine("DELETE FROM t WHERE id < 3 RETURNING *"))
        .isEqualTo("SELECT * FROM OLD TABLE (DELETE FROM t WHERE id < 3) AS t");
  }

  @Test
  void returningLabelsItemsAsPostgres() throws Exception {
    assertThat(engine("DELETE FROM t RETURNING count(*), id::text"))
        .isEqualTo(
            "SELECT count(*) AS \"count\", id::text AS \"id\" FROM OLD TABLE (DELETE FROM t) AS t");
  }

  @Test
  void onConflictDoUpdateBecomesMerge() throws Exception {
    assertThat(
            engine(
                "INSERT INTO t (k, v) VALUES ($1, $2), (3, 'c') ON CONFLICT (k)"
                    + " DO UPDATE SET v = excluded.v WHERE t.v <> excluded.v"))
        .isEqualTo(
            "MERGE INTO t USING (VALUES (?1, ?2), (3, 'c')) AS excluded(k, v) ON t.k = excluded.k"
                + " WHEN MATCHED AND (t.v <> excluded.v) THEN UPDATE SET v = excluded.v"
                + " WHEN NOT MATCHED THEN INSERT (k, v) VALUES (excluded.k, excluded.v)");
  }

  @Test
  void onConflictDoNothingWithTargetInsertsOnlyUnmatchedRows() throws Exception {
    assertThat(engine("INSERT INTO t AS z (k, v) SELECT k, v FROM s ON CONFLICT (k) DO NOTHING"))
        .isEqualTo(
            "MERGE INTO t AS z USING (SELECT k, v FROM s) AS excluded(k, v) ON z.k = excluded.k"
                + " WHEN NOT MATCHED THEN INSERT (k, v) VALUES (excluded.k, excluded.v)");
  }

  @Test
  void onConflictWithReturningWrapsTheMerge() throws Exception {
    assertThat(
            engine(
                "INSERT INTO t (k, v) VALUES (1, 'a') ON CONFLICT (k) DO UPDATE SET v = 'b'"
                    + " RETURNING k, v"))
        .isEqualTo(
            "SELECT k, v FROM FINAL TABLE (MERGE INTO t USING (VALUES (1, 'a')) AS excluded(k, v)"
                + " ON t.k = excluded.k WHEN MATCHED THEN UPDATE SET v = 'b'"
                + " WHEN NOT MATCHED THEN INSERT (k, v) VALUES (excluded.k, excluded.v)) AS t");
  }

  @Test
  void onConflictReadsColumnsAndConstraintsFromTheSchema() throws Exception {
    Schema schema =
        new Schema() {
          @Override
          public List<String> columns(String table) {
            return List.of("k", "v");
          }

          @Override
          public List<String> constraintColumns(String table, String constraint) {
            return constraint.equals("t_pkey") ? List.of("k") : List.of();
          }
        };
    String sql = "INSERT INTO t VALUES (1, 'a') ON CONFLICT ON CONSTRAINT t_pkey DO NOTHING";
    assertThat(dialect.translate(sql, schema).sql())
        .isEqualTo(
            "MERGE INTO t USING (VALUES (1, 'a')) AS excluded(k, v) ON t.k = excluded.k"
                + " WHEN NOT MATCHED THEN INSERT (k, v) VALUES (excluded.k, excluded.v)");
    assertThat(dialect.cachedStatements()).isZero(); // depends on the schema
  }

  @Test
  void onConflictDoNothingWithoutTargetIsLeftToTheEngine() throws Exception {
    EngineStatement e = dialect.translate("INSERT INTO t (k) VALUES (1) ON CONFLICT DO NOTHING");
    assertThat(e.rewritten()).isFalse();
  }

  @Test
  void onConflictDoUpdateWithoutTargetIsRefusedLikePostgres() {
    assertThatThrownBy(
            () -> dialect.translate("INSERT INTO t (k) VALUES (1) ON CONFLICT DO UPDATE SET k = 2"))
        .isInstanceOfSatisfying(
            StatementException.class, e -> assertThat(e.sqlState()).isEqualTo("42601"))
        .hasMessageContaining("requires inference specification");
  }

  @Test
  void truncateListsAndIdentity() throws Exception {
    assertThat(engine("TRUNCATE a")).isEqualTo("TRUNCATE TABLE a");
    assertThat(engine("truncate table only a, public.b RESTART IDENTITY"))
        .isEqualTo("TRUNCATE TABLE a RESTART IDENTITY; TRUNCATE TABLE public.b RESTART IDENTITY");
    assertThat(engine("TRUNCATE a CONTINUE IDENTITY RESTRICT")).isEqualTo("TRUNCATE TABLE a");
    assertThat(engine("TRUNCATE a CASCADE")).isEqualTo("TRUNCATE TABLE a");
  }

  @Test
  void postgresTypeNamesInDdl() throws Exception {
    assertThat(
            engine(
                "CREATE TABLE t (id smallserial PRIMARY KEY, at timestamptz NOT NULL, t timetz,"
                    + " tags text[], ns int[], d interval, c citext, n int8, f float4)"))
        .isEqualTo(
            "CREATE TABLE t (id SMALLINT GENERATED BY DEFAULT AS IDENTITY CONSTRAINT \"t_pkey\" PRIMARY KEY,"
                + " at TIMESTAMP WITH TIME ZONE NOT NULL, t TIME WITH TIME ZONE,"
                + " tags text ARRAY, ns int ARRAY, d INTERVAL DAY TO SECOND,"
                + " c VARCHAR_IGNORECASE, n int8, f float4)");
  }

  @Test
  void postgresTypeNamesInCasts() throws Exception {
    assertThat(engine("SELECT x FROM t WHERE at > $1::timestamptz"))
        .isEqualTo("SELECT x FROM t WHERE at > ?1::TIMESTAMP WITH TIME ZONE");
    assertThat(engine("ALTER TABLE t ADD COLUMN at timestamptz"))
        .isEqualTo("ALTER TABLE t ADD COLUMN at TIMESTAMP WITH TIME ZONE");
  }

  @Test
  void outputNamesLikePostgres() throws Exception {
    assertThat(engine("SELECT count(*), sum(qty), max(qty) AS m, x::int, 1::bigint FROM t"))
        .isEqualTo(
            "SELECT count(*) AS \"count\", sum(qty) AS \"sum\", max(qty) AS m, x::int AS \"x\","
                + " 1::bigint AS \"int8\" FROM t");
  }

  @Test
  void avgOfIntegersIsNumeric() throws Exception {
    assertThat(engine("SELECT avg(qty) FROM t"))
        .isEqualTo("SELECT avg(CAST(qty AS NUMERIC (38, 6))) AS \"avg\" FROM t");
  }

  @Test
  void advisoryLocksCallTheNodesLockTable() throws Exception {
    assertThat(engine("SELECT pg_advisory_lock(42), pg_try_advisory_lock($1)"))
        .isEqualTo(
            "SELECT distdb_catalog.d_pg_advisory_lock(42) AS \"pg_advisory_lock\","
                + " distdb_catalog.d_pg_try_advisory_lock(?1) AS \"pg_try_advisory_lock\"");
  }

  @Test
  void deleteUsingBecomesExists() throws Exception {
    assertThat(engine("DELETE FROM t USING s, r WHERE t.id = s.id AND s.r = r.id RETURNING t.id"))
        .isEqualTo(
            "SELECT t.id FROM OLD TABLE (DELETE FROM t WHERE EXISTS (SELECT 1 FROM s, r"
                + " WHERE t.id = s.id AND s.r = r.id)) AS t");
  }

  @Test
  void windowAndFilterAggregatesAreLabelledByTheirFunction() throws Exception {
    assertThat(engine("SELECT count(*) FILTER (WHERE a > 1), row_number() OVER () FROM t"))
        .isEqualTo(
            "SELECT count(*) FILTER (WHERE a > 1) AS \"count\","
                + " row_number() OVER () AS \"row_number\" FROM t");
  }

  @Test
  void caseAndExistsAreLabelledLikePostgres() throws Exception {
    assertThat(engine("SELECT CASE WHEN a THEN 1 END, EXISTS (SELECT 1) FROM t"))
        .isEqualTo(
            "SELECT CASE WHEN a THEN 1 END AS \"case\", EXISTS (SELECT 1) AS \"exists\" FROM t");
  }

  @Test
  void md5AndHexByteaLiterals() throws Exception {
    assertThat(engine("SELECT md5(name) FROM t"))
        .isEqualTo("SELECT LOWER(RAWTOHEX(HASH('MD5', STRINGTOUTF8(name)))) AS \"md5\" FROM t");
    assertThat(engine("INSERT INTO t (b) VALUES ('\\x00ff'::bytea)"))
        .isEqualTo("INSERT INTO t (b) VALUES (X'00ff'::bytea)");
  }

  @Test
  void concurrentlyIsDropped() throws Exception {
    assertThat(engine("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ix ON t (a)"))
        .isEqualTo("CREATE UNIQUE INDEX  IF NOT EXISTS ix ON t (a)");
    assertThat(engine("DROP INDEX CONCURRENTLY ix")).isEqualTo("DROP INDEX  ix");
  }

  @Test
  void returningAndUpsertsAreDescribedByTheirPlainDml() throws StatementException {
    // H2 types no parameter inside FINAL TABLE (...) or a MERGE's VALUES: bytea, jsonb and array
    // parameters (node-postgres binds Buffers in binary) need the column's type.
    EngineStatement returning =
        dialect.translate("INSERT INTO t (a, b) VALUES ($1, $2) RETURNING id");
    assertThat(returning.describeSql()).isEqualTo("INSERT INTO t (a, b) VALUES (?1, ?2)");
    EngineStatement upsert =
        dialect.translate(
            "INSERT INTO t (k, v) VALUES ($1, $2) ON CONFLICT (k) DO UPDATE SET v = $3 RETURNING k");
    assertThat(upsert.sql()).startsWith("SELECT k FROM FINAL TABLE (MERGE INTO t");
    assertThat(upsert.describeSql()).isEqualTo("INSERT INTO t (k, v) VALUES (?1, ?2)");
    assertThat(dialect.translate("UPDATE t SET a = $1").describeSql()).isNull();
  }

  @Test
  void defaultInAnUpsertsValuesIsTheColumnsDefault() throws StatementException {
    // knex's multi-row merge writes DEFAULT where a row lacks a column.
    Schema schema =
        new Schema() {
          @Override
          public List<String> columns(String table) {
            return List.of("k", "n", "kind", "id");
          }

          @Override
          public List<String> constraintColumns(String table, String constraint) {
            return List.of("k");
          }

          @Override
          public java.util.Map<String, String> columnDefaults(String table) {
            java.util.Map<String, String> defaults = new java.util.HashMap<>();
            defaults.put("kind", "'page'");
            defaults.put("id", null);
            return defaults;
          }
        };
    String sql =
        "INSERT INTO c (k, n, kind) VALUES ($1, DEFAULT, DEFAULT), ($2, 1, $3)"
            + " ON CONFLICT (k) DO UPDATE SET n = excluded.n";
    assertThat(dialect.translate(sql, schema).sql())
        .startsWith(
            "MERGE INTO c USING (VALUES (?1, NULL, ('page')), (?2, 1, ?3)) AS excluded(k, n, kind)");
    assertThatThrownBy(
            () ->
                dialect.translate(
                    "INSERT INTO c (k, id) VALUES (1, DEFAULT) ON CONFLICT (k) DO NOTHING", schema))
        .isInstanceOf(StatementException.class);
  }
}
