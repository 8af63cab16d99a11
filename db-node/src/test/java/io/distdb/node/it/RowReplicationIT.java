package io.distdb.node.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.distdb.node.Node;
import io.distdb.node.log.LogOptions;
import io.distdb.node.log.ReplicationLog;
import io.distdb.node.storage.DatabaseName;
import io.distdb.node.storage.Storage;
import io.distdb.node.testing.Cluster;
import io.distdb.node.testing.InProcessNode;
import io.distdb.node.testing.NodeProcess;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log format across versions, and a slave that meets an entry it cannot apply. */
class RowReplicationIT {

  @TempDir Path dir;

  @Test
  void aStageOneDataDirectoryIsMigratedOnStart() throws Exception {
    Path data = dir.resolve("data");
    try (ReplicationLog log = ReplicationLog.open(data.resolve("log"), LogOptions.defaults())) {
      log.append(stageOneCreate("distdb"));
      log.append(
          stageOneStatement("distdb", "CREATE TABLE old (id INT PRIMARY KEY, v TEXT)", true));
      log.append(stageOneStatement("distdb", "INSERT INTO old VALUES (1, 'from stage 1')", false));
      log.awaitDurable(3);
    }
    Node node = InProcessNode.start(data);
    try (Connection c = InProcessNode.connect(node, "distdb");
        Statement s = c.createStatement()) {
      assertThat(one(s, "SELECT v FROM old WHERE id = 1")).isEqualTo("from stage 1");
      s.executeUpdate("UPDATE old SET v = 'changed in stage 2' WHERE id = 1");
      s.executeUpdate("INSERT INTO old VALUES (2, gen_random_uuid()::text)");
    } finally {
      node.close();
    }
    assertThat(Files.readString(data.resolve("node-state"))).contains("format=2");
    // Replay after a restart mixes both formats.
    node = InProcessNode.start(data);
    try (Connection c = InProcessNode.connect(node, "distdb");
        Statement s = c.createStatement()) {
      assertThat(one(s, "SELECT v FROM old WHERE id = 1")).isEqualTo("changed in stage 2");
      assertThat(one(s, "SELECT count(*) FROM old")).isEqualTo("2");
    } finally {
      node.close();
    }
  }

  @Test
  void aDataDirectoryFromANewerFormatIsRefused() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.writeString(data.resolve("node-state"), "format=9\nepoch=1\n");
    NodeProcess.Result r = NodeProcess.runToExit(new NodeProcess(data).command());
    assertThat(r.exitCode()).isNotZero();
    assertThat(r.output()).contains("format 9, written by a newer distdb");
  }

  @Test
  void aSlaveThatCannotApplyAnEntryStopsAndSaysSo() throws Exception {
    try (Cluster cluster = Cluster.start(dir, 1)) {
      try (Connection c = InProcessNode.connect(cluster.master(), "distdb");
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE t (id INT PRIMARY KEY, v TEXT)");
        s.executeUpdate("INSERT INTO t VALUES (1, 'a'), (2, 'b')");
      }
      cluster.awaitConverged(Duration.ofSeconds(60));
      cluster.stopSlave(0);
      // Someone changed the slave's files behind the log's back.
      try (Storage storage = new Storage(dir.resolve("slave-0/databases"));
          Connection c = storage.connect(new DatabaseName("distdb"));
          Statement s = c.createStatement()) {
        s.executeUpdate("DELETE FROM t WHERE id = 2");
      }
      cluster.startSlave(0);
      try (Connection c = InProcessNode.connect(cluster.master(), "distdb");
          Statement s = c.createStatement()) {
        s.executeUpdate("UPDATE t SET v = 'B' WHERE id = 2");
        s.executeUpdate("INSERT INTO t VALUES (3, 'c')");
      }
      Node slave = cluster.slave(0);
      Awaitility.await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> "failed".equals(slave.status().state()));
      assertThat(slave.status().failure()).contains("not found").contains("no longer matches");
      HttpResponse<String> ready =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + slave.adminPort() + "/readyz"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(ready.statusCode()).isEqualTo(503);
      // Nothing after the bad entry was applied: the slave serves no state past it.
      try (Connection c = InProcessNode.connect(slave, "distdb");
          Statement s = c.createStatement()) {
        assertThat(one(s, "SELECT count(*) FROM t WHERE id = 3")).isEqualTo("0");
      }
    }
  }

  private static String one(Statement s, String sql) throws Exception {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  /** A stage-1 (format 1) CREATE DATABASE entry, byte for byte. */
  private static byte[] stageOneCreate(String name) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(1);
      out.writeByte(1);
      out.writeUTF(name);
    }
    return bytes.toByteArray();
  }

  /** A stage-1 transaction entry of one statement without parameters. */
  private static byte[] stageOneStatement(String db, String sql, boolean ddl) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(1);
      out.writeByte(3);
      out.writeUTF(db);
      out.writeBoolean(false);
      out.writeInt(1);
      byte[] text = sql.getBytes(StandardCharsets.UTF_8);
      out.writeInt(text.length);
      out.write(text);
      out.writeBoolean(ddl);
      out.writeBoolean(false);
      out.writeInt(0);
    }
    return bytes.toByteArray();
  }
}
