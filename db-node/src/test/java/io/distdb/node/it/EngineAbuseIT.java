package io.distdb.node.it;

import static io.distdb.node.it.PgJdbcIT.column;
import static io.distdb.node.it.PgJdbcIT.stateOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.distdb.node.Node;
import io.distdb.node.storage.DatabaseChecksum;
import io.distdb.node.testing.Cluster;
import io.distdb.node.testing.InProcessNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Statements an attacker or a careless user sends, on a master and a slave: none runs code, touches
 * a file, changes data behind the log's back, or stops a node from serving the next one.
 */
class EngineAbuseIT {

  private static final Duration CONVERGE = Duration.ofSeconds(60);

  @TempDir static Path dir;
  static Cluster cluster;
  static Path marker;

  @BeforeAll
  static void start() throws Exception {
    cluster = Cluster.start(dir, 1);
    marker = dir.resolve("pwned");
    try (Connection c = InProcessNode.connect(cluster.master(), "distdb");
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INT PRIMARY KEY, v TEXT)");
      s.execute("INSERT INTO t VALUES (1, 'a'), (2, 'b')");
      s.execute("CREATE SEQUENCE seq");
    }
    cluster.awaitConverged(CONVERGE);
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  /** What each node must refuse, with the SQLSTATEs PostgreSQL users can act on. */
  private static List<String> attacks() {
    String m = marker.toString();
    return List.of(
        "SELECT file_read('/etc/passwd')",
        "SELECT file_write('x', '" + m + "')",
        "SELECT * FROM csvread('/etc/passwd')",
        "SELECT csvwrite('" + m + "', 'SELECT 1')",
        "SCRIPT TO '" + m + "'",
        "RUNSCRIPT FROM '/etc/passwd'",
        "BACKUP TO '" + m + "'",
        "CREATE ALIAS ex FOR 'java.lang.Runtime.exec(java.lang.String)'",
        "CREATE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW AS $$org.h2.api.Trigger create() {"
            + " java.nio.file.Files.writeString(java.nio.file.Path.of(\""
            + m
            + "\"), \"x\"); return null; } $$",
        "CREATE TABLE e (id INT) ENGINE \"org.example.Engine\"",
        "SELECT * FROM link_schema('x', '', 'jdbc:h2:mem:x', '', '', 'public')",
        "SELECT * FROM final table (DELETE FROM t)",
        "WITH x AS (SELECT * FROM old table (DELETE FROM t)) SELECT count(*) FROM x",
        "SELECT CAST(X'ACED0005' AS JAVA_OBJECT)",
        "UPDATE distdb_internal.applied SET lsn = 0",
        "SET MAX_MEMORY_ROWS 1",
        "CALL database_path()",
        "SHUTDOWN");
  }

  @Test
  void engineFeaturesAreRefusedOnMasterAndSlave() throws Exception {
    for (Node node : List.of(cluster.master(), cluster.slave(0))) {
      try (Connection c = InProcessNode.connect(node, "distdb");
          Statement s = c.createStatement()) {
        for (String sql : attacks()) {
          assertThat(stateOf(() -> s.execute(sql)))
              .as("%s on %s", sql, node.status().role())
              .isIn("42501", "0A000", "42601");
        }
        assertThat(column(s.executeQuery("SELECT v FROM t ORDER BY id"))).containsExactly("a", "b");
      }
    }
    assertThat(Files.exists(marker)).isFalse();
    assertEqualEverywhere();
  }

  @Test
  void aSelectThatAdvancesASequenceIsAWriteLoggedOnTheMasterAndRefusedOnASlave() throws Exception {
    try (Connection c = InProcessNode.connect(cluster.slave(0), "distdb");
        Statement s = c.createStatement()) {
      assertThat(stateOf(() -> s.execute("SELECT nextval('seq')"))).isEqualTo("25006");
      assertThat(stateOf(() -> s.execute("SELECT setval('seq', 100)"))).isEqualTo("25006");
    }
    try (Connection c = InProcessNode.connect(cluster.master(), "distdb");
        Statement s = c.createStatement()) {
      assertThat(column(s.executeQuery("SELECT nextval('seq')"))).containsExactly("1");
      assertThat(column(s.executeQuery("SELECT nextval('seq')"))).containsExactly("2");
    }
    cluster.awaitConverged(CONVERGE);
    for (Node node : List.of(cluster.master(), cluster.slave(0))) {
      try (Connection c = InProcessNode.connect(node, "distdb");
          Statement s = c.createStatement()) {
        // The sequence's position as each node holds it: equal means the SELECT was replicated.
        assertThat(
                column(
                    s.executeQuery(
                        "SELECT last_value FROM pg_sequences WHERE sequencename = 'seq'")))
            .as(node.status().role())
            .containsExactly("2");
      }
    }
  }

  @Test
  void deepNestingFailsOnlyThatStatementAndTheNodeKeepsServing() throws Exception {
    int depth = 100_000;
    String nested = "(".repeat(depth) + "1" + ")".repeat(depth);
    String expression = "1" + "+1".repeat(depth);
    List<String> deep =
        List.of(
            "SELECT " + nested,
            "SELECT " + expression,
            "INSERT INTO t VALUES (" + nested + ", 'x')",
            "UPDATE t SET v = 'y' WHERE id = " + nested,
            "CREATE TABLE d (x INT CHECK (x > " + nested + "))");
    for (Node node : List.of(cluster.master(), cluster.slave(0))) {
      try (Connection c = InProcessNode.connect(node, "distdb");
          Statement s = c.createStatement()) {
        for (String sql : deep) {
          assertThat(stateOf(() -> s.execute(sql)))
              .as("%s... on %s", sql.substring(0, 30), node.status().role())
              .isIn("54001", "25006");
        }
      }
      assertThat(probe(node, "/healthz")).isEqualTo(200);
      assertThat(probe(node, "/readyz")).isEqualTo(200);
    }
    try (Connection c = InProcessNode.connect(cluster.master(), "distdb");
        Statement s = c.createStatement()) {
      s.execute("INSERT INTO t VALUES (3, 'c')");
      s.execute("DELETE FROM t WHERE id = 3");
    }
    assertEqualEverywhere();
  }

  private static int probe(Node node, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.adminPort() + path))
                .timeout(Duration.ofSeconds(5))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static void assertEqualEverywhere() throws Exception {
    Map<String, DatabaseChecksum.Result> master = cluster.awaitConverged(CONVERGE);
    assertThat(cluster.slave(0).checksums()).isEqualTo(master);
    assertThat(List.of(cluster.master().status().state(), cluster.slave(0).status().state()))
        .containsOnly("ready");
  }
}
