package io.distdb.node.it;

import static io.distdb.node.it.PgJdbcIT.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.distdb.node.Node;
import io.distdb.node.testing.Cluster;
import io.distdb.node.testing.InProcessNode;
import io.distdb.node.testing.TcpProxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Synchronous replication with minSyncAcks=1 while slaves are cut off by a proxy that blackholes
 * their traffic, then healed.
 */
class ReplicationSyncIT {

  private static final Duration CONVERGE = Duration.ofSeconds(60);

  @TempDir Path dir;

  @Test
  void failModeKeepsWritingWithOneSlaveAndFailsWithNone() throws Exception {
    try (Cluster cluster =
        Cluster.start(
            dir,
            2,
            "--sync-mode",
            "sync",
            "--min-sync-acks",
            "1",
            "--ack-timeout-ms",
            "1500",
            "--on-ack-timeout",
            "fail")) {
      try (Connection c = InProcessNode.connect(cluster.master(), "distdb");
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE sync_t (id INT PRIMARY KEY)");
        s.executeUpdate("INSERT INTO sync_t VALUES (1)");

        cluster.proxy(0).mode(TcpProxy.Mode.BLACKHOLE);
        for (int i = 2; i <= 20; i++) {
          assertThat(s.executeUpdate("INSERT INTO sync_t VALUES (" + i + ")")).isEqualTo(1);
        }
        assertThat(cluster.master().status().master().ackTimeouts()).isZero();

        cluster.proxy(1).mode(TcpProxy.Mode.BLACKHOLE);
        SQLException e =
            org.junit.jupiter.api.Assertions.assertThrows(
                SQLException.class, () -> s.executeUpdate("INSERT INTO sync_t VALUES (21)"));
        assertThat(e.getSQLState()).isEqualTo("40003");
        assertThat(e.getMessage()).contains("0 of the 1 required replicas");
        var status = cluster.master().status().master();
        assertThat(status.ackTimeouts()).isPositive();
        assertThat(status.degraded()).isFalse();
        // Committed on the master all the same, as the error's detail says.
        assertThat(column(s.executeQuery("SELECT count(*) FROM sync_t"))).containsExactly("21");

        // Long enough for the master to give up on the silent connections.
        await()
            .atMost(CONVERGE)
            .until(
                () ->
                    cluster.master().status().master().slaves().stream()
                        .allMatch(st -> st.state().equals("disconnected")));
        cluster.proxy(0).mode(TcpProxy.Mode.PASS);
        cluster.proxy(1).mode(TcpProxy.Mode.PASS);
        var expected = cluster.awaitConverged(CONVERGE);
        for (Node slave : cluster.slaves()) {
          assertThat(slave.checksums()).isEqualTo(expected);
        }
        assertThat(s.executeUpdate("INSERT INTO sync_t VALUES (22)")).isEqualTo(1);
      }
    }
  }

  @Test
  void degradeModeContinuesAsynchronouslyAndRecovers() throws Exception {
    try (Cluster cluster =
        Cluster.start(
            dir,
            2,
            "--sync-mode",
            "sync",
            "--min-sync-acks",
            "1",
            "--ack-timeout-ms",
            "1000",
            "--on-ack-timeout",
            "degrade")) {
      try (Connection c = InProcessNode.connect(cluster.master(), "distdb");
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE deg (id INT PRIMARY KEY)");
        cluster.proxy(0).mode(TcpProxy.Mode.BLACKHOLE);
        cluster.proxy(1).mode(TcpProxy.Mode.BLACKHOLE);
        assertThat(s.executeUpdate("INSERT INTO deg VALUES (1)")).isEqualTo(1);
        assertThat(cluster.master().status().master().degraded()).isTrue();
        for (int i = 2; i <= 10; i++) {
          assertThat(s.executeUpdate("INSERT INTO deg VALUES (" + i + ")")).isEqualTo(1);
        }
        assertThat(cluster.master().status().master().ackTimeouts()).isEqualTo(1);

        cluster.proxy(0).mode(TcpProxy.Mode.PASS);
        cluster.proxy(1).mode(TcpProxy.Mode.PASS);
        cluster.awaitConverged(CONVERGE);
        await().atMost(CONVERGE).until(() -> !cluster.master().status().master().degraded());
        assertThat(s.executeUpdate("INSERT INTO deg VALUES (11)")).isEqualTo(1);
        var expected = cluster.awaitConverged(CONVERGE);
        assertThat(cluster.slave(0).checksums()).isEqualTo(expected);
      }
    }
  }

  @Test
  void remoteApplyLetsAClientReadItsOwnWriteOnASlave() throws Exception {
    try (Cluster cluster =
        Cluster.start(
            dir,
            2,
            "--sync-mode",
            "remote-apply",
            "--min-sync-acks",
            "2",
            "--ack-timeout-ms",
            "10000")) {
      // A new slave may still be installing the master's snapshot, its databases briefly absent.
      cluster.awaitConverged(CONVERGE);
      readYourWrites(cluster);
    }
  }

  private static void readYourWrites(Cluster cluster) throws Exception {
    try (Connection m = InProcessNode.connect(cluster.master(), "distdb");
        Statement ms = m.createStatement();
        Connection r0 = InProcessNode.connect(cluster.slave(0), "distdb");
        Statement rs0 = r0.createStatement();
        Connection r1 = InProcessNode.connect(cluster.slave(1), "distdb");
        Statement rs1 = r1.createStatement()) {
      ms.execute("CREATE TABLE ryw (id INT PRIMARY KEY)");
      for (int i = 1; i <= 30; i++) {
        ms.executeUpdate("INSERT INTO ryw VALUES (" + i + ")");
        // With both slaves required to have applied it, the row is there the moment the
        // master acknowledges, whichever slave the client reads from.
        assertThat(column(rs0.executeQuery("SELECT count(*) FROM ryw")))
            .containsExactly(String.valueOf(i));
        assertThat(column(rs1.executeQuery("SELECT count(*) FROM ryw")))
            .containsExactly(String.valueOf(i));
      }
      assertThat(cluster.master().status().master().mode()).isEqualTo("remote-apply");
    }
  }
}
