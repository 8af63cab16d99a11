package io.distdb.node.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.distdb.node.testing.InProcessNode;
import io.distdb.node.testing.NodeProcess;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * kill -9 of a node under concurrent writers: after restart every acknowledged write is present,
 * exactly once.
 */
class CrashRecoveryIT {

  private static final int WRITERS = 8;
  private static final int MAX_WRITES_PER_WRITER = 5_000;

  @TempDir Path dir;

  @Test
  void everyAcknowledgedWriteSurvivesKillMinusNine() throws Exception {
    Path data = dir.resolve("node");
    Acks acks = crashUnderWriters(data, a -> a.autocommit.size() >= 200, 3);
    assertEveryAckOnce(data, acks);
  }

  /**
   * A restart replays only the log after the last checkpoint (node-state): writes from before it
   * come from storage, the rest from the log, and none may be missing or doubled.
   */
  @Test
  void writesOnBothSidesOfACheckpointSurviveKillMinusNine() throws Exception {
    Path data = dir.resolve("node");
    Acks acks =
        crashUnderWriters(data, a -> a.autocommit.size() >= 200 && checkpointLsn(data) > 10, 30);
    long checkpoint = checkpointLsn(data);
    assertThat(checkpoint).as("checkpoint in node-state before the kill").isGreaterThan(10);
    assertEveryAckOnce(data, acks);
  }

  private record Acks(Set<Integer> autocommit, Set<Integer> inTransactions) {}

  private static long checkpointLsn(Path data) {
    try {
      for (String line : java.nio.file.Files.readAllLines(data.resolve("node-state"))) {
        if (line.startsWith("checkpoint=")) {
          return Long.parseLong(line.substring("checkpoint=".length()).trim());
        }
      }
    } catch (java.io.IOException | RuntimeException e) {
      // not written yet, or being replaced right now
    }
    return 0;
  }

  /**
   * Writers run until {@code killWhen} holds (at most {@code maxSeconds}), then the node gets kill
   * -9.
   */
  private static Acks crashUnderWriters(
      Path data, java.util.function.Predicate<Acks> killWhen, int maxSeconds) throws Exception {
    Acks acks = new Acks(ConcurrentHashMap.newKeySet(), ConcurrentHashMap.newKeySet());
    try (NodeProcess node = new NodeProcess(data).start()) {
      try (Connection c = InProcessNode.connect(node.pgPort(), "distdb");
          Statement s = c.createStatement()) {
        // No primary key: a duplicated replay would show up as a second row.
        s.execute("CREATE TABLE acked (id INT NOT NULL, writer INT NOT NULL)");
      }
      AtomicBoolean stop = new AtomicBoolean();
      ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
      List<Future<?>> writers = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        writers.add(
            pool.submit(
                () ->
                    write(
                        node.pgPort(),
                        writer,
                        stop,
                        writer % 2 == 0 ? acks.autocommit : acks.inTransactions)));
      }
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds);
      while (System.nanoTime() < until && !killWhen.test(acks)) {
        Thread.sleep(50);
      }
      Thread.sleep(500);
      node.kill();
      stop.set(true);
      pool.shutdown();
      assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(acks.autocommit).isNotEmpty();
    assertThat(acks.inTransactions).isNotEmpty();
    return acks;
  }

  private static void assertEveryAckOnce(Path data, Acks acks) throws Exception {
    try (NodeProcess restarted = new NodeProcess(data).start();
        Connection c = InProcessNode.connect(restarted.pgPort(), "distdb");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, count(*) FROM acked GROUP BY id")) {
      Map<Integer, Long> counts = new HashMap<>();
      while (rs.next()) {
        counts.put(rs.getInt(1), rs.getLong(2));
      }
      assertThat(counts.values()).allMatch(n -> n == 1L);
      assertThat(counts.keySet()).containsAll(acks.autocommit);
      assertThat(counts.keySet()).containsAll(acks.inTransactions);
    }
  }

  /** Even writers use autocommit inserts, odd ones two-row transactions; both record acks. */
  private static void write(int port, int writer, AtomicBoolean stop, Set<Integer> acked) {
    try (Connection c = InProcessNode.connect(port, "distdb");
        PreparedStatement ps = c.prepareStatement("INSERT INTO acked VALUES (?, ?)")) {
      boolean transactional = writer % 2 == 1;
      c.setAutoCommit(!transactional);
      for (int i = 0; i < MAX_WRITES_PER_WRITER && !stop.get(); i += transactional ? 2 : 1) {
        int id = writer * 1_000_000 + i;
        ps.setInt(1, id);
        ps.setInt(2, writer);
        ps.executeUpdate();
        if (transactional) {
          ps.setInt(1, id + 1);
          ps.executeUpdate();
          c.commit();
          acked.add(id + 1);
        }
        acked.add(id);
      }
    } catch (SQLException e) {
      // The node was killed: the write in flight was not acknowledged.
    }
  }
}
