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

/**
 * What a schema change costs the next catalog read: over a schema of {@code -Dtables} tables (a
 * chain of foreign keys, as {@link ForeignKeyMetaDataBench}'s), {@link #ROUNDS} times a {@code
 * CREATE TABLE} followed by pgjdbc's {@code getColumns} of the new table, which on distdb rebuilds
 * the materialized catalog first ({@code storage.CatalogSnapshot}); then the same {@code
 * getColumns} again with no schema change between. Milliseconds of the getColumns calls, median and
 * p90, against PostgreSQL 15 and a distdb node in the same run. A bounded loop, not a unit test,
 * not run by the build; run it as {@link ConnectStormBench} says (results in docs/benchmarks.md).
 */
public final class CatalogAfterDdlBench {

  static final int TABLES = Integer.getInteger("tables", 20);
  static final int ROUNDS = Integer.getInteger("rounds", 30);

  private CatalogAfterDdlBench() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("catalog-after-ddl");
    try (PostgresServer pg = PostgresServer.start();
        Node node = InProcessNode.start(dir.resolve("data"))) {
      try (Connection p = pg.connect("postgres");
          Connection d = InProcessNode.connect(node, "distdb")) {
        System.out.println("load average before: " + ForeignKeyMetaDataBench.loadAverage());
        for (Connection c : new Connection[] {p, d}) {
          String server = c == p ? "postgres" : "distdb";
          schema(c);
          long[][] ms = rounds(c);
          System.out.printf(
              "%s, %d tables: getColumns after CREATE TABLE median %.2f ms, p90 %.2f ms;"
                  + " without a schema change median %.2f ms, p90 %.2f ms%n",
              server, TABLES, median(ms[0]), p90(ms[0]), median(ms[1]), p90(ms[1]));
        }
        System.out.println("load average after: " + ForeignKeyMetaDataBench.loadAverage());
      }
    }
  }

  private static void schema(Connection c) throws Exception {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t0 (id int PRIMARY KEY, k int NOT NULL, UNIQUE (id, k))");
      for (int i = 1; i < TABLES; i++) {
        s.execute(
            "CREATE TABLE t"
                + i
                + " (id serial PRIMARY KEY, parent int REFERENCES t"
                + (i - 1)
                + " (id), pk int, a text DEFAULT 'x', b numeric(10, 2),"
                + " FOREIGN KEY (parent, pk) REFERENCES t0 (id, k))");
        s.execute("CREATE INDEX t" + i + "_a ON t" + i + " (a)");
      }
    }
  }

  /** Nanoseconds of getColumns right after a CREATE TABLE, and of a second call after it. */
  private static long[][] rounds(Connection c) throws Exception {
    long[][] nanos = new long[2][ROUNDS];
    for (int r = 0; r < ROUNDS; r++) {
      String table = "added" + r;
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE " + table + " (id int PRIMARY KEY, t0_id int REFERENCES t0 (id))");
      }
      for (int call = 0; call < 2; call++) {
        long start = System.nanoTime();
        try (ResultSet rs = c.getMetaData().getColumns(null, "public", table, "%")) {
          int columns = 0;
          while (rs.next()) {
            columns++;
          }
          if (columns != 2) {
            throw new IllegalStateException(table + ": " + columns + " columns");
          }
        }
        nanos[call][r] = System.nanoTime() - start;
      }
    }
    return nanos;
  }

  private static double median(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2] / 1e6;
  }

  private static double p90(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length * 9 / 10] / 1e6;
  }
}
