package io.distdb.node.pgwire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.distdb.node.pgwire.auth.Authenticator;
import io.distdb.node.pgwire.auth.StaticCredentials;
import io.distdb.node.service.Column;
import io.distdb.node.service.PgType;
import io.distdb.node.service.SqlException;
import java.math.BigDecimal;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Real pgjdbc against {@link PgServer} on a loopback port, backed by the fake service. */
class PgJdbcEndToEndTest {

  static final String EVERYTHING = "select * from everything";
  static final String BY_PARAMS =
      "select * from everything where a = $1 and b = $2 and c = $3" + " and d = $4";
  static final String HUNDRED = "select n from hundred";

  static final UUID ID = UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
  static final LocalDateTime TS = LocalDateTime.of(2024, 1, 31, 13, 45, 0, 500_000_000);
  static final OffsetDateTime TSTZ = OffsetDateTime.of(2024, 1, 31, 13, 45, 0, 0, ZoneOffset.UTC);

  static final FakeSqlService service = new FakeSqlService();
  static PgServer server;

  @BeforeAll
  static void start() throws Exception {
    List<Column> columns =
        List.of(
            new Column("i", PgType.INT4),
            new Column("s", PgType.TEXT),
            new Column("ts", PgType.TIMESTAMP),
            new Column("b", PgType.BOOL),
            new Column("bytes", PgType.BYTEA),
            new Column("num", PgType.NUMERIC),
            new Column("l", PgType.INT8),
            new Column("f", PgType.FLOAT8),
            new Column("d", PgType.DATE),
            new Column("tz", PgType.TIMESTAMPTZ),
            new Column("u", PgType.UUID),
            new Column("sm", PgType.INT2),
            new Column("f4", PgType.FLOAT4),
            new Column("nul", PgType.INT4));
    List<Object[]> rows =
        List.<Object[]>of(
            new Object[] {
              42,
              "héllo",
              TS,
              true,
              new byte[] {1, 2, (byte) 0xFF},
              new BigDecimal("12345.678"),
              9_000_000_000L,
              1.5d,
              LocalDate.of(2024, 1, 31),
              TSTZ,
              ID,
              (short) 7,
              0.25f,
              null
            });
    List<Object[]> hundred = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      hundred.add(new Object[] {i});
    }
    service
        .rows(EVERYTHING, columns, rows)
        .rows(BY_PARAMS, columns, rows)
        .rows(HUNDRED, List.of(new Column("n", PgType.INT4)), hundred)
        .command("insert into t values (1)", "INSERT 0 1")
        .error("insert into t values ('bad')", "22P02", "invalid input syntax for type integer")
        .error("select boom", "42703", "column \"boom\" does not exist")
        .error(
            "insert into t values (-1)",
            new SqlException(
                    "23514",
                    "new row for relation \"t\" violates check constraint \"t_a_check\"",
                    "Failing row contains (-1).",
                    null,
                    null)
                .withObject(new SqlException.ErrorObject("public", "t", null, "t_a_check")));
    server =
        new PgServer(
            PgServerConfig.defaults().withHost("127.0.0.1").withPort(0).withWorkerThreads(2),
            service,
            Authenticator.scramSha256(new StaticCredentials("alice", "s3cret")));
    server.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String url() {
    return "jdbc:postgresql://127.0.0.1:" + server.port() + "/db";
  }

  static Connection connect() throws SQLException {
    return DriverManager.getConnection(url(), "alice", "s3cret");
  }

  @Test
  void statementReturnsEveryTypeInText() throws Exception {
    try (Connection c = connect();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(EVERYTHING)) {
      assertThat(rs.next()).isTrue();
      assertRow(rs);
      assertThat(rs.next()).isFalse();
    }
  }

  static void assertRow(ResultSet rs) throws SQLException {
    assertThat(rs.getInt("i")).isEqualTo(42);
    assertThat(rs.getString("s")).isEqualTo("héllo");
    assertThat(rs.getTimestamp("ts")).isEqualTo(Timestamp.valueOf(TS));
    assertThat(rs.getBoolean("b")).isTrue();
    assertThat(rs.getBytes("bytes")).containsExactly(1, 2, 0xFF);
    assertThat(rs.getBigDecimal("num")).isEqualTo(new BigDecimal("12345.678"));
    assertThat(rs.getLong("l")).isEqualTo(9_000_000_000L);
    assertThat(rs.getDouble("f")).isEqualTo(1.5d);
    assertThat(rs.getObject("d", LocalDate.class)).isEqualTo(LocalDate.of(2024, 1, 31));
    assertThat(rs.getObject("tz", OffsetDateTime.class).toInstant()).isEqualTo(TSTZ.toInstant());
    assertThat(rs.getObject("u")).isEqualTo(ID);
    assertThat(rs.getShort("sm")).isEqualTo((short) 7);
    assertThat(rs.getFloat("f4")).isEqualTo(0.25f);
    assertThat(rs.getObject("nul")).isNull();
  }

  @Test
  void wrongPasswordIs28P01() {
    assertThatThrownBy(() -> DriverManager.getConnection(url(), "alice", "wrong"))
        .isInstanceOfSatisfying(
            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
    assertThatThrownBy(() -> DriverManager.getConnection(url(), "mallory", "s3cret"))
        .isInstanceOfSatisfying(
            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
  }

  @Test
  void preparedStatementCrossesThePrepareThresholdIntoBinary() throws Exception {
    int before = service.executedSql(BY_PARAMS).size();
    try (Connection c = connect();
        PreparedStatement ps =
            c.prepareStatement(
                "select * from everything where a = ? and b = ? and c = ? and d = ?")) {
      for (int i = 0; i < 10; i++) {
        ps.setInt(1, i);
        ps.setLong(2, 10_000_000_000L + i);
        ps.setString(3, "s" + i);
        ps.setBytes(4, new byte[] {(byte) i, 2});
        try (ResultSet rs = ps.executeQuery()) {
          assertThat(rs.next()).isTrue();
          assertRow(rs);
        }
      }
    }
    List<FakeSqlService.Executed> runs = service.executedSql(BY_PARAMS);
    assertThat(runs).hasSize(before + 10);
    for (int i = 0; i < 10; i++) {
      List<Object> p = runs.get(before + i).params();
      assertThat(p.get(0)).isEqualTo(i);
      assertThat(p.get(1)).isEqualTo(10_000_000_000L + i);
      assertThat(p.get(2)).isEqualTo("s" + i);
      assertThat((byte[]) p.get(3)).containsExactly(i, 2);
    }
  }

  @Test
  void fetchSizeInsideATransactionStreamsThroughPortalSuspended() throws Exception {
    int before = service.executedSql(HUNDRED).size();
    try (Connection c = connect()) {
      c.setAutoCommit(false);
      try (Statement st = c.createStatement()) {
        st.setFetchSize(10);
        int expected = 0;
        try (ResultSet rs = st.executeQuery(HUNDRED)) {
          while (rs.next()) {
            assertThat(rs.getInt(1)).isEqualTo(expected++);
          }
        }
        assertThat(expected).isEqualTo(100);
      }
      c.commit();
    }
    // One execution, fetched in ten Execute round trips.
    assertThat(service.executedSql(HUNDRED)).hasSize(before + 1);
  }

  @Test
  void errorMidBatchLeavesTheConnectionUsable() throws Exception {
    try (Connection c = connect();
        Statement st = c.createStatement()) {
      st.addBatch("insert into t values (1)");
      st.addBatch("insert into t values ('bad')");
      st.addBatch("insert into t values (1)");
      assertThatThrownBy(st::executeBatch)
          .isInstanceOf(BatchUpdateException.class)
          .hasMessageContaining("invalid input syntax");
      try (ResultSet rs = st.executeQuery(EVERYTHING)) {
        assertThat(rs.next()).isTrue();
      }
    }
  }

  @Test
  void constraintViolationsCarryTheFieldsDriversRead() throws Exception {
    try (Connection c = connect();
        Statement st = c.createStatement()) {
      assertThatThrownBy(() -> st.execute("insert into t values (-1)"))
          .isInstanceOfSatisfying(
              PSQLException.class,
              e -> {
                ServerErrorMessage m = e.getServerErrorMessage();
                assertThat(m.getSQLState()).isEqualTo("23514");
                assertThat(m.getDetail()).isEqualTo("Failing row contains (-1).");
                assertThat(m.getSchema()).isEqualTo("public");
                assertThat(m.getTable()).isEqualTo("t");
                assertThat(m.getColumn()).isNull();
                assertThat(m.getConstraint()).isEqualTo("t_a_check");
              });
    }
  }

  @Test
  void transactionStateFollowsReadyForQuery() throws Exception {
    try (Connection c = connect();
        Statement st = c.createStatement()) {
      BaseConnection base = c.unwrap(BaseConnection.class);
      c.setAutoCommit(false);
      st.execute("insert into t values (1)");
      assertThat(base.getTransactionState()).isEqualTo(TransactionState.OPEN);
      assertThatThrownBy(() -> st.executeQuery("select boom"))
          .isInstanceOfSatisfying(
              SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42703"));
      assertThat(base.getTransactionState()).isEqualTo(TransactionState.FAILED);
      assertThatThrownBy(() -> st.executeQuery(EVERYTHING))
          .isInstanceOfSatisfying(
              SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("25P02"));
      c.rollback();
      assertThat(base.getTransactionState()).isEqualTo(TransactionState.IDLE);
      c.setAutoCommit(true);
      try (ResultSet rs = st.executeQuery(EVERYTHING)) {
        assertThat(rs.next()).isTrue();
      }
    }
  }

  @Test
  void unknownDatabaseIs3D000() throws Exception {
    FakeSqlService only = new FakeSqlService().databases("db");
    try (PgServer trust =
        new PgServer(
            PgServerConfig.defaults().withHost("127.0.0.1").withPort(0).withWorkerThreads(1),
            only,
            Authenticator.trust())) {
      trust.start();
      assertThatThrownBy(
              () ->
                  DriverManager.getConnection(
                      "jdbc:postgresql://127.0.0.1:" + trust.port() + "/nope", "bob", ""))
          .isInstanceOfSatisfying(
              SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("3D000"));
      try (Connection c =
          DriverManager.getConnection(
              "jdbc:postgresql://127.0.0.1:" + trust.port() + "/db", "bob", "")) {
        assertThat(c.isValid(2)).isTrue();
      }
    }
  }
}
