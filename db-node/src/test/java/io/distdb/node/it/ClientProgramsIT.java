package io.distdb.node.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.distdb.node.Node;
import io.distdb.node.testing.InProcessNode;
import io.distdb.node.testing.PgTools;
import io.distdb.node.testing.PostgresServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL 15's administration programs, as an operator runs them: pg_isready, createdb (twice:
 * the second fails), vacuumdb (with ANALYZE, one table, every database), reindexdb, clusterdb and
 * dropdb (twice, and with --if-exists). Each program's exit code and output must be the same
 * against distdb as against PostgreSQL 15 (the port and the user's name masked, and PostgreSQL's
 * NOTICE lines left out: distdb sends none).
 */
class ClientProgramsIT {

  private static final String DATABASE = "made_by_createdb";

  @TempDir Path dir;

  @Test
  void administrationProgramsAnswerLikePostgres() throws Exception {
    PgTools.assumeInstalled();
    PostgresServer.assumeInstalled();
    PgTools tools = new PgTools(dir);
    List<String> want;
    try (PostgresServer pg = PostgresServer.start()) {
      want = session(tools, pg.port(), "postgres");
    }
    List<String> got;
    try (Node node = InProcessNode.start(dir.resolve("data"))) {
      got = session(tools, node.pgPort(), InProcessNode.USER);
    }
    assertThat(want).contains("pg_isready 0 127.0.0.1:PORT - accepting connections");
    assertThat(got).isEqualTo(want);
  }

  private static List<String> session(PgTools tools, int port, String user) throws Exception {
    List<String> out = new ArrayList<>();
    String[][] steps = {
      {"pg_isready"},
      {"createdb", DATABASE},
      {"createdb", DATABASE},
      {"psql", "-X", "-q", "-d", DATABASE, "-c", "CREATE TABLE t (id int PRIMARY KEY, v text)"},
      {"psql", "-X", "-q", "-d", DATABASE, "-c", "INSERT INTO t VALUES (1, 'a'), (2, 'b')"},
      {"vacuumdb", "-z", "-d", DATABASE},
      {"vacuumdb", "--analyze-only", "-t", "t", "-d", DATABASE},
      {"vacuumdb", "-f", "-t", "t", "-d", DATABASE},
      {"reindexdb", DATABASE},
      {"reindexdb", "-t", "t", DATABASE},
      {"clusterdb", DATABASE},
      {"psql", "-X", "-At", "-d", DATABASE, "-c", "SELECT count(*) FROM t"},
      {"dropdb", DATABASE},
      {"dropdb", DATABASE},
      {"dropdb", "--if-exists", DATABASE},
      {
        "psql",
        "-X",
        "-At",
        "-d",
        "postgres",
        "-c",
        "SELECT count(*) FROM pg_database" + " WHERE datname = '" + DATABASE + "'"
      }
    };
    for (String[] step : steps) {
      String[] args = java.util.Arrays.copyOfRange(step, 1, step.length);
      PgTools.Result r = tools.program(step[0], port, user, args);
      // distdb sends no NOTICE (dropdb --if-exists: "database ... does not exist, skipping").
      String output =
          r.output()
              .replaceAll("(?m)^NOTICE: .*$", "")
              .strip()
              .replace(String.valueOf(port), "PORT")
              .replace(user, "USER");
      out.add(step[0] + " " + r.exitCode() + " " + output);
    }
    return out;
  }
}
