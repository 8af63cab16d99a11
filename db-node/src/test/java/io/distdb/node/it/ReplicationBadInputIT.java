package io.distdb.node.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.distdb.node.Node;
import io.distdb.node.testing.Cluster;
import io.distdb.node.testing.InProcessNode;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever arrives on the replication port, the master refuses it with a reason, corrupts nothing,
 * and keeps streaming to its good slave.
 */
class ReplicationBadInputIT {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir static Path dir;
  static Cluster cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = Cluster.start(dir, 1);
    try (Connection c = InProcessNode.connect(cluster.master(), "distdb");
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INT PRIMARY KEY)");
      s.executeUpdate("INSERT INTO t VALUES (1)");
    }
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  private static Node badSlave(String name, String... args) throws Exception {
    String[] base = {
      "--node-id",
      name,
      "--role",
      "slave",
      "--master",
      "127.0.0.1:" + cluster.master().replicationPort()
    };
    String[] all = java.util.Arrays.copyOf(base, base.length + args.length);
    System.arraycopy(args, 0, all, base.length, args.length);
    return InProcessNode.start(dir.resolve(name), all);
  }

  private static void awaitRefused(Node slave, String reason) {
    await()
        .atMost(WAIT)
        .until(
            () -> {
              String error = slave.status().slave().lastError();
              return error != null && error.contains(reason);
            });
    assertThat(slave.status().slave().state()).isNotEqualTo("streaming");
    assertThat(slave.status().lastLsn()).isZero();
    // A refused replica has nothing to serve: it must not report ready.
    assertThat(slave.status().state()).isEqualTo("catching-up");
  }

  private static void goodSlaveStillFollows() throws Exception {
    try (Connection c = InProcessNode.connect(cluster.master(), "distdb");
        Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO t SELECT coalesce(max(id), 0) + 1 FROM t");
    }
    var expected = cluster.awaitConverged(WAIT);
    assertThat(cluster.slave(0).checksums()).isEqualTo(expected);
  }

  @Test
  void garbageIsRefusedWithoutHarm() throws Exception {
    Random random = new Random(42);
    for (int i = 0; i < 20; i++) {
      try (Socket s =
          new Socket(InetAddress.getLoopbackAddress(), cluster.master().replicationPort())) {
        byte[] junk = new byte[1 + random.nextInt(2048)];
        random.nextBytes(junk);
        if (i % 4 == 0) {
          // A length prefix claiming a gigabyte must not make the master allocate it.
          junk[0] = 0x40;
        }
        OutputStream out = s.getOutputStream();
        out.write(junk);
        out.flush();
      }
    }
    goodSlaveStillFollows();
  }

  @Test
  void aNodeIdThatIsNoDnsLabelIsRefused() throws Exception {
    try (Node bad = badSlave("Bad_Node", "--replication-secret", Cluster.SECRET)) {
      awaitRefused(bad, "BAD_NODE_ID");
    }
    goodSlaveStillFollows();
  }

  @Test
  void beforeTheHandshakeOnlySmallFramesAreAccepted() throws Exception {
    try (Socket s =
        new Socket(InetAddress.getLoopbackAddress(), cluster.master().replicationPort())) {
      s.setSoTimeout(10_000);
      // 100 kB would be a fine frame after authentication; from a stranger it is refused at once.
      byte[] header = java.nio.ByteBuffer.allocate(5).putInt(100_000).put((byte) 2).array();
      s.getOutputStream().write(header);
      s.getOutputStream().flush();
      assertThat(drainUntilClosed(s)).isTrue();
    }
    goodSlaveStillFollows();
  }

  @Test
  void aPeerThatDribblesItsHandshakeIsClosed() throws Exception {
    try (Socket s =
        new Socket(InetAddress.getLoopbackAddress(), cluster.master().replicationPort())) {
      s.setSoTimeout(1_000);
      OutputStream out = s.getOutputStream();
      out.write(java.nio.ByteBuffer.allocate(4).putInt(200).array());
      long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
      boolean closed = false;
      // One byte a second keeps the read timeout happy; the handshake timeout must not be.
      while (!closed && System.nanoTime() < deadline) {
        try {
          out.write(0);
          out.flush();
          closed = drainUntilClosed(s);
        } catch (java.io.IOException e) {
          closed = true;
        }
      }
      assertThat(closed).isTrue();
    }
    goodSlaveStillFollows();
  }

  /** Reads until end of stream (true) or the socket's timeout (false). */
  private static boolean drainUntilClosed(Socket s) throws java.io.IOException {
    try {
      byte[] buf = new byte[4096];
      while (true) {
        if (s.getInputStream().read(buf) < 0) {
          return true;
        }
      }
    } catch (java.net.SocketTimeoutException e) {
      return false;
    } catch (java.net.SocketException e) {
      return true;
    }
  }

  @Test
  void wrongSecretIsRefused() throws Exception {
    try (Node bad = badSlave("wrong-secret", "--replication-secret", "not-the-right-secret")) {
      awaitRefused(bad, "BAD_PROOF");
    }
    goodSlaveStillFollows();
  }

  @Test
  void wrongClusterIsRefused() throws Exception {
    try (Node bad =
        badSlave(
            "other-cluster",
            "--replication-secret",
            Cluster.SECRET,
            "--cluster-id",
            "another-cluster")) {
      awaitRefused(bad, "CLUSTER_MISMATCH");
    }
    goodSlaveStillFollows();
  }

  @Test
  void slaveFromAHigherEpochRefusesThisStaleMaster() throws Exception {
    try (Node bad =
        badSlave("future-epoch", "--replication-secret", Cluster.SECRET, "--epoch", "7")) {
      awaitRefused(bad, "STALE_EPOCH");
    }
    goodSlaveStillFollows();
  }

  @Test
  void slaveWithLsnsFromTheFutureIsRefused() throws Exception {
    // A node that was master of a longer history (same cluster) then tries to follow this one.
    Path other = dir.resolve("longer-history");
    try (Node longer = InProcessNode.start(other, "--node-id", "longer-history");
        Connection c = InProcessNode.connect(longer, "distdb");
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE filler (x INT)");
      for (int i = 0; i < 50; i++) {
        s.executeUpdate("INSERT INTO filler VALUES (" + i + ")");
      }
    }
    String[] args = {
      "--node-id",
      "longer-history",
      "--role",
      "slave",
      "--master",
      "127.0.0.1:" + cluster.master().replicationPort(),
      "--replication-secret",
      Cluster.SECRET
    };
    try (Node bad = InProcessNode.start(other, args)) {
      await()
          .atMost(WAIT)
          .until(
              () -> {
                String error = bad.status().slave().lastError();
                return error != null && error.contains("LSN_FROM_FUTURE");
              });
      assertThat(bad.status().lastLsn()).isGreaterThan(cluster.master().status().lastLsn());
    }
    goodSlaveStillFollows();
  }
}
