package io.distdb.node.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.distdb.node.Node;
import io.distdb.node.testing.InProcessNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user does with pgjdbc against a single node, end to end. */
class PgJdbcIT {

  @TempDir static Path dir;
  static Node node;

  @BeforeAll
  static void start() throws Exception {
    node = InProcessNode.start(dir.resolve("data"));
    try (Connection c = InProcessNode.connect(node, "distdb");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE shop");
    }
    try (Connection c = InProcessNode.connect(node, "shop");
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(50) NOT NULL," + " city TEXT)");
      s.execute(
          "CREATE TABLE orders (id SERIAL PRIMARY KEY, customer_id INT NOT NULL"
              + " REFERENCES customers(id), amount NUMERIC(10,2), placed DATE, paid BOOLEAN)");
      assertThat(
              s.executeUpdate(
                  "INSERT INTO customers VALUES (1, 'Ada', 'London'),"
                      + " (2, 'Grace', 'New York'), (3, 'Linus', 'Helsinki')"))
          .isEqualTo(3);
      s.executeUpdate(
          "INSERT INTO orders (customer_id, amount, placed, paid) VALUES"
              + " (1, 10.50, DATE '2024-01-02', true), (1, 20.00, DATE '2024-01-03', false),"
              + " (2, 99.99, DATE '2024-02-01', true)");
    }
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  @Test
  void selectsWithWhereOrderGroupJoinAndAggregates() throws Exception {
    try (Connection c = InProcessNode.connect(node, "shop");
        Statement s = c.createStatement()) {
      assertThat(
              column(
                  s.executeQuery(
                      "SELECT name FROM customers WHERE id > 1 ORDER BY name" + " DESC")))
          .containsExactly("Linus", "Grace");
      ResultSet rs =
          s.executeQuery(
              "SELECT c.name, count(*) AS n, sum(o.amount) AS total"
                  + " FROM customers c JOIN orders o ON o.customer_id = c.id GROUP BY c.name"
                  + " ORDER BY c.name");
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString("name")).isEqualTo("Ada");
      assertThat(rs.getLong("n")).isEqualTo(2);
      assertThat(rs.getBigDecimal("total")).isEqualByComparingTo("30.50");
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("Grace");
      assertThat(rs.next()).isFalse();
      rs = s.executeQuery("SELECT placed, paid, amount FROM orders WHERE id = 1");
      rs.next();
      assertThat(rs.getObject(1, LocalDate.class)).isEqualTo(LocalDate.of(2024, 1, 2));
      assertThat(rs.getBoolean(2)).isTrue();
      assertThat(rs.getBigDecimal(3)).isEqualByComparingTo(new BigDecimal("10.50"));
      assertThat(rs.getMetaData().getColumnTypeName(1)).isEqualTo("date");
      assertThat(rs.getMetaData().getColumnTypeName(2)).isEqualTo("bool");
      assertThat(rs.getMetaData().getColumnTypeName(3)).isEqualTo("numeric");
    }
  }

  @Test
  void updateAndDeleteReportRowCounts() throws Exception {
    try (Connection c = InProcessNode.connect(node, "shop");
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE counters (k TEXT PRIMARY KEY, v INT)");
      s.executeUpdate("INSERT INTO counters VALUES ('a', 1), ('b', 2), ('c', 3)");
      assertThat(s.executeUpdate("UPDATE counters SET v = v + 10 WHERE v >= 2")).isEqualTo(2);
      assertThat(s.executeUpdate("DELETE FROM counters WHERE k = 'a'")).isEqualTo(1);
      assertThat(column(s.executeQuery("SELECT v FROM counters ORDER BY k")))
          .containsExactly("12", "13");
      s.execute("DROP TABLE counters");
      assertThatThrownBy(() -> s.executeQuery("SELECT * FROM counters"))
          .isInstanceOf(SQLException.class)
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("42P01");
    }
  }

  @Test
  void preparedStatementsWithBindParametersAcrossServerPrepareThreshold() throws Exception {
    try (Connection c = InProcessNode.connect(node, "shop")) {
      try (Statement s = c.createStatement()) {
        s.execute(
            "CREATE TABLE items (id BIGINT PRIMARY KEY, label VARCHAR(40), price"
                + " NUMERIC(12,2), blob BYTEA, at TIMESTAMP, ok BOOLEAN, ratio FLOAT8)");
      }
      try (PreparedStatement ins =
          c.prepareStatement("INSERT INTO items VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        for (int i = 0; i < 12; i++) {
          ins.setLong(1, i);
          ins.setString(2, "item-" + i);
          ins.setBigDecimal(3, new BigDecimal(i + ".25"));
          ins.setBytes(4, new byte[] {(byte) i, 0, (byte) 0xff});
          ins.setTimestamp(5, Timestamp.valueOf("2024-03-0" + (1 + i % 9) + " 10:15:30"));
          ins.setBoolean(6, i % 2 == 0);
          ins.setDouble(7, i / 4.0);
          assertThat(ins.executeUpdate()).isEqualTo(1);
        }
      }
      try (PreparedStatement q =
          c.prepareStatement("SELECT label, price, blob, at, ok, ratio FROM items WHERE id = ?")) {
        for (int i = 0; i < 12; i++) {
          q.setLong(1, i);
          try (ResultSet rs = q.executeQuery()) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("item-" + i);
            assertThat(rs.getBigDecimal(2)).isEqualByComparingTo(i + ".25");
            assertThat(rs.getBytes(3)).containsExactly((byte) i, 0, (byte) 0xff);
            assertThat(rs.getTimestamp(4))
                .isEqualTo(Timestamp.valueOf("2024-03-0" + (1 + i % 9) + " 10:15:30"));
            assertThat(rs.getBoolean(5)).isEqualTo(i % 2 == 0);
            assertThat(rs.getDouble(6)).isEqualTo(i / 4.0);
            assertThat(rs.next()).isFalse();
          }
        }
      }
    }
  }

  @Test
  void transactionsCommitAndRollBack() throws Exception {
    try (Connection c = InProcessNode.connect(node, "shop");
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE ledger (id INT PRIMARY KEY, amount INT)");
      c.setAutoCommit(false);
      s.executeUpdate("INSERT INTO ledger VALUES (1, 100)");
      s.executeUpdate("INSERT INTO ledger VALUES (2, 200)");
      assertThat(column(s.executeQuery("SELECT count(*) FROM ledger"))).containsExactly("2");
      c.rollback();
      s.executeUpdate("INSERT INTO ledger VALUES (3, 300)");
      c.commit();
      c.setAutoCommit(true);
      assertThat(column(s.executeQuery("SELECT id FROM ledger ORDER BY id"))).containsExactly("3");
    }
  }

  @Test
  void errorInsideTransactionAbortsItUntilRollback() throws Exception {
    try (Connection c = InProcessNode.connect(node, "shop");
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE uniq (id INT PRIMARY KEY)");
      c.setAutoCommit(false);
      s.executeUpdate("INSERT INTO uniq VALUES (1)");
      assertThatThrownBy(() -> s.executeUpdate("INSERT INTO uniq VALUES (1)"))
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("23505");
      assertThatThrownBy(() -> s.executeQuery("SELECT 1"))
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("25P02");
      c.rollback();
      c.setAutoCommit(true);
      assertThat(column(s.executeQuery("SELECT count(*) FROM uniq"))).containsExactly("0");
    }
  }

  @Test
  void errorsCarryPostgresSqlStates() throws Exception {
    try (Connection c = InProcessNode.connect(node, "shop");
        Statement s = c.createStatement()) {
      assertThat(stateOf(() -> s.executeQuery("SELECT * FROM nope"))).isEqualTo("42P01");
      assertThat(stateOf(() -> s.executeQuery("SELEC 1"))).isEqualTo("42601");
      assertThat(stateOf(() -> s.executeUpdate("INSERT INTO customers VALUES (1, 'dup', 'x')")))
          .isEqualTo("23505");
      assertThat(stateOf(() -> s.executeUpdate("INSERT INTO customers VALUES ('x', 'y', 'z')")))
          .isEqualTo("22P02");
      // The connection is still usable after every error.
      assertThat(column(s.executeQuery("SELECT count(*) FROM customers"))).containsExactly("3");
    }
    assertThat(stateOf(() -> InProcessNode.connect(node, "no_such_db"))).isEqualTo("3D000");
    Properties wrong = new Properties();
    wrong.setProperty("user", InProcessNode.USER);
    wrong.setProperty("password", "wrong");
    assertThat(
            stateOf(
                () -> java.sql.DriverManager.getConnection(InProcessNode.url(node, "shop"), wrong)))
        .isEqualTo("28P01");
  }

  @Test
  void createAndDropDatabase() throws Exception {
    try (Connection c = InProcessNode.connect(node, "distdb");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE scratch");
      assertThat(stateOf(() -> s.execute("CREATE DATABASE scratch"))).isEqualTo("42P04");
      try (Connection sc = InProcessNode.connect(node, "scratch");
          Statement ss = sc.createStatement()) {
        ss.execute("CREATE TABLE t (x INT)");
        ss.executeUpdate("INSERT INTO t VALUES (42)");
        assertThat(column(ss.executeQuery("SELECT x FROM t"))).containsExactly("42");
        assertThat(stateOf(() -> s.execute("DROP DATABASE scratch"))).isEqualTo("55006");
      }
      s.execute("DROP DATABASE scratch");
      assertThat(stateOf(() -> InProcessNode.connect(node, "scratch"))).isEqualTo("3D000");
      s.execute("DROP DATABASE IF EXISTS scratch");
    }
  }

  @Test
  void dataSurvivesRestart() throws Exception {
    Path data = dir.resolve("restart");
    Node first = InProcessNode.start(data);
    try (Connection c = InProcessNode.connect(first, "distdb");
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE kept (id INT PRIMARY KEY, v TEXT)");
      s.executeUpdate("INSERT INTO kept VALUES (1, 'one'), (2, 'two')");
    } finally {
      first.close();
    }
    Node second = InProcessNode.start(data);
    try (Connection c = InProcessNode.connect(second, "distdb");
        Statement s = c.createStatement()) {
      assertThat(column(s.executeQuery("SELECT v FROM kept ORDER BY id")))
          .containsExactly("one", "two");
      assertThat(second.status().lastLsn()).isGreaterThanOrEqualTo(3);
    } finally {
      second.close();
    }
  }

  @Test
  void clientVanishingMidTransactionRollsBackAndReleasesTheWritePath() throws Exception {
    try (Connection setup = InProcessNode.connect(node, "shop");
        Statement s = setup.createStatement()) {
      s.execute("CREATE TABLE vanish (id INT PRIMARY KEY)");
    }
    Connection doomed = InProcessNode.connect(node, "shop");
    doomed.setAutoCommit(false);
    try (Statement s = doomed.createStatement()) {
      s.executeUpdate("INSERT INTO vanish VALUES (1)");
    }
    // Drop the TCP connection without COMMIT, ROLLBACK or Terminate.
    doomed.abort(Runnable::run);
    try (Connection c = InProcessNode.connect(node, "shop");
        Statement s = c.createStatement()) {
      // A write to the same database goes through: the vanished block released the writer.
      assertThat(s.executeUpdate("INSERT INTO vanish VALUES (2)")).isEqualTo(1);
      assertThat(column(s.executeQuery("SELECT id FROM vanish ORDER BY id"))).containsExactly("2");
    }
  }

  @Test
  void tornLogTailIsCutAndEverythingBeforeItKept() throws Exception {
    Path data = dir.resolve("torn");
    Node first = InProcessNode.start(data);
    try (Connection c = InProcessNode.connect(first, "distdb");
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE kept (id INT PRIMARY KEY)");
      for (int i = 1; i <= 20; i++) {
        s.executeUpdate("INSERT INTO kept VALUES (" + i + ")");
      }
    } finally {
      first.close();
    }
    Path segment;
    try (var files = java.nio.file.Files.list(data.resolve("log"))) {
      segment =
          files
              .filter(p -> p.toString().endsWith(".log"))
              .sorted()
              .reduce((a, b) -> b)
              .orElseThrow();
    }
    // A half-written record: a plausible length, then nothing.
    java.nio.file.Files.write(
        segment, new byte[] {0, 0, 0, 40, 1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
    Node second = InProcessNode.start(data);
    try (Connection c = InProcessNode.connect(second, "distdb");
        Statement s = c.createStatement()) {
      assertThat(column(s.executeQuery("SELECT count(*) FROM kept"))).containsExactly("20");
      assertThat(s.executeUpdate("INSERT INTO kept VALUES (21)")).isEqualTo(1);
    } finally {
      second.close();
    }
  }

  static List<String> column(ResultSet rs) throws SQLException {
    List<String> values = new ArrayList<>();
    try (rs) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }

  interface SqlAction {
    void run() throws Exception;
  }

  static String stateOf(SqlAction action) {
    try {
      action.run();
    } catch (SQLException e) {
      return e.getSQLState();
    } catch (Exception e) {
      throw new AssertionError("expected an SQLException", e);
    }
    throw new AssertionError("expected an SQLException, none was thrown");
  }
}
