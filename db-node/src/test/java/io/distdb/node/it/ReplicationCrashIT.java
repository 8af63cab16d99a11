package io.distdb.node.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.distdb.node.testing.InProcessNode;
import io.distdb.node.testing.NodeProcess;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real node processes killed with SIGKILL under write load: slaves catch up (from the log, or via a
 * snapshot once the master's log no longer reaches back), the master recovers, and every
 * acknowledged write ends up everywhere, exactly once.
 */
class ReplicationCrashIT {

  private static final Duration CONVERGE = Duration.ofSeconds(90);
  private static final int WRITERS = 4;
  private static final String FILLER = "x".repeat(200);

  @TempDir Path dir;

  private NodeProcess master(String... extra) {
    return NodeProcess.master(dir.resolve("master"), extra);
  }

  private NodeProcess slave(String name, NodeProcess master) {
    return NodeProcess.slave(dir.resolve(name), name, master);
  }

  @Test
  void killedSlaveCatchesUpFromTheLog() throws Exception {
    try (NodeProcess m = master().start();
        NodeProcess s0 = slave("s0", m).start();
        NodeProcess s1 = slave("s1", m).start()) {
      createTable(m);
      Set<Integer> acked = ConcurrentHashMap.newKeySet();
      try (Load load = new Load(m.pgPort(), acked)) {
        load.awaitAcked(200);
        s0.kill();
        load.awaitAcked(acked.size() + 300);
        s0.start();
        load.awaitAcked(acked.size() + 100);
      }
      assertConverged(m, List.of(s0, s1), acked);
    }
  }

  @Test
  void slaveBehindTheRetainedLogGetsASnapshot() throws Exception {
    try (NodeProcess m =
            master("--log-segment-bytes", "65536", "--log-retention-bytes", "131072").start();
        NodeProcess s0 = slave("s0", m).start()) {
      createTable(m);
      Set<Integer> acked = ConcurrentHashMap.newKeySet();
      long slaveLsnAtKill;
      try (Load load = new Load(m.pgPort(), acked)) {
        load.awaitAcked(100);
        s0.kill();
        slaveLsnAtKill = m.admin().status().master().slaves().get(0).durableLsn();
        // Write well past the retention budget and wait for old segments to be removed.
        load.awaitAcked(acked.size() + 3_000);
        await()
            .atMost(CONVERGE)
            .until(() -> m.admin().status().firstRetainedLsn() > slaveLsnAtKill + 1);
        s0.start();
        load.awaitAcked(acked.size() + 100);
      }
      assertConverged(m, List.of(s0), acked);
      assertThat(s0.output()).contains("snapshot installed");
    }
  }

  @Test
  void killedMasterRecoversAndSlavesConverge() throws Exception {
    NodeProcess m = master();
    try (m;
        NodeProcess s0 = slave("s0", m.start()).start();
        NodeProcess s1 = slave("s1", m).start()) {
      createTable(m);
      Set<Integer> acked = ConcurrentHashMap.newKeySet();
      try (Load load = new Load(m.pgPort(), acked)) {
        load.awaitAcked(300);
        m.kill();
      }
      m.start();
      try (Load load = new Load(m.pgPort(), acked, 1)) {
        load.awaitAcked(acked.size() + 100);
      }
      assertConverged(m, List.of(s0, s1), acked);
    }
  }

  private static void createTable(NodeProcess m) throws SQLException {
    try (Connection c = InProcessNode.connect(m.pgPort(), "distdb");
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS acked (id INT NOT NULL, filler VARCHAR(300))");
    }
  }

  /** Waits until every slave has all the master has, then compares contents and checksums. */
  private static void assertConverged(
      NodeProcess master, List<NodeProcess> slaves, Set<Integer> acked) throws Exception {
    await()
        .atMost(CONVERGE)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              long last = master.admin().status().lastLsn();
              for (NodeProcess s : slaves) {
                if (s.admin().status().appliedLsn() < last) {
                  return false;
                }
              }
              return true;
            });
    var expected = master.admin().checksums();
    assertIdsExactlyOnce(master.pgPort(), acked);
    for (NodeProcess s : slaves) {
      assertThat(s.admin().checksums()).isEqualTo(expected);
      assertIdsExactlyOnce(s.pgPort(), acked);
    }
  }

  private static void assertIdsExactlyOnce(int port, Set<Integer> acked) throws SQLException {
    Set<Integer> seen = new HashSet<>();
    try (Connection c = InProcessNode.connect(port, "distdb");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id FROM acked")) {
      while (rs.next()) {
        assertThat(seen.add(rs.getInt(1))).as("id %d appears twice", rs.getInt(1)).isTrue();
      }
    }
    assertThat(seen).containsAll(acked);
  }

  /** Bounded concurrent autocommit inserts with unique ids; records what was acknowledged. */
  private static final class Load implements AutoCloseable {
    private static final java.util.concurrent.atomic.AtomicInteger NEXT_BASE =
        new java.util.concurrent.atomic.AtomicInteger();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final ExecutorService pool;
    private final List<Future<?>> writers = new ArrayList<>();
    private final Set<Integer> acked;

    Load(int port, Set<Integer> acked) {
      this(port, acked, WRITERS);
    }

    Load(int port, Set<Integer> acked, int threads) {
      this.acked = acked;
      this.pool = Executors.newFixedThreadPool(threads);
      for (int w = 0; w < threads; w++) {
        int base = NEXT_BASE.incrementAndGet() * 1_000_000;
        writers.add(pool.submit(() -> write(port, base)));
      }
    }

    private void write(int port, int base) {
      try (Connection c = InProcessNode.connect(port, "distdb");
          PreparedStatement ps = c.prepareStatement("INSERT INTO acked VALUES (?, ?)")) {
        for (int i = 0; i < 200_000 && !stop.get(); i++) {
          ps.setInt(1, base + i);
          ps.setString(2, FILLER);
          ps.executeUpdate();
          acked.add(base + i);
        }
      } catch (SQLException e) {
        // The node died under us: the statement in flight was not acknowledged.
      }
    }

    void awaitAcked(int count) {
      await()
          .atMost(Duration.ofSeconds(120))
          .until(() -> acked.size() >= count || writers.stream().allMatch(Future::isDone));
    }

    @Override
    public void close() {
      stop.set(true);
      pool.shutdown();
      try {
        if (!pool.awaitTermination(60, TimeUnit.SECONDS)) {
          pool.shutdownNow();
        }
      } catch (InterruptedException e) {
        pool.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
  }
}
