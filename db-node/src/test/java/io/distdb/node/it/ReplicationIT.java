package io.distdb.node.it;

import static io.distdb.node.it.PgJdbcIT.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.distdb.adminapi.SlaveStatus;
import io.distdb.node.Node;
import io.distdb.node.storage.DatabaseChecksum;
import io.distdb.node.testing.Cluster;
import io.distdb.node.testing.InProcessNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One master and two slaves in one JVM: writes on the master reach every slave, identically. */
class ReplicationIT {

  private static final Duration CONVERGE = Duration.ofSeconds(60);

  @TempDir static Path dir;
  static Cluster cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = Cluster.start(dir, 2);
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @Test
  void mixedWorkloadFromSeveralClientsConvergesOnEverySlave() throws Exception {
    try (Connection c = InProcessNode.connect(cluster.master(), "distdb");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE mixed");
    }
    try (Connection c = InProcessNode.connect(cluster.master(), "mixed");
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE accounts (id INT PRIMARY KEY, owner VARCHAR(20), balance"
              + " NUMERIC(12,2) NOT NULL, opened TIMESTAMP WITH TIME ZONE)");
      s.execute("CREATE TABLE events (id SERIAL PRIMARY KEY, account INT, kind TEXT)");
      s.execute("CREATE INDEX events_account ON events (account)");
    }
    int clients = 6;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<?>> work = new ArrayList<>();
    for (int w = 0; w < clients; w++) {
      int client = w;
      work.add(
          pool.submit(
              () -> {
                mixedClient(client);
                return null;
              }));
    }
    for (Future<?> f : work) {
      f.get();
    }
    pool.shutdown();

    Map<String, DatabaseChecksum.Result> expected = cluster.awaitConverged(CONVERGE);
    assertThat(expected).containsKey("mixed");
    for (Node slave : cluster.slaves()) {
      assertThat(slave.checksums()).isEqualTo(expected);
      try (Connection c = InProcessNode.connect(slave, "mixed");
          Statement s = c.createStatement()) {
        assertThat(column(s.executeQuery("SELECT count(*) FROM accounts")))
            .isEqualTo(masterColumn("mixed", "SELECT count(*) FROM accounts"));
        assertThat(column(s.executeQuery("SELECT id FROM events ORDER BY id DESC LIMIT 3")))
            .isEqualTo(masterColumn("mixed", "SELECT id FROM events ORDER BY id DESC LIMIT 3"));
      }
    }
  }

  @Test
  void statementsTheDialectRewritesReachEverySlaveIdentically() throws Exception {
    try (Connection c = InProcessNode.connect(cluster.master(), "distdb");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE dialect");
    }
    try (Connection c = InProcessNode.connect(cluster.master(), "dialect");
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE kv (id serial PRIMARY KEY, k text UNIQUE, v int4, at timestamptz)");
      s.execute("CREATE TABLE gone (k text)");
      s.execute("INSERT INTO kv (k, v, at) VALUES ('a', 1, now()), ('b', 2, now()) RETURNING id");
      s.execute(
          "INSERT INTO kv (k, v, at) VALUES ('a', 10, now()), ('c', 3, now())"
              + " ON CONFLICT (k) DO UPDATE SET v = kv.v + excluded.v, at = excluded.at"
              + " RETURNING id, v");
      s.execute("INSERT INTO gone VALUES ('b')");
      s.execute("DELETE FROM kv USING gone WHERE kv.k = gone.k RETURNING kv.id");
      s.execute("TRUNCATE gone RESTART IDENTITY");
      s.execute("UPDATE kv SET v = v * 2 WHERE k = 'c' RETURNING v");
    }
    Map<String, DatabaseChecksum.Result> expected = cluster.awaitConverged(CONVERGE);
    assertThat(expected).containsKey("dialect");
    for (Node slave : cluster.slaves()) {
      assertThat(slave.checksums().get("dialect")).isEqualTo(expected.get("dialect"));
      try (Connection c = InProcessNode.connect(slave, "dialect");
          Statement s = c.createStatement()) {
        assertThat(column(s.executeQuery("SELECT k || '=' || v FROM kv ORDER BY k")))
            .isEqualTo(List.of("a=11", "c=6"));
      }
    }
  }

  /** Inserts, updates, deletes, transactions (some rolled back) and failing statements. */
  private static void mixedClient(int client) throws SQLException {
    try (Connection c = InProcessNode.connect(cluster.master(), "mixed");
        Statement s = c.createStatement();
        PreparedStatement ins = c.prepareStatement("INSERT INTO accounts VALUES (?, ?, ?, now())");
        PreparedStatement ev =
            c.prepareStatement("INSERT INTO events (account, kind) VALUES (?, ?)")) {
      for (int i = 0; i < 40; i++) {
        int id = client * 1000 + i;
        ins.setInt(1, id);
        ins.setString(2, "owner-" + client);
        ins.setBigDecimal(3, new java.math.BigDecimal(i + ".50"));
        ins.executeUpdate();
        ev.setInt(1, id);
        ev.setString(2, "open");
        ev.executeUpdate();
        if (i % 5 == 0) {
          s.executeUpdate(
              "UPDATE accounts SET balance = balance * 2 WHERE owner = 'owner-" + client + "'");
        }
        if (i % 7 == 0) {
          s.executeUpdate("DELETE FROM accounts WHERE id = " + (id - 1));
        }
        if (i % 9 == 0) {
          // A failing statement advances the identity sequence on the master: replicas must too.
          assertThatThrownBy(
                  () ->
                      s.executeUpdate(
                          "INSERT INTO events (account, kind) VALUES (NULL, NULL), (1, CAST('x' AS INT))"))
              .isInstanceOf(SQLException.class);
        }
        if (i % 10 == 0) {
          c.setAutoCommit(false);
          ev.setInt(1, id);
          ev.setString(2, i % 20 == 0 ? "kept" : "discarded");
          ev.executeUpdate();
          s.executeUpdate("UPDATE accounts SET balance = balance + 1 WHERE id = " + id);
          if (i % 20 == 0) {
            c.commit();
          } else {
            c.rollback();
          }
          c.setAutoCommit(true);
        }
      }
    }
  }

  private static List<String> masterColumn(String db, String sql) throws SQLException {
    try (Connection c = InProcessNode.connect(cluster.master(), db);
        Statement s = c.createStatement()) {
      return column(s.executeQuery(sql));
    }
  }

  @Test
  void slavesServeReadsAndRefuseWritesNamingTheMaster() throws Exception {
    try (Connection c = InProcessNode.connect(cluster.master(), "distdb");
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE readable (k INT PRIMARY KEY, v TEXT)");
      s.executeUpdate("INSERT INTO readable VALUES (1, 'one')");
    }
    cluster.awaitConverged(CONVERGE);
    Node slave = cluster.slave(1);
    try (Connection c = InProcessNode.connect(slave, "distdb");
        Statement s = c.createStatement()) {
      assertThat(column(s.executeQuery("SELECT v FROM readable WHERE k = 1")))
          .containsExactly("one");
      for (String write :
          List.of(
              "INSERT INTO readable VALUES (2, 'two')",
              "UPDATE readable SET v = 'x'",
              "DELETE FROM readable",
              "CREATE TABLE nope (x INT)",
              "DROP TABLE readable",
              "CREATE DATABASE nope",
              "DROP DATABASE distdb")) {
        SQLException e =
            org.junit.jupiter.api.Assertions.assertThrows(
                SQLException.class, () -> s.execute(write), write);
        assertThat(e.getSQLState()).as(write).isEqualTo("25006");
        assertThat(e.getMessage()).as(write).contains("read-only");
      }
      // The connection stays usable after every refusal.
      assertThat(column(s.executeQuery("SELECT count(*) FROM readable"))).containsExactly("1");
    }
  }

  @Test
  void everyNodeHasThePostgresDatabase() throws Exception {
    assertThat(cluster.awaitConverged(CONVERGE)).containsKey(Node.POSTGRES_DATABASE);
    List<Node> nodes = new ArrayList<>(cluster.slaves());
    nodes.add(cluster.master());
    for (Node node : nodes) {
      try (Connection c = InProcessNode.connect(node, Node.POSTGRES_DATABASE);
          Statement s = c.createStatement();
          var rs = s.executeQuery("SELECT 1")) {
        assertThat(rs.next()).isTrue();
      }
    }
  }

  @Test
  void masterStatusListsEverySlaveStreaming() throws Exception {
    cluster.awaitConverged(CONVERGE);
    var status = cluster.master().status();
    assertThat(status.master()).isNotNull();
    assertThat(status.master().slaves())
        .extracting(SlaveStatus::nodeId)
        .containsExactly("slave-0", "slave-1");
    assertThat(status.master().slaves())
        .allSatisfy(
            s -> {
              assertThat(s.state()).isEqualTo("streaming");
              assertThat(s.durableLsn()).isEqualTo(status.lastLsn());
              assertThat(s.lagEntries()).isZero();
            });
    var slaveStatus = cluster.slave(0).status();
    assertThat(slaveStatus.role()).isEqualTo("slave");
    assertThat(slaveStatus.slave().state()).isEqualTo("streaming");
    assertThat(slaveStatus.slave().lastError()).isNull();
  }

  @Test
  void nondeterministicWritesReplicateAsTheRowsTheMasterMade() throws Exception {
    try (Connection c = InProcessNode.connect(cluster.master(), "distdb");
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE clock (id INT PRIMARY KEY, at TIMESTAMP WITH TIME ZONE, d DATE)");
      s.executeUpdate("INSERT INTO clock VALUES (1, now(), current_date)");
      s.executeUpdate("UPDATE clock SET at = current_timestamp WHERE id = 1");
      s.executeUpdate(
          "INSERT INTO clock VALUES (2, now(), current_date + CAST(random() * 9 AS INT))");
      s.executeUpdate("UPDATE clock SET id = id + 10 * CAST(random() * 100 AS INT) WHERE id = 2");
      s.executeUpdate("INSERT INTO clock (id) SELECT 1000 + CAST(random() * 1000 AS INT)");
    }
    assertEverySlaveMatches("distdb");
  }

  /**
   * A bounded randomized workload of everything statement replay could not replicate: volatile
   * defaults, random() in updates, sequences advanced inside rolled-back savepoints, cascades, a
   * table without a primary key, upserts, TRUNCATE, and transactions that roll back.
   */
  @Test
  void randomizedWorkloadLeavesEveryReplicaIdentical() throws Exception {
    java.util.Random random = new java.util.Random(14);
    try (Connection c = InProcessNode.connect(cluster.master(), "distdb");
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE rw_parent (id SERIAL PRIMARY KEY, made timestamptz DEFAULT now(),"
              + " token UUID DEFAULT gen_random_uuid(), score DOUBLE PRECISION)");
      s.execute(
          "CREATE TABLE rw_child (id BIGSERIAL PRIMARY KEY,"
              + " parent INT REFERENCES rw_parent (id) ON DELETE CASCADE,"
              + " buddy INT REFERENCES rw_parent (id) ON DELETE SET NULL,"
              + " at TIMESTAMP DEFAULT CURRENT_TIMESTAMP)");
      s.execute("CREATE TABLE rw_bag (a INT, b TEXT)");
      s.execute("CREATE TABLE rw_kv (k INT PRIMARY KEY, v TEXT, n INT)");
      s.execute("CREATE SEQUENCE rw_seq");
      for (int round = 0; round < 60; round++) {
        switch (random.nextInt(8)) {
          case 0 -> s.executeUpdate("INSERT INTO rw_parent (score) VALUES (random()), (random())");
          case 1 ->
              s.executeUpdate(
                  "INSERT INTO rw_child (parent, buddy) SELECT id, (SELECT max(id) FROM rw_parent)"
                      + " FROM rw_parent ORDER BY id LIMIT 3");
          case 2 -> s.executeUpdate("UPDATE rw_parent SET score = random() WHERE score < 0.7");
          case 3 ->
              s.executeUpdate("DELETE FROM rw_parent WHERE id = (SELECT min(id) FROM rw_parent)");
          case 4 -> {
            s.executeUpdate("INSERT INTO rw_bag VALUES (1, 'x'), (1, 'x'), (2, NULL)");
            s.executeUpdate("UPDATE rw_bag SET a = a + 1 WHERE a = 2");
            s.executeUpdate("DELETE FROM rw_bag WHERE b IS NULL");
          }
          case 5 ->
              s.executeUpdate(
                  "INSERT INTO rw_kv VALUES ("
                      + random.nextInt(10)
                      + ", md5(CAST(random() AS TEXT)), 1) ON CONFLICT (k)"
                      + " DO UPDATE SET v = excluded.v, n = rw_kv.n + 1");
          case 6 -> {
            c.setAutoCommit(false);
            s.executeUpdate("INSERT INTO rw_parent (score) VALUES (0.5)");
            s.execute("SAVEPOINT a");
            s.executeUpdate("INSERT INTO rw_parent (score) VALUES (0.6), (0.7)");
            s.execute("SELECT nextval('rw_seq')");
            s.execute("ROLLBACK TO SAVEPOINT a");
            s.executeUpdate("INSERT INTO rw_child (parent) SELECT max(id) FROM rw_parent");
            if (random.nextBoolean()) {
              c.commit();
            } else {
              c.rollback();
            }
            c.setAutoCommit(true);
          }
          default -> {
            if (random.nextInt(4) == 0) {
              s.execute("TRUNCATE rw_bag");
            } else {
              s.execute("SELECT nextval('rw_seq')");
            }
          }
        }
      }
    }
    assertEverySlaveMatches("distdb");
  }

  private static void assertEverySlaveMatches(String database) {
    Map<String, DatabaseChecksum.Result> expected = cluster.awaitConverged(CONVERGE);
    for (Node slave : cluster.slaves()) {
      assertThat(slave.checksums().get(database)).isEqualTo(expected.get(database));
    }
  }

  @Test
  void identityColumnsUnderConcurrentWritersMatchEverywhere() throws Exception {
    try (Connection c = InProcessNode.connect(cluster.master(), "distdb");
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE tickets (id BIGSERIAL PRIMARY KEY, who INT NOT NULL)");
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> work = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      int who = w;
      work.add(
          pool.submit(
              () -> {
                try (Connection c = InProcessNode.connect(cluster.master(), "distdb");
                    PreparedStatement ps =
                        c.prepareStatement("INSERT INTO tickets (who) VALUES (?)")) {
                  for (int i = 0; i < 50; i++) {
                    ps.setInt(1, i % 10 == 0 ? -1 : who);
                    ps.executeUpdate();
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : work) {
      f.get();
    }
    pool.shutdown();
    assertEverySlaveMatches("distdb");
  }

  /**
   * Transaction blocks run side by side on the master: updates of the same rows from many blocks
   * and autocommit statements wait on each other's row locks and none is lost, and the log's order
   * replays to the same state on every slave.
   */
  @Test
  void concurrentBlocksOnTheSameRowsLoseNoUpdateAndMatchEverywhere() throws Exception {
    try (Connection c = InProcessNode.connect(cluster.master(), "distdb");
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE counters (id INT PRIMARY KEY, n BIGINT NOT NULL)");
      s.execute("INSERT INTO counters VALUES (0, 0), (1, 0), (2, 0)");
      s.execute("CREATE TABLE moves (id BIGSERIAL PRIMARY KEY, who INT, counter INT)");
    }
    int clients = 6;
    int rounds = 30;
    java.util.concurrent.atomic.AtomicLong committed = new java.util.concurrent.atomic.AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<?>> work = new ArrayList<>();
    for (int w = 0; w < clients; w++) {
      int who = w;
      work.add(
          pool.submit(
              () -> {
                try (Connection c = InProcessNode.connect(cluster.master(), "distdb");
                    PreparedStatement up =
                        c.prepareStatement("UPDATE counters SET n = n + 1 WHERE id = ?");
                    PreparedStatement mv =
                        c.prepareStatement("INSERT INTO moves (who, counter) VALUES (?, ?)")) {
                  for (int i = 0; i < rounds; i++) {
                    int counter = (who + i) % 3;
                    boolean block = who % 3 != 0;
                    c.setAutoCommit(!block);
                    up.setInt(1, counter);
                    up.executeUpdate();
                    mv.setInt(1, who);
                    mv.setInt(2, counter);
                    if (block && i % 4 == 3) {
                      // The sequence moves even though the row does not stay.
                      java.sql.Savepoint sp = c.setSavepoint();
                      mv.executeUpdate();
                      c.rollback(sp);
                    }
                    mv.executeUpdate();
                    if (block && i % 5 == 4) {
                      c.rollback();
                      continue;
                    }
                    if (block) {
                      c.commit();
                    }
                    committed.incrementAndGet();
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : work) {
      f.get();
    }
    pool.shutdown();
    assertThat(masterColumn("distdb", "SELECT sum(n) FROM counters"))
        .containsExactly(String.valueOf(committed.get()));
    assertThat(masterColumn("distdb", "SELECT count(*) FROM moves"))
        .containsExactly(String.valueOf(committed.get()));
    assertEverySlaveMatches("distdb");
    for (Node slave : cluster.slaves()) {
      try (Connection c = InProcessNode.connect(slave, "distdb");
          Statement s = c.createStatement()) {
        assertThat(column(s.executeQuery("SELECT n FROM counters ORDER BY id")))
            .isEqualTo(masterColumn("distdb", "SELECT n FROM counters ORDER BY id"));
      }
    }
  }
}
