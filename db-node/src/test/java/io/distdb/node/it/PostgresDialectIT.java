package io.distdb.node.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.distdb.node.Node;
import io.distdb.node.testing.InProcessNode;
import io.distdb.node.testing.ProtocolResult;
import io.distdb.node.testing.ProtocolRunner;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PostgreSQL statements the dialect layer translates, through pgjdbc against a node. */
class PostgresDialectIT {

  @TempDir static Path dir;
  static Node node;
  static Connection c;
  static ProtocolRunner wire;

  @BeforeAll
  static void start() throws Exception {
    node = InProcessNode.start(dir.resolve("data"));
    try (Connection admin = InProcessNode.connect(node, "distdb");
        Statement s = admin.createStatement()) {
      s.execute("CREATE DATABASE app");
    }
    c = InProcessNode.connect(node, "app");
    wire = new ProtocolRunner(InProcessNode.connect(node, "app"));
  }

  @AfterAll
  static void stop() throws Exception {
    c.close();
    wire.close();
    node.close();
  }

  @BeforeEach
  void schema() throws Exception {
    exec("DROP TABLE IF EXISTS items");
    exec(
        "CREATE TABLE items (id serial PRIMARY KEY, sku text UNIQUE NOT NULL, qty int4,"
            + " label varchar(20), at timestamptz, tags text[])");
  }

  private static void exec(String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static ProtocolResult run(String sql, boolean simple) throws Exception {
    return wire.run(sql, simple);
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void insertReturningAnswersRowsAndTag(boolean simple) throws Exception {
    ProtocolResult r =
        run(
            "INSERT INTO items (sku, qty) VALUES ('a', 1), ('b', 2) RETURNING id, qty * 10, *",
            simple);
    assertThat(r.failed()).as("error %s", r.sqlState()).isFalse();
    assertThat(r.tag()).isEqualTo("INSERT 0 2");
    assertThat(r.labels().subList(0, 4)).containsExactly("id", "?column?", "id", "sku");
    assertThat(r.typeOids().subList(0, 4)).containsExactly(23, 23, 23, 25);
    assertThat(r.rows()).extracting(row -> row.get(0)).containsExactly("1", "2");
    assertThat(r.rows()).extracting(row -> row.get(1)).containsExactly("10", "20");
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void updateAndDeleteReturning(boolean simple) throws Exception {
    exec("INSERT INTO items (sku, qty) VALUES ('a', 1), ('b', 2), ('c', 3)");
    ProtocolResult u =
        run("UPDATE items SET qty = qty + 1 WHERE qty > 1 RETURNING sku, qty", simple);
    assertThat(u.tag()).isEqualTo("UPDATE 2");
    assertThat(u.rows()).containsExactlyInAnyOrder(List.of("b", "3"), List.of("c", "4"));
    ProtocolResult d = run("DELETE FROM items WHERE sku = 'a' RETURNING id", simple);
    assertThat(d.tag()).isEqualTo("DELETE 1");
    assertThat(d.rows()).containsExactly(List.of("1"));
  }

  @Test
  void generatedKeysThroughPgjdbc() throws Exception {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO items (sku, qty) VALUES (?, ?)", Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, "k");
      ps.setInt(2, 5);
      assertThat(ps.executeUpdate()).isEqualTo(1);
      try (ResultSet keys = ps.getGeneratedKeys()) {
        assertThat(keys.next()).isTrue();
        assertThat(keys.getInt("id")).isEqualTo(1);
        assertThat(keys.getString("sku")).isEqualTo("k");
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO items (sku) VALUES (?)", new String[] {"id"})) {
      ps.setString(1, "l");
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        assertThat(keys.next()).isTrue();
        assertThat(keys.getInt(1)).isEqualTo(2);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void upsertCountsInsertedAndUpdatedRows(boolean simple) throws Exception {
    exec("INSERT INTO items (sku, qty) VALUES ('a', 1), ('b', 2)");
    ProtocolResult r =
        run(
            "INSERT INTO items (sku, qty) VALUES ('a', 10), ('b', 2), ('c', 30)"
                + " ON CONFLICT (sku) DO UPDATE SET qty = excluded.qty"
                + " WHERE items.qty <> excluded.qty",
            simple);
    assertThat(r.failed()).as("error %s", r.sqlState()).isFalse();
    assertThat(r.tag()).isEqualTo("INSERT 0 2"); // a updated, c inserted, b unchanged
    assertThat(qtys()).containsExactly("a=10", "b=2", "c=30");
    ProtocolResult nothing =
        run("INSERT INTO items (sku, qty) VALUES ('a', 99) ON CONFLICT (sku) DO NOTHING", simple);
    assertThat(nothing.tag()).isEqualTo("INSERT 0 0");
  }

  @Test
  void upsertWithReturningAndConstraintName() throws Exception {
    exec("INSERT INTO items (id, sku, qty) VALUES (7, 'a', 1)");
    ProtocolResult r =
        run(
            "INSERT INTO items AS i (id, sku, qty) VALUES (7, 'a', 2), (8, 'b', 3)"
                + " ON CONFLICT ON CONSTRAINT items_pkey DO UPDATE SET qty = i.qty + excluded.qty"
                + " RETURNING i.id, i.qty",
            false);
    assertThat(r.failed()).as("error %s", r.sqlState()).isFalse();
    assertThat(r.tag()).isEqualTo("INSERT 0 2");
    assertThat(r.rows()).containsExactlyInAnyOrder(List.of("7", "3"), List.of("8", "3"));
    ProtocolResult missing =
        run("INSERT INTO items (sku) VALUES ('z') ON CONFLICT ON CONSTRAINT nope DO NOTHING", true);
    assertThat(missing.sqlState()).isEqualTo("42704");
  }

  @Test
  void upsertWithoutColumnListReadsTheTable() throws Exception {
    ProtocolResult r =
        run(
            "INSERT INTO items VALUES (1, 'a', 1, 'x', NULL, NULL)"
                + " ON CONFLICT (id) DO UPDATE SET qty = 5",
            true);
    assertThat(r.tag()).isEqualTo("INSERT 0 1");
  }

  @Test
  void truncateRestartsIdentity() throws Exception {
    exec("DROP TABLE IF EXISTS other");
    exec("CREATE TABLE other (n int)");
    exec("INSERT INTO items (sku) VALUES ('a'), ('b')");
    exec("INSERT INTO other VALUES (1)");
    ProtocolResult r = run("TRUNCATE items, other RESTART IDENTITY", true);
    assertThat(r.failed()).as("error %s", r.sqlState()).isFalse();
    assertThat(r.tag()).isEqualTo("TRUNCATE TABLE");
    ProtocolResult again = run("INSERT INTO items (sku) VALUES ('c') RETURNING id", true);
    assertThat(again.rows()).containsExactly(List.of("1"));
    assertThat(run("SELECT count(*) FROM other", true).rows()).containsExactly(List.of("0"));
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void outputNamesAndTypesLikePostgres(boolean simple) throws Exception {
    exec("INSERT INTO items (sku, qty, label) VALUES ('a', 1, 'x'), ('b', 2, 'y')");
    ProtocolResult r =
        run(
            "SELECT count(*), sum(qty), avg(qty), min(sku), qty::int8, 1 + 1, sku, label,"
                + " sku || 'z' FROM items GROUP BY qty, sku, label ORDER BY sku LIMIT 1",
            simple);
    assertThat(r.failed()).as("error %s", r.sqlState()).isFalse();
    assertThat(r.labels())
        .containsExactly(
            "count", "sum", "avg", "min", "qty", "?column?", "sku", "label", "?column?");
    assertThat(r.typeOids()).containsExactly(20, 20, 1700, 25, 20, 23, 25, 1043, 25);
    assertThat(new BigDecimal(r.rows().get(0).get(2))).isEqualByComparingTo("1");
  }

  @Test
  void postgresTypeNamesInCasts() throws Exception {
    ProtocolResult r =
        run("SELECT '2024-01-02 03:04:05+00'::timestamptz, CAST('5' AS int2), 1::bigint", true);
    assertThat(r.failed()).as("error %s", r.sqlState()).isFalse();
    assertThat(r.labels()).containsExactly("timestamptz", "int2", "int8");
    assertThat(r.typeOids()).containsExactly(1184, 21, 20);
  }

  @Test
  void unknownTypeIsUndefinedObject() {
    assertThatThrownBy(() -> exec("CREATE TABLE bad (x nosuchtype)"))
        .isInstanceOfSatisfying(
            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42704"))
        .hasMessageContaining("type \"nosuchtype\" does not exist");
    assertThatThrownBy(() -> exec("SELECT 1::nosuchtype"))
        .isInstanceOfSatisfying(
            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42704"));
  }

  @Test
  void advisoryLocksAndConcurrentIndexes() throws Exception {
    ProtocolResult r = run("SELECT pg_try_advisory_lock(77431708279161)", false);
    assertThat(r.labels()).containsExactly("pg_try_advisory_lock");
    assertThat(r.rows()).containsExactly(List.of("t"));
    assertThat(run("SELECT pg_advisory_unlock(77431708279161)", true).rows())
        .containsExactly(List.of("t"));
    exec("CREATE INDEX CONCURRENTLY IF NOT EXISTS items_qty ON items (qty)");
    exec("DROP INDEX CONCURRENTLY items_qty");
  }

  @Test
  void returningWorksWithVolatileFunctions() throws Exception {
    ProtocolResult r = run("INSERT INTO items (sku, at) VALUES ('t', now()) RETURNING at", true);
    assertThat(r.failed()).as("error %s", r.sqlState()).isFalse();
    assertThat(r.rows()).hasSize(1);
    ProtocolResult random =
        run("INSERT INTO items (sku, qty) VALUES ('r', 1) RETURNING random()", true);
    assertThat(random.failed()).as("error %s", random.sqlState()).isFalse();
  }

  private static List<String> qtys() throws Exception {
    return run("SELECT sku, qty FROM items ORDER BY sku", true).rows().stream()
        .map(row -> row.get(0) + "=" + row.get(1))
        .toList();
  }
}
