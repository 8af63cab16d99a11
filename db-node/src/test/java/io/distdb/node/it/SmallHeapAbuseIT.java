package io.distdb.node.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.distdb.node.testing.InProcessNode;
import io.distdb.node.testing.NodeProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The abuse a careless or hostile client can do with sizes, against a node process whose heap is
 * 256 MB so that memory limits are real: results far larger than the heap read slowly, literals and
 * parameters near the message limit, many connections at once, prepared-statement floods. After
 * each the node still answers other sessions and its probes; every loop is bounded.
 */
class SmallHeapAbuseIT {

  @TempDir static Path dir;
  static NodeProcess node;

  @BeforeAll
  static void start() throws Exception {
    node = new NodeProcess(dir.resolve("node"), "--max-message-bytes", "8388608").heap("256m");
    node.start();
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("create table t (id int primary key, v text)");
      s.execute("insert into t values (1, 'one')");
    }
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
    }
  }

  static Connection connect() throws SQLException {
    return InProcessNode.connect(node.pgPort(), "distdb");
  }

  @Test
  void aResultLargerThanTheHeapReadSlowlyStreamsAndOthersAreServed() throws Exception {
    // 600 MB of rows against a 256 MB heap: only streaming with back-pressure survives this.
    String huge = "select i, repeat('x', 1000) from generate_series(1, 600000) as g(i)";
    try (Connection slow = connect()) {
      slow.setAutoCommit(false); // pgjdbc fetches in batches only inside a transaction
      try (Statement s = slow.createStatement()) {
        s.setFetchSize(100);
        try (ResultSet rs = s.executeQuery(huge)) {
          long read = 0;
          long deadline = System.nanoTime() + Duration.ofSeconds(8).toNanos();
          while (System.nanoTime() < deadline && rs.next()) {
            read++;
            if (read % 10_000 == 0) {
              Thread.sleep(200); // a slow reader: the node must wait, not buffer
              assertThat(selectOne()).isEqualTo(1);
            }
          }
          assertThat(read).isGreaterThan(10_000);
          assertThat(rs.getString(2)).hasSize(1000);
        }
      }
      slow.rollback();
    }
    assertThat(selectOne()).isEqualTo(1);
    assertThat(probe("/healthz")).isEqualTo(200);
  }

  @Test
  void aLiteralOverTheMessageLimitIsRefusedAndOneUnderItWorks() throws Exception {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      String over = "x".repeat(9 * 1024 * 1024);
      assertThatThrownBy(() -> s.execute("insert into t values (2, '" + over + "')"))
          .isInstanceOf(SQLException.class);
    }
    try (Connection c = connect();
        PreparedStatement ps = c.prepareStatement("insert into t values (?, ?)")) {
      // Twenty parameters of 3 MB each, one at a time: each message stays under the limit.
      for (int i = 0; i < 20; i++) {
        ps.setInt(1, 100 + i);
        ps.setString(2, Character.toString('a' + i).repeat(3 * 1024 * 1024));
        ps.executeUpdate();
      }
    }
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("select count(*), sum(length(v)) from t where id between 100 and 119")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(20);
      assertThat(rs.getLong(2)).isEqualTo(20L * 3 * 1024 * 1024);
    }
    assertThat(probe("/healthz")).isEqualTo(200);
  }

  @Test
  void manyConnectionsPastTheLimitAreRefusedWith53300AndTheNodeRecovers() throws Exception {
    List<Connection> open = new ArrayList<>();
    String refused = null;
    try {
      for (int i = 0; i < 150 && refused == null; i++) {
        try {
          open.add(connect());
        } catch (SQLException e) {
          refused = e.getSQLState();
        }
      }
    } finally {
      for (Connection c : open) {
        c.close();
      }
    }
    assertThat(refused).isEqualTo("53300");
    assertThat(open.size()).isLessThanOrEqualTo(100);
    // The node frees a slot when it has read the client's Terminate, a moment after close().
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(10))
        .ignoreExceptions()
        .until(() -> selectOne() == 1);
  }

  @Test
  void aPreparedStatementFloodIsBoundedPerSession() throws Exception {
    try (Connection c = connect()) {
      List<PreparedStatement> kept = new ArrayList<>();
      String state = null;
      try {
        for (int i = 0; i < 20_000 && state == null; i++) {
          PreparedStatement ps = c.prepareStatement("select " + i + " + ?");
          // Force a named server-side statement each time.
          ps.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(-1);
          ps.setInt(1, 1);
          try {
            ps.executeQuery().close();
            kept.add(ps);
          } catch (SQLException e) {
            state = e.getSQLState();
            ps.close();
          }
        }
      } finally {
        for (PreparedStatement ps : kept) {
          ps.close();
        }
      }
      assertThat(state).isEqualTo("54000");
    }
    assertThat(selectOne()).isEqualTo(1);
    assertThat(probe("/healthz")).isEqualTo(200);
  }

  static int selectOne() throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select 1")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  static int probe(String path) throws Exception {
    HttpResponse<Void> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.adminPort() + path))
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
    return r.statusCode();
  }
}
