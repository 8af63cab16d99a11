package io.distdb.node.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.distdb.node.Node;
import io.distdb.node.testing.InProcessNode;
import io.distdb.node.testing.PostgresServer;
import io.distdb.node.testing.PythonScript;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * psycopg2 (Debian's python3-psycopg2) connects to distdb and round-trips the common types: the
 * script {@code python/psycopg2_types.py} must print the same lines against distdb as against a
 * real PostgreSQL 15. Skipped, saying why, where python3 or psycopg2 is missing.
 */
class PsycopgIT {

  @TempDir Path dir;

  @Test
  void psycopg2RoundTripsTypesLikePostgres() throws Exception {
    PythonScript.assumeModule("psycopg2", "python3-psycopg2");
    PostgresServer.assumeInstalled();
    try (PostgresServer pg = PostgresServer.start();
        Node node = InProcessNode.start(dir.resolve("data"))) {
      PythonScript.Result want =
          PythonScript.run(
              dir,
              "psycopg2_types.py",
              "127.0.0.1",
              String.valueOf(pg.port()),
              "postgres",
              "",
              "postgres");
      PythonScript.Result got =
          PythonScript.run(
              dir,
              "psycopg2_types.py",
              "127.0.0.1",
              String.valueOf(node.pgPort()),
              InProcessNode.USER,
              InProcessNode.PASSWORD,
              "distdb");
      assertThat(want.exitCode()).as(want.output()).isZero();
      assertThat(got.output()).isEqualTo(want.output());
      assertThat(got.exitCode()).isZero();
    }
  }
}
