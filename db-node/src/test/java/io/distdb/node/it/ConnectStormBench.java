package io.distdb.node.it;

import io.distdb.node.Node;
import io.distdb.node.testing.InProcessNode;
import io.distdb.node.testing.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.concurrent.Callable;

/**
 * Connect storm: {@link #CONNECTIONS} pgjdbc connections opened one after the other, each running
 * what an application's first use runs (pgjdbc's own startup: authentication and its session
 * settings; then the {@code DatabaseMetaData} a pool or ORM reads at start, {@code
 * getDatabaseProductVersion} and one {@code getTables} of the catalog, and {@code SELECT 1}), and
 * closed; median and p99 of the time per connection, against PostgreSQL 15 and a distdb node in the
 * same run, with the load average before and after. A bounded loop, not a unit test, not run by the
 * build. Run with the test classpath:
 *
 * <pre>
 * mvn -q -pl db-node dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp db-node/target/test-classes:db-node/target/classes:$(cat /tmp/cp.txt) \
 *     io.distdb.node.it.ConnectStormBench
 * </pre>
 */
public final class ConnectStormBench {

  static final int CONNECTIONS = 1_000;
  static final int WARMUP = 100;

  private ConnectStormBench() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("connect-storm");
    try (PostgresServer pg = PostgresServer.start();
        Node node = InProcessNode.start(dir.resolve("data"))) {
      try (Connection c = InProcessNode.connect(node, "distdb");
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE storm (id int PRIMARY KEY, v text)");
      }
      try (Connection c = pg.connect("postgres");
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE storm (id int PRIMARY KEY, v text)");
      }
      System.out.println("load average before: " + loadAverage());
      report("postgres", () -> pg.connect("postgres"));
      report("distdb", () -> InProcessNode.connect(node, "distdb"));
      System.out.println("load average after: " + loadAverage());
    }
  }

  private static void report(String name, Callable<Connection> open) throws Exception {
    for (int i = 0; i < WARMUP; i++) {
      once(open);
    }
    long[] nanos = new long[CONNECTIONS];
    for (int i = 0; i < CONNECTIONS; i++) {
      long start = System.nanoTime();
      once(open);
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    System.out.printf(
        "%s: %d connections, median %.2f ms, p99 %.2f ms, max %.2f ms%n",
        name,
        CONNECTIONS,
        nanos[CONNECTIONS / 2] / 1e6,
        nanos[CONNECTIONS * 99 / 100] / 1e6,
        nanos[CONNECTIONS - 1] / 1e6);
  }

  private static void once(Callable<Connection> open) throws Exception {
    try (Connection c = open.call()) {
      c.getMetaData().getDatabaseProductVersion();
      try (ResultSet rs = c.getMetaData().getTables(null, "public", "storm", null)) {
        if (!rs.next()) {
          throw new IllegalStateException("getTables found no table storm");
        }
      }
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT 1")) {
        rs.next();
      }
    }
  }

  private static String loadAverage() throws Exception {
    return Files.readString(Path.of("/proc/loadavg")).strip();
  }
}
