package io.distdb.node.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.distdb.adminapi.NodeStatus;
import io.distdb.node.testing.InProcessNode;
import io.distdb.node.testing.NodeProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node whose volume holds damaged data cannot serve it, and restarting it would fail the same way
 * forever: it stays up, alive but not ready, and says "corrupt data" in /status (what the operator
 * reads as a lost volume, to recreate and re-seed a slave). The damaged file is left as it was.
 */
class DamagedDataIT {

  @TempDir Path dir;

  @Test
  void aCorruptCommittedLogRecordIsReportedNotServed() throws Exception {
    Path data = dir.resolve("node");
    writeAndKill(data, "--log-segment-bytes", "65536");
    List<Path> segments = files(data.resolve("log"), ".log");
    assertThat(segments).hasSizeGreaterThan(1);
    overwrite(segments.get(0), 200, 64);
    assertDamagedAndStill(
        data, segments.get(0), "corrupt log record", "--log-segment-bytes", "65536");
  }

  @Test
  void aCorruptStorageFileIsReportedNotServed() throws Exception {
    Path data = dir.resolve("node");
    writeAndKill(data);
    Path file = data.resolve("databases").resolve("distdb").resolve("data.mv.db");
    overwrite(file, 0, 16384);
    overwrite(file, Files.size(file) / 2, 16384);
    assertDamagedAndStill(data, file, "data.mv.db");
  }

  private static void writeAndKill(Path data, String... args) throws Exception {
    try (NodeProcess node = new NodeProcess(data, args).start();
        Connection c = InProcessNode.connect(node.pgPort(), "distdb");
        Statement s = c.createStatement()) {
      s.execute("create table t (id int primary key, v text)");
      for (int i = 0; i < 8; i++) {
        s.execute(
            "insert into t select g, repeat('v', 500) from generate_series("
                + (i * 100 + 1)
                + ", "
                + (i * 100 + 100)
                + ") as x(g)");
      }
      node.kill();
    }
  }

  private static void assertDamagedAndStill(Path data, Path damaged, String what, String... args)
      throws Exception {
    byte[] before = Files.readAllBytes(damaged);
    try (NodeProcess node = new NodeProcess(data, args).startLive()) {
      assertThat(probe(node, "/healthz")).isEqualTo(200);
      assertThat(probe(node, "/readyz")).isEqualTo(503);
      NodeStatus status = node.admin().status();
      assertThat(status.state()).isEqualTo("failed");
      assertThat(status.failure()).startsWith("corrupt data").contains(what);
      assertThatThrownBy(() -> InProcessNode.connect(node.pgPort(), "distdb").close())
          .isInstanceOf(SQLException.class);
      assertThat(node.terminate()).as("SIGTERM stops it").isIn(0, 143);
    }
    assertThat(Files.readAllBytes(damaged))
        .as("the damaged file is left as it was")
        .isEqualTo(before);
  }

  private static List<Path> files(Path dir, String suffix) throws Exception {
    try (Stream<Path> all = Files.list(dir)) {
      return all.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    }
  }

  private static void overwrite(Path file, long at, int length) throws Exception {
    byte[] junk = new byte[length];
    new java.util.Random(7).nextBytes(junk);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.wrap(junk), at);
    }
  }

  private static int probe(NodeProcess node, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.adminPort() + path))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
