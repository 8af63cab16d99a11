package io.distdb.node.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.distdb.node.Node;
import io.distdb.node.testing.InProcessNode;
import io.distdb.node.testing.PsqlScript;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs a psql script against distdb and compares psql's whole output with what PostgreSQL 15
 * printed for the same script ({@code smoke.expected} was recorded against a real PostgreSQL 15,
 * errors compared by SQLSTATE).
 */
class PsqlSmokeIT {

  @TempDir Path dir;

  @Test
  void psqlScriptOutputMatchesPostgres() throws Exception {
    PsqlScript.assumePsql();
    try (Node node = InProcessNode.start(dir.resolve("data"))) {
      PsqlScript.Result r = PsqlScript.run(dir, node.pgPort(), "smoke", "-v", "maindb=distdb");
      assertThat(r.output()).isEqualTo(PsqlScript.expected("smoke"));
      assertThat(r.exitCode()).isZero();
    }
  }
}
