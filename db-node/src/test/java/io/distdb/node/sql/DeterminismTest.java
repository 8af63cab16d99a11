package io.distdb.node.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DeterminismTest {

  private static final Instant NOW = Instant.parse("2024-05-01T10:00:00.123456789Z");
  private static final String TSTZ = "TIMESTAMP WITH TIME ZONE '2024-05-01 10:00:00.123456+00'";

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      insert into t values (now())                  | insert into t values (TIMESTAMP WITH TIME ZONE '2024-05-01 10:00:00.123456+00')
      insert into t values (NOW( ))                 | insert into t values (TIMESTAMP WITH TIME ZONE '2024-05-01 10:00:00.123456+00')
      update t set a = current_timestamp            | update t set a = TIMESTAMP WITH TIME ZONE '2024-05-01 10:00:00.123456+00'
      update t set a = CURRENT_TIMESTAMP(0)         | update t set a = TIMESTAMP WITH TIME ZONE '2024-05-01 10:00:00.000000+00'
      update t set a = current_timestamp(1)         | update t set a = TIMESTAMP WITH TIME ZONE '2024-05-01 10:00:00.100000+00'
      update t set a = transaction_timestamp()      | update t set a = TIMESTAMP WITH TIME ZONE '2024-05-01 10:00:00.123456+00'
      update t set a = statement_timestamp()        | update t set a = TIMESTAMP WITH TIME ZONE '2024-05-01 10:00:00.123456+00'
      update t set a = clock_timestamp()            | update t set a = TIMESTAMP WITH TIME ZONE '2024-05-01 10:00:00.123456+00'
      update t set a = pg_catalog.now()             | update t set a = TIMESTAMP WITH TIME ZONE '2024-05-01 10:00:00.123456+00'
      update t set a = localtimestamp               | update t set a = TIMESTAMP '2024-05-01 10:00:00.123456'
      update t set d = current_date + 1             | update t set d = DATE '2024-05-01' + 1
      update t set b = current_time                 | update t set b = TIME WITH TIME ZONE '10:00:00.123456+00'
      update t set b = localtime(2)                 | update t set b = TIME '10:00:00.120000'
      delete from t where a < now() - interval '1 day' | delete from t where a < TIMESTAMP WITH TIME ZONE '2024-05-01 10:00:00.123456+00' - interval '1 day'
      create table t2 as select now() as a          | create table t2 as select TIMESTAMP WITH TIME ZONE '2024-05-01 10:00:00.123456+00' as a
      """)
  void replacesClockFunctions(String sql, String expected) throws Exception {
    assertThat(Determinism.rewrite(sql, NOW)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "insert into t values (1, 'x')",
        "insert into t values ('now()', \"now\", t.now) -- now()",
        "insert into t select now from x /* current_timestamp */",
        "update t set \"current_date\" = $$ now() $$",
        "create table t (a timestamptz default now(), b date check (b <= current_date))",
        "create table t (id uuid default gen_random_uuid())",
        "alter table t alter column a set default current_timestamp",
        "create view v as select now()",
        "set local timezone = 'UTC'",
        "show session_user",
        "select now(), random()"
      })
  void leavesOtherStatementsByteIdentical(String sql) throws Exception {
    assertThat(Determinism.rewrite(sql, NOW)).isSameAs(sql);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      insert into t values (random())              | random()
      insert into t values (gen_random_uuid())     | gen_random_uuid()
      insert into t select setseed(0.5)            | setseed()
      insert into t values (txid_current())        | txid_current()
      insert into t values (pg_backend_pid())      | pg_backend_pid()
      insert into t values (inet_client_addr())    | inet_client_addr()
      insert into t values (current_user)          | current_user
      update t set owner = session_user            | session_user
      update t set owner = USER                    | user
      create table t2 as select random() as r      | random()
      """)
  void refusesPerReplicaFunctions(String sql, String function) {
    assertThatThrownBy(() -> Determinism.rewrite(sql, NOW))
        .isInstanceOfSatisfying(
            StatementException.class, e -> assertThat(e.sqlState()).isEqualTo("0A000"))
        .hasMessage(
            function
                + " is not allowed in a replicated write: its value would differ on"
                + " each replica; compute the value in the client or in a prior SELECT");
  }

  @Test
  void roundingCarriesIntoSeconds() throws Exception {
    Instant late = Instant.parse("2024-12-31T23:59:59.999999Z");
    assertThat(Determinism.rewrite("insert into t values (current_timestamp(0))", late))
        .isEqualTo(
            "insert into t values (TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00.000000+00')");
  }

  @Test
  void rewrittenLiteralsExecuteInH2() throws Exception {
    String url =
        "jdbc:h2:mem:determinism;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute(
          "create table t (tz timestamp with time zone, ts timestamp, d date,"
              + " tt time with time zone, t time(6))");
      String insert =
          Determinism.rewrite(
              "insert into t values (now(), localtimestamp, current_date, current_time, localtime)",
              NOW);
      assertThat(insert).doesNotContain("now()");
      assertThat(s.executeUpdate(insert)).isEqualTo(1);
      try (ResultSet rs = s.executeQuery("select * from t")) {
        rs.next();
        assertThat(rs.getObject(1, OffsetDateTime.class))
            .isEqualTo(OffsetDateTime.of(2024, 5, 1, 10, 0, 0, 123_456_000, ZoneOffset.UTC));
        assertThat(rs.getObject(2, LocalDateTime.class))
            .isEqualTo(LocalDateTime.of(2024, 5, 1, 10, 0, 0, 123_456_000));
        assertThat(rs.getObject(3, LocalDate.class)).isEqualTo(LocalDate.of(2024, 5, 1));
        assertThat(rs.getObject(4, OffsetTime.class))
            .isEqualTo(OffsetTime.of(10, 0, 0, 0, ZoneOffset.UTC)); // H2's default TIME(0) scale
        assertThat(rs.getObject(5, LocalTime.class)).isEqualTo(LocalTime.of(10, 0, 0, 123_456_000));
      }
      String expr =
          Determinism.rewrite(
              "insert into t (tz, d) select current_timestamp(3) - interval '1' day, current_date + 1",
              NOW);
      assertThat(s.executeUpdate(expr)).isEqualTo(1);
      try (ResultSet rs = s.executeQuery("select tz, d from t where ts is null")) {
        rs.next();
        assertThat(rs.getObject(1, OffsetDateTime.class))
            .isEqualTo(OffsetDateTime.of(2024, 4, 30, 10, 0, 0, 123_000_000, ZoneOffset.UTC));
        assertThat(rs.getObject(2, LocalDate.class)).isEqualTo(LocalDate.of(2024, 5, 2));
      }
    }
  }

  @Test
  void rewriteOfTstzLiteralIsStable() throws Exception {
    String once = Determinism.rewrite("insert into t select now()", NOW);
    assertThat(once).isEqualTo("insert into t select " + TSTZ);
    assertThat(Determinism.rewrite(once, NOW)).isSameAs(once);
  }
}
