package io.distdb.node.it;

import static io.distdb.node.it.PgJdbcIT.column;
import static io.distdb.node.it.PgJdbcIT.stateOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.distdb.node.testing.InProcessNode;
import io.distdb.node.testing.NodeProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A statement that exhausts a 256 MB heap fails with 53200; the storage engine closes its database
 * when that happens inside it, so the node stops serving (its liveness probe fails) and, restarted
 * after kill -9, recovers every acknowledged row from its log and storage files.
 */
class OutOfMemoryIT {

  @TempDir Path dir;

  @Test
  void aStatementThatExhaustsTheHeapFailsAndARestartRecoversEverything() throws Exception {
    Path data = dir.resolve("node");
    try (NodeProcess node = new NodeProcess(data).heap("256m").start()) {
      try (Connection c = InProcessNode.connect(node.pgPort(), "distdb");
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE t (id INT PRIMARY KEY, v TEXT)");
        for (int i = 0; i < 50; i++) {
          s.execute("INSERT INTO t VALUES (" + i + ", repeat('v', 10000))");
        }
        // Extended protocol: H2 evaluates the constant while preparing, outside its own error
        // handling, so only the statement fails and the node keeps serving.
        assertThat(stateOf(() -> s.execute("SELECT length(repeat('x', 900000000))")))
            .isEqualTo("53200");
        assertThat(column(s.executeQuery("SELECT count(*) FROM t"))).containsExactly("50");
        assertThat(probe(node.adminPort(), "/healthz")).isEqualTo(200);
      }
      try (Connection c = InProcessNode.connect(node.pgPort(), "distdb");
          Statement s = c.createStatement()) {
        // A large write: the engine runs out of memory while executing it.
        s.execute("CREATE TABLE big (id INT PRIMARY KEY, v TEXT)");
        assertThat(
                stateOf(
                    () ->
                        s.execute(
                            "INSERT INTO big SELECT 1, string_agg(repeat('y', 1000000), ',')"
                                + " FROM generate_series(1, 400)")))
            .isEqualTo("53200");
        // No silent hang: soon the node either takes writes again or asks to be restarted.
        List<String> outcomes = new ArrayList<>();
        await()
            .atMost(Duration.ofSeconds(15))
            .pollInterval(Duration.ofMillis(500))
            .untilAsserted(
                () -> {
                  String next = outcome(() -> s.execute("INSERT INTO t VALUES (-1, 'next')"));
                  outcomes.add(next);
                  assertThat(next.equals("ok") || probe(node.adminPort(), "/healthz") == 503)
                      .as("follow-up writes answered %s while /healthz is 200", outcomes)
                      .isTrue();
                });
      }
      node.kill();
    }
    try (NodeProcess node = new NodeProcess(data).heap("256m").start();
        Connection c = InProcessNode.connect(node.pgPort(), "distdb");
        Statement s = c.createStatement()) {
      assertThat(column(s.executeQuery("SELECT count(*) FROM t"))).containsExactly("50");
      assertThat(column(s.executeQuery("SELECT sum(length(v)) FROM t"))).containsExactly("500000");
      assertThat(probe(node.adminPort(), "/healthz")).isEqualTo(200);
      s.execute("INSERT INTO t VALUES (50, 'after')");
    }
  }

  private static String outcome(PgJdbcIT.SqlAction action) throws Exception {
    try {
      action.run();
      return "ok";
    } catch (java.sql.SQLException e) {
      return e.getSQLState();
    }
  }

  static int probe(int adminPort, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + path))
                .timeout(Duration.ofSeconds(5))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
