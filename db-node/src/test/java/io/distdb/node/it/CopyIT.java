package io.distdb.node.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.distdb.node.Node;
import io.distdb.node.pgwire.ClientFrames;
import io.distdb.node.pgwire.ServerMessages.Msg;
import io.distdb.node.testing.Cluster;
import io.distdb.node.testing.InProcessNode;
import io.distdb.node.testing.PostgresServer;
import io.distdb.node.testing.PsqlScript;
import io.distdb.node.testing.RawPgClient;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * COPY FROM STDIN / TO STDOUT as clients use it: psql's {@code \copy} (output compared with
 * PostgreSQL 15's for the same script and files), pgjdbc's {@code CopyManager} on a master with a
 * slave (one transaction, replicated, refused on the slave, served there as a read), and the
 * extended protocol message by message against both servers.
 */
class CopyIT {

  @TempDir Path dir;

  @Test
  void psqlCopyAnswersLikePostgres() throws Exception {
    PsqlScript.assumePsql();
    PostgresServer.assumeInstalled();
    Path pgDir = Files.createDirectories(dir.resolve("pg"));
    Path ddDir = Files.createDirectories(dir.resolve("distdb"));
    writeInputs(pgDir);
    writeInputs(ddDir);
    try (PostgresServer pg = PostgresServer.start();
        Node node = InProcessNode.start(dir.resolve("data"))) {
      PsqlScript.Result want = PsqlScript.runAs(pgDir, pg.port(), "postgres", "postgres", "copy");
      PsqlScript.Result got = PsqlScript.run(ddDir, node.pgPort(), "copy");
      assertThat(got.output()).isEqualTo(want.output());
      assertThat(Files.readString(ddDir.resolve("out.csv")))
          .isEqualTo(Files.readString(pgDir.resolve("out.csv")));
    }
  }

  private static void writeInputs(Path d) throws IOException {
    write(
        d,
        "items.tsv",
        "1\tTea\t1.50\tt\t2024-01-31\t\\\\x0102\t10\n" + "2\ttab\\there\t\\N\tf\t\\N\t\\N\t-5\n");
    write(d, "items.csv", "id,name,ok\n3,\"Cake, \"\"best\"\"\",yes\n4,,off\n5,\"\",1\n");
    write(
        d,
        "semicolon.txt",
        "6;'x;y';NA;on;NA;NA;NA\r\n7;NA;2.5;false;1999-12-31;NA;9000000000\r\n");
    write(d, "bad-int.tsv", "8\tok\t1\tt\t\\N\t\\N\t1\nx8\tbad\t1\tt\t\\N\t\\N\t1\n");
    write(d, "bad-bool.csv", "9,a,1,maybe,,,\n");
    write(d, "short.tsv", "10\tshort\n");
    write(d, "long.tsv", "11\ta\t1\tt\t\\N\t\\N\t1\textra\n");
    write(d, "unterminated.csv", "12,\"never closed\n");
    write(d, "range.csv", "13,a,1,t,,,99999999999999999999\n");
    write(d, "header-mismatch.csv", "id,nom,price,ok,born,data,n\n");
    write(d, "more.tsv", "20\ttwenty\n21\ttwenty-one\n");
  }

  private static void write(Path d, String name, String content) throws IOException {
    Files.writeString(d.resolve(name), content, StandardCharsets.UTF_8);
  }

  @Test
  void copyManagerStreamsOneReplicatedTransaction() throws Exception {
    int rows = 60_000;
    try (Cluster cluster = Cluster.start(dir, 1);
        Connection master = InProcessNode.connect(cluster.master(), "distdb")) {
      try (Statement s = master.createStatement()) {
        s.execute("CREATE TABLE big (id int PRIMARY KEY, name text, qty bigint)");
      }
      CopyManager copy = new CopyManager(master.unwrap(BaseConnection.class));
      long started = System.nanoTime();
      long copied = copy.copyIn("COPY big FROM STDIN (FORMAT csv)", generated(rows, null));
      long micros = (System.nanoTime() - started) / 1000;
      System.out.printf(
          "COPY FROM STDIN of %d rows: %d ms (%d rows/s)%n",
          rows, micros / 1000, rows * 1_000_000L / Math.max(micros, 1));
      assertThat(copied).isEqualTo(rows);
      assertThat(count(master, "SELECT count(*), sum(qty) FROM big"))
          .isEqualTo(rows + "/" + 3L * rows * (rows - 1) / 2);

      // A bad last line undoes every row before it: one transaction.
      assertThatThrownBy(
              () ->
                  copy.copyIn("COPY big FROM STDIN (FORMAT csv)", generated(rows, 1_200, "x,y,z")))
          .isInstanceOfSatisfying(
              SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("22P02"))
          .hasMessageContaining("line 1201, column id: \"x\"");
      assertThat(count(master, "SELECT count(*) FROM big WHERE id >= " + rows)).isEqualTo("0");

      Map<String, ?> checksums = cluster.awaitConverged(Duration.ofSeconds(60));
      Node slave = cluster.slave(0);
      assertThat(slave.checksums().get("distdb")).isEqualTo(checksums.get("distdb"));
      try (Connection replica = InProcessNode.connect(slave, "distdb")) {
        CopyManager slaveCopy = new CopyManager(replica.unwrap(BaseConnection.class));
        assertThatThrownBy(() -> slaveCopy.copyIn("COPY big FROM STDIN", new StringReader("")))
            .isInstanceOfSatisfying(
                SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("25006"));
        StringWriter out = new StringWriter();
        long sent =
            slaveCopy.copyOut("COPY (SELECT * FROM big WHERE id < 3 ORDER BY id) TO STDOUT", out);
        assertThat(sent).isEqualTo(3);
        assertThat(out.toString()).isEqualTo("0\tn0\t0\n1\tn1\t3\n2\tn2\t6\n");
      }
    }
  }

  /** {@code rows} CSV lines {@code i,ni,3i} made as they are read, then {@code last} if given. */
  private static Reader generated(int rows, String last) {
    return generated(0, rows, last);
  }

  private static Reader generated(int first, int rows, String last) {
    return new Reader() {
      private int next = first;
      private String pending = "";

      @Override
      public int read(char[] buf, int off, int len) {
        while (pending.isEmpty()) {
          if (next < first + rows) {
            pending = next + ",n" + next + "," + 3L * next + "\n";
            next++;
          } else if (next == first + rows && last != null) {
            pending = last + "\n";
            next++;
          } else {
            return -1;
          }
        }
        int n = Math.min(len, pending.length());
        pending.getChars(0, n, buf, off);
        pending = pending.substring(n);
        return n;
      }

      @Override
      public void close() {}
    };
  }

  private static String count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      List<String> values = new ArrayList<>();
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
        values.add(rs.getString(i));
      }
      return String.join("/", values);
    }
  }

  @Test
  void extendedProtocolCopyLikePostgres() throws Exception {
    PostgresServer.assumeInstalled();
    try (PostgresServer pg = PostgresServer.start();
        Node node = InProcessNode.start(dir.resolve("data"), "--auth", "trust")) {
      assertThat(extendedConversation(node.pgPort(), InProcessNode.USER, "distdb"))
          .isEqualTo(extendedConversation(pg.port(), "postgres", "postgres"));
    }
  }

  /** Message types and tags of COPY in and out through Parse/Bind/Execute, errors included. */
  private static List<String> extendedConversation(int port, String user, String db)
      throws Exception {
    List<String> seen = new ArrayList<>();
    try (RawPgClient c = RawPgClient.connect(port)) {
      c.startup(user, db);
      c.query("CREATE TABLE ext (a int, b text)");
      // Copy-in: Flush and Sync are ignored until CopyDone.
      c.send(
          frames(
              executeUnnamed("COPY ext FROM STDIN (FORMAT csv)"),
              ClientFrames.frame('H', io.netty.buffer.Unpooled.EMPTY_BUFFER)));
      seen.add(describe(c.readUntil('G')));
      c.send(
          frames(
              copyData("1,one\n2,"),
              copyData("two\n"),
              ClientFrames.sync(),
              copyDone(),
              ClientFrames.sync()));
      seen.add(describe(c.readUntil('Z')));
      // A bad value fails the COPY; messages up to Sync are skipped.
      c.send(
          frames(
              executeUnnamed("COPY ext FROM STDIN"),
              copyData("3\tthree\nfour\t4\n"),
              copyDone(),
              ClientFrames.parse("", "SELECT 1"),
              ClientFrames.sync()));
      seen.add(describe(c.readUntil('Z')));
      // CopyFail.
      c.send(
          frames(
              executeUnnamed("COPY ext FROM STDIN"),
              copyData("5\tfive\n"),
              copyFail("client gave up"),
              ClientFrames.sync()));
      seen.add(describe(c.readUntil('Z')));
      // Copy-out.
      c.send(
          frames(
              ClientFrames.parse(
                  "", "COPY (SELECT * FROM ext ORDER BY a) TO STDOUT (FORMAT csv, HEADER)"),
              ClientFrames.bind("", "", new String[0]),
              ClientFrames.describe('P', ""),
              ClientFrames.execute("", 0),
              ClientFrames.sync()));
      seen.add(describe(c.readUntil('Z')));
      // Simple protocol: the statements after the COPY run once its data is in.
      c.sendQuery("COPY ext FROM STDIN; SELECT count(*) FROM ext".getBytes(StandardCharsets.UTF_8));
      seen.add(describe(c.readUntil('G')));
      c.send(frames(copyData("6\tsix\n"), copyDone()));
      seen.add(describe(c.readUntil('Z')));
    }
    return seen;
  }

  private static String describe(List<Msg> msgs) {
    StringBuilder sb = new StringBuilder();
    for (Msg m : msgs) {
      sb.append(m.type());
      switch (m.type()) {
        case 'C' -> sb.append('(').append(m.cstring()).append(')');
        case 'E' ->
            sb.append('(')
                .append(m.sqlState())
                .append(' ')
                .append(m.fields().get('M'))
                .append(" @ ")
                .append(m.fields().get('W'))
                .append(')');
        case 'd' -> sb.append('(').append(new String(m.body(), StandardCharsets.UTF_8)).append(')');
        case 'G', 'H' -> sb.append(java.util.Arrays.toString(m.body()));
        default -> {}
      }
      sb.append(' ');
    }
    return sb.toString().trim();
  }

  private static io.netty.buffer.ByteBuf copyData(String s) {
    return ClientFrames.frame(
        'd', io.netty.buffer.Unpooled.copiedBuffer(s, StandardCharsets.UTF_8));
  }

  /** Parse, Bind and Execute of {@code sql} as the unnamed statement and portal. */
  private static io.netty.buffer.ByteBuf executeUnnamed(String sql) {
    return ClientFrames.concat(
        ClientFrames.parse("", sql),
        ClientFrames.bind("", "", new String[0]),
        ClientFrames.execute("", 0));
  }

  private static io.netty.buffer.ByteBuf copyDone() {
    return ClientFrames.frame('c', io.netty.buffer.Unpooled.EMPTY_BUFFER);
  }

  private static io.netty.buffer.ByteBuf copyFail(String message) {
    return ClientFrames.frame(
        'f', io.netty.buffer.Unpooled.copiedBuffer(message + "\0", StandardCharsets.UTF_8));
  }

  private static byte[] frames(io.netty.buffer.ByteBuf... parts) {
    return ClientFrames.bytes(ClientFrames.concat(parts));
  }
}
