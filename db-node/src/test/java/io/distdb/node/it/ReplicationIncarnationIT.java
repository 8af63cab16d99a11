package io.distdb.node.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.distdb.adminapi.SlaveStatus;
import io.distdb.node.Node;
import io.distdb.node.testing.Cluster;
import io.distdb.node.testing.InProcessNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two followers with the same node id, as when a pod is force-deleted while it still runs and its
 * replacement starts: the master registers the newer incarnation, closes and refuses the old one
 * for good, and counts acks only from the registered one. Once the replacement is gone for longer
 * than the log is retained for it, the master forgets the slave.
 */
class ReplicationIncarnationIT {

  @TempDir Path dir;

  private static SlaveStatus slave0(Node master) {
    List<SlaveStatus> slaves = master.status().master().slaves();
    return slaves.stream().filter(s -> s.nodeId().equals("slave-0")).findFirst().orElse(null);
  }

  private static void insert(Node master, int id) throws SQLException {
    try (Connection c = InProcessNode.connect(master, "distdb");
        Statement s = c.createStatement()) {
      s.executeUpdate("insert into t values (" + id + ")");
    }
  }

  @Test
  void onlyTheNewestIncarnationCountsAndAGoneSlaveIsForgotten() throws Exception {
    try (Cluster cluster =
        Cluster.start(
            dir,
            1,
            "--sync-mode",
            "sync",
            "--min-sync-acks",
            "1",
            "--ack-timeout-ms",
            "1500",
            "--log-retention-ms",
            "4000")) {
      Node master = cluster.master();
      try (Connection c = InProcessNode.connect(master, "distdb");
          Statement s = c.createStatement()) {
        s.execute("create table t (id int primary key)");
      }
      insert(master, 1);
      Node original = cluster.slave(0);
      try (Node replacement =
          InProcessNode.start(
              dir.resolve("replacement"),
              "--node-id",
              "slave-0",
              "--role",
              "slave",
              "--master",
              "127.0.0.1:" + master.replicationPort(),
              "--replication-secret",
              Cluster.SECRET,
              "--incarnation",
              "replacement-pod-uid")) {
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> replacement.status().slave().state().equals("streaming"));
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> {
                  String error = original.status().slave().lastError();
                  return error != null && error.contains("SUPERSEDED");
                });
        insert(master, 2);
        assertThat(master.status().master().slaves()).hasSize(1);
      }
      // The replacement is gone; the original keeps trying but must not count.
      await()
          .during(Duration.ofSeconds(3))
          .atMost(Duration.ofSeconds(10))
          .until(() -> slave0(master) == null || !slave0(master).state().equals("streaming"));
      assertThatThrownBy(() -> insert(master, 3))
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("40003");
      await().atMost(Duration.ofSeconds(30)).until(() -> slave0(master) == null);
    }
  }
}
