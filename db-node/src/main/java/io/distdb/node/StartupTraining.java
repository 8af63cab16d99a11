package io.distdb.node;

import io.distdb.node.config.NodeOptions;
import io.distdb.node.service.PreparedSql;
import io.distdb.node.service.SqlSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A start-up rehearsal for class-data sharing: starts a node on a scratch directory, runs the kind
 * of statements clients send first, restarts it (crash recovery's path) and stops. Run under {@code
 * -XX:ArchiveClassesAtExit}, it leaves an archive of every class a start and the first queries
 * load, which later starts map instead of loading and verifying them from the jar (images/db-node
 * builds one; see docs/benchmarks.md "Restart to serving").
 */
public final class StartupTraining {

  private static final List<String> STATEMENTS =
      List.of(
          "SET extra_float_digits = 3",
          "SET application_name = 'PostgreSQL JDBC Driver'",
          "CREATE TABLE training (id bigserial PRIMARY KEY, name text NOT NULL, at timestamptz)",
          "INSERT INTO training (name, at) VALUES ('a', now()) RETURNING id",
          "UPDATE training SET name = 'b' WHERE id = 1",
          "SELECT id, name, at FROM training WHERE id = 1 ORDER BY name LIMIT 10",
          "SELECT t.oid, t.typname FROM pg_catalog.pg_type t WHERE t.typname = 'int4'",
          "BEGIN",
          "DELETE FROM training WHERE id = 1",
          "COMMIT");

  private StartupTraining() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("distdb-training");
    try {
      Path password = dir.resolve("password");
      Files.writeString(password, "training\n");
      String[] options = {
        "--data-dir", dir.resolve("data").toString(),
        "--bind", "127.0.0.1",
        "--pg-port", "0",
        "--admin-port", "0",
        "--user", "distdb",
        "--password-file", password.toString()
      };
      for (int start = 0; start < 2; start++) {
        try (Node node = Node.start(NodeOptions.parse(options, Map.of()).toConfig())) {
          if (start == 0) {
            runStatements(node);
          }
        }
      }
    } finally {
      deleteTree(dir);
    }
  }

  private static void runStatements(Node node) throws Exception {
    try (SqlSession session = node.sqlService().open("distdb", "distdb")) {
      for (String sql : STATEMENTS) {
        try (PreparedSql statement = session.prepare(sql, new int[0])) {
          session.execute(statement, List.of());
        }
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
