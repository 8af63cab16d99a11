package io.distdb.node.it;

import io.distdb.node.Node;
import io.distdb.node.testing.InProcessNode;
import io.distdb.node.testing.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;

/**
 * pgjdbc's {@code DatabaseMetaData.getImportedKeys} and {@code getExportedKeys}: milliseconds per
 * call against PostgreSQL 15 and a distdb node in the same run, over the same schema ({@link
 * #TABLES} tables in a chain of foreign keys, one of them composite). {@link #CALLS} calls of each
 * on one connection after {@link #WARMUP}; median and p90. A bounded loop, not a unit test, not run
 * by the build; run it as {@link ConnectStormBench} says (results in docs/benchmarks.md).
 */
public final class ForeignKeyMetaDataBench {

  static final int TABLES = 20;

  /** Calls measured per method and server ({@code -Dcalls}). */
  static final int CALLS = Integer.getInteger("calls", 100);

  static final int WARMUP = Integer.getInteger("warmup", 20);

  private ForeignKeyMetaDataBench() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("fk-metadata");
    try (PostgresServer pg = PostgresServer.start();
        Node node = InProcessNode.start(dir.resolve("data"))) {
      try (Connection p = pg.connect("postgres");
          Connection d = unbounded(node)) {
        schema(p);
        schema(d);
        System.out.println("load average before: " + loadAverage());
        for (String method : new String[] {"getImportedKeys", "getExportedKeys"}) {
          report("postgres", method, p);
          report("distdb", method, d);
        }
        System.out.println("load average after: " + loadAverage());
      }
    }
  }

  /** A connection without InProcessNode's 60 s socket timeout, which one call exceeds. */
  private static Connection unbounded(Node node) throws Exception {
    java.util.Properties p = new java.util.Properties();
    p.setProperty("user", InProcessNode.USER);
    p.setProperty("password", InProcessNode.PASSWORD);
    return java.sql.DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + node.pgPort() + "/distdb", p);
  }

  private static void schema(Connection c) throws Exception {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t0 (id int PRIMARY KEY, k int NOT NULL, UNIQUE (id, k))");
      for (int i = 1; i < TABLES; i++) {
        s.execute(
            "CREATE TABLE t"
                + i
                + " (id int PRIMARY KEY, parent int REFERENCES t"
                + (i - 1)
                + " (id), pk int, FOREIGN KEY (parent, pk) REFERENCES t0 (id, k))");
      }
    }
  }

  private static void report(String server, String method, Connection c) throws Exception {
    DatabaseMetaData meta = c.getMetaData();
    for (int i = 0; i < WARMUP; i++) {
      call(meta, method, i);
    }
    long[] nanos = new long[CALLS];
    for (int i = 0; i < CALLS; i++) {
      long start = System.nanoTime();
      call(meta, method, i);
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    System.out.printf(
        "%s %s: %d calls, median %.2f ms, p90 %.2f ms%n",
        server, method, CALLS, nanos[CALLS / 2] / 1e6, nanos[CALLS * 9 / 10] / 1e6);
  }

  private static void call(DatabaseMetaData meta, String method, int i) throws Exception {
    String table = "t" + (1 + i % (TABLES - 2));
    try (ResultSet rs =
        method.equals("getImportedKeys")
            ? meta.getImportedKeys(null, "public", table)
            : meta.getExportedKeys(null, "public", table)) {
      int rows = 0;
      while (rs.next()) {
        rows++;
      }
      if (rows == 0) {
        throw new IllegalStateException(method + " found no key of " + table);
      }
    }
  }

  /** The machine's load average line, printed before and after a run. */
  static String loadAverage() throws Exception {
    return Files.readString(Path.of("/proc/loadavg")).strip();
  }
}
