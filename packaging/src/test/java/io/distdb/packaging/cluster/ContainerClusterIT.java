package io.distdb.packaging.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.distdb.packaging.images.LocalImages;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.testcontainers.containers.Network;
import org.testcontainers.lifecycle.Startables;

/**
 * A master and two slaves from the db-node image on one Docker network, in sync mode (a commit
 * waits for one slave): replication across containers, a killed slave catching up, and a master
 * stopped by SIGTERM losing nothing it acknowledged. The steps build on each other's rows.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContainerClusterIT {

  private static final Duration CONVERGE = Duration.ofSeconds(60);
  private static final Duration GRACE = Duration.ofSeconds(15);

  private static Network network;
  private static NodeContainer master;
  private static List<NodeContainer> slaves;

  @BeforeAll
  static void startCluster() {
    String image = LocalImages.assumeDbNode().getRepoTags().get(0);
    network = Network.newNetwork();
    master = NodeContainer.master(image, network, "master");
    slaves =
        List.of(
            NodeContainer.slave(image, network, "slave1", "master"),
            NodeContainer.slave(image, network, "slave2", "master"));
    List<NodeContainer> all = new ArrayList<>(slaves);
    all.add(master);
    Startables.deepStart(all.stream().map(NodeContainer::container)).join();
  }

  @AfterAll
  static void stopCluster() {
    if (slaves != null) {
      slaves.forEach(NodeContainer::close);
    }
    if (master != null) {
      master.close();
    }
    if (network != null) {
      network.close();
    }
  }

  @Test
  @Order(1)
  void writesOnTheMasterAreReadableOnBothSlaves() throws Exception {
    try (Connection c = master.connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE items (id INT PRIMARY KEY, note TEXT NOT NULL)");
    }
    insertRange(1, 100);

    for (NodeContainer slave : slaves) {
      awaitRows(slave, 100);
    }
    awaitConverged();
  }

  @Test
  @Order(2)
  void aKilledSlaveCatchesUpAfterItsRestart() throws Exception {
    NodeContainer victim = slaves.get(0);
    victim.kill();
    assertThat(victim.running()).isFalse();

    insertRange(101, 300); // acknowledged by the other slave meanwhile (sync mode, 1 ack)

    victim.restart();
    awaitRows(victim, 300);
    awaitConverged();
  }

  @Test
  @Order(3)
  void sigtermStopsTheMasterCleanlyAndNoAcknowledgedWriteIsLost() throws Exception {
    ConcurrentLinkedQueue<Integer> acknowledged = new ConcurrentLinkedQueue<>();
    CompletableFuture<Void> writer =
        CompletableFuture.runAsync(() -> writeUntilRefused(301, 5_000, acknowledged));
    Awaitility.await("some writes acknowledged under load")
        .atMost(CONVERGE)
        .until(() -> acknowledged.size() >= 50 || writer.isDone());
    assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(50);

    int exitCode = master.terminate(GRACE);
    writer.get(30, TimeUnit.SECONDS);

    // 143 = 128 + SIGTERM: the JVM ran its shutdown hooks to the end (a crash or a kill differs).
    assertThat(exitCode).isEqualTo(143);
    assertThat(master.logs()).doesNotContain(" ERROR ").doesNotContain("close failed");

    master.restart();
    Set<Integer> onMaster = ids(master);
    assertThat(onMaster).containsAll(acknowledged).containsAll(range(1, 300));
    awaitConverged();
    for (NodeContainer slave : slaves) {
      assertThat(ids(slave)).isEqualTo(onMaster);
    }
  }

  /** Inserts one row per autocommit statement until the master refuses or the bounds are hit. */
  private static void writeUntilRefused(int first, int count, ConcurrentLinkedQueue<Integer> acks) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    try (Connection c = master.connect();
        PreparedStatement insert = c.prepareStatement("INSERT INTO items VALUES (?, 'load')")) {
      for (int id = first; id < first + count && System.nanoTime() < deadline; id++) {
        insert.setInt(1, id);
        insert.executeUpdate();
        acks.add(id);
      }
    } catch (SQLException expected) {
      // The master went away mid-stream: what it acknowledged so far is in acks.
    }
  }

  private static void insertRange(int from, int to) throws SQLException {
    try (Connection c = master.connect();
        PreparedStatement insert = c.prepareStatement("INSERT INTO items VALUES (?, ?)")) {
      for (int id = from; id <= to; id++) {
        insert.setInt(1, id);
        insert.setString(2, "row " + id);
        insert.executeUpdate();
      }
    }
  }

  private static Set<Integer> ids(NodeContainer node) throws SQLException {
    Set<Integer> ids = new TreeSet<>();
    try (Connection c = node.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id FROM items")) {
      while (rs.next()) {
        ids.add(rs.getInt(1));
      }
    }
    return ids;
  }

  /** Waits until {@code node} has rows 1..{@code last}, exactly those. */
  private static void awaitRows(NodeContainer node, int last) throws SQLException {
    Awaitility.await(node.name() + " has rows 1.." + last)
        .atMost(CONVERGE)
        .ignoreExceptions()
        .until(() -> ids(node).size() == last);
    assertThat(ids(node)).containsExactlyElementsOf(range(1, last));
  }

  private static List<Integer> range(int from, int to) {
    List<Integer> ids = new ArrayList<>();
    for (int id = from; id <= to; id++) {
      ids.add(id);
    }
    return ids;
  }

  /** Every slave reports the master's checksums (same applied LSN, same schema and rows). */
  private static void awaitConverged() {
    for (NodeContainer slave : slaves) {
      Awaitility.await(slave.name() + " identical to the master")
          .atMost(CONVERGE)
          .ignoreExceptions()
          .until(() -> sameChecksums(master.checksums(), slave.checksums()));
    }
  }

  private static boolean sameChecksums(JsonNode expected, JsonNode actual) {
    return expected.equals(actual);
  }
}
